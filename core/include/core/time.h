// UTC wall-clock helpers. Domain code takes time as a parameter (testable); only the app reads the clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
// ISO 8601 as servers send it (Orion's DateTime, CKAN, PVOG): "YYYY-MM-DD", optionally followed by
// "THH:MM", ":SS", a fraction of any length (read to the millisecond) and a zone "Z", "+HH", "+HHMM" or
// "+HH:MM" (none = UTC). Impossible dates and times (02-30, 24:00) are nullopt, as is anything else.
std::optional<TimePoint> ParseIso8601(std::string_view text);

}  // namespace ck
