#define IMGUI_DEFINE_MATH_OPERATORS
// The controls of speech output and explore by touch that several screens share.
#include <imgui.h>
#include <imgui_internal.h>

#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {

float SpeechSwitchWidth(App& app) {
    const ui::UiFrame& f = app.frame;
    // A button's label, its side padding and the icon (as ui::SecondaryButton sizes itself).
    return ui::MeasureText(app.T("kiosk.speech.control"), f.fonts.large).x + ui::LayoutScale(96 + 64);
}

bool SpeechSwitch(App& app, const char* id, ImVec2 size) {
    const bool on = app.session.speech.explore;
    const std::string& label = app.T("kiosk.speech.control");
    const bool pressed = on ? ui::PrimaryButton(id, label, size, ui::Icon::kSpeech)
                            : ui::SecondaryButton(id, label, size, ui::Icon::kSpeech);
    if (pressed) SetExplore(app, !on);
    return pressed;
}

void SpeechControls(App& app, float width) {
    const float gap = ui::LayoutScale(ui::units::kButtonGap);
    const float half = (width - gap) * 0.5f;
    bool on = app.session.speech.on;
    if (ui::CheckBox("##speech", app.T("kiosk.accessibility.speech"), &on, half)) SetSpeech(app, on);
    ImGui::SameLine(0, gap);
    bool explore = app.session.speech.explore;
    if (ui::CheckBox("##explore", app.T("kiosk.accessibility.explore"), &explore, half))
        SetExplore(app, explore);
    ui::Spacing(ui::units::kGapLarge);
    const ImVec2 third((width - 2 * gap) / 3.0f, 0);
    if (ui::SecondaryButton("##repeat", app.T("kiosk.accessibility.repeat"), third)) SpeakAgain(app);
    ImGui::SameLine(0, gap);
    if (ui::SecondaryButton("##slower", app.T("kiosk.accessibility.slower"), third)) SpeakSlower(app);
    ImGui::SameLine(0, gap);
    if (ui::SecondaryButton("##faster", app.T("kiosk.accessibility.faster"), third)) SpeakFaster(app);
    ui::Spacing(ui::units::kGapLarge);
    const ImVec2 two(half, 0);
    if (ui::SecondaryButton("##quieter", app.T("kiosk.accessibility.quieter"), two)) SpeakQuieter(app);
    ImGui::SameLine(0, gap);
    if (ui::SecondaryButton("##louder", app.T("kiosk.accessibility.louder"), two)) SpeakLouder(app);
}

void DrawActivateBar(App& app) {
    const ui::ExploreState& e = app.frame.explore;
    if (!e.enabled) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size(vp->Size.x, ui::LayoutScale(ui::units::kStatusBarHeight));
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(size);
    // In front of any dialog (it performs what was named inside one too), but never focused: taking the focus
    // would cancel the press of the element under the finger.
    ImGui::Begin("##activate_bar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::SetCursorScreenPos(vp->Pos);
    const std::string label =
        e.focus == 0 ? app.T("kiosk.speech.activate")
                     : app.loc->Format("kiosk.speech.activate_element", {{"label", e.focus_label}});
    if (ui::ActivateButton("##activate", label, size)) Say(app, app.T("kiosk.speech.nothing_focused"), false);
    ImGui::End();
}

}  // namespace ck::kiosk
