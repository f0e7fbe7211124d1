// The passer-by counter's health as the counting service last saw it: written by the service at every
// checkpoint, read by `civic-kiosk status`, the Device heartbeat and the admin screen. One typed struct; its
// stored form (a JSON setting) is private to this file's implementation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::cache {

enum class CounterRunState { kStarting, kRunning, kRetrying, kError, kStopped };
const char* ToString(CounterRunState state);  // "starting" | "running" | "retrying" | "error" | "stopped"

struct CounterLineTotals {
    std::string name;
    std::int64_t positive = 0;
    std::int64_t negative = 0;
};

struct CounterHealth {
    CounterRunState state = CounterRunState::kStarting;
    std::string detector;  // the detector that runs ("dnn", "motion")
    double fps = 0;
    std::int64_t frames = 0;
    int retries = 0;
    std::string message;  // why retrying or failed; the fallback reason while running
    std::vector<CounterLineTotals> lines;
    int frame_width = 0;   // of the source the counter last opened (0: none yet); `counter line set` checks
    int frame_height = 0;  // a line against it
    TimePoint updated{};   // when the service wrote it (a running service rewrites it every checkpoint)
};

Status SaveCounterHealth(Database& db, const CounterHealth& health);
// nullopt: no counter has written its health yet. A stored value that cannot be read (an older kiosk's
// format, damage) is reported as an error state with updated = epoch, i.e. "silent", never as healthy.
Result<std::optional<CounterHealth>> LoadCounterHealth(Database& db);

}  // namespace ck::cache
