#define IMGUI_DEFINE_MATH_OPERATORS
// Live data: one card per tile value with its age; outdated values say so, an unreachable platform says when
// it was last reached, and no data is an honest empty state. A tap opens the value's chart.
#include <imgui.h>
#include <imgui_internal.h>

#include "screens/live_text.h"
#include "screens/screens.h"
#include "ui/live_card.h"
#include "ui/widgets.h"

namespace ck::kiosk {

void DrawLive(App& app) {
    const ui::UiFrame& f = app.frame;
    LiveController& live = app.live;
    // The title shares its row with the way to the datasets, so two rows of tiles fit in landscape.
    const float width = BeginScreenBody(app, "");
    const bool datasets = !app.options.config.central.ckan_url.empty() || app.options.demo;
    const float button_h = ui::LayoutScale(ui::units::kCompactButtonHeight);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    float button_w = 0;
    if (datasets) {
        const std::string& label = app.T("kiosk.live.datasets");
        button_w =
            std::min(width * 0.5f, ui::MeasureText(label, f.fonts.body).x +
                                       ui::LayoutScale(ui::units::kGapWide + ui::units::kButtonGap) * 2);
        ImGui::SetCursorScreenPos(ImVec2(top.x + width - button_w, top.y));
        if (ui::SecondaryButton("##datasets", label, ImVec2(button_w, button_h))) {
            LoadDatasets(live, StoreOf(app), PortalUrl(app));
            app.nav.Push(ScreenId::kDatasets);
        }
    }
    const std::string& title = app.T("kiosk.live.title");
    const float title_w = width - button_w - (datasets ? ui::LayoutScale(ui::units::kGap) : 0);
    const float title_h = ui::MeasureText(title, f.fonts.title, title_w).y;
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y));
    ui::Label(title, f.fonts.title, f.theme.text, title_w);
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + std::max(title_h, datasets ? button_h : 0.0f) +
                                                ui::LayoutScale(ui::units::kGapMedium)));
    const std::string& offline = OfflineLine(app);
    if (!offline.empty()) {
        ui::Label(offline, f.fonts.body, f.theme.warn, width);
        ui::Spacing(ui::units::kGapMedium);
    }
    if (!live.load_error.empty()) {
        NotAvailableYet(app, width);
    } else if (live.entries.empty()) {
        ui::Spacing(ui::units::kGapWide);
        ui::Label(app.T("kiosk.live.empty_title"), f.fonts.large, f.theme.text, width);
        ui::Spacing(ui::units::kGapMedium);
        ui::Label(app.T("kiosk.live.empty_text"), f.fonts.body, f.theme.text_muted, width);
    } else {
        const int cols = f.layout.portrait ? 2 : 3;
        const float gap = ui::LayoutScale(ui::units::kGap);
        // The scroll area keeps its inset free for the finger (and the scroll bar).
        const float inner = width - ui::LayoutScale(ui::units::kScrollInset);
        ImVec2 card((inner - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols),
                    ui::LayoutScale(ui::units::kLiveCardHeight));
        // Every card as tall as the tallest needs (a value or an age that wraps in portrait or large text).
        for (std::size_t i = 0; i < live.entries.size(); ++i) {
            const TileTexts& t = TextsFor(app, i);
            card.y =
                std::max(card.y, ui::LiveCardHeight({t.title, t.name, t.value, t.detail, t.age}, card.x));
        }
        ui::BeginScrollArea("##live", ImVec2(width, 0));
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        for (std::size_t i = 0; i < live.entries.size(); ++i) {
            const int col = static_cast<int>(i) % cols;
            const int row = static_cast<int>(i) / cols;
            // Right to left: the first tile at the right edge, as a reader of Arabic starts.
            ImGui::SetCursorScreenPos(origin + ImVec2(static_cast<float>(col) * (card.x + gap),
                                                      static_cast<float>(row) * (card.y + gap)));
            const TileTexts& t = TextsFor(app, i);
            ImGui::PushID(static_cast<int>(i));
            if (ui::LiveCard("##tile", {t.title, t.name, t.value, t.detail, t.age}, live.entries[i].stale,
                             card)) {
                OpenTileDetail(live, StoreOf(app), i, AppNow(app));
                app.nav.Push(ScreenId::kLiveDetail);
            }
            ImGui::PopID();
        }
        const int rows = (static_cast<int>(live.entries.size()) + cols - 1) / cols;
        ImGui::SetCursorScreenPos(origin + ImVec2(0, static_cast<float>(rows) * (card.y + gap)));
        ImGui::Dummy(ImVec2(inner, 1));
        ui::EndScrollArea();
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
