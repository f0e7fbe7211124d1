// UTC wall-clock helpers. Domain code takes time as a parameter (testable); only the app reads the clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace ck {

using Clock = std::chrono::system_clock;
using TimePoint = std::chrono::time_point<Clock, std::chrono::milliseconds>;

inline TimePoint Now() { return std::chrono::time_point_cast<std::chrono::milliseconds>(Clock::now()); }
inline std::int64_t ToUnixMs(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint FromUnixMs(std::int64_t ms) { return TimePoint(std::chrono::milliseconds(ms)); }

// ISO 8601 UTC with a 'Z', second precision: "2026-11-27T14:05:00Z" (the form Orion stores as DateTime).
std::string FormatIsoUtc(TimePoint t);
// Reads exactly what FormatIsoUtc writes (our own stored timestamps); anything else is nullopt.
std::optional<TimePoint> ParseIsoUtc(const std::string& text);

}  // namespace ck
