// The counting service: a generated video replayed as the camera, bins checkpointed in a real SQLite store, a
// finished bin closed into the outbox as CrowdFlowObserved, restart continuing open bins, and a slow disk
// that never holds up the counter thread.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "counting/counting_service.h"
#include "offline_cache/content_cache.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/counter_health.h"
#include "offline_cache/outbox.h"
#include "synthetic_video.h"
#include "test_support/test_support.h"

namespace ck::counting {
namespace {

const TimePoint kT0 = FromUnixMs(1795788000000);  // 2026-11-27T14:00:00Z

hw::CountingLine Line(const std::string& name, double x1, double y1, double x2, double y2) {
    return {name, {{x1, y1}, {x2, y2}}};
}

class CountingServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        video_ = dir_ / "scene.avi";
        ASSERT_TRUE(hw::test::WriteSceneVideo(video_,
                                              {{{20, 150}, {300, 160}, 15, 75, 16, 44, {40, 40, 170}},
                                               {{300, 175}, {20, 165}, 20, 80, 18, 48, {160, 60, 30}}},
                                              90, 60));
        settings_.kiosk_id = "test-kiosk";
        settings_.database_path = (dir_ / "kiosk.db").string();
        settings_.thread.source.kind = hw::FrameSourceConfig::Kind::kFile;
        settings_.thread.source.path = video_.string();
        settings_.thread.detector.kind = "motion";
        settings_.thread.pace_file = true;
        settings_.bin_minutes = 1;
        settings_.lines = {{Line("mid", 160, 0, 160, 240), /*towards_is_positive=*/false}};
        now_ms_ = ToUnixMs(kT0) + 10'000;
        options_.clock = [this] { return FromUnixMs(now_ms_.load()); };
        options_.save_interval_s = 0.05;
    }

    ck::test::TempDir dir_;
    std::filesystem::path video_;
    // The open bins in the store, through a connection of the test's own.
    std::vector<cache::CounterBin> OpenBins() {
        auto db = cache::Database::Open(settings_.database_path);
        if (!db.ok()) {
            ADD_FAILURE() << db.error().message;
            return {};
        }
        auto open = cache::ListOpenBins(db.value());
        if (!open.ok()) {
            ADD_FAILURE() << open.error().message;
            return {};
        }
        return *open;
    }

    CountingSettings settings_;
    std::atomic<std::int64_t> now_ms_{0};
    CountingServiceOptions options_;
};

TEST_F(CountingServiceTest, BinsAreCheckpointedClosedIntoTheOutboxAndRestored) {
    auto service = CountingService::Start(settings_, options_);
    ASSERT_TRUE(service.ok()) << service.error().message;
    auto& svc = *service.value();
    ASSERT_TRUE(ck::test::WaitFor([&] {
        const auto s = svc.Snapshot();
        return s->lines.size() == 1 && s->lines[0].positive >= 1 && s->lines[0].negative >= 1;
    }));
    ASSERT_TRUE(svc.Checkpoint().ok());

    const auto open = OpenBins();
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].line, "mid");
    EXPECT_EQ(open[0].start, kT0);
    EXPECT_GE(open[0].positive, 1);
    EXPECT_GE(open[0].negative, 1);

    auto db = cache::Database::Open(settings_.database_path);
    ASSERT_TRUE(db.ok());

    auto health = cache::LoadCounterHealth(db.value());
    ASSERT_TRUE(health.ok() && health->has_value());
    EXPECT_EQ((*health)->state, cache::CounterRunState::kRunning);
    EXPECT_EQ((*health)->detector, "motion");
    ASSERT_EQ((*health)->lines.size(), 1u);
    EXPECT_EQ((*health)->lines[0].name, "mid");
    EXPECT_EQ((*health)->updated, FromUnixMs(now_ms_.load()));

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
    auto again = CountingService::Start(settings_, options_);
    ASSERT_TRUE(again.ok()) << again.error().message;
    again.value()->Stop();
    auto continued = cache::ListOpenBins(db.value());
    ASSERT_TRUE(continued.ok());
    ASSERT_EQ(continued->size(), 1u);
    EXPECT_GE(continued->at(0).positive + continued->at(0).negative, saved);
    auto still_one = cache::ListOutbox(db.value(), cache::OutboxState::kPending, 10);
    EXPECT_EQ(still_one->size(), 1u);
}

TEST_F(CountingServiceTest, BadCounterConfigurationIsRefusedClearly) {
    auto cfg = settings_;
    cfg.bin_minutes = 7;
    EXPECT_EQ(CountingService::Start(cfg, options_).error().code, "counter.bin_minutes");
    cfg = settings_;
    cfg.lines = {};
    EXPECT_EQ(CountingService::Start(cfg, options_).error().code, "counter.lines");
    cfg = settings_;
    cfg.lines[0].line.name = "bad name";
    EXPECT_EQ(CountingService::Start(cfg, options_).error().code, "counter.line_name");
    cfg = settings_;
    cfg.kiosk_id = "kiosk/1";
    EXPECT_EQ(CountingService::Start(cfg, options_).error().code, "counter.kiosk_id");
    cfg = settings_;
    cfg.lines[0].line = Line("mid", 160, 0, 160, 0);
    EXPECT_EQ(CountingService::Start(cfg, options_).error().code, "counter.line_invalid");
}

TEST_F(CountingServiceTest, AMissingVideoShowsInTheStatusNotAsACrash) {
    auto cfg = settings_;
    cfg.thread.source.path = (dir_ / "gone.mp4").string();
    auto service = CountingService::Start(cfg, options_);
    ASSERT_TRUE(service.ok());
    ASSERT_TRUE(ck::test::WaitFor([&] { return service.value()->Snapshot()->state == hw::CounterState::kRetrying; }));
    EXPECT_NE(service.value()->Snapshot()->message.find("not found"), std::string::npos);
}

// A line moved while the service runs: checked first (name, length, the frame), then the counter thread
// counts with it from its next frame, keeping the line's totals and bins; nothing restarts.
TEST_F(CountingServiceTest, AMovedLineIsCountedWithWithoutARestart) {
    auto started = CountingService::Start(settings_, options_);
    ASSERT_TRUE(started.ok()) << started.error().message;
    CountingService& service = **started;
    ASSERT_TRUE(ck::test::WaitFor([&] { return service.Snapshot()->frame_width > 0; }));
    EXPECT_EQ(service.Snapshot()->frame_width, 320);
    EXPECT_EQ(service.Snapshot()->frame_height, 240);
    ASSERT_TRUE(ck::test::WaitFor([&] {
        const auto s = service.Snapshot();
        return !s->lines.empty() && s->lines[0].positive + s->lines[0].negative > 0;
    }));
    const auto before = service.Snapshot();
    const std::int64_t counted = before->lines[0].positive + before->lines[0].negative;

    EXPECT_EQ(service.SetLineGeometry("hall", {{0, 0}, {10, 10}}).error().code, "counter.line_unknown");
    EXPECT_EQ(service.SetLineGeometry("mid", {{5, 5}, {5, 6}}).error().code, "counter.line_invalid");
    EXPECT_EQ(service.SetLineGeometry("mid", {{0, 0}, {321, 10}}).error().code, "counter.line_outside");
    ASSERT_TRUE(service.SetLineGeometry("mid", {{100, 0}, {100, 240}}).ok());
    ASSERT_TRUE(ck::test::WaitFor([&] {
        const auto s = service.Snapshot();
        return s->lines.size() == 1 && s->lines[0].segment.a.x == 100 && s->lines[0].segment.b.x == 100;
    }));
    const auto after = service.Snapshot();
    EXPECT_EQ(after->lines[0].name, "mid");
    EXPECT_GE(after->lines[0].positive + after->lines[0].negative, counted);  // totals go on
    EXPECT_EQ(after->state, hw::CounterState::kRunning);
    service.Stop();
    std::int64_t binned = 0;
    for (const auto& b : OpenBins()) binned += b.positive + b.negative;
    EXPECT_GE(binned, counted);  // the crossings before the move are in the bins
}

// A configured line that does not fit the frame stops the counting, but not the counter thread: it waits for
// the operator's line and then counts with it.
TEST_F(CountingServiceTest, ALineOutsideTheFrameWaitsForTheOperator) {
    auto cfg = settings_;
    cfg.lines[0].line = Line("mid", 160, 0, 160, 900);
    auto started = CountingService::Start(cfg, options_);
    ASSERT_TRUE(started.ok()) << started.error().message;
    CountingService& service = **started;
    ASSERT_TRUE(ck::test::WaitFor([&] { return service.Snapshot()->state == hw::CounterState::kError; }));
    EXPECT_NE(service.Snapshot()->message.find("mid"), std::string::npos);
    EXPECT_EQ(service.Snapshot()->frame_height, 240);
    ASSERT_TRUE(service.SetLineGeometry("mid", {{160, 0}, {160, 240}}).ok());
    EXPECT_TRUE(ck::test::WaitFor([&] {
        const auto s = service.Snapshot();
        return s->state == hw::CounterState::kRunning && s->frames > 0 && s->lines[0].segment.b.y == 240;
    }));
}

// The counter thread hands each crossing to RecordCrossing. While a checkpoint is stuck in a commit (a slow
// SD card, an fsync that takes seconds), RecordCrossing must still return: the lock it takes is never held
// across a store write. The commit hook blocks until the test releases it, so nothing here depends on timing;
// the future's limit only turns a deadlock into a failure instead of a hung suite.
TEST_F(CountingServiceTest, ASlowDiskNeverHoldsUpTheCounterThread) {
    struct Gate {
        std::mutex m;
        std::condition_variable cv;
        bool armed = false, entered = false, released = false;
    };
    auto gate = std::make_shared<Gate>();
    options_.store_commit_hook = [gate] {
        std::unique_lock lock(gate->m);
        if (!gate->armed) return;
        gate->entered = true;
        gate->cv.notify_all();
        gate->cv.wait(lock, [&] { return gate->released; });
    };
    options_.save_interval_s = 60;  // only the checkpoints this test starts
    auto service = CountingService::Start(settings_, options_);
    ASSERT_TRUE(service.ok()) << service.error().message;
    CountingService& svc = *service.value();

    {
        std::lock_guard lock(gate->m);
        gate->armed = true;
    }
    auto checkpoint = std::async(std::launch::async, [&svc] { return svc.Checkpoint(); });
    {
        std::unique_lock lock(gate->m);
        ASSERT_TRUE(gate->cv.wait_for(lock, std::chrono::seconds(120), [&] { return gate->entered; }));
    }
    // The checkpoint is inside a commit now. A crossing arrives, as from the counter thread.
    auto crossing = std::async(std::launch::async, [&svc, this] {
        svc.RecordCrossing(hw::CrossingEvent{"mid", hw::Direction::kPositive, FromUnixMs(now_ms_.load())});
    });
    const bool returned = crossing.wait_for(std::chrono::seconds(60)) == std::future_status::ready;
    {
        std::lock_guard lock(gate->m);
        gate->released = true;
        gate->armed = false;
    }
    gate->cv.notify_all();
    EXPECT_TRUE(returned) << "RecordCrossing waited for a store write";
    crossing.wait();
    EXPECT_TRUE(checkpoint.get().ok());

    // The crossing was counted: the next checkpoint saves it in the open bin.
    ASSERT_TRUE(svc.Checkpoint().ok());
    const auto open = OpenBins();
    ASSERT_EQ(open.size(), 1u);
    EXPECT_GE(open[0].positive, 1);
}

}  // namespace
}  // namespace ck::counting
