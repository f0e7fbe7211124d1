// Privacy: what the kiosk records and what it does not, in the visitor's language, with the city's contact.
#include <imgui.h>

#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {

void DrawPrivacy(App& app) {
    const ui::UiFrame& f = app.frame;
    const float width = BeginScreenBody(app, "kiosk.privacy.title");
    ui::BeginScrollArea("##privacy", ImVec2(width, 0));
    const PrivacyConfig& p = app.options.config.privacy;
    const char* sections[][2] = {
        {"kiosk.privacy.counting_title", "kiosk.privacy.counting_text"},
        {"kiosk.privacy.not_recorded_title", "kiosk.privacy.not_recorded_text"},
        {"kiosk.privacy.ideas_title", "kiosk.privacy.ideas_text"},
    };
    for (const auto& s : sections) {
        ui::Label(app.T(s[0]), f.fonts.large, f.theme.text, width - ui::LayoutScale(24));
        ui::Spacing(6);
        ui::Label(app.T(s[1]), f.fonts.body, f.theme.text, width - ui::LayoutScale(24));
        ui::Spacing(28);
    }
    ui::Label(app.T("kiosk.privacy.contact_title"), f.fonts.large, f.theme.text, width - ui::LayoutScale(24));
    ui::Spacing(6);
    ui::Label(app.loc->Format("kiosk.privacy.contact_text",
                              {{"controller", p.controller}, {"contact", p.contact}, {"basis", p.legal_basis}}),
              f.fonts.body, f.theme.text, width - ui::LayoutScale(24));
    ui::EndScrollArea();
    EndScreenBody(app);
}

}  // namespace ck::kiosk
