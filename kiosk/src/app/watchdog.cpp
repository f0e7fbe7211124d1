#include "app/watchdog.h"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <cmath>

namespace ck::kiosk {

Watchdog Watchdog::FromEnvironment() {
    Watchdog w;
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        const auto period = std::chrono::microseconds(usec);
        w.registry_ = std::make_unique<HeartbeatRegistry>(
            std::chrono::duration_cast<std::chrono::milliseconds>(period));
        w.feed_every_ = period / 3;
        spdlog::info("watchdog: every {} ms, threads silent for longer stop the feeding", usec / 1000);
    }
    return w;
}

void Watchdog::NotifyReady() {
    if (ready_) return;
    ready_ = true;
    sd_notify(0, "READY=1\nSTATUS=running");
    next_feed_ = std::chrono::steady_clock::now();
}

void Watchdog::NotifyStopping() {
    sd_notify(0, "STOPPING=1");
}

SteadyTime Watchdog::NextFeed() const {
    if (!enabled() || !ready_) return SteadyTime::max();
    return next_feed_;
}

void Watchdog::Tick(SteadyTime now) {
    if (!enabled() || !ready_ || now < next_feed_) return;
    next_feed_ = now + std::chrono::duration_cast<SteadyTime::duration>(feed_every_);
    const std::optional<SilentHeartbeat> silent = registry_->FindSilent(now);
    if (silent) {
        if (silent_ != silent->name) {
            // Once per stall: systemd shows the status line, the log keeps the name for afterwards.
            const std::string status =
                "STATUS=not feeding the watchdog: the " + silent->name + " thread is silent";
            sd_notify(0, status.c_str());
            spdlog::error(
                "watchdog: the {} thread has shown no progress for {:.0f} s; not feeding the watchdog",
                silent->name, std::floor(silent->silent_s));
            silent_ = silent->name;
        }
        return;
    }
    if (silent_) {
        spdlog::warn("watchdog: the {} thread shows progress again", *silent_);
        sd_notify(0, "STATUS=running");
        silent_.reset();
    }
    sd_notify(0, "WATCHDOG=1");
}

}  // namespace ck::kiosk
