// Privacy: what the kiosk records and what it does not, in the visitor's language, with the city's contact.
#include <imgui.h>

#include <cmath>

#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {

std::vector<PrivacySection> PrivacySections(loc::Localizer& loc, const Config& config) {
    const PrivacyConfig& p = config.privacy;
    // Whole seconds: the statement tells a visitor roughly how long, not the configured fraction.
    const auto idle_s = static_cast<std::int64_t>(std::llround(config.idle_timeout_s));
    return {
        {loc.Text("kiosk.privacy.counting_title"), loc.Text("kiosk.privacy.counting_text")},
        {loc.Text("kiosk.privacy.not_recorded_title"),
         loc.Format("kiosk.privacy.not_recorded_text", {{"minutes", config.counter.bin_minutes}})},
        {loc.Text("kiosk.privacy.ideas_title"),
         loc.Format("kiosk.privacy.ideas_text", {{"seconds", idle_s}})},
        {loc.Text("kiosk.privacy.contact_title"),
         loc.Format("kiosk.privacy.contact_text",
                    {{"controller", p.controller}, {"contact", p.contact}, {"basis", p.legal_basis}})},
    };
}

void DrawPrivacy(App& app) {
    const ui::UiFrame& f = app.frame;
    const float width = BeginScreenBody(app, "kiosk.privacy.title");
    ui::BeginScrollArea("##privacy", ImVec2(width, 0));
    for (const PrivacySection& s : PrivacySections(*app.loc, app.options.config)) {
        const float text_w = width - ui::LayoutScale(ui::units::kScrollInset);
        ui::Label(s.title, f.fonts.large, f.theme.text, text_w);
        ui::Spacing(ui::units::kGapSmall);
        ui::Label(s.text, f.fonts.body, f.theme.text, text_w);
        ui::Spacing(ui::units::kGapSection);
    }
    ui::EndScrollArea();
    EndScreenBody(app);
}

}  // namespace ck::kiosk
