// Counting lines set on the kiosk (the admin screen's drag, `civic-kiosk counter line set`): per line name,
// the segment in camera pixels and when it was set. The configured `[[counter.lines]]` stay the default; a
// stored line of the same name replaces its segment at start and while the counter runs. One typed struct;
// its stored form (a JSON setting per line) is private to this file's implementation.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::cache {

struct CounterLineOverride {
    std::string name;                    // the configured line it replaces
    int x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // A -> B in camera pixels
    TimePoint set_at{};
};

// Replaces any stored line of that name. The caller has validated the geometry against the frame.
Status SaveCounterLineOverride(Database& db, const CounterLineOverride& line);
// Every stored line, ordered by name. One that cannot be read (damage) is left out, so the configured line
// counts instead of a garbled one.
Result<std::vector<CounterLineOverride>> LoadCounterLineOverrides(Database& db);
// Back to the configured line; no stored line of that name is no error.
Status DeleteCounterLineOverride(Database& db, const std::string& name);

}  // namespace ck::cache
