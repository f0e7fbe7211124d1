#include <spdlog/spdlog.h>

#include <algorithm>

#include "offline_cache/http_client.h"
#include "offline_cache/sync.h"

namespace ck::cache {
namespace {

// After a round, the worker sleeps at least this long unless asked for a round: items that stay due (e.g.
// queued for a target without a connector) must not turn the loop into a spin.
constexpr auto kMinSleep = std::chrono::milliseconds(1000);

}  // namespace

TimePoint NextRoundTime(Database& db, const std::vector<Connector>& connectors, const SyncSettings& settings,
                        const SyncState& state, TimePoint now) {
    TimePoint wake = now + std::chrono::milliseconds(static_cast<std::int64_t>(
                               std::clamp(settings.interval_s, 1.0, 86400.0) * 1000.0));
    for (const auto& c : connectors) {
        const auto it = state.connectors.find(c.name);
        const TimePoint retry_at = it != state.connectors.end() ? it->second.retry_at : TimePoint{};
        TimePoint candidate = wake;
        if (c.pull) {
            const auto p = state.next_pull.find(c.name);
            if (p != state.next_pull.end()) candidate = std::min(candidate, p->second);
        }
        if (c.push && c.name == "ngsi") candidate = std::min(candidate, state.next_heartbeat);
        wake = std::min(wake, std::max(candidate, retry_at));
    }
    bool can_push =
        std::any_of(connectors.begin(), connectors.end(), [](const auto& c) { return bool(c.push); });
    if (can_push) {
        if (auto due = NextDueTime(db); due) wake = std::min(wake, *due);
    }
    return std::max(wake, now + kMinSleep);
}

SyncWorker::SyncWorker(std::string database_path, SyncSettings settings, Clock clock)
    : database_path_(std::move(database_path)), settings_(std::move(settings)), clock_(std::move(clock)) {}

SyncWorker::~SyncWorker() {
    Stop();
}

Status SyncWorker::Start() {
    if (thread_.joinable()) return MakeError("sync.running", "the sync worker is already running");
    auto db = Database::Open(database_path_, OpenMode::kReadWrite);
    if (!db) return db.error();
    {
        std::lock_guard lock(mutex_);
        stop_ = false;
        wake_ = false;
        snapshot_.running = true;
    }
    thread_ = std::thread([this, connection = std::move(*db)]() mutable { Run(std::move(connection)); });
    return {};
}

void SyncWorker::RequestRound() {
    {
        std::lock_guard lock(mutex_);
        wake_ = true;
    }
    cv_.notify_one();
}

void SyncWorker::Stop() {
    {
        // Set under the lock so the worker cannot miss it between checking and starting to wait.
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

SyncSnapshot SyncWorker::Snapshot() const {
    std::lock_guard lock(mutex_);
    return snapshot_;
}

void SyncWorker::Publish(const SyncState& state, const OutboxCounts& counts, TimePoint when) {
    SyncSnapshot next;
    next.running = !stop_.load();
    for (const auto& [name, status] : state.connectors) next.connectors.push_back(status);
    next.outbox = counts;
    next.last_round = when;
    std::lock_guard lock(mutex_);
    snapshot_ = std::move(next);
}

void SyncWorker::Run(Database db) {
    HttpClient client(MakeHttpClientSettings(settings_));
    client.SetCancelFlag(&stop_);
    std::vector<Connector> connectors = MakeConnectors(client, settings_);
    SyncState state;
    // Continue where the previous process left off (health, backoff), so a restart loop cannot hammer.
    if (auto saved = LoadConnectorStatuses(db); saved) {
        for (auto& s : *saved) state.connectors[s.name] = s;
    }
    if (connectors.empty()) spdlog::info("sync: no central service configured; the outbox is kept locally");

    RoundOptions options;
    options.stop = &stop_;
    options.heartbeat = heartbeat_.get();
    while (!stop_.load()) {
        if (heartbeat_) heartbeat_->Beat();
        const TimePoint now = clock_();
        const RoundSummary summary = RunSyncRound(db, connectors, settings_, state, now, options);
        ++rounds_;
        if (test_stall_s_ > 0 && rounds_ == 1) {
            // Test-only: a thread that hangs (no beats), yet still ends when asked to.
            spdlog::warn("sync: stalling for {} s (test hook)", test_stall_s_);
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, std::chrono::duration<double>(test_stall_s_), [this] { return stop_.load(); });
        }
        if (summary.pulled > 0) ++pulled_rounds_;
        if (summary.delivered > 0 || summary.dead > 0) {
            spdlog::debug("sync: delivered {}, dead {}, pending {}", summary.delivered, summary.dead,
                          summary.outbox.pending);
        }
        Publish(state, summary.outbox, now);
        const TimePoint wake = NextRoundTime(db, connectors, settings_, state, clock_());
        const auto until = std::chrono::steady_clock::now() + (wake - clock_());
        std::unique_lock lock(mutex_);
        // Under a watchdog the wait is cut into beats: a sleeping worker is alive, a hung one is not.
        while (!wake_ && !stop_.load() && std::chrono::steady_clock::now() < until) {
            const auto step = heartbeat_
                                  ? std::min(until, std::chrono::steady_clock::now() + heartbeat_->interval())
                                  : until;
            cv_.wait_until(lock, step, [this] { return wake_ || stop_.load(); });
            if (heartbeat_) heartbeat_->Beat();
        }
        wake_ = false;
    }
    std::lock_guard lock(mutex_);
    snapshot_.running = false;
}

}  // namespace ck::cache
