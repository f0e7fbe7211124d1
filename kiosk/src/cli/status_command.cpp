// `civic-kiosk status [--json] [--config F]`: outbox, connector health and counter state, read from the
// store through a read-only connection (safe while the kiosk runs).
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/config.h"
#include "cli/commands.h"
#include "offline_cache/content_cache.h"
#include "offline_cache/counter_health.h"
#include "offline_cache/outbox.h"
#include "offline_cache/sync.h"

namespace ck::kiosk {
namespace {

using nlohmann::json;

constexpr int kDeadItemsShown = 20;

json TimeOrNull(TimePoint t) {
    return ToUnixMs(t) == 0 ? json(nullptr) : json(FormatIsoUtc(t));
}

struct StatusReport {
    bool store_exists = true;
    cache::OutboxCounts outbox;
    std::vector<cache::OutboxItem> dead;
    std::vector<cache::ConnectorStatus> connectors;
    std::optional<cache::CounterHealth> counter;
};

Result<StatusReport> Collect(const std::string& database_path) {
    StatusReport report;
    auto db = cache::Database::Open(database_path, cache::OpenMode::kReadOnly);
    if (!db) {
        // A kiosk that never ran has no store yet: that is a state to report, not an error.
        if (db.error().code == "db.open" && !std::filesystem::exists(database_path)) {
            report.store_exists = false;
            return report;
        }
        return db.error();
    }
    auto counts = cache::CountOutbox(*db);
    if (!counts) return counts.error();
    report.outbox = *counts;
    auto dead = cache::ListOutbox(*db, cache::OutboxState::kDead, kDeadItemsShown);
    if (!dead) return dead.error();
    report.dead = std::move(*dead);
    auto connectors = cache::LoadConnectorStatuses(*db);
    if (!connectors) return connectors.error();
    report.connectors = std::move(*connectors);
    auto counter = cache::LoadCounterHealth(*db);
    if (!counter) return counter.error();
    report.counter = *counter;
    return report;
}

json ToJson(const StatusReport& r) {
    json dead = json::array();
    for (const auto& item : r.dead)
        dead.push_back({{"entity_id", item.entity_id}, {"error", item.last_error}});
    json connectors = json::object();
    for (const auto& c : r.connectors) {
        connectors[c.name] = {{"state", cache::ToString(c.state)},
                              {"online", c.online},
                              {"last_attempt", TimeOrNull(c.last_attempt)},
                              {"last_success", TimeOrNull(c.last_success)},
                              {"last_error_code", c.last_error_code},
                              {"last_error", c.last_error},
                              {"consecutive_failures", c.consecutive_failures}};
    }
    json counter = nullptr;
    if (r.counter) {
        json lines = json::array();
        for (const auto& l : r.counter->lines)
            lines.push_back({{"name", l.name}, {"positive", l.positive}, {"negative", l.negative}});
        counter = {{"state", cache::ToString(r.counter->state)},
                   {"detector", r.counter->detector},
                   {"fps", r.counter->fps},
                   {"frames", r.counter->frames},
                   {"retries", r.counter->retries},
                   {"message", r.counter->message},
                   {"lines", lines},
                   {"updated", TimeOrNull(r.counter->updated)}};
    }
    return {{"store", r.store_exists ? "ok" : "absent"},
            {"outbox",
             {{"pending", r.outbox.pending},
              {"in_flight", r.outbox.in_flight},
              {"delivered", r.outbox.delivered},
              {"dead", r.outbox.dead},
              {"dead_items", dead}}},
            {"connectors", connectors},
            {"counter", counter}};
}

const char* StateText(cache::ConnectorState state) {
    switch (state) {
        case cache::ConnectorState::kOnline:
            return "online";
        case cache::ConnectorState::kUnreachable:
            return "unreachable";
        case cache::ConnectorState::kBadResponse:
            return "reachable, but its answer could not be used";
        case cache::ConnectorState::kUnknown:
            break;
    }
    return "not contacted yet";
}

void PrintText(const StatusReport& r, const std::string& path) {
    if (!r.store_exists) std::cout << "store: " << path << " does not exist yet\n";
    std::cout << "outbox: " << r.outbox.pending << " pending, " << r.outbox.in_flight << " in flight, "
              << r.outbox.delivered << " delivered (kept for retention), " << r.outbox.dead << " dead\n";
    for (const auto& item : r.dead)
        std::cout << "  dead " << item.entity_id << ": " << item.last_error << "\n";
    if (r.connectors.empty()) std::cout << "connectors: no sync has run yet\n";
    for (const auto& c : r.connectors) {
        std::cout << "connector " << c.name << ": " << StateText(c.state) << ", last success "
                  << (ToUnixMs(c.last_success) ? FormatIsoUtc(c.last_success) : std::string("never"));
        if (c.consecutive_failures > 0)
            std::cout << ", " << c.consecutive_failures << " failed attempts in a row";
        if (!c.last_error.empty()) {
            std::cout << ", last error: " << (c.last_error_code.empty() ? "" : c.last_error_code + ": ")
                      << c.last_error;
        }
        std::cout << "\n";
    }
    if (!r.counter) {
        std::cout << "counter: no health saved (no counter, or it never ran)\n";
        return;
    }
    const cache::CounterHealth& c = *r.counter;
    std::cout << "counter: " << cache::ToString(c.state) << ", detector " << (c.detector.empty() ? "-" : c.detector)
              << ", " << c.frames << " frames, updated "
              << (ToUnixMs(c.updated) ? FormatIsoUtc(c.updated) : std::string("never"));
    if (!c.message.empty()) std::cout << ", " << c.message;
    std::cout << "\n";
    for (const auto& l : c.lines)
        std::cout << "  line " << l.name << ": +" << l.positive << " / -" << l.negative << "\n";
}

int RunStatus(const std::string& config_path, bool as_json) {
    auto config = LoadConfigOrDefault(config_path);
    if (!config) {
        std::cerr << "civic-kiosk status: " << config.error().message << "\n";
        return kExitUsage;
    }
    auto report = Collect(config->database_path);
    if (!report) {
        std::cerr << "civic-kiosk status: " << report.error().message << "\n";
        return kExitFailure;
    }
    if (as_json) {
        std::cout << ToJson(*report).dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    } else {
        PrintText(*report, config->database_path);
    }
    return kExitOk;
}

}  // namespace

void RegisterStatusCommand(CLI::App& app, int* exit_code) {
    auto* cmd =
        app.add_subcommand("status", "Show the outbox, the last sync per connector and the counter state");
    auto as_json = std::make_shared<bool>(false);
    auto config_path = std::make_shared<std::string>();
    cmd->add_flag("--json", *as_json, "Print one JSON object with keys outbox, connectors, counter");
    cmd->add_option("--config", *config_path, "Configuration file (default: built-in City of Herne settings)")
        ->check(NonEmptyPath());
    cmd->callback([exit_code, as_json, config_path] { *exit_code = RunStatus(*config_path, *as_json); });
}

}  // namespace ck::kiosk
