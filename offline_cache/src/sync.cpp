#include "offline_cache/sync.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "ngsi/entity.h"
#include "ngsi/rules.h"
#include "offline_cache/content_cache.h"

namespace ck::cache {
namespace {

using nlohmann::json;

constexpr const char* kStatusKeyPrefix = "sync.connector.";
constexpr const char* kHeartbeatConnector = "ngsi";

TimePoint AfterSeconds(TimePoint t, double seconds) {
    return t + std::chrono::milliseconds(static_cast<std::int64_t>(std::clamp(seconds, 0.0, 1e9) * 1000.0));
}

// Orion rejects its forbidden characters in Text values; the site name is operator input.
std::string ForTextAttribute(const std::string& text, std::size_t max_bytes) {
    std::string out = ngsi::StripForbiddenChars(text);
    if (out.size() <= max_bytes) return out;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return out.substr(0, cut);
}

// Health is logged when it changes, never per failed attempt, and a connector that flaps (failing,
// recovering, failing again) is held to a few lines per window: an offline kiosk must not fill its disk.
void LogHealthChange(SyncState& state, const std::string& connector, TimePoint now,
                     spdlog::level::level_enum level, const std::string& text) {
    const LogLimiter::Verdict v = state.log_limit.Check("sync.health." + connector, now);
    if (!v.log) return;
    if (v.held_back > 0) {
        spdlog::log(level, "{} ({} more changes of {} were not logged)", text, v.held_back, connector);
    } else {
        spdlog::log(level, "{}", text);
    }
}

void RecordSuccess(ConnectorStatus& s, SyncState& state, TimePoint now) {
    if (s.state != ConnectorState::kOnline) {
        LogHealthChange(state, s.name, now, spdlog::level::info,
                        s.consecutive_failures > 0
                            ? "sync: " + s.name + " reachable again after " +
                                  std::to_string(s.consecutive_failures) + " failed attempts"
                            : "sync: " + s.name + " online");
    }
    s.state = ConnectorState::kOnline;
    s.online = true;
    s.last_attempt = now;
    s.last_success = now;
    s.consecutive_failures = 0;
    s.retry_at = TimePoint{};
}

// A contact that failed: unreachable (no HTTP answer) or a bad response, as the error code says.
// with_backoff: the connector waits before its next contact (a push the server could not take); a pull
// that returned unusable data is simply tried again at the next pull time.
void RecordFailure(ConnectorStatus& s, const SyncSettings& settings, SyncState& state, TimePoint now,
                   const std::string& code, const std::string& error, std::optional<double> retry_after_s,
                   bool with_backoff = true) {
    const ConnectorState next =
        IsUnreachableError(code) ? ConnectorState::kUnreachable : ConnectorState::kBadResponse;
    ++s.consecutive_failures;
    if (s.state != next || s.last_error_code != code) {
        LogHealthChange(state, s.name, now, spdlog::level::warn,
                        "sync: " + s.name + " " +
                            (next == ConnectorState::kUnreachable ? "unreachable" : "answered badly") + " (" +
                            code + ": " + error +
                            "); further failures like this are not logged until it changes");
    }
    s.state = next;
    s.online = next != ConnectorState::kUnreachable;
    s.last_attempt = now;
    s.last_error_code = code;
    s.last_error = error;
    if (with_backoff) {
        s.retry_at =
            AfterSeconds(now, BackoffSeconds(settings, s.consecutive_failures, retry_after_s, state.rng));
    }
}

// Returns false when the connector became unreachable (the round skips its other work).
bool PushOutbox(Database& db, Connector& c, const SyncSettings& settings, SyncState& state,
                ConnectorStatus& status, TimePoint now, const RoundOptions& options, RoundSummary& summary) {
    // sync --once tries everything pending now, whatever its retry time.
    const TimePoint claim_time =
        options.force ? FromUnixMs(std::numeric_limits<std::int64_t>::max() / 2) : now;
    for (int i = 0; i < options.max_batches; ++i) {
        if (options.stop && options.stop->load()) break;
        if (options.heartbeat) options.heartbeat->Beat();
        auto batch = ClaimBatch(db, c.name, claim_time, c.max_batch_items, c.max_batch_bytes);
        if (!batch) {
            summary.errors.push_back("store: " + batch.error().message);
            return true;
        }
        if (batch->empty()) break;
        PushOutcome out = c.push(*batch);
        // If a store write fails here the items stay in flight; the next round's RecoverInFlight resends
        // them, which the idempotent upsert makes harmless.
        if (auto st = MarkDelivered(db, out.delivered, now); !st) {
            summary.errors.push_back("store: " + st.error().message);
        }
        summary.delivered += static_cast<std::int64_t>(out.delivered.size());
        for (const auto& [seq, error] : out.dead) {
            const auto it =
                std::find_if(batch->begin(), batch->end(), [&, seq = seq](const auto& b) { return b.seq == seq; });
            if (const auto v = state.log_limit.Check("sync.dead." + c.name, now); v.log) {
                spdlog::warn("sync: {} rejected {} for good: {}{}", c.name,
                             it != batch->end() ? it->entity_id : "?", error,
                             v.held_back > 0 ? " (" + std::to_string(v.held_back) + " more not logged)" : "");
            }
            if (auto st = MarkDead(db, seq, error); !st)
                summary.errors.push_back("store: " + st.error().message);
        }
        summary.dead += static_cast<std::int64_t>(out.dead.size());
        if (options.stop && options.stop->load() && !out.retry.empty()) {
            // Interrupted by shutdown, not a failure of the service: no backoff, no offline state.
            (void)MarkRetry(db, out.retry, now, "interrupted by shutdown");
            return false;
        }
        if (!out.retry.empty() || !out.transient_error.empty()) {
            const std::string code =
                out.transient_error_code.empty() ? "http.transport" : out.transient_error_code;
            RecordFailure(status, settings, state, now, code, out.transient_error, out.retry_after_s);
            if (auto st = MarkRetry(db, out.retry, status.retry_at, out.transient_error); !st) {
                summary.errors.push_back("store: " + st.error().message);
            }
            summary.retried += static_cast<std::int64_t>(out.retry.size());
            summary.errors.push_back(c.name + ": " + code + ": " + out.transient_error);
            return false;
        }
        if (out.requests > 0) RecordSuccess(status, state, now);
    }
    return true;
}

bool SendHeartbeat(Database& db, Connector& c, const SyncSettings& settings, SyncState& state,
                   ConnectorStatus& status, TimePoint now, RoundSummary& summary) {
    auto counts = CountOutbox(db);
    std::optional<CounterHealth> counter;
    if (settings.counter_enabled) {
        auto stored = LoadCounterHealth(db);
        // A kiosk with a counter that has never saved its health is reported like a silent one.
        counter = stored.ok() && stored->has_value() ? **stored : CounterHealth{};
    }
    const OutboxCounts outbox = counts.value_or(OutboxCounts{});
    DeviceHealth health = AssessDeviceHealth(outbox, counter, now);
    if (!settings.safe_mode_reason.empty()) {
        // Safe mode outranks everything else the kiosk could say: it is why the rest may look odd.
        health.reason = settings.safe_mode_reason + (health.reason.empty() ? "" : ", " + health.reason);
        health.state = "safe-mode";
    }
    Result<std::string> payload = BuildDeviceHeartbeat(settings, outbox, health, now);
    if (!payload) {
        summary.errors.push_back("heartbeat: " + payload.error().message);
        state.next_heartbeat = AfterSeconds(now, settings.heartbeat_interval_s);
        return true;
    }
    OutboxItem beat;
    beat.target = c.name;
    beat.entity_id = "urn:ngsi-ld:Device:" + settings.kiosk_id;  // valid: the payload was built from it
    beat.entity_type = "Device";
    beat.payload = std::move(*payload);
    // Not queued in the outbox: a heartbeat only matters while it is current, and its id is fixed, so the
    // next one replaces it anyway. Queuing them while offline would only delay real items afterwards.
    const PushOutcome out = c.push({beat});
    if (!out.delivered.empty()) {
        RecordSuccess(status, state, now);
        summary.heartbeat_sent = true;
    } else if (!out.dead.empty()) {
        const std::string error = "heartbeat rejected: " + out.dead.front().second;
        RecordFailure(status, settings, state, now, "ngsi.rejected", error, std::nullopt, false);
        summary.errors.push_back(c.name + ": ngsi.rejected: " + error);
    } else {
        const std::string code =
            out.transient_error_code.empty() ? "http.transport" : out.transient_error_code;
        RecordFailure(status, settings, state, now, code, out.transient_error, out.retry_after_s);
        summary.errors.push_back(c.name + ": " + code + ": heartbeat not sent: " + out.transient_error);
        return false;
    }
    state.next_heartbeat = AfterSeconds(now, settings.heartbeat_interval_s);
    return true;
}

void PullContent(Database& db, Connector& c, const SyncSettings& settings, SyncState& state,
                 ConnectorStatus& status, TimePoint now, RoundSummary& summary) {
    auto pulled = c.pull(db, now);
    if (!pulled) {  // a connector may still fail as a whole
        PullOutcome whole;
        whole.failures.push_back(pulled.error());
        pulled = std::move(whole);
    }
    summary.pulled += pulled->stored;
    summary.skipped += pulled->skipped;
    if (pulled->failures.empty()) {
        RecordSuccess(status, state, now);
    } else {
        for (const auto& f : pulled->failures)
            summary.errors.push_back(c.name + ": pull: " + f.code + ": " + f.message);
        // The status shows the first failure; an unreachable service backs off, bad data is retried at the
        // next pull time.
        const Error& first = pulled->failures.front();
        const bool unreachable = IsUnreachableError(first.code);
        RecordFailure(status, settings, state, now, first.code, "pull: " + first.message, std::nullopt,
                      unreachable);
        if (unreachable) return;
    }
    state.next_pull[c.name] =
        AfterSeconds(now, c.pull_interval_s > 0 ? c.pull_interval_s : settings.pull_interval_s);
}

}  // namespace

const char* ToString(ConnectorState state) {
    switch (state) {
        case ConnectorState::kOnline:
            return "online";
        case ConnectorState::kUnreachable:
            return "unreachable";
        case ConnectorState::kBadResponse:
            return "bad_response";
        case ConnectorState::kUnknown:
            break;
    }
    return "unknown";
}

bool IsUnreachableError(const std::string& code) {
    return code == "http.connect" || code == "http.tls" || code == "http.timeout" ||
           code == "http.transport" || code == "http.cancelled";
}

Status SaveConnectorStatus(Database& db, const ConnectorStatus& s) {
    const json j = {{"state", ToString(s.state)},
                    {"online", s.online},
                    {"last_attempt_ms", ToUnixMs(s.last_attempt)},
                    {"last_success_ms", ToUnixMs(s.last_success)},
                    {"last_error_code", s.last_error_code},
                    {"last_error", s.last_error},
                    {"consecutive_failures", s.consecutive_failures},
                    {"retry_at_ms", ToUnixMs(s.retry_at)}};
    return PutSetting(db, kStatusKeyPrefix + s.name, j.dump(-1, ' ', false, json::error_handler_t::replace));
}

Result<std::vector<ConnectorStatus>> LoadConnectorStatuses(Database& db) {
    auto rows = ListSettings(db, kStatusKeyPrefix);
    if (!rows) return rows.error();
    std::vector<ConnectorStatus> out;
    for (const auto& [key, value] : *rows) {
        const json j = json::parse(value, nullptr, false);
        if (!j.is_object()) continue;
        ConnectorStatus s;
        s.name = key.substr(std::string_view(kStatusKeyPrefix).size());
        s.online = j.value("online", false);
        s.last_error_code = j.value("last_error_code", std::string());
        s.last_attempt = FromUnixMs(j.value("last_attempt_ms", std::int64_t{0}));
        s.last_success = FromUnixMs(j.value("last_success_ms", std::int64_t{0}));
        const std::string state = j.value("state", std::string());
        s.state = state == "online"               ? ConnectorState::kOnline
                  : state == "unreachable"        ? ConnectorState::kUnreachable
                  : state == "bad_response"       ? ConnectorState::kBadResponse
                  : s.online                      ? ConnectorState::kOnline  // saved before states existed
                  : ToUnixMs(s.last_attempt) != 0 ? ConnectorState::kUnreachable
                                                  : ConnectorState::kUnknown;
        s.last_error = j.value("last_error", std::string());
        s.consecutive_failures = j.value("consecutive_failures", 0);
        s.retry_at = FromUnixMs(j.value("retry_at_ms", std::int64_t{0}));
        out.push_back(std::move(s));
    }
    return out;
}

DeviceHealth AssessDeviceHealth(const OutboxCounts& counts, const std::optional<CounterHealth>& counter,
                                TimePoint now, double counter_silent_s) {
    std::vector<std::string> errors, warnings;
    if (counter) {
        const bool silent = ToUnixMs(counter->updated) == 0 ||
                            std::chrono::duration<double>(now - counter->updated).count() > counter_silent_s;
        const std::string because = counter->message.empty() ? std::string() : ": " + counter->message;
        if (counter->state == CounterRunState::kError) {
            errors.push_back("counter failed" + because);
        } else if (counter->state != CounterRunState::kStopped && silent) {
            // A running counter rewrites its health every 30 s: silence means the thread or the kiosk hangs.
            errors.push_back("counter status not updated for over " +
                             std::to_string(static_cast<long long>(counter_silent_s / 60)) + " min");
        } else if (counter->state == CounterRunState::kRetrying) {
            warnings.push_back("counter retrying its camera" + because);
        }
    }
    if (counts.dead > 0) warnings.push_back(std::to_string(counts.dead) + " outbox items rejected");
    if (counts.pending > 1000) warnings.push_back(std::to_string(counts.pending) + " outbox items waiting");
    DeviceHealth health;
    const auto& reasons = errors.empty() ? warnings : errors;
    health.state = !errors.empty() ? "error" : !warnings.empty() ? "degraded" : "ok";
    for (const auto& r : reasons) health.reason += (health.reason.empty() ? "" : "; ") + r;
    return health;
}

Result<std::string> BuildDeviceHeartbeat(const SyncSettings& settings, const OutboxCounts& counts,
                                         const DeviceHealth& health, TimePoint now) {
    Result<std::string> id = ngsi::DeviceUrn(settings.kiosk_id);
    if (!id) return id.error();
    ngsi::Entity e{*id, "Device", {}};
    e.Set("deviceState", ngsi::Text(health.state))
        .Set("softwareVersion", ngsi::Text(ForTextAttribute(settings.software_version, 256)))
        .Set("dateLastValueReported", ngsi::DateTime(now))
        .Set("controlledProperty", ngsi::Structured(json::array({"peopleCount"})))
        .Set("category", ngsi::Structured(json::array({"sensor"})))
        .Set("name", ngsi::Text(ForTextAttribute(settings.site_name, 256)))
        .Set("outboxPending", ngsi::WholeNumber(counts.pending + counts.in_flight))
        .Set("outboxDead", ngsi::WholeNumber(counts.dead))
        // Always present, so a recovered kiosk overwrites the last reason with an empty one.
        .Set("deviceStateReason", ngsi::Text(ForTextAttribute(health.reason, 500)));
    return ngsi::BuildPayload(e);
}

double BackoffSeconds(const SyncSettings& settings, int consecutive_failures,
                      std::optional<double> retry_after_s, std::mt19937_64& rng) {
    const double lo = std::clamp(settings.backoff_min_s, 0.01, 86400.0);
    const double hi = std::clamp(settings.backoff_max_s, lo, 86400.0);
    const int n = std::clamp(consecutive_failures, 1, 40);
    const double cap = std::min(hi, lo * std::ldexp(1.0, n - 1));
    double delay = cap > lo ? std::uniform_real_distribution<double>(lo, cap)(rng) : lo;
    if (retry_after_s && std::isfinite(*retry_after_s))
        delay = std::max(delay, std::clamp(*retry_after_s, 0.0, hi));
    return delay;
}

RoundSummary RunSyncRound(Database& db, std::vector<Connector>& connectors, const SyncSettings& settings,
                          SyncState& state, TimePoint now, const RoundOptions& options) {
    RoundSummary summary;
    // Nothing else claims items while a round runs, so anything in flight now was interrupted (a crash, a
    // store error after sending): send it again, the upsert makes that harmless.
    if (auto st = RecoverInFlight(db); !st) summary.errors.push_back("store: " + st.error().message);

    for (auto& c : connectors) {
        if (options.stop && options.stop->load()) break;
        auto& status = state.connectors[c.name];
        status.name = c.name;
        if (!options.force && now < status.retry_at) continue;  // backing off
        bool reachable = true;
        const auto beat = [&options] {
            if (options.heartbeat) options.heartbeat->Beat();
        };
        beat();
        if (c.push) reachable = PushOutbox(db, c, settings, state, status, now, options, summary);
        if (reachable && c.push && c.name == kHeartbeatConnector &&
            (options.force || now >= state.next_heartbeat)) {
            beat();
            reachable = SendHeartbeat(db, c, settings, state, status, now, summary);
        }
        const bool wanted = c.pull_wanted && c.pull_wanted();
        if (reachable && c.pull && (options.force || wanted || now >= state.next_pull[c.name])) {
            beat();
            PullContent(db, c, settings, state, status, now, summary);
        }
        if (auto st = SaveConnectorStatus(db, status); !st)
            summary.errors.push_back("store: " + st.error().message);
    }

    const auto retention = std::chrono::milliseconds(
        static_cast<std::int64_t>(std::clamp(settings.retention_days, 0.0, 3650.0) * 86400.0 * 1000.0));
    if (auto pruned = PruneDelivered(db, now - retention); pruned) {
        summary.pruned = *pruned;
    } else {
        summary.errors.push_back("store: " + pruned.error().message);
    }
    if (auto counts = CountOutbox(db); counts) summary.outbox = *counts;
    return summary;
}

HttpClientSettings MakeHttpClientSettings(const SyncSettings& settings) {
    HttpClientSettings h;
    h.ca_bundle = settings.ca_bundle;
    h.connect_timeout_s = settings.connect_timeout_s;
    h.total_timeout_s = settings.total_timeout_s;
    h.user_agent = "civic-kiosk/" + (settings.software_version.empty() ? "dev" : settings.software_version);
    return h;
}

std::vector<Connector> MakeConnectors(HttpClient& client, const SyncSettings& settings) {
    std::vector<Connector> connectors;
    if (!settings.orion_url.empty()) {
        NgsiSettings ngsi;
        ngsi.base_url = settings.orion_url;
        ngsi.service = settings.fiware_service;
        ngsi.service_path = settings.fiware_servicepath;
        ngsi.auth_token = settings.auth_token;
        ngsi.pulls = settings.pulls;
        connectors.push_back(MakeNgsiConnector(client, std::move(ngsi)));
    }
    if (!settings.pvog.base_url.empty() && settings.pvog.parse_catalogue && settings.pvog.parse_detail) {
        connectors.push_back(MakePvogConnector(client, settings.pvog));
    }
    if (!settings.orion_url.empty() && !settings.live.tiles.empty() && settings.live.parse) {
        LiveSettings live = settings.live;
        live.base_url = settings.orion_url;
        live.service = settings.fiware_service;
        live.service_path = settings.fiware_servicepath;
        live.auth_token = settings.auth_token;
        connectors.push_back(MakeLiveConnector(client, std::move(live)));
    }
    if (!settings.ckan.base_url.empty()) connectors.push_back(MakeCkanConnector(client, settings.ckan));
    return connectors;
}

}  // namespace ck::cache
