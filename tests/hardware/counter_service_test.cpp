// The app wiring of the counter: a generated video replayed as the camera, bins checkpointed in a real
// SQLite store, a finished bin closed into the outbox as CrowdFlowObserved, restart continuing open bins.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/counter_service.h"
#include "offline_cache/content_cache.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/outbox.h"
#include "synthetic_video.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

const TimePoint kT0 = FromUnixMs(1795788000000);  // 2026-11-27T14:00:00Z

class CounterServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        video_ = dir_ / "scene.avi";
        ASSERT_TRUE(hw::test::WriteSceneVideo(video_,
                                              {{{20, 150}, {300, 160}, 15, 75, 16, 44, {40, 40, 170}},
                                               {{300, 175}, {20, 165}, 20, 80, 18, 48, {160, 60, 30}}},
                                              90, 60));
        config_.kiosk_id = "test-kiosk";
        config_.database_path = (dir_ / "kiosk.db").string();
        config_.counter.enabled = true;
        config_.counter.source = "file";
        config_.counter.video_file = video_.string();
        config_.counter.detector = "motion";
        config_.counter.bin_minutes = 1;
        config_.counter.lines = {{"mid", 160, 0, 160, 240, /*towards_is_positive=*/false}};
        now_ms_ = ToUnixMs(kT0) + 10'000;
        options_.clock = [this] { return FromUnixMs(now_ms_.load()); };
        options_.save_interval_s = 0.05;
    }

    ck::test::TempDir dir_;
    std::filesystem::path video_;
    Config config_;
    std::atomic<std::int64_t> now_ms_{0};
    CounterServiceOptions options_;
};

TEST_F(CounterServiceTest, BinsAreCheckpointedClosedIntoTheOutboxAndRestored) {
    auto service = CounterService::Start(config_, options_);
    ASSERT_TRUE(service.ok()) << service.error().message;
    auto& svc = *service.value();
    ck::test::WaitFor([&] {
        const auto s = svc.Snapshot();
        return s->lines.size() == 1 && s->lines[0].positive >= 1 && s->lines[0].negative >= 1;
    });
    ASSERT_TRUE(svc.Checkpoint().ok());

    auto db = cache::Database::Open(config_.database_path);
    ASSERT_TRUE(db.ok());
    auto open = cache::ListOpenBins(db.value());
    ASSERT_TRUE(open.ok());
    ASSERT_EQ(open->size(), 1u);
    EXPECT_EQ(open->at(0).line, "mid");
    EXPECT_EQ(open->at(0).start, kT0);
    EXPECT_GE(open->at(0).positive, 1);
    EXPECT_GE(open->at(0).negative, 1);

    auto state = cache::GetSetting(db.value(), "counter.state");
    ASSERT_TRUE(state.ok() && state->has_value());
    const auto state_json = nlohmann::json::parse(**state);
    EXPECT_EQ(state_json["state"], "running");
    EXPECT_EQ(state_json["detector"], "motion");
    EXPECT_EQ(state_json["lines"][0]["name"], "mid");

    // The minute is over: the bin closes and its entity is queued, in one transaction.
    now_ms_ = ToUnixMs(kT0) + 65'000;
    ASSERT_TRUE(svc.Checkpoint().ok());
    auto bins = cache::ListBins(db.value(), kT0);
    ASSERT_TRUE(bins.ok());
    ASSERT_GE(bins->size(), 1u);
    const cache::CounterBin closed = bins->at(0);
    EXPECT_TRUE(closed.closed);
    auto pending = cache::ListOutbox(db.value(), cache::OutboxState::kPending, 10);
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1u);
    EXPECT_EQ(pending->at(0).entity_id, "urn:ngsi-ld:CrowdFlowObserved:test-kiosk-mid-20261127T1400Z");
    EXPECT_EQ(pending->at(0).entity_type, "CrowdFlowObserved");
    const auto entity = nlohmann::json::parse(pending->at(0).payload);
    EXPECT_EQ(entity["peopleCount"]["value"], closed.positive + closed.negative);
    EXPECT_EQ(entity["peopleCountTowards"]["value"], closed.negative);  // towards_is_positive = false
    EXPECT_EQ(entity["peopleCountAway"]["value"], closed.positive);
    EXPECT_EQ(entity["dateObservedFrom"]["value"], "2026-11-27T14:00:00Z");
    EXPECT_EQ(entity["dateObserved"]["value"], "2026-11-27T14:01:00Z");

    svc.Stop();
    auto after_stop = cache::ListOpenBins(db.value());
    ASSERT_TRUE(after_stop.ok());
    ASSERT_EQ(after_stop->size(), 1u);  // the 14:01 bin, saved at shutdown
    const std::int64_t saved = after_stop->at(0).positive + after_stop->at(0).negative;

    // A restart within the same minute continues that bin rather than starting from zero.
    auto again = CounterService::Start(config_, options_);
    ASSERT_TRUE(again.ok()) << again.error().message;
    again.value()->Stop();
    auto continued = cache::ListOpenBins(db.value());
    ASSERT_TRUE(continued.ok());
    ASSERT_EQ(continued->size(), 1u);
    EXPECT_GE(continued->at(0).positive + continued->at(0).negative, saved);
    auto still_one = cache::ListOutbox(db.value(), cache::OutboxState::kPending, 10);
    EXPECT_EQ(still_one->size(), 1u);
}

TEST_F(CounterServiceTest, BadCounterConfigurationIsRefusedClearly) {
    auto cfg = config_;
    cfg.counter.bin_minutes = 7;
    EXPECT_EQ(CounterService::Start(cfg, options_).error().code, "counter.bin_minutes");
    cfg = config_;
    cfg.counter.lines = {};
    EXPECT_EQ(CounterService::Start(cfg, options_).error().code, "counter.lines");
    cfg = config_;
    cfg.counter.lines[0].name = "bad name";
    EXPECT_EQ(CounterService::Start(cfg, options_).error().code, "counter.line_name");
    cfg = config_;
    cfg.counter.lines[0].x2 = 160;
    cfg.counter.lines[0].y2 = 0;
    EXPECT_EQ(CounterService::Start(cfg, options_).error().code, "counter.line_invalid");
}

TEST_F(CounterServiceTest, AMissingVideoShowsInTheStatusNotAsACrash) {
    auto cfg = config_;
    cfg.counter.video_file = (dir_ / "gone.mp4").string();
    auto service = CounterService::Start(cfg, options_);
    ASSERT_TRUE(service.ok());
    ck::test::WaitFor([&] { return service.value()->Snapshot()->state == hw::CounterState::kRetrying; });
    EXPECT_EQ(service.value()->Snapshot()->state, hw::CounterState::kRetrying);
    EXPECT_NE(service.value()->Snapshot()->message.find("not found"), std::string::npos);
}

}  // namespace
}  // namespace ck::kiosk
