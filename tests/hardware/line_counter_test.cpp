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

// What the counting pipeline uses: H = 9, 5 confirming observations or 0.3 person heights beyond the line.
constexpr double kPersonHeight = 60;  // so the confirming distance is 18 px

std::vector<Crossing> WalkWithHeight(LineCounter& counter, std::int64_t id, const std::vector<Point2>& path) {
    std::vector<Crossing> out;
    for (const Point2& p : path) counter.Observe(id, p, out, kPersonHeight);
    return out;
}

// Out to `peak` px beyond the line (x < 100 is side +1) and back, sampled every `step` px.
std::vector<Point2> Excursion(double peak, double step) {
    std::vector<Point2> path;
    for (double x = 130; x > 100 - peak; x -= step) path.push_back({x, 100});
    path.push_back({100 - peak, 100});
    for (double x = 100 - peak + step; x <= 130; x += step) path.push_back({x, 100});
    return path;
}

TEST(LineCounter, AStepWellOverTheLineCountsAtAnyFrameRate) {
    // 24 px beyond (0.4 person heights) and back. Walked at 2 px per frame it is seen 7 times beyond H on
    // the far side; at 8 px per frame (a quarter of the frame rate) only twice, fewer than the 5 confirming
    // observations; the distance confirms it either way, so both give the same counts.
    for (double step : {2.0, 8.0}) {
        LineCounter counter({{"l", kVertical}}, 9, 5, 0.3);
        const auto out = WalkWithHeight(counter, 1, Excursion(24, step));
        ASSERT_EQ(out.size(), 2u) << "step " << step;
        EXPECT_EQ(out[0].direction, Direction::kPositive);
        EXPECT_EQ(out[1].direction, Direction::kNegative);
    }
    // Without the distance rule the sparse walk is lost: this is what the rule is for.
    LineCounter by_count_only({{"l", kVertical}}, 9, 5, 0);
    EXPECT_TRUE(WalkWithHeight(by_count_only, 1, Excursion(24, 8)).empty());
}

TEST(LineCounter, JitterShortOfTheConfirmingDistanceStillNeedsTheObservations) {
    // A person walking along the line with a foot that jumps 12 px to either side (beyond H = 9, short of
    // 18 px) is never counted, however long it goes on.
    LineCounter counter({{"l", kVertical}}, 9, 5, 0.3);
    std::vector<Point2> path;
    for (int i = 0; i < 100; ++i) path.push_back({i % 4 < 2 ? 88.0 : 112.0, 10.0 + i});
    EXPECT_TRUE(WalkWithHeight(counter, 1, path).empty());
    // Without a known height the distance rule is off (observations only).
    LineCounter no_height({{"l", kVertical}}, 9, 5, 0.3);
    EXPECT_TRUE(Walk(no_height, 1, Excursion(24, 8)).empty());
}

TEST(LineCounter, FinishCountsACrossingStillWaitingForConfirmation) {
    // Over the line and seen twice beyond H, then the track ends (the video ends, or the person is lost):
    // the person was last seen beyond H on the new side, so the crossing counts.
    LineCounter counter({{"l", kVertical}}, 9, 5);
    EXPECT_TRUE(
        Walk(counter, 1, {{130, 100}, {120, 100}, {105, 100}, {95, 100}, {88, 100}, {85, 100}}).empty());
    std::vector<Crossing> out;
    counter.Finish(1, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].direction, Direction::kPositive);
    EXPECT_EQ(counter.totals()[0].positive, 1);
    // The state is gone: finishing again adds nothing.
    counter.Finish(1, out);
    EXPECT_EQ(out.size(), 1u);
}

TEST(LineCounter, FinishDoesNotCountWhatWasNotACrossing) {
    LineCounter counter({{"l", kVertical}}, 9, 5);
    // Only ever on one side; back in the band after a glimpse of the other side; a glimpse outside the
    // segment's reach.
    Walk(counter, 1, {{130, 100}, {120, 100}});
    Walk(counter, 2, {{130, 100}, {85, 100}, {95, 100}});
    LineCounter short_line({{"s", Segment{{100, 0}, {100, 50}}}}, 9, 5);
    Walk(short_line, 3, {{130, 100}, {85, 100}});
    std::vector<Crossing> out;
    counter.Finish(1, out);
    counter.Finish(2, out);
    short_line.Finish(3, out);
    EXPECT_TRUE(out.empty());
    // Forget drops a pending crossing without counting it.
    Walk(counter, 4, {{130, 100}, {85, 100}});
    counter.Forget(4);
    counter.Finish(4, out);
    EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace ck::hw

namespace ck::hw {
namespace {

// The operator moves a line while people walk: the line keeps its totals (matched by name), a line of a new
// name starts at zero, and a track seen before starts afresh on the moved line: its first observation only
// sets its side, a later step over the moved line counts.
TEST(LineCounter, ReplacedLinesKeepTheirTotalsAndForgetTheOldSides) {
    LineCounter counter({{"door", kVertical}}, 6);
    ASSERT_EQ(Walk(counter, 1, StraightPath({150, 100}, {50, 100}, 10)).size(), 1u);  // right to left
    EXPECT_EQ(counter.totals()[0].positive, 1);
    // Track 2 stands left of x = 100 (side +1), then the line moves to x = 30, which puts it on side -1.
    Walk(counter, 2, {{60, 100}, {60, 110}});
    counter.ReplaceLines({{"gate", {{0, 50}, {200, 50}}}, {"door", {{30, 0}, {30, 200}}}});
    ASSERT_EQ(counter.lines().size(), 2u);
    EXPECT_EQ(counter.lines()[1].segment.a.x, 30);
    EXPECT_EQ(counter.totals()[0].positive + counter.totals()[0].negative, 0);  // "gate" is new
    EXPECT_EQ(counter.totals()[1].positive, 1);                                 // "door" goes on
    EXPECT_TRUE(Walk(counter, 2, {{60, 120}, {60, 130}}).empty());
    // A real crossing of the moved line counts on top of the old total.
    const auto crossed = Walk(counter, 2, StraightPath({60, 130}, {5, 130}, 10));
    ASSERT_EQ(crossed.size(), 1u);
    EXPECT_EQ(crossed[0].line_index, 1u);
    EXPECT_EQ(counter.totals()[1].positive, 2);
}

}  // namespace
}  // namespace ck::hw
