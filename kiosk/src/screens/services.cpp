// Services: search the catalogue with the touch keyboard and open a service.
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
}  // namespace

void DrawServices(App& app) {
    const ui::UiFrame& f = app.frame;
    ServicesState& st = app.session.services;
    const float width = BeginScreenBody(app, "kiosk.services.title");
    if (app.content.services.empty()) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    std::size_t& caret = ui::CaretFor(app.session.services_keyboard, 0, st.query);
    const ui::TextLimit limit{kMaxQueryGraphemes, kMaxQueryGraphemes * 16};
    if (ui::TextField("##query", st.query, app.T("kiosk.services.search_placeholder"), st.keyboard_open,
                      ImVec2(width, ui::LayoutScale(ui::units::kButtonHeight)), false, &caret)) {
        st.keyboard_open = true;
    }
    if (st.keyboard_open) {
        (void)ui::InsertAtCaret(st.query, caret, app.typed_text, limit);
        for (int i = 0; i < app.typed_backspaces; ++i) (void)ui::EraseBeforeCaret(st.query, caret);
    }
    ui::Spacing(16);
    const auto hits = svc::Search(app.content.services, st.query);
    // With the keyboard open, a landscape screen is too low for results above a full keyboard: the results
    // go beside it. Portrait has the height to stack them, but the list keeps at least two rows.
    const bool beside = st.keyboard_open && !f.layout.portrait;
    const float gap = ui::LayoutScale(ui::units::kGap);
    const float list_w = beside ? std::floor(width * 0.36f) : width;
    const float avail_h = ImGui::GetContentRegionAvail().y;
    float list_h = avail_h;
    if (st.keyboard_open && !beside) {
        list_h =
            std::max(avail_h - ui::KeyboardHeight(width) - ui::LayoutScale(16), ui::LayoutScale(2 * 150));
    }
    ui::BeginScrollArea("##service_list", ImVec2(list_w, list_h));
    if (hits.empty()) {
        ui::Label(app.loc->Format("kiosk.services.no_results", {{"query", st.query}}), f.fonts.large,
                  f.theme.text_muted, list_w);
    }
    for (const svc::Service* s : hits) {
        ImGui::PushID(s->id.c_str());
        if (ui::ListRow("##row", s->name, s->summary, "", list_w - ui::LayoutScale(24))) {
            st.selected_id = s->id;
            st.keyboard_open = false;
            app.nav.Push(ScreenId::kServiceDetail);
        }
        ImGui::PopID();
        ui::Spacing(12);
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
