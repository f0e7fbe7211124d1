// Services: search the catalogue with the touch keyboard (results on every keystroke), or browse the most
// asked services and the life situations, and open a service.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "screens/labels.h"
#include "screens/screens.h"
#include "ui/on_screen_keyboard.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {
// A search is a few words; the limit keeps the field readable and the search cheap.
constexpr std::size_t kMaxQueryGraphemes = 60;
// A list row shows the start of the summary; the detail has all of it.
constexpr std::size_t kSubtitleBytes = 110;

std::string Subtitle(const svc::Service& s) {
    if (s.summary.empty()) return s.name != s.Title() ? s.name : std::string();
    if (s.summary.size() <= kSubtitleBytes) return s.summary;
    const std::size_t cut = s.summary.rfind(' ', kSubtitleBytes);
    return s.summary.substr(0, cut == std::string::npos ? kSubtitleBytes : cut) + " \xE2\x80\xA6";
}

bool QueryIsBlank(const std::string& q) {
    return q.find_first_not_of(" \t") == std::string::npos;
}

// Life situation chips in rows that wrap within `width`.
void DrawSituations(App& app, const ServicesCatalogue& catalogue, ServicesState& st, float width) {
    const auto& situations = app.options.config.services.life_situations;
    ui::ChipRow row{width};
    for (std::size_t i = 0; i < situations.size(); ++i) {
        if (i >= catalogue.situations.size() || catalogue.situations[i].empty()) continue;
        const std::string& label = app.T(situations[i].name_key);
        const bool selected = st.situation == static_cast<int>(i);
        ImGui::PushID(static_cast<int>(i));
        if (ui::ChipRowButton(row, "##situation", label, selected)) ChooseSituation(st, static_cast<int>(i));
        ImGui::PopID();
    }
}

}  // namespace

void DrawServices(App& app) {
    const ui::UiFrame& f = app.frame;
    ServicesState& st = app.session.services;
    const float width = BeginScreenBody(app, "kiosk.services.title");
    if (!app.services) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    const ServicesCatalogue& catalogue = *app.services;
    const ui::TextLimit limit{kMaxQueryGraphemes, kMaxQueryGraphemes * 16};
    std::size_t& caret = SearchField(app, app.session.services_keyboard, st.query, st.keyboard_open,
                                     "kiosk.services.search_placeholder", limit, width);
    ui::Spacing(16);
    const bool searching = !QueryIsBlank(st.query);
    UpdateSearch(catalogue, st);
    UpdateBrowse(catalogue, st);
    if (!searching && !st.keyboard_open) {
        DrawSituations(app, catalogue, st, width);
        ui::Spacing(16);
    }
    // With the keyboard open, a landscape screen is too low for results above a full keyboard: the results
    // go beside it. Portrait has the height to stack them, but the list keeps at least two rows.
    const bool beside = st.keyboard_open && !f.layout.portrait;
    const float gap = ui::LayoutScale(ui::units::kGap);
    const float list_w = beside ? std::floor(width * 0.36f) : width;
    const float avail_h = ImGui::GetContentRegionAvail().y;
    float list_h = avail_h;
    if (st.keyboard_open && !beside) {
        list_h = std::max(avail_h - ui::KeyboardHeight(width) - ui::LayoutScale(16),
                          ui::LayoutScale(ui::units::kMinResultListHeight));
    }
    ui::BeginScrollArea("##service_list", ImVec2(list_w, list_h));
    const float row_w = list_w - ui::LayoutScale(24);
    auto row = [&](std::size_t index) {
        const svc::Service& s = catalogue.index.services[index];
        ImGui::PushID(s.id.c_str());
        if (ui::ListRow("##row", s.Title(), Subtitle(s), "", row_w)) {
            st.keyboard_open = false;
            OpenService(app.db ? &*app.db : nullptr, catalogue, st, s.id, app.session.language);
            st.detail_seen_pulls = app.sync ? app.sync->pulled_rounds() : 0;
            if (!st.detail) AskForServiceDetail(app, s.id);
            app.nav.Push(ScreenId::kServiceDetail);
        }
        ImGui::PopID();
        ui::Spacing(12);
    };
    if (searching) {
        if (st.hits.empty()) {
            ui::Label(app.loc->Format("kiosk.services.no_results", {{"query", st.query}}), f.fonts.large,
                      f.theme.text_muted, list_w);
        }
        for (const svc::SearchHit& h : st.hits) row(h.service);
    } else {
        if (st.situation < 0 && !catalogue.most_asked.empty()) {
            ui::Label(app.T("kiosk.services.most_asked"), f.fonts.large, f.theme.primary, row_w);
            ui::Spacing(8);
        }
        for (const std::size_t i : st.browse) row(i);
        if (st.situation < 0 && st.browse.size() < catalogue.index.services.size()) {
            ui::Label(
                app.loc->Format("kiosk.services.type_to_search",
                                {{"count", static_cast<std::int64_t>(catalogue.index.services.size())}}),
                f.fonts.body, f.theme.text_muted, row_w);
        }
    }
    ui::EndScrollArea();
    if (st.keyboard_open) {
        const float kb_w = beside ? width - list_w - gap : width;
        if (beside) {
            ImGui::SameLine(0, gap);
        } else {
            ui::Spacing(16);
        }
        ImGui::BeginGroup();
        if (ui::OnScreenKeyboard(app.session.services_keyboard, st.query, caret, app.session.language, kb_w,
                                 KeyboardLabelsFor(app), limit)
                .done) {
            st.keyboard_open = false;
        }
        ImGui::EndGroup();
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
