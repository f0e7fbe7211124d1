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
};

struct Announcement {
    std::string label;
    Role role = Role::kButton;
    bool checked = false;
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
    ImGuiID activate_next = 0;             // the activate button asked for it: it fires in the next frame
    ImGuiID activate = 0;                  // ... which is this frame
    std::optional<Announcement> announce;  // to be spoken after this frame
};

// Call once per frame before any widget: moves an activation into this frame, forgets last frame's output.
void BeginExploreFrame();
// The gate every interactive widget passes its press through: returns whether the widget fires.
bool ExploreGate(ImGuiID id, ImVec2 min, ImVec2 max, bool pressed, const Accessible& a);
// Forgets the focused element (a new screen).
void ClearExploreFocus(ExploreState& e);
// The large "activate" button (itself never gated): performs the focused element. Returns true when tapped
// with nothing focused, so the app can say what to do first.
bool ActivateButton(const char* id, std::string_view label, ImVec2 size);
// A thick ring around the focused element, over everything (for whoever looks on).
void DrawExploreFocus();

}  // namespace ck::ui
