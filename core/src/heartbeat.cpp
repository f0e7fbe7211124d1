#include "core/heartbeat.h"

#include <algorithm>
#include <limits>

namespace ck {
namespace {

std::int64_t ToNs(SteadyTime t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

constexpr std::int64_t kRetired = std::numeric_limits<std::int64_t>::max();

}  // namespace

Heartbeat::Heartbeat(std::string name, std::chrono::milliseconds interval)
    : name_(std::move(name)), interval_(interval), last_ns_(ToNs(std::chrono::steady_clock::now())) {}

void Heartbeat::Beat() {
    if (retired()) return;  // for good
    last_ns_.store(ToNs(std::chrono::steady_clock::now()), std::memory_order_relaxed);
}

void Heartbeat::Retire() {
    last_ns_.store(kRetired, std::memory_order_relaxed);
}

bool Heartbeat::retired() const {
    return last_ns_.load(std::memory_order_relaxed) == kRetired;
}

SteadyTime Heartbeat::last() const {
    return SteadyTime(std::chrono::duration_cast<SteadyTime::duration>(
        std::chrono::nanoseconds(last_ns_.load(std::memory_order_relaxed))));
}

HeartbeatRegistry::HeartbeatRegistry(std::chrono::milliseconds limit)
    : limit_(std::max(limit, std::chrono::milliseconds(3))) {}

std::shared_ptr<Heartbeat> HeartbeatRegistry::Add(std::string name) {
    auto beat = std::make_shared<Heartbeat>(std::move(name), limit_ / 3);
    std::lock_guard lock(mutex_);
    beats_.push_back(beat);
    return beat;
}

std::optional<SilentHeartbeat> HeartbeatRegistry::FindSilent(SteadyTime now) const {
    std::optional<SilentHeartbeat> worst;
    std::lock_guard lock(mutex_);
    for (const auto& b : beats_) {
        if (b->retired()) continue;
        const auto silent = now - b->last();
        if (silent <= limit_) continue;
        const double s = std::chrono::duration<double>(silent).count();
        if (!worst || s > worst->silent_s) worst = SilentHeartbeat{b->name(), s};
    }
    return worst;
}

}  // namespace ck
