// The background worker: delivery on request, snapshot and persisted health, prompt Stop(), quiet logs
// while offline.
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <functional>
#include <thread>

#include "sync_fixture.h"

namespace ck::cache::test {
namespace {

using namespace std::chrono_literals;

using ck::test::WaitFor;

TEST_F(SyncTest, TheWorkerDeliversOnRequestAndPublishesItsState) {
    settings_.interval_s = 3600;
    settings_.heartbeat_interval_s = 3600;
    SyncWorker worker((dir_ / "kiosk.db").string(), settings_);
    ASSERT_TRUE(worker.Start().ok());
    ASSERT_TRUE(WaitFor([&] { return worker.rounds() >= 1; }));
    Add(IdeaItem("via-worker"));  // committed by another connection, as the UI does
    worker.RequestRound();
    EXPECT_TRUE(
        WaitFor([&] { return central_.Entity(kTenant, "urn:ngsi-ld:CitizenIdea:via-worker").has_value(); }));
    EXPECT_TRUE(WaitFor([&] { return worker.Snapshot().outbox.delivered == 1; }));
    const SyncSnapshot snapshot = worker.Snapshot();
    EXPECT_TRUE(snapshot.running);
    ASSERT_EQ(snapshot.connectors.size(), 1u);
    EXPECT_EQ(snapshot.connectors[0].name, "ngsi");
    EXPECT_TRUE(snapshot.connectors[0].online);
    EXPECT_GT(ToUnixMs(snapshot.connectors[0].last_success), 0);
    EXPECT_TRUE(central_.Entity(kTenant, "urn:ngsi-ld:Device:herne-test-01").has_value());

    // Persisted for `civic-kiosk status` in another process.
    auto saved = LoadConnectorStatuses(*db_);
    ASSERT_TRUE(saved.ok());
    ASSERT_EQ(saved->size(), 1u);
    EXPECT_TRUE(saved->front().online);

    worker.Stop();
    EXPECT_FALSE(worker.Snapshot().running);
}

TEST_F(SyncTest, StopIsPromptEvenDuringAStalledRequest) {
    settings_.total_timeout_s = 60;
    fake::FaultPlan plan;
    plan.fault = fake::Fault::kStall;
    plan.stall_ms = 4000;
    central_.SetFault(plan);
    Add(IdeaItem("stalled"));
    SyncWorker worker((dir_ / "kiosk.db").string(), settings_);
    ASSERT_TRUE(worker.Start().ok());
    ASSERT_TRUE(WaitFor([&] { return central_.RequestCount() >= 1; }));
    const auto start = std::chrono::steady_clock::now();
    worker.Stop();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms);
    central_.ClearFault();
    // The interrupted item is still queued (in flight until the next round recovers it).
    const auto counts = Counts();
    EXPECT_EQ(counts.pending + counts.in_flight, 1);
}

TEST_F(SyncTest, AnOfflineWorkerLogsTheOutageOnceAndTheRecoveryOnce) {
    LogCapture logs;
    settings_.backoff_min_s = 0.1;
    settings_.backoff_max_s = 0.2;
    fake::FaultPlan plan;
    plan.fault = fake::Fault::kRefuseConnections;
    central_.SetFault(plan);
    Add(IdeaItem("offline"));
    SyncWorker worker((dir_ / "kiosk.db").string(), settings_);
    ASSERT_TRUE(worker.Start().ok());
    ASSERT_TRUE(WaitFor([&] {
        const auto s = worker.Snapshot();
        return !s.connectors.empty() && s.connectors[0].consecutive_failures >= 3;
    }));
    EXPECT_EQ(logs.Count("unreachable"), 1);

    central_.ClearFault();
    worker.RequestRound();
    EXPECT_TRUE(WaitFor([&] { return worker.Snapshot().outbox.delivered == 1; }));
    worker.Stop();
    EXPECT_EQ(logs.Count("reachable again"), 1);
    EXPECT_EQ(logs.Count("unreachable"), 1);
}

TEST_F(SyncTest, AWorkerWithoutCentralKeepsTheOutboxAndStops) {
    settings_.orion_url.clear();
    Add(IdeaItem("kept"));
    SyncWorker worker((dir_ / "kiosk.db").string(), settings_);
    ASSERT_TRUE(worker.Start().ok());
    EXPECT_FALSE(worker.Start().ok());  // one thread per worker
    ASSERT_TRUE(WaitFor([&] { return worker.rounds() >= 1; }));
    worker.RequestRound();
    worker.Stop();
    EXPECT_EQ(Counts().pending, 1);
}

}  // namespace
}  // namespace ck::cache::test
