// Live open data as display values: parsed from NGSI-v2 entities (Smart Data Models), with their age.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/time.h"

namespace ck::od {

enum class LiveKind { kWeather, kParking, kAirQuality, kWater, kCrowdFlow };

struct LiveValue {
    LiveKind kind = LiveKind::kWeather;
    std::string entity_id;
    std::string name;          // the place ("Parkhaus City-Center"), as published
    double value = 0;          // the headline figure in `unit`
    std::string unit;          // "°C", "free", "µg/m³", "cm", "people/h"
    std::optional<double> capacity;  // parking: total spots
    TimePoint observed{};      // when the value was measured (dateObserved / dateModified)
};

// Accepts normalized and keyValues forms of WeatherObserved, OffStreetParking, AirQualityObserved,
// WaterObserved and CrowdFlowObserved; an entity without a usable headline value is an error, not a zero.
Result<LiveValue> ParseLiveEntity(const nlohmann::json& entity);
// Older than max_age: shown as outdated, never as current.
bool IsStale(const LiveValue& v, TimePoint now, std::chrono::seconds max_age);

}  // namespace ck::od
