#include "opendata/tiles.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "core/quote.h"
#include "ngsi/entity.h"

namespace ck::od {
namespace {

using nlohmann::json;
using std::chrono::seconds;

// Beyond these a figure is a sensor fault or garbage, not a measurement worth showing.
constexpr double kMaxMagnitude = 1e9;
// Clocks drift; a value "observed" further ahead than this is not believed.
constexpr auto kMaxFuture = std::chrono::minutes(10);
// A location this close to the reference (km) counts as "in the city's region"; swapped must be much closer.
constexpr double kSwapRegionKm = 1500;
constexpr std::size_t kMaxNameBytes = 160;

const char* const kObservationTimes[] = {"dateObserved", "dateObservedTo", "observationDateTime",
                                         "dateModified"};

struct UnitCode {
    std::string_view code, symbol;
};
// UN/CEFACT Recommendation 20 codes the Smart Data Models use.
constexpr UnitCode kUnits[] = {
    {"CEL", "\u00b0C"},   {"FAH", "\u00b0F"}, {"KEL", "K"},     {"MTR", "m"},    {"CMT", "cm"},
    {"MMT", "mm"},        {"KMT", "km"},      {"KMH", "km/h"},  {"MTS", "m/s"},  {"GQ", "\u00b5g/m\u00b3"},
    {"GP", "mg/m\u00b3"}, {"P1", "%"},        {"A97", "hPa"},   {"MBR", "mbar"}, {"MQH", "m\u00b3/h"},
    {"MQS", "m\u00b3/s"}, {"LTR", "l"},       {"DD", "\u00b0"}, {"C62", ""},     {"59", "ppm"},
    {"61", "ppb"},        {"H87", ""},        {"E37", ""},      {"MMQ", "mm"},   {"KNT", "kn"},
};

double Km(double lon1, double lat1, double lon2, double lat2) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

Error Fail(const char* code, const std::string& entity, const std::string& why) {
    return MakeError(code, QuoteInput(entity, 80) + ": " + why);
}

// The attribute's unitCode metadata (normalized form only), else the configured unit.
std::string UnitOf(const json& raw, const std::string& attribute, const std::string& configured) {
    const auto a = raw.find(attribute);
    if (a != raw.end() && a->is_object()) {
        const auto md = a->find("metadata");
        if (md != a->end() && md->is_object()) {
            const auto uc = md->find("unitCode");
            if (uc != md->end() && uc->is_object() && uc->contains("value") && (*uc)["value"].is_string()) {
                const std::string code = (*uc)["value"].get<std::string>();
                if (code.size() <= 8) return UnitSymbol(code);
            }
        }
    }
    return UnitSymbol(configured);
}

// A finite number of sane size, or the reason it is not.
Result<std::optional<double>> Figure(const ngsi::EntityView& e, const std::string& attribute) {
    auto v = ngsi::NumberValue(e, attribute);
    if (!v) return MakeError("opendata.wrong_type", v.error().message);
    if (*v && std::fabs(**v) > kMaxMagnitude)
        return MakeError("opendata.wrong_type", attribute + " is out of any plausible range");
    return *v;
}

// Names are shown to visitors: no control or bidi-override characters, no replacement characters (the body
// had invalid UTF-8), bounded length.
Result<std::string> CleanName(const std::string& name) {
    if (name.find("\xEF\xBF\xBD") != std::string::npos)
        return MakeError("opendata.invalid", "name is not valid UTF-8");
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c < 0x20 || c == 0x7f) continue;
        // U+202A..U+202E and U+2066..U+2069 (bidi embeddings, overrides, isolates).
        if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
            static_cast<unsigned char>(name[i + 2]) >= 0xAA &&
            static_cast<unsigned char>(name[i + 2]) <= 0xAE) {
            i += 2;
            continue;
        }
        if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x81 &&
            static_cast<unsigned char>(name[i + 2]) >= 0xA6 &&
            static_cast<unsigned char>(name[i + 2]) <= 0xA9) {
            i += 2;
            continue;
        }
        out += name[i];
    }
    if (out.size() > kMaxNameBytes) {
        std::size_t cut = kMaxNameBytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
        out += "\u2026";
    }
    return out;
}

std::string LowerAscii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::vector<std::string> TileSpec::Attrs() const {
    std::vector<std::string> out;
    auto add = [&out](const std::string& a) {
        if (!a.empty() && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    };
    add(attribute);
    add(total_attribute);
    for (const auto& x : extras) add(x.attribute);
    add("name");
    for (const char* t : kObservationTimes) add(t);
    add("location");
    return out;
}

std::vector<TileSpec> DefaultTiles() {
    std::vector<TileSpec> t(5);
    t[0].id = "weather";
    t[0].title_key = "kiosk.live.tile.weather";
    t[0].type = "WeatherObserved";
    t[0].attribute = "temperature", t[0].unit = "CEL", t[0].decimals = 1;
    t[0].extras = {{"precipitation", "MMT", 1}, {"windSpeed", "KMH", 0}};
    t[0].refresh = seconds(600), t[0].stale_after = seconds(2 * 3600);

    t[1].id = "parking";
    t[1].title_key = "kiosk.live.tile.parking";
    t[1].type = "OffStreetParking";
    t[1].attribute = "availableSpotNumber", t[1].total_attribute = "totalSpotNumber";
    t[1].refresh = seconds(120), t[1].stale_after = seconds(30 * 60);

    t[2].id = "air";
    t[2].title_key = "kiosk.live.tile.air";
    t[2].type = "AirQualityObserved";
    t[2].attribute = "airQualityLevel", t[2].display = TileDisplay::kLevel;
    t[2].extras = {{"no2", "GQ", 0}, {"pm10", "GQ", 0}, {"o3", "GQ", 0}};
    t[2].refresh = seconds(900), t[2].stale_after = seconds(3 * 3600);

    t[3].id = "water";
    t[3].title_key = "kiosk.live.tile.water";
    t[3].type = "WaterObserved";
    t[3].attribute = "height", t[3].unit = "MTR", t[3].decimals = 2;
    // The gauge's usual band: what the level is read against. A city sets its own gauge's range.
    t[3].normal_low = 1.8, t[3].normal_high = 2.6;
    t[3].refresh = seconds(900), t[3].stale_after = seconds(3 * 3600);

    t[4].id = "passers_by";
    t[4].title_key = "kiosk.live.tile.passers_by";
    t[4].source = TileSource::kCounter;
    t[4].refresh = seconds(60), t[4].stale_after = seconds(3600);
    return t;
}

std::string UnitSymbol(std::string_view code) {
    for (const auto& u : kUnits)
        if (u.code == code) return std::string(u.symbol);
    return std::string(code);
}

const std::vector<std::string>& LevelWords() {
    static const std::vector<std::string> kWords{"good",      "moderate",      "unhealthyforsensitivegroups",
                                                 "unhealthy", "veryunhealthy", "hazardous"};
    return kWords;
}

std::optional<double> ChartValue(const TileValue& v) {
    if (v.level.empty()) return v.value;
    if (!v.extras.empty()) return v.extras.front().value;
    return std::nullopt;
}

std::string ChartUnit(const TileValue& v) {
    if (v.level.empty()) return v.unit;
    return v.extras.empty() ? std::string() : v.extras.front().unit;
}

Result<TileValue> ParseTileValue(const TileSpec& spec, const json& raw, const ParseContext& ctx) {
    Result<ngsi::EntityView> view = ngsi::ParseEntity(raw);
    if (!view) return MakeError("opendata.invalid", "not an NGSI entity: " + view.error().message);
    const ngsi::EntityView& e = *view;
    if (e.type != spec.type) return Fail("opendata.invalid", e.id, "type is not " + spec.type);
    TileValue v;
    v.tile = spec.id;
    v.type = e.type;
    v.entity_id = e.id;
    if (auto name = ngsi::TextValue(e, "name"); name && *name) {
        auto clean = CleanName(**name);
        if (!clean) return Fail("opendata.invalid", e.id, clean.error().message);
        v.name = *clean;
    }
    if (spec.display == TileDisplay::kLevel) {
        auto word = ngsi::TextValue(e, spec.attribute);
        if (!word) return Fail("opendata.wrong_type", e.id, word.error().message);
        if (!*word) return Fail("opendata.no_value", e.id, "no " + spec.attribute);
        const std::string w = LowerAscii(**word);
        const auto& words = LevelWords();
        const auto it = std::find(words.begin(), words.end(), w);
        if (it == words.end())
            return Fail("opendata.unknown_level", e.id,
                        spec.attribute + " " + QuoteInput(**word, 40) + " is no known level");
        v.level = w;
        v.value = static_cast<double>(it - words.begin() + 1);
    } else {
        auto figure = Figure(e, spec.attribute);
        if (!figure) return Fail("opendata.wrong_type", e.id, figure.error().message);
        if (!*figure) return Fail("opendata.no_value", e.id, "no usable " + spec.attribute);
        v.value = **figure;
        v.unit = UnitOf(raw, spec.attribute, spec.unit);
        v.decimals = spec.decimals;
    }
    if (!spec.total_attribute.empty()) {
        auto total = Figure(e, spec.total_attribute);
        if (total && *total && **total >= 0) v.total = **total;
    }
    // Extras are a bonus: one that is missing or unreadable is left out, the tile still shows.
    for (const auto& x : spec.extras) {
        auto figure = Figure(e, x.attribute);
        if (figure && *figure)
            v.extras.push_back({x.attribute, **figure, UnitOf(raw, x.attribute, x.unit), x.decimals});
    }
    bool timed = false;
    for (const char* name : kObservationTimes) {
        auto when = ngsi::DateTimeValue(e, name);
        if (!when) continue;  // an unreadable time is no time; the next candidate may be fine
        if (*when) {
            v.observed = **when;
            timed = true;
            break;
        }
    }
    if (!timed) return Fail("opendata.no_time", e.id, "no readable observation time");
    if (ToUnixMs(ctx.now) != 0 && v.observed > ctx.now + kMaxFuture)
        return Fail("opendata.future", e.id, "observed in the future (" + FormatIsoUtc(v.observed) + ")");

    // Location: the raw GeoJSON point, so that [lat, lon] can be recognised instead of rejected.
    if (const ngsi::ReceivedAttribute* loc = e.Find("location"); loc && loc->value.is_object()) {
        const json& g = loc->value;
        const auto c = g.find("coordinates");
        if (g.value("type", json()) == "Point" && c != g.end() && c->is_array() && c->size() >= 2 &&
            (*c)[0].is_number() && (*c)[1].is_number()) {
            double lon = (*c)[0].get<double>(), lat = (*c)[1].get<double>();
            bool swap = std::fabs(lat) > 90 && std::fabs(lon) <= 90;
            if (!swap && ctx.reference_lon && ctx.reference_lat && std::fabs(lon) <= 90) {
                const double as_sent = Km(lon, lat, *ctx.reference_lon, *ctx.reference_lat);
                const double swapped = Km(lat, lon, *ctx.reference_lon, *ctx.reference_lat);
                swap = swapped < kSwapRegionKm && as_sent > 3 * swapped;
            }
            if (swap) std::swap(lon, lat);
            if (std::fabs(lat) <= 90 && std::fabs(lon) <= 180) {
                v.lon = lon, v.lat = lat;
                v.swapped_coordinates = swap;
            }
        }
    }
    return v;
}

json ToJson(const TileValue& v) {
    json extras = json::array();
    for (const auto& x : v.extras)
        extras.push_back(
            {{"attribute", x.attribute}, {"value", x.value}, {"unit", x.unit}, {"decimals", x.decimals}});
    json j = {{"tile", v.tile},
              {"type", v.type},
              {"entity", v.entity_id},
              {"name", v.name},
              {"level", v.level},
              {"unit", v.unit},
              {"decimals", v.decimals},
              {"extras", extras},
              {"observed_ms", ToUnixMs(v.observed)},
              {"swapped", v.swapped_coordinates}};
    if (v.value) j["value"] = *v.value;
    if (v.total) j["total"] = *v.total;
    if (v.lon && v.lat) j["lon"] = *v.lon, j["lat"] = *v.lat;
    return j;
}

Result<TileValue> TileValueFromStored(std::string_view stored) {
    const json j = json::parse(stored, nullptr, false);
    if (j.is_discarded()) return MakeError("opendata.invalid", "stored tile value is not JSON");
    if (!j.is_object()) return MakeError("opendata.invalid", "stored tile value is not an object");
    auto text = [&j](const char* key) -> const std::string* {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
    };
    auto number = [](const json& o, const char* key) -> std::optional<double> {
        const auto it = o.find(key);
        if (it == o.end() || !it->is_number()) return std::nullopt;
        return it->get<double>();
    };
    auto decimals = [&number](const json& o) {
        return static_cast<int>(std::clamp(number(o, "decimals").value_or(0), 0.0, 6.0));
    };
    TileValue v;
    for (auto [key, out] : {std::pair{"tile", &v.tile}, {"type", &v.type}, {"entity", &v.entity_id}}) {
        const std::string* s = text(key);
        if (!s)
            return MakeError("opendata.invalid",
                             std::string("stored tile value has no text \"") + key + "\"");
        *out = *s;
    }
    for (auto [key, out] : {std::pair{"name", &v.name}, {"level", &v.level}, {"unit", &v.unit}})
        if (const std::string* s = text(key)) *out = *s;
    v.decimals = decimals(j);
    v.value = number(j, "value");
    v.total = number(j, "total");
    if (const auto lon = number(j, "lon"), lat = number(j, "lat"); lon && lat) v.lon = lon, v.lat = lat;
    if (const auto it = j.find("swapped"); it != j.end() && it->is_boolean())
        v.swapped_coordinates = it->get<bool>();
    if (const auto it = j.find("observed_ms"); it != j.end() && it->is_number_integer())
        v.observed = FromUnixMs(it->get<std::int64_t>());
    if (const auto it = j.find("extras"); it != j.end()) {
        if (!it->is_array()) return MakeError("opendata.invalid", "stored tile value: extras is not a list");
        for (const json& x : *it) {
            const auto a = x.is_object() ? x.find("attribute") : x.end();
            const auto value = x.is_object() ? number(x, "value") : std::nullopt;
            if (a == x.end() || !a->is_string() || !value)
                return MakeError("opendata.invalid", "stored tile value: an extra has no attribute or value");
            const auto unit = x.find("unit");
            v.extras.push_back(
                {a->get<std::string>(), *value,
                 unit != x.end() && unit->is_string() ? unit->get<std::string>() : std::string(),
                 decimals(x)});
        }
    }
    return v;
}

}  // namespace ck::od
