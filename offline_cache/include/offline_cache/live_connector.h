// Live tiles from the city's Orion (pull only): each tile's entities on the tile's own refresh interval,
// with Orion's paging and only the attributes the tile shows. Parsing belongs to opendata/; the kiosk
// hands the parser in, so this module stays below opendata.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"
#include "offline_cache/connector.h"
#include "offline_cache/http_client.h"
#include "offline_cache/live_store.h"

namespace ck::cache {

struct LiveTilePull {
    std::string tile;  // the tile's id
    std::string type;
    std::string entity_id;     // optional: exactly this entity
    std::string id_pattern;    // optional: Orion's idPattern (a regular expression)
    std::string q;             // optional simple query
    std::string service_path;  // empty: LiveSettings::service_path
    std::vector<std::string> attrs;
    double refresh_s = 300;
};

struct LiveSettings {
    std::string base_url;
    std::string service;
    std::string service_path = "/";
    std::string auth_token;
    std::vector<LiveTilePull> tiles;
    int page_limit = 100;
    std::size_t max_entities_per_tile = 2000;
    std::size_t max_entity_bytes = 64 * 1024;
    double history_days = 8;  // history older than this is pruned after each pull
    // One entity of tiles[tile_index] to a row (json, chart value, observed; tile and entity set); an error
    // skips the entity, its message is the logged reason.
    std::function<Result<LiveRow>(std::size_t tile_index, const nlohmann::json& entity, TimePoint now)> parse;
};

// The client must outlive the connector. Named "live"; pull only.
Connector MakeLiveConnector(HttpClient& client, LiveSettings settings);

}  // namespace ck::cache
