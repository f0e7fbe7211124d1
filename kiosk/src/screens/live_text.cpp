#include "screens/live_text.h"

#include <cctype>
#include <cmath>

#include "locales/display_text.h"
#include "opendata/freshness.h"

namespace ck::kiosk {
namespace {

bool HasMessage(const App& app, const std::string& key) {
    const auto* de = app.catalogues.FindCatalogue("de");
    return de && de->messages.count(key) > 0;
}

TileTexts FormatTexts(App& app, const od::TileEntry& e) {
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
                             {"unit", UnitText(app, v.unit)}}));
    }
    if (!detail.empty()) t.detail = detail;
    const std::string age = od::AgeText(*app.loc, v.observed, AppNow(app));
    t.age = e.stale ? app.loc->Format("kiosk.live.stale", {{"age", age}}) : age;
    return t;
}

std::string FormatOfflineLine(App& app) {
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

}  // namespace

std::string UnitText(App& app, const std::string& unit) {
    if (unit.empty() || app.loc->direction() != loc::Direction::kRtl) return unit;
    // LRI ... PDI: inside, "°C" stays in its order; outside, the run is one neutral that takes the Arabic
    // paragraph's direction, so it stays after the number in reading order. ForDisplay drops both marks.
    return "\u2066" + unit + "\u2069";
}

std::string FigureText(App& app, double value, int decimals, const std::string& unit) {
    std::string text = app.loc->FormatDecimal(value, decimals);
    if (unit.empty()) return text;
    // Only a figure in Arabic digits goes through ForDisplay (which drops the marks); Latin digits in a
    // right-to-left UI need no isolation and must not carry marks without a glyph.
    const bool isolate = loc::NeedsDisplayProcessing(text);
    return text + (unit == "%" ? "\u00a0" : " ") + (isolate ? UnitText(app, unit) : unit);
}

namespace {

// Formats every entry's texts and the offline line again when what they show changed.
void RefreshLiveTexts(App& app) {
    LiveController& live = app.live;
    const std::int64_t minute = ToUnixMs(AppNow(app)) / 60000;
    const std::string& language = app.loc->language().tag;
    if (live.texts_loads == live.loads && live.texts_minute == minute && live.texts_language == language &&
        live.texts.size() == live.entries.size())
        return;
    live.texts.clear();
    for (const od::TileEntry& e : live.entries) live.texts.push_back(FormatTexts(app, e));
    live.offline_text = FormatOfflineLine(app);
    live.texts_loads = live.loads;
    live.texts_minute = minute;
    live.texts_language = language;
}

}  // namespace

const TileTexts& TextsFor(App& app, std::size_t index) {
    RefreshLiveTexts(app);
    return app.live.texts.at(index);
}

const std::string& OfflineLine(App& app) {
    RefreshLiveTexts(app);
    return app.live.offline_text;
}

}  // namespace ck::kiosk
