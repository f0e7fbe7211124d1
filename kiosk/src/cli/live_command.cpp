// `civic-kiosk live [--json] [--config F]`: what the live screen would show now, one entry per tile value,
// read from the store through a read-only connection (safe while the kiosk runs). Nothing cached is not an
// error: the entries are empty and the exit code is 0.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/config.h"
#include "cli/commands.h"
#include "locales/localizer.h"
#include "opendata/live_sync.h"

namespace ck::kiosk {
namespace {

using nlohmann::json;

json EntryJson(const std::vector<od::TileSpec>& tiles, const od::TileEntry& e) {
    const od::TileValue& v = e.value;
    json value = nullptr;
    if (!v.level.empty()) {
        value = v.level;
    } else if (v.value) {
        value = *v.value;
    }
    return json{{"tile", tiles[e.tile_index].id},
                {"type", v.type},
                {"entity", v.entity_id},
                {"name", v.name},
                {"value", value},
                {"unit", v.unit},
                {"observed", FormatIsoUtc(v.observed)},
                {"stale", e.stale},
                {"history_points", e.history_points}};
}

int RunLive(const std::string& config_path, bool as_json, std::optional<double> clock_s) {
    auto config = LoadConfigOrDefault(config_path);
    if (!config) {
        std::cerr << "civic-kiosk live: " << config.error().message << "\n";
        return kExitUsage;
    }
    // "Today" for the passers-by is the city's day, as on screen.
    if (Status s = loc::SetProcessTimeZone(config->time_zone); !s.ok()) {
        std::cerr << "civic-kiosk live: city.time_zone: " << s.error().message << "\n";
        return kExitUsage;
    }
    const TimePoint now = clock_s ? FromUnixMs(static_cast<std::int64_t>(*clock_s * 1000)) : Now();
    std::vector<od::TileEntry> entries;
    if (std::filesystem::exists(config->database_path)) {
        auto db = cache::Database::Open(config->database_path, cache::OpenMode::kReadOnly);
        if (!db) {
            std::cerr << "civic-kiosk live: " << db.error().message << "\n";
            return kExitFailure;
        }
        auto loaded = od::LoadTileEntries(*db, config->live.tiles, now);
        if (!loaded) {
            std::cerr << "civic-kiosk live: " << loaded.error().message << "\n";
            return kExitFailure;
        }
        entries = std::move(*loaded);
    }
    const auto& tiles = config->live.tiles;
    if (as_json) {
        json list = json::array();
        for (const auto& e : entries) list.push_back(EntryJson(tiles, e));
        std::cout << json{{"entries", list}}.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
        return kExitOk;
    }
    if (entries.empty()) std::cout << "nothing cached yet\n";
    for (const auto& e : entries) {
        const json j = EntryJson(tiles, e);
        std::cout << j["tile"].get<std::string>() << "  "
                  << (e.value.name.empty() ? e.value.entity_id : e.value.name) << "  " << j["value"].dump()
                  << (e.value.unit.empty() ? "" : " " + e.value.unit) << "  observed "
                  << j["observed"].get<std::string>() << (e.stale ? "  STALE" : "") << "  history "
                  << e.history_points << "\n";
    }
    return kExitOk;
}

}  // namespace

void RegisterLiveCommand(CLI::App& app, int* exit_code) {
    auto* cmd = app.add_subcommand("live", "Print what the live screen would show now");
    auto as_json = std::make_shared<bool>(false);
    auto config_path = std::make_shared<std::string>();
    auto clock = std::make_shared<double>(0);
    cmd->add_flag("--json", *as_json, "One JSON object {\"entries\": [...]}");
    cmd->add_option("--config", *config_path, "Configuration file (default: built-in City of Herne settings)")
        ->check(NonEmptyPath());
    auto* clock_opt =
        cmd->add_option("--clock", *clock, "Judge staleness at this time, seconds since 1970 (UTC)");
    cmd->callback([exit_code, as_json, config_path, clock, clock_opt] {
        *exit_code = RunLive(*config_path, *as_json,
                             clock_opt->count() ? std::optional<double>(*clock) : std::nullopt);
    });
}

}  // namespace ck::kiosk
