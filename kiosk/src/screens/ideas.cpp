// Ideas: the published ideas of the city (newest or most supported, filtered by topic), each with a detail
// card and a support button. Ideas submitted here appear only once the city has published them.
#include <imgui.h>

#include "participation/browse.h"
#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {

std::string CategoryName(App& app, const std::string& key) {
    if (key.empty()) return {};
    const std::string msg_key = "kiosk.ideas.category." + key;
    const std::string& text = app.T(msg_key);
    return text == msg_key ? key : text;  // a city's own category without a translation shows its key
}

namespace {

void ReloadList(App& app) {
    IdeaFlowState& st = app.session.idea_flow;
    IdeasState& view = app.session.ideas;
    st.list.clear();
    st.list_dirty = false;
    if (!app.db) return;
    part::IdeaFilter filter;
    filter.category = view.category;
    auto list = part::LoadPublishedIdeas(*app.db, filter,
                                         view.sort_by_support ? part::IdeaSort::kMostSupported : part::IdeaSort::kNewest);
    if (list.ok()) st.list = std::move(*list);
}

void DrawIdeaDetail(App& app, const part::IdeaSummary& idea) {
    const ui::UiFrame& f = app.frame;
    IdeaFlowState& st = app.session.idea_flow;
    const float w = std::min(f.layout.size.x - ui::LayoutScale(96), ui::LayoutScale(1300));
    const float inner = w - ui::LayoutScale(96);
    const float h = std::min(f.layout.size.y - ui::LayoutScale(160),
                             ui::LayoutScale(560) + ui::MeasureText(idea.description, f.fonts.large, inner).y);
    ui::BeginDialog("##idea_detail", ImVec2(w, h));
    ui::Label(idea.title, f.fonts.title, f.theme.text, inner);
    ui::Spacing(8);
    std::string meta = CategoryName(app, idea.category);
    if (!idea.district.empty()) meta += " \xC2\xB7 " + idea.district;
    meta += " \xC2\xB7 " + app.loc->Format("kiosk.ideas.submitted_on", {{"date", app.loc->FormatDate(idea.created, loc::DateStyle::kMedium)}});
    ui::Label(meta, f.fonts.body, f.theme.text_muted, inner);
    ui::Spacing(16);
    ui::BeginScrollArea("##idea_text", ImVec2(inner, h - ui::LayoutScale(420)));
    ui::Label(idea.description, f.fonts.large, f.theme.text, inner - ui::LayoutScale(20));
    ui::EndScrollArea();
    ui::Spacing(16);
    ui::Label(app.loc->Format("kiosk.ideas.supports", {{"n", idea.support_count}}), f.fonts.large, f.theme.primary, inner);
    if (!st.error_key.empty()) ui::Label(app.T(st.error_key), f.fonts.body, f.theme.error, inner);
    ui::Spacing(12);
    const bool supported = st.limits.supported_idea_ids.count(idea.id) > 0;
    const float bw = (inner - ui::LayoutScale(24)) * 0.5f;
    if (supported) {
        ui::SecondaryButton("##supported", app.T("kiosk.ideas.supported"), ImVec2(bw, 0), ui::Icon::kCheck);
    } else if (ui::PrimaryButton("##support", app.T("kiosk.ideas.support_button"), ImVec2(bw, 0), ui::Icon::kHeart)) {
        auto r = part::SupportIdea(*app.db, idea.id, part::SupportContext{app.options.config.kiosk_id, AppNow(app)}, st.limits);
        if (r.ok()) {
            st.error_key.clear();
            st.list_dirty = true;  // the shown count includes supports not yet delivered
        } else {
            st.error_key = std::string(IdeaErrorKey(r.error()));
        }
    }
    ImGui::SameLine(0, ui::LayoutScale(24));
    if (ui::SecondaryButton("##close", app.T("kiosk.common.close"), ImVec2(bw, 0))) {
        app.session.ideas.selected_id.clear();
        st.error_key.clear();
    }
    ui::EndDialog();
}

}  // namespace

void DrawIdeas(App& app) {
    const ui::UiFrame& f = app.frame;
    IdeasState& view = app.session.ideas;
    IdeaFlowState& st = app.session.idea_flow;
    const std::string title = app.loc->Format("kiosk.ideas.title", {{"city", app.options.config.city_name}});
    const float width = BeginScreenBody(app, "");
    ui::Label(title, f.fonts.title, f.theme.text, width);
    ui::Spacing(12);
    if (!app.db) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    if (st.list_dirty) ReloadList(app);
    if (ui::PrimaryButton("##new", app.T("kiosk.ideas.new_button"), ImVec2(0, 0), ui::Icon::kPlus)) {
        part::WizardReset(st.wizard);
        st.error_key.clear();
        app.nav.Push(ScreenId::kIdeaNew);
    }
    // Portrait is too narrow for the button and both sort chips in one row (the last chip was cut off).
    if (f.layout.portrait) {
        ui::Spacing(4);
    } else {
        ImGui::SameLine(0, ui::LayoutScale(40));
    }
    if (ui::ChipButton("##newest", app.T("kiosk.ideas.sort_newest"), !view.sort_by_support)) {
        view.sort_by_support = false;
        st.list_dirty = true;
    }
    ImGui::SameLine(0, ui::LayoutScale(16));
    if (ui::ChipButton("##support", app.T("kiosk.ideas.sort_support"), view.sort_by_support)) {
        view.sort_by_support = true;
        st.list_dirty = true;
    }
    ui::Spacing(12);
    // Topic filter: one row of chips that wraps.
    float x = 0;
    const float gap = ui::LayoutScale(16);
    auto chip = [&](const char* id, const std::string& label, bool selected) {
        const float w = ui::MeasureText(label, f.fonts.large).x + ui::LayoutScale(96) + (selected ? ui::LayoutScale(64) : 0);
        if (x > 0 && x + w <= width) {
            ImGui::SameLine(0, gap);
        } else {
            x = 0;
        }
        x += w + gap;
        return ui::ChipButton(id, label, selected);
    };
    if (chip("##all", app.T("kiosk.ideas.filter_all"), view.category.empty())) {
        view.category.clear();
        st.list_dirty = true;
    }
    for (const auto& cat : app.options.config.ideas.categories) {
        ImGui::PushID(cat.c_str());
        if (chip("##cat", CategoryName(app, cat), view.category == cat)) {
            view.category = cat;
            st.list_dirty = true;
        }
        ImGui::PopID();
    }
    ui::Spacing(16);
    ui::BeginScrollArea("##idea_list", ImVec2(width, 0));
    if (st.list.empty()) ui::Label(app.T("kiosk.ideas.empty"), f.fonts.large, f.theme.text_muted, width);
    const part::IdeaSummary* selected = nullptr;
    for (const auto& idea : st.list) {
        ImGui::PushID(idea.id.c_str());
        std::string sub = CategoryName(app, idea.category);
        if (!idea.district.empty()) sub += " \xC2\xB7 " + idea.district;
        sub += " \xC2\xB7 " + app.loc->FormatDate(idea.created, loc::DateStyle::kMedium);
        if (ui::ListRow("##idea", idea.title, sub, app.loc->Format("kiosk.ideas.supports", {{"n", idea.support_count}}),
                        width - ui::LayoutScale(24))) {
            view.selected_id = idea.id;
            st.error_key.clear();
        }
        if (view.selected_id == idea.id) selected = &idea;
        ImGui::PopID();
        ui::Spacing(12);
    }
    ui::EndScrollArea();
    EndScreenBody(app);
    if (selected) DrawIdeaDetail(app, *selected);
}

}  // namespace ck::kiosk
