// End-to-end accuracy on the real PETS clip (label long): every judged line, the plain, mirrored,
// every-second-frame and noisy re-compressed variants, truth from the annotated boxes through the same
// LineCounter. The DNN detector must stay within 10% per direction on the two documented lines in every
// variant and within max(2, 15%) on the other lines; the motion detector's figures are printed for the
// record.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "ground_truth.h"
#include "hardware/pipeline.h"
#include "test_support/test_support.h"

namespace ck::hw::test {
namespace {

constexpr const char* kClip = "data/pets2009-s2l1/pets2009-s2l1-view001-480x360.mp4";
constexpr const char* kTruth = "data/pets2009-s2l1/groundtruth-boxes-480x360.csv";
constexpr const char* kModel = "models/yolo-fastest-1.1-body";

// Allowed absolute error of one direction's count. The two documented lines are held to the bar,
// 10% per direction (floor: 18 -> 1, 12 -> 1), on every variant alike: plain, mirrored, every second frame
// and noisy re-compressed. The other lines carry 2 to 20 crossings a direction; there one person lost in
// the standing group or one pair walking as one box already moves a direction by 1, so they are held to
// max(2, 15%): twice that, which is the worst measured (docs/counting.md), not a margin for regressions.
std::int64_t Tolerance(const std::string& line, std::int64_t truth) {
    const bool documented = line == "vertical" || line == "horizontal";
    if (documented) return static_cast<std::int64_t>(std::floor(0.10 * truth));
    return std::max<std::int64_t>(2, static_cast<std::int64_t>(std::floor(0.15 * truth)));
}

class Accuracy : public ::testing::TestWithParam<Variant> {};

void RunVariant(Variant v, const std::string& detector, bool enforce) {
    CK_REQUIRE_SHARED(clip, kClip);
    CK_REQUIRE_SHARED(truth_csv, kTruth);
    CK_REQUIRE_SHARED(model, kModel);
    const auto boxes = LoadGroundTruth(truth_csv);
    ASSERT_FALSE(boxes.empty());
    const auto lines = JudgedLines();
    VideoCountOptions options;
    options.detector.kind = detector;
    options.detector.dnn.model_path = model.string();
    for (const auto& l : lines) options.lines.push_back(LineFor(v, l, 480));
    options.frame_step = FrameStepFor(v);
    options.transform = TransformFor(v);
    auto result = CountVideoFile(clip.string(), options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->detector, detector);
    const auto truth = TruthFor(v, boxes, lines, 480);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& got = result->totals[i];
        std::printf("[ %s %-9s ] %-16s truth %2lld/%2lld counted %2lld/%2lld\n", detector.c_str(),
                    ToString(v), lines[i].name.c_str(), static_cast<long long>(truth[i].positive),
                    static_cast<long long>(truth[i].negative), static_cast<long long>(got.positive),
                    static_cast<long long>(got.negative));
        if (!enforce) {
            // The motion detector is not held to a bar, but it must see people on the real clip.
            if (i < 2) {
                EXPECT_GT(got.positive + got.negative, 0) << lines[i].name;
            }
            continue;
        }
        EXPECT_LE(std::llabs(got.positive - truth[i].positive), Tolerance(lines[i].name, truth[i].positive))
            << lines[i].name << " positive, " << ToString(v);
        EXPECT_LE(std::llabs(got.negative - truth[i].negative), Tolerance(lines[i].name, truth[i].negative))
            << lines[i].name << " negative, " << ToString(v);
    }
}

TEST_P(Accuracy, DnnWithinTolerance) {
    RunVariant(GetParam(), "dnn", /*enforce=*/true);
}
TEST_P(Accuracy, MotionForTheRecord) {
    RunVariant(GetParam(), "motion", /*enforce=*/false);
}

INSTANTIATE_TEST_SUITE_P(pets_accuracy, Accuracy, ::testing::ValuesIn(kAllVariants), [](const auto& info) {
    std::string name = ToString(info.param);
    std::erase(name, '-');
    return name;
});

}  // namespace
}  // namespace ck::hw::test
