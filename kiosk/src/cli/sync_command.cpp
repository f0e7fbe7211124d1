// `civic-kiosk sync --once [--config F]`: one sync round in the foreground, for operators and scripts.
#include <iostream>

#include "app/config.h"
#include "app/sync_settings.h"
#include "cli/commands.h"
#include "offline_cache/http_client.h"
#include "offline_cache/sync.h"

namespace ck::kiosk {
namespace {

int RunSyncOnce(const std::string& config_path) {
    auto config = LoadConfigOrDefault(config_path);
    if (!config) {
        std::cerr << "civic-kiosk sync: " << config.error().message << "\n";
        return kExitUsage;
    }
    const cache::SyncSettings settings = ToSyncSettings(*config);
    if (settings.orion_url.empty() && settings.pvog.base_url.empty() && settings.ckan.base_url.empty()) {
        std::cerr << "civic-kiosk sync: none of central.orion_url, central.pvog_url and central.ckan_url is "
                     "set, so there is nothing to sync with\n";
        return kExitUsage;
    }
    auto db = cache::Database::Open(config->database_path);
    if (!db) {
        std::cerr << "civic-kiosk sync: " << db.error().message << "\n";
        return kExitFailure;
    }
    cache::HttpClient client(cache::MakeHttpClientSettings(settings));
    auto connectors = cache::MakeConnectors(client, settings);
    cache::SyncState state;
    if (auto saved = cache::LoadConnectorStatuses(*db); saved) {
        for (auto& s : *saved) state.connectors[s.name] = s;
    }
    cache::RoundOptions options;
    options.force = true;
    const auto summary = cache::RunSyncRound(*db, connectors, settings, state, Now(), options);

    const auto& o = summary.outbox;
    std::cout << "delivered " << summary.delivered << ", rejected " << summary.dead << ", still pending "
              << o.pending + o.in_flight << " (dead in total: " << o.dead << ")\n";
    std::cout << "heartbeat " << (summary.heartbeat_sent ? "sent" : "not sent") << ", pulled "
              << summary.pulled << " entities"
              << (summary.skipped ? " (" + std::to_string(summary.skipped) + " invalid skipped)" : "")
              << "\n";
    for (const auto& e : summary.errors) std::cout << "problem: " << e << "\n";
    // 0 only if everything due succeeded: a failed connector or a heartbeat not sent fails the round even
    // when nothing was pending, so `sync --once && echo ok` never says ok while the central is down.
    // Items the server rejected for good are not a failure of the round (status lists them).
    return o.pending + o.in_flight == 0 && summary.errors.empty() ? kExitOk : kExitFailure;
}

}  // namespace

void RegisterSyncCommand(CLI::App& app, int* exit_code) {
    auto* cmd = app.add_subcommand("sync", "Synchronise with the central services once and report");
    auto once = std::make_shared<bool>(false);
    auto config_path = std::make_shared<std::string>();
    cmd->add_flag("--once", *once, "Run one round now (ignoring backoff) and exit")->required();
    cmd->add_option("--config", *config_path, "Configuration file (default: built-in City of Herne settings)")
        ->check(NonEmptyPath());
    cmd->callback([exit_code, config_path] { *exit_code = RunSyncOnce(*config_path); });
}

}  // namespace ck::kiosk
