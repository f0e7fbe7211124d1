// FIWARE NGSI-v2 (Orion Context Broker) connector: pushes outbox items with POST /v2/op/update (append =
// idempotent upsert by entity id) and pulls entity types into the content cache.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "offline_cache/connector.h"
#include "offline_cache/http_client.h"

namespace ck::cache {

struct NgsiPullSpec {
    std::string type;  // entity type, e.g. "WeatherObserved"; one spec per type (a pull replaces the type)
    std::string q;     // optional NGSI simple query, e.g. "status==published"
};

struct NgsiSettings {
    std::string base_url;            // e.g. "https://orion.example.org" (no trailing /v2)
    std::string service;             // Fiware-Service (tenant)
    std::string service_path = "/";  // Fiware-ServicePath
    std::string auth_token;          // X-Auth-Token, sent when not empty
    std::vector<NgsiPullSpec> pulls;
    std::size_t max_body_bytes = 1024 * 1024;  // Orion's request limit
    int page_limit = 1000;                     // Orion's maximum page size
    std::size_t max_entities_per_type = 20000;
    std::size_t max_entity_bytes = 64 * 1024;
    int max_batch_items = 100;
};

// The client must outlive the connector (the sync worker owns both).
Connector MakeNgsiConnector(HttpClient& client, NgsiSettings settings);

// Checks one pulled entity (ngsi::ParseEntity, either form, and the size limit); empty string when
// acceptable, else the reason it is skipped.
std::string ValidatePulledEntity(const nlohmann::json& entity, std::size_t max_entity_bytes);
// "400 BadRequest: Invalid characters in attribute value" from Orion's {"error","description"} body;
// printable ASCII only, bounded length (it ends up in logs and the status output).
std::string DescribeServerError(long status, const std::string& body);

// The headers of every Orion request (Fiware-Service when set, Fiware-ServicePath, X-Auth-Token when set).
std::vector<std::pair<std::string, std::string>> NgsiHeaders(const std::string& service,
                                                             const std::string& service_path,
                                                             const std::string& auth_token, bool with_body);

// One GET /v2/entities query, paged with limit, offset and options=count (Fiware-Total-Count).
struct EntityQuery {
    std::string base_url;  // without /v2
    std::vector<std::pair<std::string, std::string>> headers;
    std::string query;  // "type=WeatherObserved&q=..." (URL-encoded values)
    int page_limit = 1000;
    std::size_t max_entities = 20000;
    std::string what;  // names the query in errors
    // A body with invalid UTF-8 is read with the bad bytes replaced by U+FFFD (one broken text must not
    // hide a page of live values; the entity's parser decides). Off: such a body is ngsi.malformed.
    bool repair_utf8 = false;
};
// Every entity of every page, in order, to on_entity. Errors:
// http.* (no answer, an error status), ngsi.malformed (not a JSON array), ngsi.too_many.
Status ForEachPulledEntity(HttpClient& client, const EntityQuery& query,
                           const std::function<void(const nlohmann::json&)>& on_entity);

}  // namespace ck::cache
