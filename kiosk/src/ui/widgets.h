// The kiosk's widget layer: big touch targets named for what they mean, on the reference canvas.
// Every text goes through Frame().display_text (bidi/shaping) and is recorded in the frame trace.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/ui_frame.h"

namespace ck::ui {

enum class Icon { kNone, kServices, kIdeas, kLive, kLanguage, kAccessibility, kPrivacy, kBack, kHome, kPlus, kHeart,
                  kCheck, kAdmin };

// Updates the gesture state from ImGui's mouse; call once per frame after ImGui::NewFrame().
void BeginGestureFrame();

// Text. Width 0 = no wrapping. Returns the height used.
float Label(std::string_view text, ImFont* font, ImU32 colour, float wrap_width = 0);
void LabelAt(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 colour, float wrap_width = 0);
ImVec2 MeasureText(std::string_view text, ImFont* font, float wrap_width = 0);
// Centred in a rectangle (single line, clipped with an ellipsis when too long).
void LabelCentered(ImDrawList* dl, ImVec2 min, ImVec2 max, std::string_view text, ImFont* font, ImU32 colour);

// Buttons fire on release when the press did not become a drag.
bool TileButton(const char* id, std::string_view title, std::string_view subtitle, Icon icon, ImVec2 size);
bool PrimaryButton(const char* id, std::string_view label, ImVec2 size = ImVec2(0, 0), Icon icon = Icon::kNone);
bool SecondaryButton(const char* id, std::string_view label, ImVec2 size = ImVec2(0, 0), Icon icon = Icon::kNone);
bool ChipButton(const char* id, std::string_view label, bool selected);
bool ListRow(const char* id, std::string_view title, std::string_view subtitle, std::string_view right_text,
             float width);
bool CheckBox(const char* id, std::string_view label, bool* value, float width);
void DrawIcon(ImDrawList* dl, Icon icon, ImVec2 centre, float size, ImU32 colour);

// A vertical list that scrolls by dragging a finger, with inertia. Size in pixels (0 = remaining space).
void BeginScrollArea(const char* id, ImVec2 size);
void EndScrollArea();

// A modal card over a dimmed screen; returns the card's content rectangle origin. Draw with ImGui calls in
// between; EndDialog closes it.
void BeginDialog(const char* id, ImVec2 card_size);
void EndDialog();

// A QR code (libqrencode) drawn as rectangles with a quiet zone. Returns false if the text cannot be encoded.
bool QrCode(const std::string& text, float size_px);

// A text field drawn by the kiosk (typed into by the on-screen keyboard). Returns true when tapped.
bool TextField(const char* id, const std::string& text, std::string_view placeholder, bool focused, ImVec2 size,
               bool multiline);

void Badge(std::string_view text, ImU32 background, ImU32 foreground);
void Spacing(float units);

}  // namespace ck::ui
