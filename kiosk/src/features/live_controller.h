// The live screen, its detail chart, the datasets list and the attract screen's rotating tile, apart from
// their drawing. Everything is read from the store here, when a screen opens, a visitor taps or the sync
// worker stored new values; frames only draw this state (no statement per frame).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "offline_cache/database.h"
#include "offline_cache/sync.h"
#include "opendata/chart.h"
#include "opendata/ckan.h"
#include "opendata/live_sync.h"
#include "opendata/tiles.h"

namespace ck::kiosk {

enum class ChartRange { kDay, kWeek };

struct DatasetView {
    od::Dataset dataset;
    std::string description;  // plain text (the portal's HTML through services' converter)
    std::string folded;       // title, description, organisation and formats folded for search, once
};

// One visitor's search in the datasets list (lives in the visitor session, so it resets with it).
struct DatasetSearch {
    std::string query;
    bool keyboard_open = false;
    std::string searched;              // the query `hits` belong to
    std::int64_t searched_loads = -1;  // LiveController::dataset_loads `hits` belong to
    std::vector<std::size_t> hits;     // indices into LiveController::datasets, in list order
    bool filtered = false;             // the query has a word to look for (else every dataset is a hit)
};

// The words of one entry as the screens draw them (screens/live_text.h formats them).
struct TileTexts {
    std::string title;   // the tile's title from the catalogue
    std::string name;    // the place, as published (or this kiosk's site)
    std::string value;   // figure and unit, "132 of 420", a level word
    std::string detail;  // the second line
    std::string age;     // "as of 14:05, 12 min ago"; an outdated value says so first
};

struct LiveController {
    std::vector<od::TileEntry> entries;
    bool loaded = false;
    std::string load_error;  // the store could not be read: shown as "not available", never as empty data
    // The platform connector's health: offline means "last reached the platform at ...".
    std::optional<cache::ConnectorStatus> platform;
    bool platform_configured = false;  // central.orion_url is set (otherwise there is nothing to reach)
    std::int64_t seen_pulls = -1;      // SyncWorker::pulled_rounds() at the last load
    std::int64_t loads = 0;            // counts LoadLive: the entries changed

    // The entries' texts, formatted once (ICU) and kept until the entries, the language or the minute change.
    std::vector<TileTexts> texts;
    std::string offline_text;  // "last reached the platform at ..." (empty while it answers)
    std::int64_t texts_loads = -1;
    std::string texts_language;
    std::int64_t texts_minute = -1;

    // Detail view of entries[detail].
    std::optional<std::size_t> detail;
    ChartRange range = ChartRange::kDay;
    std::vector<od::SeriesPoint> history;  // the last 7 days of the detail entry
    od::HourlyCounts passers;              // a counter tile's detail
    // The chart as drawn: prepared once per (range, width), not per frame.
    std::vector<std::vector<od::SeriesPoint>> runs;
    std::size_t points_in_range = 0;
    ChartRange runs_range = ChartRange::kDay;
    int runs_columns = 0;

    // Datasets (CKAN), loaded when the list opens.
    std::vector<DatasetView> datasets;
    bool datasets_loaded = false;
    std::int64_t dataset_loads = 0;  // counts LoadDatasets, so a search knows its hits are outdated
    std::optional<std::size_t> dataset_open;

    // The attract screen's rotating tile: which entry, and when the next one is due (wall-clock seconds).
    std::size_t rotation = 0;
    double next_rotation_s = 0;
};

// Seconds a tile stays on the attract screen.
inline constexpr double kAttractRotationS = 12;

// Reads the tile values and the platform's health from the store.
void LoadLive(LiveController& live, cache::Database* db, const std::vector<od::TileSpec>& tiles,
              TimePoint now);
// Selects entries[index] for the detail view and reads its 7-day history (or a counter tile's bins).
void OpenTileDetail(LiveController& live, cache::Database* db, std::size_t index, TimePoint now);
// The runs for the current range at `columns` pixels, if they are not prepared yet.
void PrepareChart(LiveController& live, TimePoint now, int columns);
// Reads the cached datasets (descriptions converted to plain text once, here).
void LoadDatasets(LiveController& live, cache::Database* db, const std::string& portal_url);
// A dataset as the list shows it: the description as plain text and the folded search text, computed once.
DatasetView ViewOfDataset(od::Dataset dataset);
// The datasets matching every word of `query`, in list order: case- and accent-insensitive (the services
// search's folding: ä = a = ae, ß = ss), each word anywhere in the title, description, organisation or
// formats. A blank query matches all.
std::vector<std::size_t> SearchDatasets(const std::vector<DatasetView>& datasets, std::string_view query);
// Called every frame: searches only when the query or the loaded datasets changed.
void UpdateDatasetSearch(const LiveController& live, DatasetSearch& search);
// Moves the attract tile on when its time has come; returns whether it changed.
bool AdvanceRotation(LiveController& live, double now_s);
// Visitor state back to the list (a new visitor starts on no detail, no open dataset).
void ResetLiveView(LiveController& live);

}  // namespace ck::kiosk
