// How the kiosk's recent runs ended, for safe mode: a "running" marker set when the interactive kiosk
// starts and cleared when it ends in order, and the times of the abnormal ends found so far. One typed
// struct; its stored form (a JSON setting) is private to this file's implementation.
#pragma once

#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::cache {

struct RunHistory {
    bool running = false;  // set while a kiosk runs; still set at the next start = it did not end in order
    TimePoint started{};   // when the run that set the marker started
    std::vector<TimePoint> abnormal_ends;  // when each abnormal end was found (the next start), oldest first
};

Status SaveRunHistory(Database& db, const RunHistory& history);
// A fresh history when none is stored. One that cannot be read (damage) counts as one abnormal end found
// now: something went wrong, and safe mode errs on the side of caution only after three of them.
Result<RunHistory> LoadRunHistory(Database& db, TimePoint now);

}  // namespace ck::cache
