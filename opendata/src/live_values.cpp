#include "opendata/live_values.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace ck::od {
namespace {

// An attribute's value in either NGSI representation.
const nlohmann::json* Attr(const nlohmann::json& e, const char* name) {
    auto it = e.find(name);
    if (it == e.end()) return nullptr;
    if (it->is_object() && it->contains("value")) return &(*it)["value"];
    return &*it;
}

std::optional<double> Number(const nlohmann::json& e, const char* name) {
    const nlohmann::json* v = Attr(e, name);
    if (!v || !v->is_number()) return std::nullopt;
    const double d = v->get<double>();
    return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

std::string Text(const nlohmann::json& e, const char* name) {
    const nlohmann::json* v = Attr(e, name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

}  // namespace

Result<TimePoint> ParseIsoTime(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    double s = 0;
    char rest[16] = {0};
    const int n = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%lf%15s", &y, &mo, &d, &h, &mi, &s, rest);
    if (n < 5 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s < 0 || s >= 61) {
        return MakeError("time.invalid", "not an ISO 8601 date-time: " + text.substr(0, 40));
    }
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = static_cast<int>(s);
    std::int64_t secs = timegm(&tm);
    const std::string zone = rest;
    if (!zone.empty() && zone != "Z") {
        int oh = 0, om = 0;
        char sign = 0;
        if (std::sscanf(zone.c_str(), "%c%2d:%2d", &sign, &oh, &om) >= 2 && (sign == '+' || sign == '-')) {
            secs -= (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        }
    }
    return FromUnixMs(secs * 1000 + static_cast<std::int64_t>((s - static_cast<int>(s)) * 1000));
}

Result<LiveValue> ParseLiveEntity(const nlohmann::json& e) {
    if (!e.is_object() || !e.contains("type") || !e["type"].is_string() || !e.contains("id") || !e["id"].is_string()) {
        return MakeError("opendata.invalid", "not an NGSI entity (id and type required)");
    }
    LiveValue v;
    v.entity_id = e["id"].get<std::string>();
    v.name = Text(e, "name");
    const std::string type = e["type"].get<std::string>();
    std::optional<double> value;
    if (type == "WeatherObserved") {
        v.kind = LiveKind::kWeather, v.unit = "°C", value = Number(e, "temperature");
    } else if (type == "OffStreetParking") {
        v.kind = LiveKind::kParking, v.unit = "free", value = Number(e, "availableSpotNumber");
        v.capacity = Number(e, "totalSpotNumber");
    } else if (type == "AirQualityObserved") {
        v.kind = LiveKind::kAirQuality, v.unit = "µg/m³", value = Number(e, "no2");
        if (!value) value = Number(e, "pm10");
    } else if (type == "WaterObserved") {
        v.kind = LiveKind::kWater, v.unit = "m", value = Number(e, "height");
    } else if (type == "CrowdFlowObserved") {
        v.kind = LiveKind::kCrowdFlow, v.unit = "people", value = Number(e, "peopleCount");
    } else {
        return MakeError("opendata.unsupported", "unsupported entity type " + type.substr(0, 64));
    }
    if (!value) return MakeError("opendata.no_value", type + " " + v.entity_id.substr(0, 80) + " has no usable value");
    v.value = *value;
    std::string when = Text(e, "dateObserved");
    if (when.empty()) when = Text(e, "dateObservedTo");
    if (when.empty()) when = Text(e, "dateModified");
    if (when.empty()) return MakeError("opendata.no_time", v.entity_id.substr(0, 80) + " has no observation time");
    Result<TimePoint> t = ParseIsoTime(when);
    if (!t.ok()) return t.error();
    v.observed = *t;
    return v;
}

bool IsStale(const LiveValue& v, TimePoint now, std::chrono::seconds max_age) { return now - v.observed > max_age; }

}  // namespace ck::od
