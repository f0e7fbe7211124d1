// What a history chart draws, worked out without a UI: the readable y-range and its ticks, the time series
// cut at gaps and decimated to the pixels it gets, and the passers-by of today against the same weekday of
// the last four weeks. The kiosk only turns these into ImDrawList lines.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <vector>

#include "core/time.h"
#include "offline_cache/counter_bins.h"

namespace ck::od {

struct SeriesPoint {
    TimePoint t{};
    double value = 0;
};

// A y-axis a person can read: round steps (1, 2, 2.5, 5 x 10^n), min and max on steps, the data inside
// with some room, never a zero-height range (a flat line gets a span around it).
struct ChartAxis {
    double min = 0;
    double max = 1;
    double step = 1;
    int decimals = 0;  // enough to tell the tick labels apart
};
ChartAxis NiceAxis(double lo, double hi, int max_ticks = 5);

// The points of [from, to] split into runs wherever two neighbours are further apart than a gap (three times
// the usual spacing, at least `min_gap`), each run decimated to at most two points (its min and max, in time
// order) per column of `columns`. Runs of a single point are kept (drawn as a dot).
std::vector<std::vector<SeriesPoint>> PrepareSeries(
    const std::vector<SeriesPoint>& points, TimePoint from, TimePoint to, int columns,
    std::chrono::milliseconds min_gap = std::chrono::minutes(10));

// A chart needs at least this many points in its window, else it says "not enough history".
inline constexpr std::size_t kMinChartPoints = 3;

// Passers-by per local hour: today up to now, and the average of the same weekday in the previous four
// weeks (over the weeks that have counts that day). Hours without data are nullopt.
struct HourlyCounts {
    std::array<std::optional<double>, 24> today{};
    std::array<std::optional<double>, 24> usual{};
    int weeks = 0;  // weeks the average is taken over (0: no comparison)
    double today_total = 0;
    std::optional<double> last_hour;  // the last full hour's count
};
HourlyCounts PassersByHour(const std::vector<cache::CounterBin>& bins, TimePoint now);

}  // namespace ck::od
