// Services: search the catalogue with the touch keyboard and open a service.
#include <imgui.h>

#include "screens/screens.h"
#include "ui/on_screen_keyboard.h"
#include "ui/widgets.h"

namespace ck::kiosk {

ui::KeyboardLabels KeyboardLabelsFor(App& app) {
    return ui::KeyboardLabels{app.T("kiosk.keyboard.space"),   app.T("kiosk.keyboard.done"),
                              app.T("kiosk.keyboard.symbols"), app.T("kiosk.keyboard.letters"),
                              app.T("kiosk.keyboard.next_layout"), app.T("kiosk.keyboard.shift"),
                              app.T("kiosk.keyboard.backspace")};
}

void DrawServices(App& app) {
    const ui::UiFrame& f = app.frame;
    ServicesState& st = app.session.services;
    const float width = BeginScreenBody(app, "kiosk.services.title");
    if (app.content.services.empty()) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    if (ui::TextField("##query", st.query, app.T("kiosk.services.search_placeholder"), st.keyboard_open,
                      ImVec2(width, ui::LayoutScale(ui::units::kButtonHeight)), false)) {
        st.keyboard_open = true;
    }
    if (st.keyboard_open) {
        st.query += app.typed_text;
        for (int i = 0; i < app.typed_backspaces; ++i) ui::EraseLastCharacter(st.query);
    }
    ui::Spacing(16);
    const auto hits = svc::Search(app.content.services, st.query);
    const float kb_h = st.keyboard_open ? ui::KeyboardHeight(width) + ui::LayoutScale(16) : 0;
    const float list_h = ImGui::GetContentRegionAvail().y - kb_h;
    ui::BeginScrollArea("##service_list", ImVec2(width, list_h));
    if (hits.empty()) {
        ui::Label(app.loc->Format("kiosk.services.no_results", {{"query", st.query}}), f.fonts.large, f.theme.text_muted, width);
    }
    for (const svc::Service* s : hits) {
        ImGui::PushID(s->id.c_str());
        if (ui::ListRow("##row", s->name, s->summary, "", width - ui::LayoutScale(24))) {
            st.selected_id = s->id;
            st.keyboard_open = false;
            app.nav.Push(ScreenId::kServiceDetail);
        }
        ImGui::PopID();
        ui::Spacing(12);
    }
    ui::EndScrollArea();
    if (st.keyboard_open) {
        ui::Spacing(16);
        if (ui::OnScreenKeyboard(app.session.services_keyboard, st.query, app.session.language, width, KeyboardLabelsFor(app)).done) {
            st.keyboard_open = false;
        }
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
