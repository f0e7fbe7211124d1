// NGSI-v2 as FIWARE Orion answers it, for the subset the kiosk uses. Not thread-safe: the caller locks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_types.h"

namespace ck::fake {

inline constexpr std::size_t kOrionMaxPayload = 1024 * 1024;

class OrionStore {
  public:
    // Any request whose path starts with /v2.
    HttpOut Handle(const HttpIn& in);

    std::optional<nlohmann::json> Entity(const std::string& tenant, const std::string& id) const;
    std::vector<nlohmann::json> Entities(const std::string& tenant, const std::string& type) const;
    int WriteCount(const std::string& tenant, const std::string& id) const;
    void Put(const std::string& tenant, const nlohmann::json& normalized_entity);
    void Clear();

  private:
    struct Stored {
        std::string id;
        std::string type;
        std::string service_path;
        nlohmann::json attrs = nlohmann::json::object();  // name -> {type, value, metadata}
        std::uint64_t seq = 0;
    };
    using Key = std::pair<std::string, std::string>;  // (id, type): Orion's identity (service path aside)
    struct Tenant {
        std::map<Key, Stored> entities;
        std::map<std::string, int> write_counts;
    };

    HttpOut CreateEntity(const HttpIn& in, const std::string& tenant, const std::string& service_path);
    HttpOut ListEntities(const HttpIn& in, const std::string& tenant, const std::string& service_path);
    HttpOut GetEntity(const HttpIn& in, const std::string& tenant, const std::string& id);
    HttpOut DeleteEntity(const HttpIn& in, const std::string& tenant, const std::string& id);
    HttpOut BatchUpdate(const HttpIn& in, const std::string& tenant, const std::string& service_path);

    // Entities with this id (and type, when given); Orion's "Check type and id" lookup.
    std::vector<Stored*> Find(Tenant& t, const std::string& id, const std::string& type);
    Stored& Insert(Tenant& t, const std::string& id, const std::string& type,
                   const std::string& service_path);

    static nlohmann::json Render(const Stored& s, bool key_values, const std::vector<std::string>& attrs);

    std::map<std::string, Tenant> tenants_;
    std::uint64_t next_seq_ = 1;
};

}  // namespace ck::fake
