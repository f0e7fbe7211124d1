#include "offline_cache/live_store.h"

#include "sqlite_util.h"

namespace ck::cache {

Status StoreTilePull(Database& db, const std::string& tile, const std::vector<LiveRow>& rows, TimePoint now) {
    Transaction tx(db, Durability::kNormal);
    // Everything of the tile is "gone" unless this pull has it again.
    Statement mark(db.handle(), "UPDATE live_values SET gone_ms = ?2 WHERE tile = ?1 AND gone_ms IS NULL");
    mark.Bind(1, tile).Bind(2, ToUnixMs(now));
    if (!mark.Run()) return mark.error();
    for (const auto& r : rows) {
        if (r.tile != tile) return MakeError("cache.invalid", "row of tile " + r.tile + " stored as " + tile);
        Statement up(db.handle(),
                     "INSERT INTO live_values (tile, entity_id, json, observed_ms, fetched_ms, gone_ms) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, NULL) ON CONFLICT (tile, entity_id) DO UPDATE SET "
                     "json = excluded.json, observed_ms = excluded.observed_ms, "
                     "fetched_ms = excluded.fetched_ms, gone_ms = NULL");
        up.Bind(1, tile)
            .Bind(2, r.entity_id)
            .Bind(3, r.json)
            .Bind(4, ToUnixMs(r.observed))
            .Bind(5, ToUnixMs(r.fetched));
        if (!up.Run()) return up.error();
        if (!r.chart_value) continue;
        Statement h(db.handle(),
                    "INSERT OR IGNORE INTO live_history (tile, entity_id, observed_ms, value) VALUES (?1, "
                    "?2, ?3, ?4)");
        h.Bind(1, tile).Bind(2, r.entity_id).Bind(3, ToUnixMs(r.observed)).Bind(4, *r.chart_value);
        if (!h.Run()) return h.error();
    }
    return tx.Commit();
}

Result<std::vector<LiveRow>> ListLiveRows(Database& db, bool include_gone) {
    std::vector<LiveRow> out;
    Statement s(db.handle(),
                "SELECT tile, entity_id, json, observed_ms, fetched_ms, gone_ms FROM live_values "
                "WHERE ?1 OR gone_ms IS NULL ORDER BY tile, entity_id");
    s.Bind(1, include_gone ? 1 : 0);
    while (s.Step()) {
        LiveRow r{
            s.Text(0),   s.Text(1), s.Text(2), std::nullopt, FromUnixMs(s.Int64(3)), FromUnixMs(s.Int64(4)),
            std::nullopt};
        if (!s.IsNull(5)) r.gone = FromUnixMs(s.Int64(5));
        out.push_back(std::move(r));
    }
    if (!s.Succeeded()) return s.error();
    return out;
}

Result<std::vector<HistoryPoint>> LoadHistory(Database& db, const std::string& tile,
                                              const std::string& entity_id, TimePoint from, TimePoint to) {
    std::vector<HistoryPoint> out;
    Statement s(db.handle(),
                "SELECT observed_ms, value FROM live_history WHERE tile = ?1 AND entity_id = ?2 "
                "AND observed_ms BETWEEN ?3 AND ?4 ORDER BY observed_ms");
    s.Bind(1, tile).Bind(2, entity_id).Bind(3, ToUnixMs(from)).Bind(4, ToUnixMs(to));
    while (s.Step()) out.push_back({FromUnixMs(s.Int64(0)), s.Double(1)});
    if (!s.Succeeded()) return s.error();
    return out;
}

Status AddHistory(Database& db, const std::string& tile, const std::string& entity_id,
                  const std::vector<HistoryPoint>& points) {
    Transaction tx(db, Durability::kNormal);
    for (const auto& p : points) {
        Statement h(db.handle(),
                    "INSERT OR IGNORE INTO live_history (tile, entity_id, observed_ms, value) VALUES (?1, "
                    "?2, ?3, ?4)");
        h.Bind(1, tile).Bind(2, entity_id).Bind(3, ToUnixMs(p.t)).Bind(4, p.value);
        if (!h.Run()) return h.error();
    }
    return tx.Commit();
}

Result<std::map<std::pair<std::string, std::string>, std::int64_t>> CountHistory(Database& db) {
    std::map<std::pair<std::string, std::string>, std::int64_t> out;
    Statement s(db.handle(), "SELECT tile, entity_id, count(*) FROM live_history GROUP BY tile, entity_id");
    while (s.Step()) out[{s.Text(0), s.Text(1)}] = s.Int64(2);
    if (!s.Succeeded()) return s.error();
    return out;
}

Result<std::int64_t> PruneLive(Database& db, TimePoint before) {
    Transaction tx(db, Durability::kNormal);
    Statement h(db.handle(), "DELETE FROM live_history WHERE observed_ms < ?1");
    h.Bind(1, ToUnixMs(before));
    if (!h.Run()) return h.error();
    const std::int64_t removed = sqlite3_changes(db.handle());
    Statement g(db.handle(), "DELETE FROM live_values WHERE gone_ms IS NOT NULL AND gone_ms < ?1");
    g.Bind(1, ToUnixMs(before));
    if (!g.Run()) return g.error();
    if (auto st = tx.Commit(); !st) return st.error();
    return removed;
}

Status ReplaceCkanDatasets(Database& db, const std::vector<CkanRow>& rows) {
    Transaction tx(db, Durability::kNormal);
    Statement clear(db.handle(), "DELETE FROM ckan_datasets");
    if (!clear.Run()) return clear.error();
    std::int64_t position = 0;
    for (const auto& r : rows) {
        Statement s(
            db.handle(),
            "INSERT OR REPLACE INTO ckan_datasets (id, position, json, fetched_ms) VALUES (?1, ?2, ?3, ?4)");
        s.Bind(1, r.id).Bind(2, position++).Bind(3, r.json).Bind(4, ToUnixMs(r.fetched));
        if (!s.Run()) return s.error();
    }
    return tx.Commit();
}

Result<std::vector<CkanRow>> ListCkanDatasets(Database& db) {
    std::vector<CkanRow> out;
    Statement s(db.handle(), "SELECT id, json, fetched_ms FROM ckan_datasets ORDER BY position");
    while (s.Step()) out.push_back({s.Text(0), s.Text(1), FromUnixMs(s.Int64(2))});
    if (!s.Succeeded()) return s.error();
    return out;
}

}  // namespace ck::cache
