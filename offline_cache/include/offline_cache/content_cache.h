// Cached central content for the UI: NGSI entities (live data, published ideas), and small key/value
// settings.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::cache {

struct CachedEntity {
    std::string id;
    std::string type;
    std::string json;  // as pulled (normalized NGSI-v2), validated before it was stored
    TimePoint fetched{};
};

// Replaces the cached set of one entity type in one transaction (a pull round's result).
Status ReplaceEntities(Database& db, const std::string& type, const std::vector<CachedEntity>& entities);
Status UpsertEntity(Database& db, const CachedEntity& entity);
Result<std::vector<CachedEntity>> ListEntities(Database& db, const std::string& type);
Result<std::optional<CachedEntity>> GetEntity(Database& db, const std::string& id);

Status PutSetting(Database& db, const std::string& key, const std::string& value);
Result<std::optional<std::string>> GetSetting(Database& db, const std::string& key);
// Removes the setting; a key that is not there is no error.
Status DeleteSetting(Database& db, const std::string& key);
// All settings whose key starts with prefix, ordered by key (e.g. "sync." for the connector states).
Result<std::vector<std::pair<std::string, std::string>>> ListSettings(Database& db,
                                                                      const std::string& prefix);

}  // namespace ck::cache
