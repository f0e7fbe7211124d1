// Wall-clock bins.
#include <gtest/gtest.h>

#include "hardware/bin_aggregator.h"

namespace ck::hw {
namespace {

// 2026-11-27T14:00:00Z
const TimePoint kT0 = FromUnixMs(1795788000000);

TimePoint At(int minutes, int seconds = 0) {
    return kT0 + std::chrono::minutes(minutes) + std::chrono::seconds(seconds);
}

TEST(Bins, StartsAlignToTheWallClock) {
    EXPECT_EQ(FormatIsoUtc(kT0), "2026-11-27T14:00:00Z");
    EXPECT_EQ(BinStart(At(14, 59), 15), kT0);
    EXPECT_EQ(BinStart(At(15), 15), At(15));
    EXPECT_EQ(BinStart(At(7), 5), At(5));
    EXPECT_EQ(BinStart(FromUnixMs(-1), 15), FromUnixMs(-15 * 60'000));
    EXPECT_TRUE(ValidateBinMinutes(15).ok());
    EXPECT_TRUE(ValidateBinMinutes(1440).ok());
    for (int bad : {0, -5, 7, 11, 1441, 100000}) EXPECT_FALSE(ValidateBinMinutes(bad).ok()) << bad;
}

TEST(Bins, CountsEventsAndClosesFinishedPeriods) {
    BinAggregator agg({"door", "street"}, 15);
    agg.Tick(At(1));
    EXPECT_TRUE(agg.Add({"door", Direction::kPositive, At(2)}));
    EXPECT_TRUE(agg.Add({"door", Direction::kNegative, At(14, 59)}));
    EXPECT_TRUE(agg.Add({"door", Direction::kPositive, At(15)}));  // next bin
    EXPECT_FALSE(agg.Add({"unknown", Direction::kPositive, At(3)}));
    EXPECT_TRUE(agg.TakeClosed(At(14, 59)).empty());
    const auto closed = agg.TakeClosed(At(15));
    ASSERT_EQ(closed.size(), 2u);  // both lines, zeros included
    EXPECT_EQ(closed[0].line, "door");
    EXPECT_EQ(closed[0].positive, 1);
    EXPECT_EQ(closed[0].negative, 1);
    EXPECT_EQ(closed[0].start, kT0);
    EXPECT_EQ(closed[0].end, At(15));
    EXPECT_EQ(closed[1].line, "street");
    EXPECT_EQ(closed[1].positive + closed[1].negative, 0);
    const auto open = agg.Open();
    ASSERT_EQ(open.size(), 1u);  // only "door" has a bin in the new period until the next Tick
    agg.Tick(At(16));
    EXPECT_EQ(agg.Open().size(), 2u);
    EXPECT_TRUE(agg.TakeClosed(At(29)).empty());
}

TEST(Bins, RestoredCountsContinue) {
    BinAggregator agg({"door"}, 15);
    agg.Restore({"door", At(0), At(15), 4, 2});
    agg.Add({"door", Direction::kPositive, At(10)});
    const auto closed = agg.TakeClosed(At(15));
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0].positive, 5);
    EXPECT_EQ(closed[0].negative, 2);
}

}  // namespace
}  // namespace ck::hw
