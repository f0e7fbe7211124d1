// One service: what it needs, what it costs, where to go, and a QR code to continue on the phone.
#include <imgui.h>

#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {

void DrawServiceDetail(App& app) {
    const ui::UiFrame& f = app.frame;
    const svc::Service* service = nullptr;
    for (const auto& s : app.content.services)
        if (s.id == app.session.services.selected_id) service = &s;
    if (!service && !app.content.services.empty()) service = &app.content.services.front();
    const float width = BeginScreenBody(app, service ? "" : "kiosk.services.title");
    if (!service) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    const bool side_by_side = !f.layout.portrait;
    const float qr_size = ui::LayoutScale(f.layout.portrait ? 360 : 420);
    const float text_w = side_by_side ? width - qr_size - ui::LayoutScale(80) : width - ui::LayoutScale(24);
    ImGui::BeginGroup();
    ui::Label(service->name, f.fonts.title, f.theme.text, text_w);
    ui::Spacing(12);
    ui::BeginScrollArea("##detail", ImVec2(text_w + ui::LayoutScale(24), side_by_side ? 0 : ImGui::GetContentRegionAvail().y - qr_size - ui::LayoutScale(140)));
    ui::Label(service->summary, f.fonts.large, f.theme.text, text_w);
    ui::Spacing(24);
    if (!service->documents.empty()) {
        ui::Label(app.T("kiosk.services.documents"), f.fonts.large, f.theme.primary, text_w);
        for (const auto& d : service->documents) ui::Label("\xE2\x80\xA2 " + d, f.fonts.body, f.theme.text, text_w);
        ui::Spacing(20);
    }
    const std::pair<const char*, const std::string*> facts[] = {
        {"kiosk.services.fees", &service->fees},
        {"kiosk.services.office", &service->office},
        {"kiosk.services.hours", &service->opening_hours},
    };
    for (const auto& [key, value] : facts) {
        if (value->empty()) continue;
        ui::Label(app.T(key), f.fonts.large, f.theme.primary, text_w);
        ui::Label(*value, f.fonts.body, f.theme.text, text_w);
        ui::Spacing(20);
    }
    ui::EndScrollArea();
    ImGui::EndGroup();
    if (!service->online_url.empty()) {
        if (side_by_side) {
            ImGui::SameLine(0, ui::LayoutScale(56));
        }
        ImGui::BeginGroup();
        ui::Label(app.T("kiosk.services.continue_on_phone"), f.fonts.large, f.theme.text, qr_size);
        ui::Spacing(12);
        ui::QrCode(service->online_url, qr_size);
        ui::Spacing(8);
        ui::Label(app.T("kiosk.services.no_personal_data"), f.fonts.small, f.theme.text_muted, qr_size);
        ImGui::EndGroup();
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
