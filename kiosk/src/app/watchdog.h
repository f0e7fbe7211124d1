// The service manager's watchdog (systemd Type=notify, WatchdogSec=): READY once the first frame is on
// screen, then WATCHDOG=1 from the UI loop, but only while every registered thread's heartbeat is fresh. A
// silent thread is named in the unit's status line and the log; systemd then kills and restarts the kiosk.
// Without NOTIFY_SOCKET (a developer's terminal, tests) every call is a no-op.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/heartbeat.h"

namespace ck::kiosk {

class Watchdog {
  public:
    // Reads WATCHDOG_USEC/WATCHDOG_PID as systemd sets them. Threads count as stalled after the watchdog
    // period (systemd's own limit for the feeding), and the feed goes out three times per period.
    static Watchdog FromEnvironment();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;
    Watchdog(Watchdog&&) = default;

    bool enabled() const { return registry_ != nullptr; }
    // The registry the threads beat into; null when no watchdog is asked for (nothing needs to beat).
    HeartbeatRegistry* heartbeats() { return registry_.get(); }
    void NotifyReady();
    void NotifyStopping();
    // Called on every wake of the UI loop: feeds the watchdog when it is due and every heartbeat is fresh.
    void Tick(SteadyTime now);
    // When the UI loop must wake at the latest for the next feed (max() without a watchdog).
    SteadyTime NextFeed() const;

  private:
    Watchdog() = default;
    std::unique_ptr<HeartbeatRegistry> registry_;
    std::chrono::microseconds feed_every_{0};
    SteadyTime next_feed_{};
    bool ready_ = false;
    std::optional<std::string> silent_;  // the thread named in the current "not feeding" status
};

}  // namespace ck::kiosk
