// Ideas: the published ideas of the city (newest or most supported, filtered by topic), each with a detail
// card and a support button. Ideas submitted here appear only once the city has published them.
#include <imgui.h>

#include "screens/labels.h"
#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {

namespace {

void DrawIdeaDetail(App& app, const part::IdeaSummary& idea) {
    const ui::UiFrame& f = app.frame;
    IdeasController& st = app.session.ideas;
    const float inset = ui::LayoutScale(ui::units::kDialogInset);
    const float w = std::min(f.layout.size.x - inset, ui::LayoutScale(ui::units::kIdeaDetailMaxWidth));
    const float inner = w - inset;
    const float h = std::min(f.layout.size.y - ui::LayoutScale(ui::units::kIdeaDetailMarginY),
                             ui::LayoutScale(ui::units::kIdeaDetailBaseHeight) +
                                 ui::MeasureText(idea.description, f.fonts.large, inner).y);
    ui::BeginDialog("##idea_detail", ImVec2(w, h));
    ui::Label(idea.title, f.fonts.title, f.theme.text, inner);
    ui::Spacing(ui::units::kGapSmall);
    std::string meta = CategoryName(app, idea.category);
    if (!idea.district.empty()) meta += " \xC2\xB7 " + idea.district;
    meta += " \xC2\xB7 " +
            app.loc->Format("kiosk.ideas.submitted_on",
                            {{"date", app.loc->FormatDate(idea.created, loc::DateStyle::kMedium)}});
    ui::Label(meta, f.fonts.body, f.theme.text_muted, inner);
    ui::Spacing(ui::units::kGapLarge);
    // The fixed parts grow with large text; the description scrolls in what is left.
    const float fixed_h = ui::LayoutScale(ui::units::kIdeaDetailFixedHeight) * f.layout.text_scale;
    ui::BeginScrollArea("##idea_text", ImVec2(inner, std::max(h - fixed_h, f.fonts.large->FontSize * 2.5f)));
    ui::Label(idea.description, f.fonts.large, f.theme.text,
              inner - ui::LayoutScale(ui::units::kScrollInset));
    ui::EndScrollArea();
    ui::Spacing(ui::units::kGapLarge);
    ui::Label(app.loc->Format("kiosk.ideas.supports", {{"n", idea.support_count}}), f.fonts.large,
              f.theme.primary, inner);
    if (!st.list_error_key.empty()) ui::Label(app.T(st.list_error_key), f.fonts.body, f.theme.error, inner);
    ui::Spacing(ui::units::kGapMedium);
    const bool supported = st.quota.supported_idea_ids.count(idea.id) > 0;
    const float bw = (inner - ui::LayoutScale(ui::units::kButtonGap)) * 0.5f;
    bool support = false;
    if (supported) {
        ui::SecondaryButton("##supported", app.T("kiosk.ideas.supported"), ImVec2(bw, 0), ui::Icon::kCheck);
    } else {
        support = ui::PrimaryButton("##support", app.T("kiosk.ideas.support_button"), ImVec2(bw, 0),
                                    ui::Icon::kHeart);
    }
    ImGui::SameLine(0, ui::LayoutScale(ui::units::kButtonGap));
    if (ui::SecondaryButton("##close", app.T("kiosk.common.close"), ImVec2(bw, 0))) SelectIdea(st, "");
    ui::EndDialog();
    // Last: a support reloads the list that `idea` belongs to.
    if (support)
        SupportSelectedIdea(st, StoreOf(app), part::SupportContext{app.options.config.kiosk_id, AppNow(app)});
}

}  // namespace

void DrawIdeas(App& app) {
    const ui::UiFrame& f = app.frame;
    IdeasController& st = app.session.ideas;
    cache::Database* db = StoreOf(app);
    const std::string title = app.loc->Format("kiosk.ideas.title", {{"city", app.options.config.city_name}});
    const float width = BeginScreenBody(app, "");
    ui::Label(title, f.fonts.title, f.theme.text, width);
    ui::Spacing(ui::units::kGapMedium);
    if (!app.db) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    if (ui::PrimaryButton("##new", app.T("kiosk.ideas.new_button"), ImVec2(0, 0), ui::Icon::kPlus)) {
        OpenIdeaWizard(st, db, app.idea_settings, AppNow(app));
        app.nav.Push(ScreenId::kIdeaNew);
    }
    // Portrait is too narrow for the button and both sort chips in one row (the last chip was cut off).
    if (f.layout.portrait) {
        ui::Spacing(ui::units::kGapTight);
    } else {
        ImGui::SameLine(0, ui::LayoutScale(ui::units::kGapWide));
    }
    if (ui::ChipButton("##newest", app.T("kiosk.ideas.sort_newest"), !st.sort_by_support))
        ChooseIdeaSort(st, db, false);
    ImGui::SameLine(0, ui::LayoutScale(ui::units::kChipGap));
    if (ui::ChipButton("##support", app.T("kiosk.ideas.sort_support"), st.sort_by_support))
        ChooseIdeaSort(st, db, true);
    ui::Spacing(ui::units::kGapMedium);
    // Topic filter: one row of chips that wraps.
    ui::ChipRow row{width};
    auto chip = [&](const char* id, const std::string& label, bool selected) {
        return ui::ChipRowButton(row, id, label, selected);
    };
    if (chip("##all", app.T("kiosk.ideas.filter_all"), st.category.empty())) ChooseIdeaCategory(st, db, "");
    for (const auto& cat : app.options.config.ideas.categories) {
        ImGui::PushID(cat.c_str());
        if (chip("##cat", CategoryName(app, cat), st.category == cat)) ChooseIdeaCategory(st, db, cat);
        ImGui::PopID();
    }
    // Ideas are shown as their authors wrote them, whatever the UI language (Leichte Sprache included).
    if (app.session.language != "de") {
        ui::Spacing(ui::units::kGapSmall);
        ui::Label(app.T("kiosk.ideas.original_text"), f.fonts.body, f.theme.text_muted, width);
    }
    ui::Spacing(ui::units::kGapLarge);
    ui::BeginScrollArea("##idea_list", ImVec2(width, 0));
    if (st.list.empty()) ui::Label(app.T("kiosk.ideas.empty"), f.fonts.large, f.theme.text_muted, width);
    const part::IdeaSummary* selected = nullptr;
    for (const auto& idea : st.list) {
        ImGui::PushID(idea.id.c_str());
        std::string sub = CategoryName(app, idea.category);
        if (!idea.district.empty()) sub += " \xC2\xB7 " + idea.district;
        sub += " \xC2\xB7 " + app.loc->FormatDate(idea.created, loc::DateStyle::kMedium);
        if (ui::ListRow("##idea", idea.title, sub,
                        app.loc->Format("kiosk.ideas.supports", {{"n", idea.support_count}}),
                        width - ui::LayoutScale(ui::units::kScrollInset))) {
            SelectIdea(st, idea.id);
        }
        if (st.selected_id == idea.id) selected = &idea;
        ImGui::PopID();
        ui::Spacing(ui::units::kGapMedium);
    }
    ui::EndScrollArea();
    EndScreenBody(app);
    if (selected) DrawIdeaDetail(app, *selected);
}

}  // namespace ck::kiosk
