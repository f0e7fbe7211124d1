#include "opendata/live_sync.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <memory>

#include "core/quote.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/live_store.h"
#include "opendata/chart.h"
#include "opendata/freshness.h"

namespace ck::od {

cache::LiveSettings MakeLiveSettings(const std::vector<TileSpec>& tiles, double history_days,
                                     const ParseContext& reference) {
    cache::LiveSettings s;
    s.history_days = history_days;
    auto specs = std::make_shared<std::vector<TileSpec>>();
    for (const auto& t : tiles) {
        if (t.source != TileSource::kNgsi) continue;
        specs->push_back(t);
        s.tiles.push_back({t.id, t.type, t.entity_id, t.id_pattern, t.q, t.service_path, t.Attrs(),
                           static_cast<double>(t.refresh.count())});
    }
    s.parse = [specs, reference](std::size_t i, const nlohmann::json& entity,
                                 TimePoint now) -> Result<cache::LiveRow> {
        ParseContext ctx = reference;
        ctx.now = now;
        Result<TileValue> v = ParseTileValue((*specs)[i], entity, ctx);
        if (!v) return v.error();
        cache::LiveRow row;
        row.tile = v->tile;
        row.entity_id = v->entity_id;
        row.json = ToJson(*v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        row.chart_value = ChartValue(*v);
        row.observed = v->observed;
        row.fetched = now;
        return row;
    };
    return s;
}

Result<std::vector<TileEntry>> LoadTileEntries(cache::Database& db, const std::vector<TileSpec>& tiles,
                                               TimePoint now) {
    auto rows = cache::ListLiveRows(db);
    if (!rows) return rows.error();
    auto counts = cache::CountHistory(db);
    if (!counts) return counts.error();
    std::map<std::string, std::vector<const cache::LiveRow*>> by_tile;
    for (const auto& r : *rows) by_tile[r.tile].push_back(&r);
    std::vector<TileEntry> out;
    std::optional<HourlyCounts> passers;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const TileSpec& spec = tiles[i];
        if (spec.source == TileSource::kCounter) {
            if (!passers) {
                auto bins = cache::ListBins(db, LocalDayStart(now));
                if (!bins) return bins.error();
                if (bins->empty()) continue;  // no counter, or nothing counted today: no value to show
                TimePoint latest{};
                for (const auto& b : *bins) latest = std::max(latest, std::min(b.end, now));
                passers = PassersByHour(*bins, now);
                TileEntry e;
                e.tile_index = i;
                e.value.tile = spec.id;
                e.value.type = "CrowdFlowObserved";
                e.value.entity_id = "kiosk";
                e.value.value = passers->today_total;
                if (passers->last_hour) e.value.extras.push_back({"last_hour", *passers->last_hour, "", 0});
                e.value.observed = latest;
                e.stale = IsStale(latest, now, spec.stale_after);
                out.push_back(std::move(e));
            }
            continue;
        }
        std::vector<TileEntry> entries;
        for (const cache::LiveRow* r : by_tile[spec.id]) {
            Result<TileValue> v = TileValueFromStored(r->json);
            if (!v) {
                spdlog::warn("live: the cached value of tile {}, entity {}, is unreadable and skipped: {}",
                             spec.id, QuoteInput(r->entity_id, 80), v.error().message);
                continue;
            }
            TileEntry e;
            e.tile_index = i;
            e.value = std::move(*v);
            e.stale = IsStale(e.value.observed, now, spec.stale_after);
            const auto c = counts->find({spec.id, r->entity_id});
            e.history_points = c == counts->end() ? 0 : c->second;
            entries.push_back(std::move(e));
        }
        std::stable_sort(entries.begin(), entries.end(),
                         [](const TileEntry& a, const TileEntry& b) { return a.value.name < b.value.name; });
        for (auto& e : entries) out.push_back(std::move(e));
    }
    return out;
}

}  // namespace ck::od
