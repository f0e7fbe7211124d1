#include "opendata/chart.h"

#include <algorithm>
#include <cmath>

#include "opendata/freshness.h"

namespace ck::od {

using std::chrono::milliseconds;

ChartAxis NiceAxis(double lo, double hi, int max_ticks) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    if (lo > hi) std::swap(lo, hi);
    if (hi - lo < 1e-9) {
        // A flat series: a span around it that still shows it as flat, not as noise.
        const double pad = std::max(std::fabs(lo) * 0.1, 1.0);
        lo -= pad, hi += pad;
    } else {
        const double pad = (hi - lo) * 0.08;
        // Counts and levels that start at zero keep zero as their floor.
        lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
        hi += pad;
    }
    max_ticks = std::max(max_ticks, 2);
    const double raw = (hi - lo) / max_ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag * 10;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (mag * m >= raw) {
            step = mag * m;
            break;
        }
    }
    ChartAxis a;
    a.step = step;
    a.min = std::floor(lo / step) * step;
    a.max = std::ceil(hi / step) * step;
    a.decimals = step >= 1 ? 0 : std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
    if (step < 1 &&
        std::fabs(step * std::pow(10.0, a.decimals) - std::round(step * std::pow(10.0, a.decimals))) > 1e-6)
        ++a.decimals;  // 0.25 needs two
    return a;
}

std::vector<std::vector<SeriesPoint>> PrepareSeries(const std::vector<SeriesPoint>& points, TimePoint from,
                                                    TimePoint to, int columns, milliseconds min_gap) {
    std::vector<SeriesPoint> in;
    for (const auto& p : points)
        if (p.t >= from && p.t <= to && std::isfinite(p.value)) in.push_back(p);
    std::sort(in.begin(), in.end(), [](const SeriesPoint& a, const SeriesPoint& b) { return a.t < b.t; });
    std::vector<std::vector<SeriesPoint>> runs;
    if (in.empty() || to <= from) return runs;
    std::vector<std::int64_t> steps;
    for (std::size_t i = 1; i < in.size(); ++i) steps.push_back(ToUnixMs(in[i].t) - ToUnixMs(in[i - 1].t));
    milliseconds gap = min_gap;
    if (!steps.empty()) {
        std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2),
                         steps.end());
        gap = std::max(gap, milliseconds(3 * steps[steps.size() / 2]));
    }
    columns = std::max(columns, 1);
    const double span = static_cast<double>(ToUnixMs(to) - ToUnixMs(from));
    auto column = [&](TimePoint t) {
        return std::min(columns - 1, static_cast<int>((ToUnixMs(t) - ToUnixMs(from)) / span * columns));
    };
    std::vector<SeriesPoint> run;
    int col = -1;
    auto flush_column = [&](std::vector<SeriesPoint>& bucket) {
        if (bucket.empty()) return;
        // Min and max of the column in time order: the line keeps the extremes a plain sample would miss.
        const auto [mn, mx] =
            std::minmax_element(bucket.begin(), bucket.end(),
                                [](const SeriesPoint& a, const SeriesPoint& b) { return a.value < b.value; });
        if (mn == mx) {
            run.push_back(*mn);
        } else if (mn->t < mx->t) {
            run.push_back(*mn), run.push_back(*mx);
        } else {
            run.push_back(*mx), run.push_back(*mn);
        }
        bucket.clear();
    };
    std::vector<SeriesPoint> bucket;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (i > 0 && in[i].t - in[i - 1].t > gap) {
            flush_column(bucket);
            runs.push_back(std::move(run));
            run.clear();
            col = -1;
        }
        const int c = column(in[i].t);
        if (c != col) {
            flush_column(bucket);
            col = c;
        }
        bucket.push_back(in[i]);
    }
    flush_column(bucket);
    if (!run.empty()) runs.push_back(std::move(run));
    return runs;
}

HourlyCounts PassersByHour(const std::vector<cache::CounterBin>& bins, TimePoint now) {
    HourlyCounts out;
    constexpr auto kHour = std::chrono::hours(1);
    constexpr auto kWeek = std::chrono::hours(24 * 7);
    const TimePoint today = LocalDayStart(now);
    auto hour_of = [](TimePoint day, TimePoint t) {
        return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(t - day).count());
    };
    std::array<std::array<double, 24>, 4> weeks{};
    std::array<bool, 4> has{};
    for (const auto& b : bins) {
        const double n = static_cast<double>(b.positive + b.negative);
        if (b.start >= today && b.start < now) {
            const int h = hour_of(today, b.start);
            if (h >= 0 && h < 24)
                out.today[static_cast<std::size_t>(h)] =
                    out.today[static_cast<std::size_t>(h)].value_or(0) + n;
            out.today_total += n;
            continue;
        }
        for (int k = 0; k < 4; ++k) {
            const TimePoint day = LocalDayStart(today - kWeek * (k + 1) + kHour * 12);
            if (b.start < day || b.start >= day + std::chrono::hours(24)) continue;
            const int h = hour_of(day, b.start);
            if (h >= 0 && h < 24) weeks[static_cast<std::size_t>(k)][static_cast<std::size_t>(h)] += n;
            has[static_cast<std::size_t>(k)] = true;
        }
    }
    for (int k = 0; k < 4; ++k) out.weeks += has[static_cast<std::size_t>(k)] ? 1 : 0;
    if (out.weeks > 0) {
        for (std::size_t h = 0; h < 24; ++h) {
            double sum = 0;
            for (std::size_t k = 0; k < 4; ++k)
                if (has[k]) sum += weeks[k][h];
            out.usual[h] = sum / out.weeks;
        }
    }
    const int current = hour_of(today, now);
    if (current >= 1 && current <= 24)
        out.last_hour = out.today[static_cast<std::size_t>(current - 1)].value_or(0);
    return out;
}

}  // namespace ck::od
