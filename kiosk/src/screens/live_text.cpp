#include "screens/live_text.h"

#include <cctype>
#include <cmath>

#include "opendata/freshness.h"

namespace ck::kiosk {
namespace {

bool HasMessage(const App& app, const std::string& key) {
    const auto* de = app.catalogues.FindCatalogue("de");
    return de && de->messages.count(key) > 0;
}

}  // namespace

std::string FigureText(App& app, double value, int decimals, const std::string& unit) {
    std::string text = app.loc->FormatDecimal(value, decimals);
    if (!unit.empty()) text += (unit == "%" ? "\u00a0" : " ") + unit;
    return text;
}

TileTexts TextsFor(App& app, const od::TileEntry& e) {
    const od::TileSpec& spec = app.options.config.live.tiles[e.tile_index];
    const od::TileValue& v = e.value;
    TileTexts t;
    t.title = app.T(spec.title_key);
    t.name = v.name;
    if (spec.source == od::TileSource::kCounter) {
        t.name = app.options.config.site_name;
        t.value = app.loc->Format("kiosk.live.passers_by.today",
                                  {{"n", static_cast<std::int64_t>(v.value.value_or(0))}});
    } else if (!v.level.empty()) {
        t.value = app.T("kiosk.live.level." + v.level);
    } else if (v.value && v.total) {
        t.value = app.loc->Format("kiosk.live.value.of_total",
                                  {{"value", app.loc->FormatDecimal(*v.value, v.decimals)},
                                   {"total", app.loc->FormatDecimal(*v.total, 0)}});
    } else if (v.value) {
        t.value = FigureText(app, *v.value, v.decimals, v.unit);
    }
    std::string detail;
    auto add = [&detail](const std::string& part) { detail += (detail.empty() ? "" : " \u00b7 ") + part; };
    for (const auto& x : v.extras) {
        std::string key = "kiosk.live.attr.";
        for (const char c : x.attribute)
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::string figure = FigureText(app, x.value, x.decimals, x.unit);
        add(HasMessage(app, key) ? app.loc->Format(key, {{"value", figure}}) : figure);
    }
    if (v.value && v.level.empty() && (spec.normal_low || spec.normal_high)) {
        const double lo = spec.normal_low.value_or(-INFINITY), hi = spec.normal_high.value_or(INFINITY);
        const char* where = *v.value < lo   ? "kiosk.live.range.below"
                            : *v.value > hi ? "kiosk.live.range.above"
                                            : "kiosk.live.range.within";
        add(app.loc->Format(where,
                            {{"low", app.loc->FormatDecimal(spec.normal_low.value_or(0), v.decimals)},
                             {"high", app.loc->FormatDecimal(spec.normal_high.value_or(0), v.decimals)},
                             {"unit", v.unit}}));
    }
    if (!detail.empty()) t.detail = detail;
    const std::string age = od::AgeText(*app.loc, v.observed, AppNow(app));
    t.age = e.stale ? app.loc->Format("kiosk.live.stale", {{"age", age}}) : age;
    return t;
}

std::string OfflineLine(App& app) {
    const LiveController& live = app.live;
    if (!live.platform_configured || !live.platform) return {};
    const auto state = live.platform->state;
    if (state != cache::ConnectorState::kUnreachable && state != cache::ConnectorState::kBadResponse)
        return {};
    if (ToUnixMs(live.platform->last_success) == 0) return app.T("kiosk.live.offline_never");
    return app.loc->Format(
        "kiosk.live.offline",
        {{"time", app.loc->FormatDateTime(live.platform->last_success, loc::DateStyle::kMedium)}});
}

}  // namespace ck::kiosk
