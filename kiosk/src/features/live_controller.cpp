#include "features/live_controller.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "offline_cache/counter_bins.h"
#include "offline_cache/live_store.h"
#include "opendata/freshness.h"
#include "services/html_text.h"
#include "services/search.h"

namespace ck::kiosk {
namespace {

constexpr auto kWeek = std::chrono::hours(24 * 7);
constexpr auto kDay = std::chrono::hours(24);

// Paragraphs and list items of the converted HTML as plain lines.
std::string PlainText(const std::string& html) {
    std::string out;
    for (const auto& block : svc::HtmlToRichText(html)) {
        if (!out.empty()) out += "\n";
        if (block.bullet) out += "\u2022 ";
        out += block.text;
    }
    return out;
}

}  // namespace

void LoadLive(LiveController& live, cache::Database* db, const std::vector<od::TileSpec>& tiles,
              TimePoint now) {
    live.loaded = true;
    ++live.loads;
    live.load_error.clear();
    live.entries.clear();
    live.platform.reset();
    if (!db) {
        live.load_error = "store unavailable";
        return;
    }
    auto entries = od::LoadTileEntries(*db, tiles, now);
    if (!entries) {
        spdlog::error("live values unavailable: {}", entries.error().message);
        live.load_error = entries.error().message;
        return;
    }
    live.entries = std::move(*entries);
    if (auto statuses = cache::LoadConnectorStatuses(*db); statuses) {
        for (auto& s : *statuses)
            if (s.name == "live") live.platform = std::move(s);
    }
    if (live.rotation >= live.entries.size()) live.rotation = 0;
}

void OpenTileDetail(LiveController& live, cache::Database* db, std::size_t index, TimePoint now) {
    live.detail.reset();
    live.history.clear();
    live.runs.clear();
    live.runs_columns = 0;
    live.passers = {};
    if (index >= live.entries.size()) return;
    live.detail = index;
    if (!db) return;
    const od::TileEntry& e = live.entries[index];
    if (e.value.entity_id == "kiosk" && e.value.type == "CrowdFlowObserved") {
        // Today and the same weekday of the four weeks before: 29 days of bins.
        auto bins = cache::ListBins(*db, od::LocalDayStart(now) - kWeek * 4 - kDay);
        if (bins) live.passers = od::PassersByHour(*bins, now);
        return;
    }
    auto points = cache::LoadHistory(*db, e.value.tile, e.value.entity_id, now - kWeek, now);
    if (!points) {
        spdlog::warn("live history unavailable: {}", points.error().message);
        return;
    }
    for (const auto& p : *points) live.history.push_back({p.t, p.value});
}

void PrepareChart(LiveController& live, TimePoint now, int columns) {
    if (live.runs_columns == columns && live.runs_range == live.range) return;
    const TimePoint from = now - (live.range == ChartRange::kDay ? std::chrono::hours(24) : kWeek);
    live.runs = od::PrepareSeries(live.history, from, now, columns);
    live.points_in_range = static_cast<std::size_t>(
        std::count_if(live.history.begin(), live.history.end(),
                      [&](const od::SeriesPoint& p) { return p.t >= from && p.t <= now; }));
    live.runs_columns = columns;
    live.runs_range = live.range;
}

void LoadDatasets(LiveController& live, cache::Database* db, const std::string& portal_url) {
    live.datasets_loaded = true;
    ++live.dataset_loads;
    live.datasets.clear();
    live.dataset_open.reset();
    if (!db) return;
    auto rows = cache::ListCkanDatasets(*db);
    if (!rows) {
        spdlog::error("datasets unavailable: {}", rows.error().message);
        return;
    }
    for (const auto& r : *rows) {
        auto parsed = od::ParseDataset(nlohmann::json::parse(r.json, nullptr, false), portal_url);
        if (!parsed) continue;
        live.datasets.push_back(ViewOfDataset(std::move(*parsed)));
    }
}

DatasetView ViewOfDataset(od::Dataset dataset) {
    DatasetView v{std::move(dataset), {}, {}};
    v.description = PlainText(v.dataset.notes_html);
    std::string haystack = v.dataset.title + "\n" + v.description + "\n" + v.dataset.organization;
    for (const auto& format : v.dataset.formats) haystack += "\n" + format;
    v.folded = svc::FoldForSearch(haystack);
    return v;
}

std::vector<std::size_t> SearchDatasets(const std::vector<DatasetView>& datasets, std::string_view query) {
    const std::vector<std::string> words = svc::SearchWords(query);
    std::vector<std::size_t> hits;
    for (std::size_t i = 0; i < datasets.size(); ++i) {
        const std::string& text = datasets[i].folded;
        if (std::all_of(words.begin(), words.end(),
                        [&text](const std::string& w) { return text.find(w) != std::string::npos; }))
            hits.push_back(i);
    }
    return hits;
}

void UpdateDatasetSearch(const LiveController& live, DatasetSearch& search) {
    if (search.searched == search.query && search.searched_loads == live.dataset_loads) return;
    search.searched = search.query;
    search.searched_loads = live.dataset_loads;
    search.hits = SearchDatasets(live.datasets, search.query);
    search.filtered = !svc::SearchWords(search.query).empty();
}

bool AdvanceRotation(LiveController& live, double now_s) {
    if (now_s < live.next_rotation_s) return false;
    live.next_rotation_s = now_s + kAttractRotationS;
    if (live.entries.size() < 2) return false;
    live.rotation = (live.rotation + 1) % live.entries.size();
    return true;
}

void ResetLiveView(LiveController& live) {
    live.detail.reset();
    live.range = ChartRange::kDay;
    live.runs.clear();
    live.runs_columns = 0;
    live.dataset_open.reset();
}

}  // namespace ck::kiosk
