// How old a value is, in words a visitor reads: "as of 14:05, 12 min ago", plurals through ICU, and whether
// it is still current for its tile.
#pragma once

#include <chrono>
#include <string>

#include "core/time.h"
#include "locales/localizer.h"

namespace ck::od {

// Older than stale_after (or observed implausibly far ahead): shown as outdated, never as current.
bool IsStale(TimePoint observed, TimePoint now, std::chrono::seconds stale_after);

// "Stand 14:05, vor 12 Min." / "as of 14:05, 12 min ago" / "as of 25 Nov, 3 days ago", in the localizer's
// language (catalogue keys kiosk.live.age.*). A time a little ahead of the clock reads as "just now".
std::string AgeText(loc::Localizer& loc, TimePoint observed, TimePoint now);

// The offset of the process time zone (ICU's default, which the app pins to city.time_zone) from UTC at t.
std::chrono::minutes UtcOffsetAt(TimePoint t);
// The start of the local day (midnight) that contains t.
TimePoint LocalDayStart(TimePoint t);

}  // namespace ck::od
