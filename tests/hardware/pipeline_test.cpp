// The whole counter on generated frames: motion detector + tracker + lines, the video-file path with its
// errors, the counter thread with events, status and preview.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "hardware/counter_thread.h"
#include "hardware/pipeline.h"
#include "synthetic_video.h"
#include "test_support/test_support.h"

namespace ck::hw {
namespace {

using test::Walker;

// Three walkers: two cross the vertical line x=160 in opposite directions (passing each other), one walks
// along the line's side and never crosses.
std::vector<Walker> Scene() {
    return {
        {{20, 150}, {300, 160}, 15, 95, 16, 44, {40, 40, 170}},
        {{300, 175}, {20, 165}, 20, 100, 18, 48, {160, 60, 30}},
        {{40, 230}, {120, 90}, 10, 110, 14, 40, {30, 140, 40}},
    };
}

std::vector<CountingLine> VerticalLine() {
    return {{"mid", {{160, 0}, {160, 240}}}};
}

TEST(MotionPipeline, CountsGeneratedWalkersBothWays) {
    const auto walkers = Scene();
    CountingPipeline pipeline(MakeMotionDetector({}), VerticalLine(), {});
    std::vector<Crossing> events;
    for (int f = 0; f < 120; ++f)
        ASSERT_TRUE(pipeline.ProcessFrame(test::RenderScene(walkers, f), events).ok());
    EXPECT_EQ(pipeline.totals()[0].negative, 1);  // left to right
    EXPECT_EQ(pipeline.totals()[0].positive, 1);  // right to left
    EXPECT_EQ(events.size(), 2u);
}

TEST(MotionPipeline, APersonJustOverTheLineWhenTheSourceEndsCounts) {
    // The first walker reaches the line at about frame 55; the source ends at frame 60 with it seen 2-3
    // times beyond H, fewer than the 5 confirming observations (the distance rule is off here to show the
    // end-of-source rule alone). Finish counts it: it was last seen beyond H on the other side.
    const std::vector<Walker> walker{Scene()[0]};
    PipelineParams params;
    params.confirm_heights = 0;
    CountingPipeline pipeline(MakeMotionDetector({}), VerticalLine(), params);
    std::vector<Crossing> events;
    for (int f = 0; f <= 60; ++f)
        ASSERT_TRUE(pipeline.ProcessFrame(test::RenderScene(walker, f), events).ok());
    EXPECT_TRUE(events.empty());
    pipeline.Finish(events);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].direction, Direction::kNegative);
    EXPECT_EQ(pipeline.totals()[0].negative, 1);
    // The pipeline is as new afterwards: nothing is counted twice.
    pipeline.Finish(events);
    EXPECT_EQ(events.size(), 1u);
}

TEST(MotionPipeline, AnEmptySceneCountsNothing) {
    CountingPipeline pipeline(MakeMotionDetector({}), VerticalLine(), {});
    std::vector<Crossing> events;
    for (int f = 0; f < 60; ++f) ASSERT_TRUE(pipeline.ProcessFrame(test::RenderScene({}, f), events).ok());
    EXPECT_TRUE(events.empty());
    EXPECT_TRUE(pipeline.last_detections().empty());
}

TEST(CountVideoFile, CountsAGeneratedVideo) {
    ck::test::TempDir dir;
    const auto video = dir / "scene.avi";
    ASSERT_TRUE(test::WriteSceneVideo(video, Scene(), 120, 15));
    VideoCountOptions options;
    options.lines = VerticalLine();
    options.detector.kind = "motion";  // generated rectangles are no people to the DNN (the default)
    auto result = CountVideoFile(video.string(), options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->frames, 120);
    EXPECT_EQ(result->totals[0].positive, 1);
    EXPECT_EQ(result->totals[0].negative, 1);
    EXPECT_EQ(result->detector, "motion");
    EXPECT_GT(result->fps, 0);
}

TEST(CountVideoFile, BadInputsGiveClearErrors) {
    ck::test::TempDir dir;
    VideoCountOptions options;
    options.lines = VerticalLine();

    auto missing = CountVideoFile((dir / "nope.mp4").string(), options);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "video.missing");

    { std::ofstream(dir / "empty.mp4"); }
    auto empty = CountVideoFile((dir / "empty.mp4").string(), options);
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, "video.empty");

    {
        std::ofstream out(dir / "corrupt.mp4", std::ios::binary);
        std::mt19937 rng(11);
        for (int i = 0; i < 200000; ++i) out.put(static_cast<char>(rng() & 0xff));
    }
    auto corrupt = CountVideoFile((dir / "corrupt.mp4").string(), options);
    ASSERT_FALSE(corrupt.ok());
    EXPECT_EQ(corrupt.error().code, "video.corrupt");

    auto directory = CountVideoFile(dir.path().string(), options);
    ASSERT_FALSE(directory.ok());
    EXPECT_EQ(directory.error().code, "video.missing");
}

TEST(CountVideoFile, AbsurdLinesAndModelsAreRejected) {
    ck::test::TempDir dir;
    const auto video = dir / "scene.avi";
    ASSERT_TRUE(test::WriteSceneVideo(video, Scene(), 20, 15));
    VideoCountOptions options;
    options.lines = {{"far", {{0, 0}, {5000, 100}}}};
    auto outside = CountVideoFile(video.string(), options);
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().code, "counter.line_outside");
    options.lines = {{"dot", {{10, 10}, {10, 10}}}};
    EXPECT_EQ(CountVideoFile(video.string(), options).error().code, "counter.line_invalid");
    options.lines = {};
    EXPECT_EQ(CountVideoFile(video.string(), options).error().code, "counter.line_missing");

    options.lines = VerticalLine();
    options.detector.kind = "dnn";
    options.detector.dnn.model_path = (dir / "no-model").string();
    EXPECT_EQ(CountVideoFile(video.string(), options).error().code, "counter.model_missing");
    // A model whose files exist but are garbage.
    { std::ofstream(dir / "bad.cfg") << "[net]\nwidth=320\nheight=256\n[bogus_layer]\nsize=3\n"; }
    { std::ofstream(dir / "bad.weights") << "not weights"; }
    options.detector.dnn.model_path = (dir / "bad.cfg").string();
    auto bad = CountVideoFile(video.string(), options);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "counter.model_invalid");
    // ...and with fallback allowed the count runs on motion and says why.
    options.allow_fallback = true;
    auto fallback = CountVideoFile(video.string(), options);
    ASSERT_TRUE(fallback.ok());
    EXPECT_EQ(fallback->detector, "motion");
    EXPECT_FALSE(fallback->fallback_reason.empty());
}

TEST(CounterThread, CountsAFileEmitsEventsAndStopsPromptly) {
    ck::test::TempDir dir;
    const auto video = dir / "scene.avi";
    ASSERT_TRUE(test::WriteSceneVideo(video, Scene(), 120, 30));
    CounterThreadConfig config;
    config.source.kind = FrameSourceConfig::Kind::kFile;
    config.source.path = video.string();
    config.lines = VerticalLine();
    config.detector.kind = "motion";  // generated rectangles are no people to the DNN (the default)
    config.pace_file = false;  // count once, as fast as possible
    const TimePoint stamp = FromUnixMs(1795788000000);
    config.clock = [stamp] { return stamp; };
    std::mutex m;
    std::vector<CrossingEvent> events;
    {
        CounterThread thread(config, [&](const CrossingEvent& e) {
            std::lock_guard lock(m);
            events.push_back(e);
        });
        ck::test::WaitFor([&] { return thread.Status()->state == CounterState::kStopped; });
        const auto status = thread.Status();
        EXPECT_EQ(status->state, CounterState::kStopped);
        EXPECT_EQ(status->frames, 120);
        ASSERT_EQ(status->lines.size(), 1u);
        EXPECT_EQ(status->lines[0].positive, 1);
        EXPECT_EQ(status->lines[0].negative, 1);
    }
    std::lock_guard lock(m);
    ASSERT_EQ(events.size(), 2u);
    for (const auto& e : events) {
        EXPECT_EQ(e.line, "mid");
        EXPECT_EQ(e.time, stamp);
    }
}

TEST(CounterThread, PacedReplayStopsPromptlyAndPreviewOnlyWhileEnabled) {
    ck::test::TempDir dir;
    const auto video = dir / "scene.avi";
    ASSERT_TRUE(test::WriteSceneVideo(video, Scene(), 60, 15));
    CounterThreadConfig config;
    config.source.kind = FrameSourceConfig::Kind::kFile;
    config.source.path = video.string();
    config.lines = VerticalLine();
    CounterThread thread(config, nullptr);
    PreviewImage preview;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_FALSE(thread.LatestPreview(preview));
    thread.SetPreviewEnabled(true);
    ck::test::WaitFor([&] { return thread.LatestPreview(preview); });
    ASSERT_FALSE(preview.bgr.empty());
    EXPECT_LE(preview.bgr.cols, 320);
    EXPECT_EQ(thread.Status()->state, CounterState::kRunning);
    thread.SetPreviewEnabled(false);
    EXPECT_FALSE(thread.LatestPreview(preview));
    const auto before = std::chrono::steady_clock::now();
    thread.Stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(2));
    EXPECT_EQ(thread.Status()->state, CounterState::kStopped);
}

TEST(CounterThread, AMissingCameraIsRetriedAndReported) {
    CounterThreadConfig config;
    config.source.kind = FrameSourceConfig::Kind::kCamera;
    config.source.device = 63;  // no such device on a test machine
    config.lines = VerticalLine();
    config.retry_initial_s = 0.05;
    config.retry_max_s = 0.2;
    CounterThread thread(config, nullptr);
    ck::test::WaitFor([&] { return thread.Status()->retries >= 3; });
    const auto status = thread.Status();
    EXPECT_EQ(status->state, CounterState::kRetrying);
    EXPECT_GE(status->retries, 3);
    EXPECT_FALSE(status->message.empty());
    const auto before = std::chrono::steady_clock::now();
    thread.Stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(2));
}

TEST(CounterThread, ALineOutsideTheFrameIsAnErrorNotARetry) {
    ck::test::TempDir dir;
    const auto video = dir / "scene.avi";
    ASSERT_TRUE(test::WriteSceneVideo(video, Scene(), 10, 15));
    CounterThreadConfig config;
    config.source.kind = FrameSourceConfig::Kind::kFile;
    config.source.path = video.string();
    config.lines = {{"far", {{0, 0}, {900, 900}}}};
    CounterThread thread(config, nullptr);
    ck::test::WaitFor([&] { return thread.Status()->state == CounterState::kError; });
    EXPECT_EQ(thread.Status()->state, CounterState::kError);
    EXPECT_NE(thread.Status()->message.find("far"), std::string::npos);
}

}  // namespace
}  // namespace ck::hw
