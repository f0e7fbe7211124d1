// Heartbeats of the long-running threads, for the service manager's watchdog. Each thread that must show
// progress (the UI loop, the sync worker, the counter thread) beats its own heartbeat at least every
// interval(); whoever feeds the watchdog does so only while no heartbeat has been silent for longer than the
// registry's limit, so a hung worker stops the feeding as surely as a hung UI loop.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ck {

using SteadyTime = std::chrono::steady_clock::time_point;

class Heartbeat {
  public:
    Heartbeat(std::string name, std::chrono::milliseconds interval);
    // Lock-free; any thread may call it, but by convention only the thread it stands for does.
    void Beat();
    // The thread ended on purpose (a counter with nothing to count): it is no longer watched.
    void Retire();
    bool retired() const;
    SteadyTime last() const;
    const std::string& name() const { return name_; }
    // How often the thread must beat: a thread that sleeps longer wakes up for it.
    std::chrono::milliseconds interval() const { return interval_; }

  private:
    std::string name_;
    std::chrono::milliseconds interval_;
    std::atomic<std::int64_t> last_ns_;
};

// The silent heartbeat the registry found, for the log and the service manager's status line.
struct SilentHeartbeat {
    std::string name;
    double silent_s = 0;
};

class HeartbeatRegistry {
  public:
    // limit: a heartbeat silent for longer counts as stalled; threads beat every limit / 3.
    explicit HeartbeatRegistry(std::chrono::milliseconds limit);
    HeartbeatRegistry(const HeartbeatRegistry&) = delete;
    HeartbeatRegistry& operator=(const HeartbeatRegistry&) = delete;

    // A new heartbeat, beaten now. It is watched until it is retired.
    std::shared_ptr<Heartbeat> Add(std::string name);
    // The heartbeat silent the longest beyond the limit at `now`; nullopt while every one is fresh.
    std::optional<SilentHeartbeat> FindSilent(SteadyTime now) const;
    std::chrono::milliseconds limit() const { return limit_; }

  private:
    std::chrono::milliseconds limit_;
    mutable std::mutex mutex_;  // guards beats_ (the list; each beat is atomic)
    std::vector<std::shared_ptr<Heartbeat>> beats_;
};

}  // namespace ck
