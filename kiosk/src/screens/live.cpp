#define IMGUI_DEFINE_MATH_OPERATORS
// Live data: each value with its age ("as of 14:05"); outdated values say so, and no data is an honest state.
#include <imgui.h>
#include <imgui_internal.h>

#include "screens/screens.h"
#include "ui/live_card.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

// A value older than this is shown as outdated.
constexpr std::chrono::minutes kStaleAfter{60};

const char* TitleKey(od::LiveKind k) {
    switch (k) {
        case od::LiveKind::kWeather:
            return "kiosk.live.weather";
        case od::LiveKind::kParking:
            return "kiosk.live.parking";
        case od::LiveKind::kAirQuality:
            return "kiosk.live.air";
        case od::LiveKind::kWater:
            return "kiosk.live.water";
        case od::LiveKind::kCrowdFlow:
            return "kiosk.live.crowd";
    }
    return "kiosk.live.weather";
}

std::string ValueText(App& app, const od::LiveValue& v) {
    switch (v.kind) {
        case od::LiveKind::kWeather:
            return app.loc->FormatDecimal(v.value, 1) +
                   " \xC2\xB0"
                   "C";
        case od::LiveKind::kParking:
            return app.loc->Format("kiosk.live.parking_value",
                                   {{"free", static_cast<std::int64_t>(v.value)},
                                    {"total", static_cast<std::int64_t>(v.capacity.value_or(0))}});
        case od::LiveKind::kAirQuality:
            return app.loc->Format("kiosk.live.air_value", {{"value", static_cast<std::int64_t>(v.value)}});
        case od::LiveKind::kWater:
            return app.loc->FormatDecimal(v.value, 2) + " m";
        case od::LiveKind::kCrowdFlow:
            return app.loc->Format("kiosk.live.crowd_value", {{"count", static_cast<std::int64_t>(v.value)}});
    }
    return {};
}

}  // namespace

void DrawLive(App& app) {
    const ui::UiFrame& f = app.frame;
    const float width = BeginScreenBody(app, "kiosk.live.title");
    if (app.content.live.empty()) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    const TimePoint now = AppNow(app);
    const int cols = f.layout.portrait ? 2 : 3;
    const float gap = ui::LayoutScale(ui::units::kGap);
    const ImVec2 card((width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols),
                      ui::LayoutScale(ui::units::kLiveCardHeight));
    ui::BeginScrollArea("##live", ImVec2(width, 0));
    for (std::size_t i = 0; i < app.content.live.size(); ++i) {
        const od::LiveValue& v = app.content.live[i];
        const int col = static_cast<int>(i) % cols;
        const int row = static_cast<int>(i) / cols;
        ImGui::SetCursorScreenPos(ImGui::GetWindowPos() +
                                  ImVec2(static_cast<float>(col) * (card.x + gap),
                                         static_cast<float>(row) * (card.y + gap) - ImGui::GetScrollY()));
        const bool stale = od::IsStale(v, now, kStaleAfter);
        const std::string value = ValueText(app, v);
        const std::string age = app.loc->Format(stale ? "kiosk.live.outdated" : "kiosk.live.as_of",
                                                {{"time", app.loc->FormatTime(v.observed)}});
        ui::LiveCard({app.T(TitleKey(v.kind)), v.name, value, age}, stale, card);
    }
    ui::EndScrollArea();
    EndScreenBody(app);
}

}  // namespace ck::kiosk
