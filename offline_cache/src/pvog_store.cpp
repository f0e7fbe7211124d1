#include "offline_cache/pvog_store.h"

#include "sqlite_util.h"

namespace ck::cache {
namespace {

PvogDetailRow ReadDetail(const Statement& s) {
    return PvogDetailRow{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), FromUnixMs(s.Int64(5)), {}};
}

constexpr const char* kDetailColumns = "id, language, last_update, catalogue_updated, json, fetched_ms";

}  // namespace

Status ReplacePvogCatalogue(Database& db, const std::string& ars, const std::vector<PvogServiceRow>& rows) {
    Transaction tx(db, Durability::kNormal);
    Statement clear(db.handle(), "DELETE FROM pvog_services WHERE ars = ?1");
    clear.Bind(1, ars);
    if (!clear.Run()) return clear.error();
    Statement insert(db.handle(),
                     "INSERT OR REPLACE INTO pvog_services (ars, id, updated, json) VALUES (?1, ?2, ?3, ?4)");
    for (const auto& r : rows) {
        insert.Reset();
        insert.Bind(1, ars).Bind(2, r.id).Bind(3, r.updated).Bind(4, r.json);
        if (!insert.Run()) return insert.error();
    }
    return tx.Commit();
}

Result<std::vector<PvogServiceRow>> LoadPvogCatalogue(Database& db, const std::string& ars) {
    std::vector<PvogServiceRow> out;
    Statement s(db.handle(), "SELECT id, updated, json FROM pvog_services WHERE ars = ?1 ORDER BY rowid");
    s.Bind(1, ars);
    while (s.Step()) out.push_back(PvogServiceRow{s.Text(0), s.Text(1), s.Text(2)});
    if (!s.Succeeded()) return s.error();
    return out;
}

Status PutPvogDetails(Database& db, const std::vector<PvogDetailRow>& rows) {
    Transaction tx(db, Durability::kNormal);
    Statement insert(db.handle(), std::string("INSERT OR REPLACE INTO pvog_details (") + kDetailColumns +
                                      ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const auto& r : rows) {
        insert.Reset();
        insert.Bind(1, r.id).Bind(2, r.language).Bind(3, r.last_update).Bind(4, r.catalogue_updated);
        insert.Bind(5, r.json).Bind(6, ToUnixMs(r.fetched));
        if (!insert.Run()) return insert.error();
    }
    return tx.Commit();
}

Result<std::optional<PvogDetailRow>> GetPvogDetail(Database& db, const std::string& id,
                                                   const std::string& language) {
    std::optional<PvogDetailRow> out;
    Statement s(db.handle(), std::string("SELECT ") + kDetailColumns +
                                 " FROM pvog_details WHERE id = ?1 AND language = ?2");
    s.Bind(1, id).Bind(2, language);
    while (s.Step()) out = ReadDetail(s);
    if (!s.Succeeded()) return s.error();
    return out;
}

Result<std::vector<PvogDetailRow>> ListPvogDetails(Database& db, const std::string& language) {
    std::vector<PvogDetailRow> out;
    Statement s(db.handle(), std::string("SELECT ") + kDetailColumns +
                                 " FROM pvog_details WHERE language = ?1 ORDER BY id");
    s.Bind(1, language);
    while (s.Step()) out.push_back(ReadDetail(s));
    if (!s.Succeeded()) return s.error();
    return out;
}

namespace {

// A service needs fetching when its German description is missing or older than the catalogue entry, or a
// translation is (a translation row written with an empty catalogue date is one whose fetch is pending).
constexpr const char* kStaleSelect =
    "SELECT c.id, c.updated FROM pvog_services c LEFT JOIN pvog_details d "
    "ON d.id = c.id AND d.language = 'de' "
    "WHERE c.ars = ?1 AND (d.id IS NULL OR d.catalogue_updated <> c.updated OR EXISTS ("
    "SELECT 1 FROM pvog_details t WHERE t.id = c.id AND t.language <> 'de' AND t.catalogue_updated <> "
    "c.updated))";

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> StalePvogDetails(Database& db,
                                                                          const std::string& ars,
                                                                          std::size_t limit) {
    std::vector<std::pair<std::string, std::string>> out;
    Statement s(db.handle(), std::string(kStaleSelect) + " ORDER BY c.rowid LIMIT ?2");
    s.Bind(1, ars).Bind(2, static_cast<std::int64_t>(limit));
    while (s.Step()) out.emplace_back(s.Text(0), s.Text(1));
    if (!s.Succeeded()) return s.error();
    return out;
}

Result<std::optional<std::string>> StalePvogDetail(Database& db, const std::string& ars,
                                                   const std::string& id) {
    std::optional<std::string> out;
    Statement s(db.handle(), std::string(kStaleSelect) + " AND c.id = ?2");
    s.Bind(1, ars).Bind(2, id);
    while (s.Step()) out = s.Text(1);
    if (!s.Succeeded()) return s.error();
    return out;
}

Status DeletePvogTranslations(Database& db, const std::string& id) {
    Statement s(db.handle(), "DELETE FROM pvog_details WHERE id = ?1 AND language <> 'de'");
    s.Bind(1, id);
    if (!s.Run()) return s.error();
    return {};
}

}  // namespace ck::cache
