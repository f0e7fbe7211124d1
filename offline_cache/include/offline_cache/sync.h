// Synchronisation with the central services: one round (RunSyncRound, used by the worker and by
// `civic-kiosk sync --once`) and the background worker that runs rounds (SyncWorker).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/heartbeat.h"
#include "core/log_limit.h"
#include "core/result.h"
#include "core/time.h"
#include "offline_cache/ckan_connector.h"
#include "offline_cache/connector.h"
#include "offline_cache/counter_health.h"
#include "offline_cache/database.h"
#include "offline_cache/live_connector.h"
#include "offline_cache/ngsi_connector.h"
#include "offline_cache/outbox.h"
#include "offline_cache/pvog_connector.h"

namespace ck::cache {

struct SyncSettings {
    std::string orion_url;  // empty: no NGSI connector
    std::string fiware_service;
    std::string fiware_servicepath = "/";
    std::string auth_token;
    std::string ca_bundle;
    double connect_timeout_s = 5;
    double total_timeout_s = 20;
    double backoff_min_s = 2;
    double backoff_max_s = 600;
    double interval_s = 30;  // time between rounds when nothing is due sooner
    double pull_interval_s = 300;
    double heartbeat_interval_s = 300;
    double retention_days = 7;  // delivered outbox items are kept this long (then pruned)
    std::vector<NgsiPullSpec> pulls;
    std::string kiosk_id;  // Device id suffix: urn:ngsi-ld:Device:<kiosk_id>
    std::string site_name;
    std::string software_version;
    // This kiosk runs a passer-by counter (its health: offline_cache/counter_health.h). The heartbeat then
    // reports a failed or silent counter, and one that never saved its health as silent.
    bool counter_enabled = false;
    // PVOG catalogue pull: a connector when pvog.base_url is set (and its parsers are given).
    PvogSettings pvog;
    // Live tiles from Orion: a connector when orion_url is set and tiles (and their parser) are given. Its
    // base_url, service, service path and token are taken from the fields above.
    LiveSettings live;
    // The open data catalogue: a connector when ckan.base_url is set.
    CkanSettings ckan;
    // Not empty: the kiosk runs in safe mode (kiosk/src/app/safe_mode.h) and the heartbeat reports
    // deviceState "safe-mode" with this reason.
    std::string safe_mode_reason;
};

// What the last contact with a connector's service showed. Unreachable (no HTTP answer: refused, DNS, TLS,
// timeout, cut) and a bad response (an answer that could not be used: an error status, a body too large,
// malformed data, a rejected heartbeat) need different fixes, so they are different states.
enum class ConnectorState { kUnknown, kOnline, kUnreachable, kBadResponse };
const char* ToString(ConnectorState state);  // "unknown", "online", "unreachable", "bad_response"

// Whether an error code means the service gave no HTTP answer at all (http.connect, http.tls, http.timeout,
// http.transport, http.cancelled), as opposed to an answer that was unusable.
bool IsUnreachableError(const std::string& code);

// Health of one connector, persisted in the settings table ("sync.connector.<name>") so that
// `civic-kiosk status` in another process sees it.
struct ConnectorStatus {
    std::string name;
    ConnectorState state = ConnectorState::kUnknown;
    bool online = false;  // reachable: the last contact got an HTTP answer (state online or bad_response)
    TimePoint last_attempt{};  // epoch = never
    TimePoint last_success{};
    // The most recent failure (kept after recovery, for the admin): a stable code (http.connect, http.tls,
    // http.timeout, http.transport, http.status, http.body_too_large, ngsi.malformed, ngsi.too_many,
    // ngsi.pull_failed, ngsi.rejected, store) and the text for people.
    std::string last_error_code;
    std::string last_error;
    int consecutive_failures = 0;
    TimePoint retry_at{};  // no contact before this (backoff)
};

Status SaveConnectorStatus(Database& db, const ConnectorStatus& status);
Result<std::vector<ConnectorStatus>> LoadConnectorStatuses(Database& db);

// What a worker remembers between rounds.
struct SyncState {
    std::map<std::string, ConnectorStatus> connectors;
    std::map<std::string, TimePoint> next_pull;
    TimePoint next_heartbeat{};
    std::mt19937_64 rng{std::random_device{}()};
    // Health changes and rejected items: a few lines per connector and 10 minutes, on the round's clock.
    LogLimiter log_limit{std::chrono::minutes(10), 3};
};

struct RoundOptions {
    bool force = false;                       // ignore backoff and due times (sync --once)
    const std::atomic<bool>* stop = nullptr;  // checked between batches
    int max_batches = 1000;                   // per connector and round
    Heartbeat* heartbeat = nullptr;           // beaten between steps and batches (the watchdog)
};

struct RoundSummary {
    std::int64_t delivered = 0;
    std::int64_t dead = 0;
    std::int64_t retried = 0;
    std::int64_t pulled = 0;
    std::int64_t skipped = 0;
    std::int64_t pruned = 0;
    bool heartbeat_sent = false;
    // One line per problem this round ("ngsi: http.connect: ..."): a connector that failed, a heartbeat
    // that was due and not sent, a store error. Items the server rejected for good are counted in `dead`.
    std::vector<std::string> errors;
    OutboxCounts outbox;              // after the round
};

// What the heartbeat says about the kiosk: deviceState "ok", "degraded" (it works, but something needs a look:
// rejected items, a growing backlog, a camera being retried) or "error" (the counter failed or fell silent),
// and a short reason for anything but "ok". Never personal data: only counts and component messages.
struct DeviceHealth {
    std::string state = "ok";
    std::string reason;
};
// counter: the counter's saved health when the kiosk has a counter (a default CounterHealth, updated at the
// epoch, when it never saved one), nullopt without a counter. Health not updated for counter_silent_s while
// the counter should be running counts as an error.
DeviceHealth AssessDeviceHealth(const OutboxCounts& counts, const std::optional<CounterHealth>& counter,
                                TimePoint now, double counter_silent_s = 600);

// The Device heartbeat entity (normalized NGSI-v2, through ngsi::BuildPayload).
Result<std::string> BuildDeviceHeartbeat(const SyncSettings& settings, const OutboxCounts& counts,
                                         const DeviceHealth& health, TimePoint now);

// Backoff delay for the n-th consecutive failure: exponential from backoff_min_s, capped at backoff_max_s,
// with jitter over [min, cap]; a server's Retry-After is a lower bound, itself capped at backoff_max_s (a
// server asking for days must not silence the kiosk beyond what the operator configured).
double BackoffSeconds(const SyncSettings& settings, int consecutive_failures,
                      std::optional<double> retry_after_s, std::mt19937_64& rng);

// One round: recover stale in-flight items, deliver due outbox items per connector (in creation order),
// send the heartbeat and pull when due, prune delivered items past retention, persist connector health.
RoundSummary RunSyncRound(Database& db, std::vector<Connector>& connectors, const SyncSettings& settings,
                          SyncState& state, TimePoint now, const RoundOptions& options = {});

// When the worker runs its next round if nobody asks sooner: the earliest of the next interval, a pull, the
// heartbeat and the first due outbox item, never before a connector's backoff ends, and at least a second
// after `now` (items that stay due must not turn the loop into a spin). A simulation on a compressed clock
// (tests/fleet) schedules rounds with it exactly as SyncWorker does.
TimePoint NextRoundTime(Database& db, const std::vector<Connector>& connectors, const SyncSettings& settings,
                        const SyncState& state, TimePoint now);

// The connectors the settings describe (NGSI and live tiles when orion_url is set, PVOG when pvog.base_url
// is set, CKAN when ckan.base_url is set). The client must outlive them.
std::vector<Connector> MakeConnectors(HttpClient& client, const SyncSettings& settings);
HttpClientSettings MakeHttpClientSettings(const SyncSettings& settings);

// Immutable picture of the sync state for the UI (copied under one short lock).
struct SyncSnapshot {
    bool running = false;
    std::vector<ConnectorStatus> connectors;
    OutboxCounts outbox;
    TimePoint last_round{};
};

// The background sync thread. It owns its own read-write Database connection and the HTTP client; nothing
// else touches them. Stop() (or the destructor) returns promptly: the wait is interruptible and a transfer
// in progress is aborted.
class SyncWorker {
  public:
    // The time rounds are run at (backoff, due items, heartbeats): Now() in the kiosk; the soak test's
    // accelerated clock (tests/soak). Called on the worker thread.
    using Clock = std::function<TimePoint()>;
    SyncWorker(std::string database_path, SyncSettings settings, Clock clock = Now);
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    // The worker beats it between rounds, steps and batches and wakes from its wait to beat it. Before Start.
    void SetHeartbeat(std::shared_ptr<Heartbeat> heartbeat) { heartbeat_ = std::move(heartbeat); }
    // Test-only (the watchdog test): after the first round the thread stalls this long without beating.
    void SetTestStall(double seconds) { test_stall_s_ = seconds; }
    // Opens the store and starts the thread.
    Status Start();
    // Asks for a round now (e.g. after an idea was committed); returns immediately.
    void RequestRound();
    void Stop();
    SyncSnapshot Snapshot() const;
    // Rounds completed since Start() (for tests and diagnostics).
    std::int64_t rounds() const { return rounds_.load(); }
    // Rounds that stored pulled content: the UI compares it with the value it last saw to know that cached
    // content (live values, the service catalogue and descriptions) changed, without a query per frame.
    std::int64_t pulled_rounds() const { return pulled_rounds_.load(); }

  private:
    void Run(Database db);
    void Publish(const SyncState& state, const OutboxCounts& counts, TimePoint when);

    std::string database_path_;
    SyncSettings settings_;
    Clock clock_;
    std::atomic<bool> stop_{false};
    std::atomic<std::int64_t> rounds_{0};
    std::atomic<std::int64_t> pulled_rounds_{0};
    mutable std::mutex mutex_;  // guards wake_, snapshot_
    std::condition_variable cv_;
    bool wake_ = false;
    SyncSnapshot snapshot_;
    std::shared_ptr<Heartbeat> heartbeat_;
    double test_stall_s_ = 0;
    std::thread thread_;
};

}  // namespace ck::cache
