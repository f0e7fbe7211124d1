// Safe mode: a kiosk that keeps dying starts with less. After kSafeModeAfter abnormal ends within
// kSafeModeWindow the kiosk starts without the camera and without pulling remote content (the core screens
// show what the store holds, the outbox is still delivered), the Device heartbeat says "safe-mode" and the
// admin screen says why.
//
// An abnormal end is detected with a marker in the store (cache::RunHistory): the interactive kiosk sets
// it when it starts and clears it when its loop ends in order (SIGTERM, the operator leaving). A marker
// still set at the next start means the last run ended otherwise: a crash, the watchdog's kill, the OOM
// killer, a power cut. It is recorded with the time it was found (systemd restarts within seconds).
// After kSafeModeWindow of clean running the recorded ends are cleared; the running kiosk stays in the
// mode it started in until its next start.
#pragma once

#include <chrono>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::kiosk {

constexpr int kSafeModeAfter = 3;
constexpr std::chrono::minutes kSafeModeWindow{30};

struct SafeMode {
    bool active = false;
    int abnormal_ends = 0;  // within the window, this start's finding included
    std::string reason;     // for the log, the heartbeat and the admin screen; empty unless active
    TimePoint started{};    // this run's start: the ends are cleared at started + kSafeModeWindow
    bool cleared = false;   // the clean run has cleared them
};

// At the interactive kiosk's start: records the last run's abnormal end (if its marker is still set),
// forgets ends older than the window, sets the marker for this run and decides.
Result<SafeMode> BeginRun(cache::Database& db, TimePoint now);
// The loop ended in order: clears the marker.
Status EndRun(cache::Database& db);
// Called as time passes: after kSafeModeWindow of clean running (from mode.started), clears the recorded
// ends once. Returns whether it wrote.
Result<bool> ClearAfterCleanRun(cache::Database& db, SafeMode& mode, TimePoint now);

}  // namespace ck::kiosk
