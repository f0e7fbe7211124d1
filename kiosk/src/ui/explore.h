// Explore by touch (the widget layer's accessibility hook). Each interactive widget reports its label and
// role for its rectangle. In explore mode the first tap on an element only names it (the app speaks the
// announcement); a second tap on it within kDoubleTapS, or the large "activate" button, performs it. Drags
// still scroll: a press that became a drag is no tap at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

namespace ck::ui {

enum class Role { kButton, kCheckBox, kTextField, kKey };

// What a widget is, for speech: "Services" + button.
struct Accessible {
    std::string_view label;
    Role role = Role::kButton;
    bool checked = false;  // kCheckBox
    // A text field that may hold personal data (an e-mail address): `label` is the field's name, and only
    // whether it is filled is spoken, never what it holds.
    std::optional<bool> filled = std::nullopt;
};

struct Announcement {
    std::string label;
    Role role = Role::kButton;
    bool checked = false;
    std::optional<bool> filled;
    std::string lang;  // the label's own language, when it is not the UI's (a language's native name)
};

inline constexpr double kDoubleTapS = 0.5;

struct ExploreState {
    bool enabled = false;  // set by the app every frame
    // The element last named: its id and label (an id alone is reused, e.g. by a key on another level).
    ImGuiID focus = 0;
    std::string focus_label;
    double focus_tap_s = -1e9;  // when it was tapped (frame time)
    bool focus_seen = false;    // drawn this frame, at focus_min/focus_max
    ImVec2 focus_min{}, focus_max{};
    ImVec2 focus_point{};  // where the tap that named it touched (the district map names what lies there)
    ImGuiID activate_next = 0;             // the activate button asked for it: it fires in the next frame
    ImGuiID activate = 0;                  // ... which is this frame
    std::optional<Announcement> announce;  // to be spoken after this frame
    // The language of the labels of the widgets drawn next (SetLabelLanguage); empty: the UI language.
    std::string label_lang;
    // What a key of the on-screen keyboard typed or did this frame (its label): with speech on it is echoed,
    // in explore mode or not. The PIN pad has no such keys, so it never echoes.
    std::optional<std::string> key_echo;
};

// Call once per frame before any widget: moves an activation into this frame, forgets last frame's output.
void BeginExploreFrame();
// The gate every interactive widget passes its press through: returns whether the widget fires.
bool ExploreGate(ImGuiID id, ImVec2 min, ImVec2 max, bool pressed, const Accessible& a);
// Forgets the focused element (a new screen).
void ClearExploreFocus(ExploreState& e);
// The widgets drawn after this call show text in the language `tag` (the language picker's native names):
// they are spoken with that language's voice. An empty tag returns to the UI language.
void SetLabelLanguage(std::string_view tag);
// Called by a key that fired: its label is echoed after the frame.
void EchoKey(std::string_view label);
// The large "activate" button (itself never gated): performs the focused element. Returns true when tapped
// with nothing focused, so the app can say what to do first.
bool ActivateButton(const char* id, std::string_view label, ImVec2 size);
// A thick ring around the focused element, over everything (for whoever looks on).
void DrawExploreFocus();

}  // namespace ck::ui
