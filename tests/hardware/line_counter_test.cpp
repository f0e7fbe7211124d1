// The crossing rule on synthetic foot-point tracks.
#include <gtest/gtest.h>

#include <cmath>

#include "hardware/line_counter.h"

namespace ck::hw {
namespace {

const Segment kVertical{{100, 0}, {100, 200}};  // side +1 is x < 100 (cross(B - A, P - A) > 0)

std::vector<Crossing> Walk(LineCounter& counter, std::int64_t id, const std::vector<Point2>& path) {
    std::vector<Crossing> out;
    for (const Point2& p : path) counter.Observe(id, p, out);
    return out;
}

std::vector<Point2> StraightPath(Point2 from, Point2 to, int steps) {
    std::vector<Point2> path;
    for (int i = 0; i <= steps; ++i) {
        const double t = double(i) / steps;
        path.push_back({from.x + t * (to.x - from.x), from.y + t * (to.y - from.y)});
    }
    return path;
}

TEST(Geometry, SideFollowsTheCrossProductInImageCoordinates) {
    EXPECT_EQ(SideOf(kVertical, {50, 100}), 1);
    EXPECT_EQ(SideOf(kVertical, {150, 100}), -1);
    EXPECT_EQ(SideOf(kVertical, {100, 50}), 0);
    EXPECT_NEAR(SignedDistance(kVertical, {94, 10}), 6.0, 1e-9);
    const auto t = CrossingParameter(kVertical, {50, 50}, {150, 150});
    ASSERT_TRUE(t.has_value());
    EXPECT_NEAR(*t, 0.5, 1e-9);
    EXPECT_FALSE(CrossingParameter(kVertical, {50, 0}, {50, 100}).has_value());
}

TEST(Geometry, FootPointIsBottomCentre) {
    const Point2 f = FootPoint(Box{10, 20, 30, 40});
    EXPECT_DOUBLE_EQ(f.x, 25);
    EXPECT_DOUBLE_EQ(f.y, 60);
}

TEST(LineCounter, CountsBothDirections) {
    LineCounter counter({{"l", kVertical}}, 6);
    auto right_to_left = Walk(counter, 1, StraightPath({150, 100}, {50, 100}, 20));
    ASSERT_EQ(right_to_left.size(), 1u);
    EXPECT_EQ(right_to_left[0].direction, Direction::kPositive);
    auto left_to_right = Walk(counter, 2, StraightPath({50, 120}, {150, 120}, 20));
    ASSERT_EQ(left_to_right.size(), 1u);
    EXPECT_EQ(left_to_right[0].direction, Direction::kNegative);
    EXPECT_EQ(counter.totals()[0].positive, 1);
    EXPECT_EQ(counter.totals()[0].negative, 1);
}

TEST(LineCounter, JitterInsideTheBandNeverCounts) {
    LineCounter counter({{"l", kVertical}}, 6);
    std::vector<Point2> path{{120, 100}};  // confirmed on side -1
    for (int i = 0; i < 200; ++i) path.push_back({100 + 5.9 * std::sin(i * 0.7), 100.0 + (i % 7)});
    EXPECT_TRUE(Walk(counter, 1, path).empty());
    // Leaving the band back on the same side still counts nothing.
    EXPECT_TRUE(Walk(counter, 1, {{108, 100}}).empty());
    // Only a step at least H beyond the line on the other side counts.
    const auto crossed = Walk(counter, 1, {{94, 100}});
    ASSERT_EQ(crossed.size(), 1u);
    EXPECT_EQ(crossed[0].direction, Direction::kPositive);
}

TEST(LineCounter, StandingOnTheLineThenLeavingCountsOnlyARealChange) {
    LineCounter counter({{"l", kVertical}}, 6);
    std::vector<Point2> path = StraightPath({130, 80}, {100, 80}, 10);        // walks onto the line
    for (int i = 0; i < 100; ++i) path.push_back({100.0 + (i % 3) - 1, 80});  // stands on it
    auto turned_back = path;
    turned_back.push_back({130, 80});  // and goes back where it came from
    EXPECT_TRUE(Walk(counter, 1, turned_back).empty());
    path.push_back({70, 80});  // another one crosses after standing
    EXPECT_EQ(Walk(counter, 2, path).size(), 1u);
}

TEST(LineCounter, TheBandBoundaryIsInclusive) {
    LineCounter counter({{"l", kVertical}}, 6);
    EXPECT_EQ(Walk(counter, 1, {{106, 50}, {94, 50}}).size(), 1u);
    LineCounter narrow({{"l", kVertical}}, 6);
    EXPECT_TRUE(Walk(narrow, 1, {{105.9, 50}, {94.1, 50}}).empty());
}

TEST(LineCounter, SegmentEndsLimitTheCount) {
    LineCounter counter({{"l", kVertical}}, 6);
    EXPECT_TRUE(Walk(counter, 1, StraightPath({150, 210}, {50, 210}, 10)).empty());   // below B
    EXPECT_TRUE(Walk(counter, 2, StraightPath({150, -5}, {50, -5}, 10)).empty());     // above A
    EXPECT_EQ(Walk(counter, 3, StraightPath({150, 200}, {50, 200}, 10)).size(), 1u);  // exactly at B
    EXPECT_EQ(Walk(counter, 4, StraightPath({150, 0}, {50, 0}, 10)).size(), 1u);      // exactly at A
    // A diagonal move whose intersection with the line lies beyond B does not count even though both
    // points are far from the line and on opposite sides.
    EXPECT_TRUE(Walk(counter, 5, {{150, 180}, {50, 240}}).empty());
}

TEST(LineCounter, TheMoveIsMeasuredFromTheLastConfirmedPoint) {
    // The confirmed point is the last one at least H away: crossing in a detour through the band is judged on
    // the segment from there to the first point beyond it on the other side.
    LineCounter counter({{"l", kVertical}}, 6);
    EXPECT_EQ(Walk(counter, 1, {{120, 190}, {101, 195}, {99, 205}, {80, 198}}).size(), 1u);
}

TEST(LineCounter, SeveralLinesAtOnceEachWithItsOwnDirection) {
    const Segment horizontal{{0, 100}, {200, 100}};  // side +1 is y > 100
    const Segment reversed{{100, 200}, {100, 0}};    // the vertical line reversed: its positive is x > 100
    LineCounter counter({{"v", kVertical}, {"h", horizontal}, {"r", reversed}}, 6);
    const auto events = Walk(counter, 7, StraightPath({150, 50}, {50, 150}, 40));
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(counter.totals()[0].positive, 1);
    EXPECT_EQ(counter.totals()[1].positive, 1);
    EXPECT_EQ(counter.totals()[2].negative, 1);
    for (const auto& e : events) EXPECT_EQ(e.track_id, 7);
}

TEST(LineCounter, ANewTrackStartsWithoutASide) {
    LineCounter counter({{"l", kVertical}}, 6);
    EXPECT_TRUE(Walk(counter, 1, {{150, 50}}).empty());
    counter.Forget(1);
    // Seen again only on the other side: no crossing was observed, none is counted.
    EXPECT_TRUE(Walk(counter, 1, {{50, 50}}).empty());
    // Without Forget (re-identified after a gap) the move across the gap counts.
    EXPECT_EQ(Walk(counter, 1, {{150, 50}}).size(), 1u);
}

TEST(LineCounter, BackAndForthCountsEachCrossing) {
    LineCounter counter({{"l", kVertical}}, 6);
    Walk(counter, 1, {{150, 50}, {50, 50}, {150, 60}, {50, 70}});
    EXPECT_EQ(counter.totals()[0].positive, 2);
    EXPECT_EQ(counter.totals()[0].negative, 1);
}

TEST(LineValidation, RejectsAbsurdLines) {
    EXPECT_TRUE(ValidateLine({{0, 0}, {480, 360}}, 480, 360).ok());
    EXPECT_FALSE(ValidateLine({{10, 10}, {10, 10}}, 480, 360).ok());
    EXPECT_FALSE(ValidateLine({{-1, 0}, {100, 100}}, 480, 360).ok());
    EXPECT_FALSE(ValidateLine({{0, 0}, {481, 100}}, 480, 360).ok());
    EXPECT_FALSE(ValidateLine({{0, 0}, {1e9, 100}}, 480, 360).ok());
    EXPECT_FALSE(ValidateLine({{0, 0}, {NAN, 100}}, 480, 360).ok());
    EXPECT_EQ(ValidateLine({{0, 0}, {1e9, 100}}, 480, 360).error().code, "counter.line_outside");
}

TEST(LineValidation, ParsesFourNumbersOnly) {
    auto ok = ParseLine("240,0,240.5,360");
    ASSERT_TRUE(ok.ok());
    EXPECT_DOUBLE_EQ(ok->b.x, 240.5);
    for (const char* bad :
         {"", "1,2,3", "1,2,3,4,5", "a,b,c,d", "1,,3,4", "1,2,3,4x", "nan,1,2,3", "1e999,0,0,0"}) {
        EXPECT_FALSE(ParseLine(bad).ok()) << bad;
    }
}

}  // namespace
}  // namespace ck::hw

namespace ck::hw {
namespace {

TEST(LineCounterConfirm, OneObservationIsTheContract) {
    LineCounter exact({{"l", kVertical}}, 6, 1);
    EXPECT_EQ(Walk(exact, 1, {{120, 50}, {90, 50}}).size(), 1u);
}

TEST(LineCounterConfirm, ABriefExcursionOverTheLineIsNotACrossing) {
    LineCounter counter({{"l", kVertical}}, 6, 3);
    // Walking along the line on side -1 with two-frame excursions to side +1 (detector jitter).
    std::vector<Point2> path;
    for (int i = 0; i < 60; ++i) path.push_back({(i % 5 >= 3) ? 92.0 : 108.0, 10.0 + 3 * i});
    path.push_back({108, 190});
    EXPECT_TRUE(Walk(counter, 1, path).empty());
    // A band observation in between also starts the confirmation over.
    EXPECT_TRUE(Walk(counter, 1, {{92, 200}, {92, 199}, {100, 198}, {92, 197}, {108, 196}}).empty());
}

TEST(LineCounterConfirm, ARealCrossingCountsOnceOnTheFirstPointBeyond) {
    LineCounter counter({{"l", kVertical}}, 6, 3);
    // The move is judged from the last point on the old side to the first beyond: here the path leaves the
    // segment (y > 200) after crossing, which must not matter.
    const auto events = Walk(counter, 1, {{130, 190}, {110, 195}, {90, 199}, {80, 230}, {70, 260}});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].direction, Direction::kPositive);
    // Crossing beyond B and coming back inside is not counted either way.
    LineCounter other({{"l", kVertical}}, 6, 3);
    EXPECT_TRUE(Walk(other, 2, {{130, 220}, {110, 215}, {90, 210}, {80, 190}, {70, 180}}).empty());
}

}  // namespace
}  // namespace ck::hw
