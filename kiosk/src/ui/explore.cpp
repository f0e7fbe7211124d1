#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/explore.h"

#include <imgui_internal.h>

#include "ui/ui_frame.h"
#include "ui/widgets.h"

namespace ck::ui {

void BeginExploreFrame() {
    ExploreState& e = Frame().explore;
    e.activate = e.activate_next;
    e.activate_next = 0;
    e.focus_seen = false;
    e.announce.reset();
    e.label_lang.clear();
    e.key_echo.reset();
}

void ClearExploreFocus(ExploreState& e) {
    e.focus = 0;
    e.focus_label.clear();
    e.focus_tap_s = -1e9;
    e.activate = e.activate_next = 0;
}

void SetLabelLanguage(std::string_view tag) {
    Frame().explore.label_lang.assign(tag);
}

void EchoKey(std::string_view label) {
    Frame().explore.key_echo = std::string(label);
}

bool ExploreGate(ImGuiID id, ImVec2 min, ImVec2 max, bool pressed, const Accessible& a) {
    UiFrame& f = Frame();
    ExploreState& e = f.explore;
    if (!e.enabled) return pressed;
    const bool focused = id == e.focus && a.label == e.focus_label;
    if (focused) {
        e.focus_seen = true;
        e.focus_min = min;
        e.focus_max = max;
    }
    bool fire = false;
    if (focused && e.activate == id) {
        e.activate = 0;
        fire = true;
    } else if (pressed && focused && f.time_s - e.focus_tap_s <= kDoubleTapS) {
        fire = true;
    } else if (pressed) {
        e.focus = id;
        e.focus_label.assign(a.label);
        e.focus_tap_s = f.time_s;
        e.focus_seen = true;
        e.focus_min = min;
        e.focus_max = max;
        e.focus_point = ImGui::GetIO().MousePos;
        e.announce = Announcement{std::string(a.label), a.role, a.checked, a.filled, e.label_lang};
        return false;
    }
    if (!fire) return false;
    e.focus_tap_s = -1e9;  // a third tap names it again instead of firing twice
    // A check box says its new state; anything else is heard through what it changes (a screen, a text).
    if (a.role == Role::kCheckBox)
        e.announce = Announcement{std::string(a.label), a.role, !a.checked, std::nullopt, e.label_lang};
    return true;
}

bool ActivateButton(const char* id_str, std::string_view label, ImVec2 size) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    UiFrame& f = Frame();
    const ImRect bb(window->DC.CursorPos, window->DC.CursorPos + size);
    ImGui::ItemSize(bb);
    const ImGuiID id = window->GetID(id_str);
    if (!ImGui::ItemAdd(bb, id)) return false;
    bool hovered = false, held = false;
    const bool pressed =
        ImGui::ButtonBehavior(bb, id, &hovered, &held, ImGuiButtonFlags_PressedOnClickRelease) &&
        !f.gesture.dragging;
    // A dialog takes the focus every frame; that must not cancel this press (its window is not the dialog).
    if (held) GImGui->ActiveIdNoClearOnFocusLoss = true;
    const Theme& t = f.theme;
    window->DrawList->AddRectFilled(bb.Min, bb.Max, held ? t.primary : t.accent);
    LabelCentered(window->DrawList, bb.Min, bb.Max, label, f.fonts.large, held ? t.on_primary : t.on_accent);
    f.trace.push_back(TraceEntry{std::string(label), bb.Min, bb.Max, true});
    if (!pressed) return false;
    if (f.explore.focus == 0) return true;
    f.explore.activate_next = f.explore.focus;
    return false;
}

void DrawExploreFocus() {
    const UiFrame& f = Frame();
    const ExploreState& e = f.explore;
    if (!e.enabled || !e.focus_seen) return;
    const float th = LayoutScale(units::kFocusRing);
    ImGui::GetForegroundDrawList()->AddRect(e.focus_min - ImVec2(th, th), e.focus_max + ImVec2(th, th),
                                            f.theme.accent, LayoutScale(units::kRounding), 0, th);
}

}  // namespace ck::ui
