#include "opendata/live_values.h"

#include "ngsi/entity.h"

namespace ck::od {
namespace {

// A value that is absent or unreadable is "not there": the headline check below decides what that means.
std::optional<double> Number(const ngsi::EntityView& e, const char* name) {
    Result<std::optional<double>> v = ngsi::NumberValue(e, name);
    return v ? *v : std::nullopt;
}

std::string Text(const ngsi::EntityView& e, const char* name) {
    Result<std::optional<std::string>> v = ngsi::TextValue(e, name);
    return v && *v ? **v : std::string();
}

}  // namespace

Result<LiveValue> ParseLiveEntity(const nlohmann::json& json) {
    Result<ngsi::EntityView> view = ngsi::ParseEntity(json);
    if (!view) return MakeError("opendata.invalid", "not an NGSI entity: " + view.error().message);
    const ngsi::EntityView& e = *view;
    LiveValue v;
    v.entity_id = e.id;
    v.name = Text(e, "name");
    const std::string& type = e.type;
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
    if (!value)
        return MakeError("opendata.no_value",
                         type + " " + v.entity_id.substr(0, 80) + " has no usable value");
    v.value = *value;
    for (const char* name : {"dateObserved", "dateObservedTo", "dateModified"}) {
        Result<std::optional<TimePoint>> when = ngsi::DateTimeValue(e, name);
        if (!when) return MakeError("time.invalid", when.error().message);
        if (*when) {
            v.observed = **when;
            return v;
        }
    }
    return MakeError("opendata.no_time", v.entity_id.substr(0, 80) + " has no observation time");
}

bool IsStale(const LiveValue& v, TimePoint now, std::chrono::seconds max_age) {
    return now - v.observed > max_age;
}

}  // namespace ck::od
