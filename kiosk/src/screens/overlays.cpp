#define IMGUI_DEFINE_MATH_OPERATORS
// Dialogs over the current screen: language, accessibility, and the idle warning that one touch dismisses.
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

void DrawLanguageDialog(App& app) {
    const ui::UiFrame& f = app.frame;
    const float inset = ui::LayoutScale(ui::units::kDialogInset);
    const auto& langs = app.catalogues.languages;
    std::vector<const loc::Language*> offered;
    for (const auto& l : langs)
        for (const auto& tag : app.options.config.languages)
            if (l.tag == tag) offered.push_back(&l);
    const float row = ui::LayoutScale(ui::units::kButtonHeight) + ui::LayoutScale(ui::units::kGapLarge);
    // One column while the languages fit the screen's height, else two (eight languages in landscape).
    auto height = [&](std::size_t cols) {
        const std::size_t rows = (offered.size() + cols - 1) / cols;
        return inset + f.fonts.title->FontSize * 1.6f + row * static_cast<float>(rows + 1);
    };
    const std::size_t cols = height(1) > f.layout.size.y - inset ? 2 : 1;
    const float w = std::min(f.layout.size.x - inset,
                             ui::LayoutScale(ui::units::kLanguageDialogWidth) * static_cast<float>(cols));
    ui::BeginDialog("##language_dialog", ImVec2(w, height(cols)));
    const float inner = w - inset;
    const float gap = ui::LayoutScale(ui::units::kButtonGap);
    const float button_w = (inner - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    std::size_t index = 0;
    ui::Label(app.T("kiosk.language.title"), f.fonts.title, f.theme.text, inner);
    ui::Spacing(ui::units::kGapLarge);
    for (const loc::Language* l : offered) {
        ImGui::PushID(l->tag.c_str());
        if (index++ % cols != 0) ImGui::SameLine(0, gap);
        const bool current = l->tag == app.session.language;
        ui::SetLabelLanguage(l->tag);  // each name is read by its own language's voice
        const bool chosen =
            current ? ui::PrimaryButton("##lang", l->native_name, ImVec2(button_w, 0), ui::Icon::kCheck)
                    : ui::SecondaryButton("##lang", l->native_name, ImVec2(button_w, 0));
        ui::SetLabelLanguage({});
        if (chosen) {
            ApplyLanguage(app, l->tag);
            app.session.language_dialog = false;
        }
        ImGui::PopID();
        if (index % cols == 0 || index == offered.size()) ui::Spacing(ui::units::kGapLarge);
    }
    if (ui::SecondaryButton("##close", app.T("kiosk.common.close"), ImVec2(inner, 0)))
        app.session.language_dialog = false;
    ui::EndDialog();
}

void DrawAccessibilityDialog(App& app) {
    const ui::UiFrame& f = app.frame;
    const float inset = ui::LayoutScale(ui::units::kDialogInset);
    const float gap = ui::LayoutScale(ui::units::kGapSection);
    // Landscape has the width but not the height for both blocks under each other: the speech block goes
    // beside the visual options.
    const bool beside = !f.layout.portrait;
    const float w =
        std::min(f.layout.size.x - inset, ui::LayoutScale(ui::units::kDialogWidth) * (beside ? 1.6f : 1.0f));
    const float h = ui::LayoutScale(ui::units::kAccessibilityDialogHeight);
    ui::BeginDialog("##accessibility_dialog", ImVec2(w, h));
    const float inner = w - inset;
    const float column = beside ? (inner - gap) * 0.5f : inner;
    ui::Label(app.T("kiosk.accessibility.title"), f.fonts.title, f.theme.text, inner);
    ui::Spacing(ui::units::kGapLarge);
    ImGui::BeginGroup();
    if (ui::CheckBox("##large", app.T("kiosk.accessibility.large_text"), &app.session.large_text, column)) {
        app.fonts_dirty = true;
    }
    ui::Spacing(ui::units::kGapLarge);
    ui::CheckBox("##contrast", app.T("kiosk.accessibility.high_contrast"), &app.session.high_contrast,
                 column);
    ui::Spacing(ui::units::kGapLarge);
    ui::CheckBox("##motion", app.T("kiosk.accessibility.reduced_motion"), &app.session.reduced_motion,
                 column);
    ImGui::EndGroup();
    if (beside) {
        ImGui::SameLine(0, gap);
    } else {
        ui::Spacing(ui::units::kGapLarge);
    }
    ImGui::BeginGroup();
    SpeechControls(app, column);
    ImGui::EndGroup();
    ui::Spacing(ui::units::kGapSection);
    if (ui::PrimaryButton("##close", app.T("kiosk.common.close"), ImVec2(inner, 0)))
        app.session.accessibility_dialog = false;
    ui::EndDialog();
}

void DrawIdleWarning(App& app) {
    const ui::UiFrame& f = app.frame;
    const float inset = ui::LayoutScale(ui::units::kDialogInset);
    const float w = std::min(f.layout.size.x - inset, ui::LayoutScale(ui::units::kDialogWidth));
    ui::BeginDialog("##idle_dialog", ImVec2(w, ui::LayoutScale(ui::units::kIdleDialogHeight)));
    const float inner = w - inset;
    ui::Label(app.T("kiosk.idle.title"), f.fonts.title, f.theme.text, inner);
    ui::Spacing(ui::units::kGapLarge);
    const auto left = static_cast<std::int64_t>(std::ceil(std::max(0.0, app.idle.SecondsLeft(app.now_s))));
    ui::Label(app.loc->Format("kiosk.idle.countdown", {{"seconds", left}}), f.fonts.large, f.theme.text,
              inner);
    ui::Spacing(ui::units::kGapBlock);
    // Any touch extends the session (the loop does that); the button says so plainly.
    ui::PrimaryButton("##continue", app.T("kiosk.idle.continue"), ImVec2(inner, 0));
    ui::EndDialog();
}

}  // namespace

void DrawOverlays(App& app) {
    if (app.idle.Phase(app.now_s) == IdlePhase::kWarning) {
        DrawIdleWarning(app);
        DrawActivateBar(app);
        return;
    }
    if (app.session.language_dialog) DrawLanguageDialog(app);
    if (app.session.accessibility_dialog) DrawAccessibilityDialog(app);
    DrawActivateBar(app);
}

}  // namespace ck::kiosk
