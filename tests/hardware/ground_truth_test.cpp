// The crossing rule reproduces the README's ground-truth table from the annotated boxes.
#include <gtest/gtest.h>

#include "ground_truth.h"
#include "test_support/test_support.h"

namespace ck::hw::test {
namespace {

TEST(GroundTruthCounts, ReproduceTheDocumentedTable) {
    CK_REQUIRE_SHARED(csv, "data/pets2009-s2l1/groundtruth-boxes-480x360.csv");
    const auto boxes = LoadGroundTruth(csv);
    ASSERT_GT(boxes.size(), 1000u);
    const std::vector<CountingLine> lines{{"vertical", {{240, 0}, {240, 360}}},
                                          {"horizontal", {{0, 180}, {480, 180}}}};
    const auto totals = CountGroundTruth(boxes, lines);
    EXPECT_EQ(totals[0].positive, 18);
    EXPECT_EQ(totals[0].negative, 14);
    EXPECT_EQ(totals[1].positive, 12);
    EXPECT_EQ(totals[1].negative, 18);
}

TEST(GroundTruthCounts, MirroringSwapsDirectionsOfAMirroredVerticalLine) {
    CK_REQUIRE_SHARED(csv, "data/pets2009-s2l1/groundtruth-boxes-480x360.csv");
    const auto boxes = LoadGroundTruth(csv);
    // x -> 480 - x turns the line 240,0 -> 240,360 into itself, and flips every person's side.
    const std::vector<CountingLine> lines{{"vertical", {{240, 0}, {240, 360}}}};
    const auto plain = CountGroundTruth(boxes, lines);
    const auto mirrored = CountGroundTruth(MirrorX(boxes, 480), lines);
    EXPECT_EQ(mirrored[0].positive, plain[0].negative);
    EXPECT_EQ(mirrored[0].negative, plain[0].positive);
}

}  // namespace
}  // namespace ck::hw::test
