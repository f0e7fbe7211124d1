// What a chart draws, without drawing: readable axes, gaps kept, decimation that keeps the extremes, and
// the passers-by of today against the usual weekday.
#include <gtest/gtest.h>

#include <cmath>

#include "locales/localizer.h"
#include "opendata/chart.h"
#include "opendata/freshness.h"

namespace ck::od {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const TimePoint kNow = *ParseIso8601("2026-11-27T13:05:00Z");

TEST(NiceAxisTest, RoundStepsAroundTheData) {
    const ChartAxis a = NiceAxis(3.2, 7.9);
    EXPECT_LE(a.min, 3.2);
    EXPECT_GE(a.max, 7.9);
    EXPECT_TRUE(a.step == 1 || a.step == 2 || a.step == 0.5) << a.step;
    EXPECT_NEAR(std::fmod(a.min, a.step), 0, 1e-9);
    const int ticks = static_cast<int>(std::lround((a.max - a.min) / a.step));
    EXPECT_GE(ticks, 2);
    EXPECT_LE(ticks, 8);
}

TEST(NiceAxisTest, AFlatSeriesGetsARange) {
    const ChartAxis a = NiceAxis(2.41, 2.41);
    EXPECT_LT(a.min, 2.41);
    EXPECT_GT(a.max, 2.41);
    EXPECT_GT(a.step, 0);
}

TEST(NiceAxisTest, CountsKeepZeroAsFloorAndSmallStepsGetDecimals) {
    EXPECT_EQ(NiceAxis(3, 140).min, 0);
    const ChartAxis a = NiceAxis(2.30, 2.55);
    EXPECT_LT(a.step, 0.2);
    EXPECT_GE(a.decimals, 1);
    // The labels tell the ticks apart: the step is whole at the decimals shown.
    const double scaled = a.step * std::pow(10.0, a.decimals);
    EXPECT_NEAR(scaled, std::round(scaled), 1e-9);
    for (const auto& [lo, hi] :
         std::vector<std::pair<double, double>>{{0, 1}, {0.1, 0.35}, {-3.2, 4.1}, {980, 1030}}) {
        const ChartAxis b = NiceAxis(lo, hi);
        const double k = b.step * std::pow(10.0, b.decimals);
        EXPECT_NEAR(k, std::round(k), 1e-9) << lo << ".." << hi;
        EXPECT_LE(b.min, lo);
        EXPECT_GE(b.max, hi);
    }
}

TEST(PrepareSeriesTest, AnOutageIsAGapNotALine) {
    std::vector<SeriesPoint> pts;
    for (int h = 24; h >= 0; --h) {
        if (h >= 8 && h < 14) continue;  // six hours without values
        pts.push_back({kNow - hours(h), static_cast<double>(h)});
    }
    const auto runs = PrepareSeries(pts, kNow - hours(24), kNow, 800);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].back().t, kNow - hours(14));
    EXPECT_EQ(runs[1].front().t, kNow - hours(7));
}

TEST(PrepareSeriesTest, DecimatesToTheColumnsAndKeepsTheExtremes) {
    std::vector<SeriesPoint> pts;
    const TimePoint from = kNow - hours(24 * 7);
    for (int i = 0; i < 10000; ++i)
        pts.push_back(
            {from + std::chrono::milliseconds(static_cast<std::int64_t>(i) * 60480), std::sin(i * 0.01)});
    pts[5000].value = 50;  // a spike a plain sample would miss
    const auto runs = PrepareSeries(pts, from, kNow, 400);
    std::size_t n = 0;
    double peak = -1e9;
    for (const auto& r : runs) {
        n += r.size();
        for (const auto& p : r) peak = std::max(peak, p.value);
    }
    EXPECT_LE(n, 800u);
    EXPECT_GE(n, 400u);
    EXPECT_EQ(peak, 50);
    EXPECT_EQ(runs.size(), 1u);
    for (const auto& r : runs)
        for (std::size_t i = 1; i < r.size(); ++i) EXPECT_LE(r[i - 1].t, r[i].t);
}

TEST(PrepareSeriesTest, PointsOutsideTheWindowAndNonFiniteOnesAreLeftOut) {
    std::vector<SeriesPoint> pts = {{kNow - hours(30), 1}, {kNow - hours(2), NAN}, {kNow - hours(1), 2}};
    const auto runs = PrepareSeries(pts, kNow - hours(24), kNow, 100);
    ASSERT_EQ(runs.size(), 1u);
    ASSERT_EQ(runs[0].size(), 1u);
    EXPECT_EQ(runs[0][0].value, 2);
}

TEST(PassersByHourTest, TodayAgainstTheSameWeekday) {
    ASSERT_TRUE(loc::SetProcessTimeZone("Europe/Berlin").ok());
    const TimePoint day = LocalDayStart(kNow);  // Friday 27 Nov, 00:00 in Berlin
    std::vector<cache::CounterBin> bins;
    auto bin = [&](TimePoint start, int n) {
        bins.push_back({"entrance", start, start + minutes(15), n, 0, true});
    };
    bin(day + hours(9), 10);
    bin(day + hours(9) + minutes(15), 5);
    bin(day + hours(13), 7);
    bin(day + hours(15), 99);                   // after now (14:05 local): not counted yet
    bin(day - hours(24 * 7) + hours(9), 20);    // last Friday
    bin(day - hours(24 * 14) + hours(9), 40);   // two Fridays ago
    bin(day - hours(24 * 3) + hours(9), 1000);  // a Tuesday: not the same weekday
    const HourlyCounts c = PassersByHour(bins, kNow);
    EXPECT_EQ(c.today[9].value_or(-1), 15);
    EXPECT_EQ(c.today[13].value_or(-1), 7);
    EXPECT_FALSE(c.today[10].has_value());
    EXPECT_EQ(c.today_total, 22);
    EXPECT_EQ(c.weeks, 2);
    EXPECT_EQ(c.usual[9].value_or(-1), 30);
    EXPECT_EQ(c.usual[10].value_or(-1), 0);
    EXPECT_EQ(c.last_hour.value_or(-1), 7);  // 13:00-14:00, the last full hour before 14:05
}

}  // namespace
}  // namespace ck::od
