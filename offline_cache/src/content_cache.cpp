#include "offline_cache/content_cache.h"

#include "sqlite_util.h"

namespace ck::cache {
namespace {

CachedEntity ReadEntity(const Statement& s) {
    return CachedEntity{s.Text(0), s.Text(1), s.Text(2), FromUnixMs(s.Int64(3))};
}

Status InsertOrReplace(Database& db, const CachedEntity& e) {
    Statement s(db.handle(),
                "INSERT OR REPLACE INTO entities (id, type, json, fetched_ms) VALUES (?1, ?2, ?3, ?4)");
    s.Bind(1, e.id).Bind(2, e.type).Bind(3, e.json).Bind(4, ToUnixMs(e.fetched));
    return s.Run() ? Status() : Status(s.error());
}

}  // namespace

Status ReplaceEntities(Database& db, const std::string& type, const std::vector<CachedEntity>& entities) {
    for (const auto& e : entities) {
        if (e.type != type) return MakeError("cache.invalid", "entity " + e.id + " is not of type " + type);
    }
    Transaction tx(db, Durability::kNormal);
    Statement clear(db.handle(), "DELETE FROM entities WHERE type = ?1");
    clear.Bind(1, type);
    if (!clear.Run()) return clear.error();
    for (const auto& e : entities) {
        if (auto st = InsertOrReplace(db, e); !st) return st;
    }
    return tx.Commit();
}

Status UpsertEntity(Database& db, const CachedEntity& entity) {
    Transaction tx(db, Durability::kNormal);
    if (auto st = InsertOrReplace(db, entity); !st) return st;
    return tx.Commit();
}

Result<std::vector<CachedEntity>> ListEntities(Database& db, const std::string& type) {
    std::vector<CachedEntity> out;
    Statement s(db.handle(), "SELECT id, type, json, fetched_ms FROM entities WHERE type = ?1 ORDER BY id");
    s.Bind(1, type);
    while (s.Step()) out.push_back(ReadEntity(s));
    if (!s.Succeeded()) return s.error();
    return out;
}

Result<std::optional<CachedEntity>> GetEntity(Database& db, const std::string& id) {
    std::optional<CachedEntity> out;
    Statement s(db.handle(), "SELECT id, type, json, fetched_ms FROM entities WHERE id = ?1");
    s.Bind(1, id);
    while (s.Step()) out = ReadEntity(s);
    if (!s.Succeeded()) return s.error();
    return out;
}

Status PutSetting(Database& db, const std::string& key, const std::string& value) {
    Transaction tx(db, Durability::kNormal);
    Statement s(db.handle(), "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
    s.Bind(1, key).Bind(2, value);
    if (!s.Run()) return s.error();
    return tx.Commit();
}

Result<std::optional<std::string>> GetSetting(Database& db, const std::string& key) {
    std::optional<std::string> out;
    Statement s(db.handle(), "SELECT value FROM settings WHERE key = ?1");
    s.Bind(1, key);
    while (s.Step()) out = s.Text(0);
    if (!s.Succeeded()) return s.error();
    return out;
}

Status DeleteSetting(Database& db, const std::string& key) {
    Transaction tx(db, Durability::kNormal);
    Statement s(db.handle(), "DELETE FROM settings WHERE key = ?1");
    s.Bind(1, key);
    if (!s.Run()) return s.error();
    return tx.Commit();
}

Result<std::vector<std::pair<std::string, std::string>>> ListSettings(Database& db,
                                                                      const std::string& prefix) {
    std::vector<std::pair<std::string, std::string>> out;
    // substr instead of LIKE: a prefix may contain % or _.
    Statement s(db.handle(),
                "SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
    s.Bind(1, prefix);
    while (s.Step()) out.emplace_back(s.Text(0), s.Text(1));
    if (!s.Succeeded()) return s.error();
    return out;
}

}  // namespace ck::cache
