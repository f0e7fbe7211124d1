// The live tiles' cache: the latest value of each (tile, entity), its history for the charts, and the
// CKAN datasets. Values are opaque JSON here (their shape belongs to opendata/); the store keeps times,
// the chart figure and which entities are gone.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::cache {

struct LiveRow {
    std::string tile;
    std::string entity_id;
    std::string json;                   // the parsed value as opendata wrote it
    std::optional<double> chart_value;  // the history point of this observation (none: nothing to plot)
    TimePoint observed{};
    TimePoint fetched{};
    std::optional<TimePoint> gone;  // stopped appearing at this time (kept for the record, not shown)
};

// One tile's pull result in one transaction: every row is upserted (a reappearing entity is no longer
// gone), its history point added once per observation time (dedup by dateObserved), and the tile's
// entities missing from `rows` are marked gone (their values and history stay until pruned).
Status StoreTilePull(Database& db, const std::string& tile, const std::vector<LiveRow>& rows, TimePoint now);
// Every row, ordered by tile and entity; gone ones only with include_gone.
Result<std::vector<LiveRow>> ListLiveRows(Database& db, bool include_gone = false);

struct HistoryPoint {
    TimePoint t{};
    double value = 0;
};
Result<std::vector<HistoryPoint>> LoadHistory(Database& db, const std::string& tile,
                                              const std::string& entity_id, TimePoint from, TimePoint to);
// Adds history points in one transaction (existing observation times are kept): the demo's past.
Status AddHistory(Database& db, const std::string& tile, const std::string& entity_id,
                  const std::vector<HistoryPoint>& points);
// Points per (tile, entity).
Result<std::map<std::pair<std::string, std::string>, std::int64_t>> CountHistory(Database& db);
// Removes history older than `before`, and gone rows not seen since then. Returns the points removed.
Result<std::int64_t> PruneLive(Database& db, TimePoint before);

struct CkanRow {
    std::string id;
    std::string json;  // the package as the portal sent it (bounded)
    TimePoint fetched{};
};
// Replaces the cached list in one transaction, keeping the portal's order.
Status ReplaceCkanDatasets(Database& db, const std::vector<CkanRow>& rows);
Result<std::vector<CkanRow>> ListCkanDatasets(Database& db);

}  // namespace ck::cache
