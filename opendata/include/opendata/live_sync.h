// The glue between the tiles and the store: what the sync worker's live connector is given (the pulls and
// the parser), and what the live screen and `civic-kiosk live` read back (one entry per tile value).
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"
#include "offline_cache/live_connector.h"
#include "opendata/tiles.h"

namespace ck::od {

// The pulls of the platform tiles (counter tiles need no pull) and a parser that turns an entity into the
// stored row through ParseTileValue. `tiles` is copied.
cache::LiveSettings MakeLiveSettings(const std::vector<TileSpec>& tiles, double history_days,
                                     const ParseContext& reference);

struct TileEntry {
    std::size_t tile_index = 0;  // into the tiles given to LoadTileEntries
    TileValue value;
    bool stale = false;
    std::int64_t history_points = 0;
};

// What the live screen shows now: the cached values of every tile that is not gone, in the order of the
// tiles, then by name; counter tiles from this kiosk's count bins (today's passers-by so far). Never an
// invented value: nothing cached gives no entry.
Result<std::vector<TileEntry>> LoadTileEntries(cache::Database& db, const std::vector<TileSpec>& tiles,
                                               TimePoint now);

}  // namespace ck::od
