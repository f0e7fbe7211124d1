// The kiosk's widget layer: big touch targets named for what they mean, on the reference canvas.
// Every text goes through Frame().display_text (bidi/shaping) and is recorded in the frame trace.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/ui_frame.h"

namespace ck::ui {

enum class Icon {
    kNone,
    kServices,
    kIdeas,
    kLive,
    kLanguage,
    kAccessibility,
    kPrivacy,
    kBack,
    kHome,
    kPlus,
    kHeart,
    kCheck,
    kAdmin,
    kSpeech
};

// ---- Right to left ----
// In a right-to-left UI (Frame().rtl) the widget layer mirrors every item horizontally within its window:
// screens lay out left to right as usual (SameLine, columns, rows of chips), and chips, tiles, buttons, list
// rows and scroll areas come out in right-to-left reading order. ImGui keeps the left-to-right rectangle for
// its flow (ItemSize); the widget draws, hit-tests and traces the mirrored one.

// Where an item laid out at `x` with `width` is drawn (the left edge): x itself left to right.
float ReadingX(float x, float width);
// A block whose inside keeps its left-to-right order (the letters of a keyboard layout, the PIN pad's
// digits): the block moves to its mirrored place as a whole. Returns the previous state for EndKeepOrder.
struct KeepOrder {
    bool active = false;
    float dx = 0;
};
KeepOrder BeginKeepOrder(float x, float width);
void EndKeepOrder(const KeepOrder& previous);

// Updates the gesture state from ImGui's mouse; call once per frame after ImGui::NewFrame().
void BeginGestureFrame();

// Text. Width 0 = no wrapping. Returns the height used. break_long_words: a word wider than the line (a URL)
// is cut between characters instead of running past the edge.
float Label(std::string_view text, ImFont* font, ImU32 colour, float wrap_width = 0, bool break_long_words = false);
void LabelAt(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 colour, float wrap_width = 0,
             bool break_long_words = false);
ImVec2 MeasureText(std::string_view text, ImFont* font, float wrap_width = 0, bool break_long_words = false);
// Centred in a rectangle: one line, or wrapped (in a smaller size if need be) when it is too wide. Cut only
// when nothing fits, and then reported in Frame().text_problems.
void LabelCentered(ImDrawList* dl, ImVec2 min, ImVec2 max, std::string_view text, ImFont* font, ImU32 colour);

// Buttons fire on release when the press did not become a drag.
bool TileButton(const char* id, std::string_view title, std::string_view subtitle, Icon icon, ImVec2 size);
bool PrimaryButton(const char* id, std::string_view label, ImVec2 size = ImVec2(0, 0),
                   Icon icon = Icon::kNone);
bool SecondaryButton(const char* id, std::string_view label, ImVec2 size = ImVec2(0, 0),
                     Icon icon = Icon::kNone);
bool ChipButton(const char* id, std::string_view label, bool selected);
// A row of chips that wraps at `width`: one ChipRow per row, then ChipRowButton for each chip in order.
struct ChipRow {
    float width = 0;
    float x = 0;  // where the next chip would start
};
bool ChipRowButton(ChipRow& row, const char* id, std::string_view label, bool selected);
// The width ChipButton takes for this label (to wrap a row of chips before drawing them).
float ChipButtonWidth(std::string_view label);
bool ListRow(const char* id, std::string_view title, std::string_view subtitle, std::string_view right_text,
             float width);
bool CheckBox(const char* id, std::string_view label, bool* value, float width);
void DrawIcon(ImDrawList* dl, Icon icon, ImVec2 centre, float size, ImU32 colour);

// A vertical list that scrolls by dragging a finger, with inertia. Size in pixels (0 = remaining space).
// only_when_needed: a drag becomes a scroll only when the content is taller than the area (a screen's body,
// which scrolls in large text; lists inside it take the drag first).
void BeginScrollArea(const char* id, ImVec2 size, bool only_when_needed = false);
void EndScrollArea();

// A modal card over a dimmed screen; returns the card's content rectangle origin. Draw with ImGui calls in
// between; EndDialog closes it.
void BeginDialog(const char* id, ImVec2 card_size);
void EndDialog();

// A QR code (libqrencode) drawn as rectangles with a quiet zone. Returns false if the text cannot be encoded.
bool QrCode(const std::string& text, float size_px);

// A text field drawn by the kiosk (typed into by the on-screen keyboard). Returns true when tapped. With a
// caret (a byte offset on a grapheme boundary, see on_screen_keyboard.h) the field draws it where it is and a
// tap moves it to the nearest character boundary; without one a focused field shows the caret at the end.
// Long single lines scroll sideways and long texts upwards so that the caret stays visible.
// `personal`: the field may hold personal data (an e-mail address); explore by touch names it by its
// placeholder and says whether it is filled, never what it holds.
bool TextField(const char* id, const std::string& text, std::string_view placeholder, bool focused,
               ImVec2 size, bool multiline, std::size_t* caret = nullptr, bool personal = false);

// ---- Text layout with byte offsets (pure: the widgets and the tests share it) ----

// The drawn width of a logical piece of text (after bidi/shaping for display).
using TextWidthFn = std::function<float(std::string_view logical_piece)>;

// One wrapped line: the bytes [begin, end) of the logical text it shows. A space or '\n' the text was broken
// at belongs to no line, so the caret can still stand before it (end of the line) or after it (next line).
struct TextLine {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Wraps at spaces so that no line is wider than wrap_width (0 = only at '\n'); a word alone wider than a line
// stays whole unless break_long_words, then it is cut between grapheme clusters (no line is empty).
std::vector<TextLine> WrapTextLines(std::string_view text, float wrap_width, const TextWidthFn& width,
                                    bool break_long_words = false);

// Where the caret is drawn: the line it is on and its distance from the left edge of that line's display
// form.
struct CaretSpot {
    std::size_t line = 0;
    float x = 0;
};
CaretSpot LocateCaret(std::string_view text, const std::vector<TextLine>& lines, std::size_t caret,
                      bool rtl_ui, const TextWidthFn& width);
// The grapheme boundary on `line` whose caret position is nearest to x (measured like CaretSpot::x).
std::size_t CaretFromPoint(std::string_view text, const std::vector<TextLine>& lines, std::size_t line,
                           float x, bool rtl_ui, const TextWidthFn& width);

void Badge(std::string_view text, ImU32 background, ImU32 foreground);
void Spacing(float units);

}  // namespace ck::ui
