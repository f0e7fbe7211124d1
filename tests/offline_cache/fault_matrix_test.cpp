// Every fault the fake central can inject, then recovery: each item ends up delivered exactly once in
// effect. The fake's entity store is the judge.
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <set>

#include "sync_fixture.h"

namespace ck::fake {
// Readable parameter values in test output.
inline void PrintTo(Fault f, std::ostream* os) {
    *os << ToString(f);
}
}  // namespace ck::fake

namespace ck::cache::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

class FaultMatrix : public SyncTest, public ::testing::WithParamInterface<fake::Fault> {};

TEST_P(FaultMatrix, EveryItemIsDeliveredExactlyOnceAfterRecovery) {
    const fake::Fault fault = GetParam();
    settings_.connect_timeout_s = 1;
    settings_.total_timeout_s = 1;
    Connect();
    std::vector<std::string> ids;
    for (int i = 0; i < 10; ++i) {
        const auto idea = IdeaItem("idea-" + std::to_string(i));
        const auto support = SupportItem("support-" + std::to_string(i), "idea-" + std::to_string(i));
        Add(idea);
        Add(support);
        ids.push_back(idea.entity_id);
        ids.push_back(support.entity_id);
    }

    fake::FaultPlan plan;
    plan.fault = fault;
    plan.count = -1;
    plan.retry_after_s = 7;
    plan.stall_ms = 2500;
    central_.SetFault(plan);
    const TimePoint t0 = Now();
    const auto during = Round(/*force=*/true, t0);
    EXPECT_EQ(during.delivered, 0);
    EXPECT_EQ(during.retried, 20);
    EXPECT_EQ(Counts().pending, 20);
    ASSERT_TRUE(state_.connectors.count("ngsi"));
    const ConnectorStatus offline = state_.connectors["ngsi"];
    // No answer at all and an answer that says "not now" are told apart (with a stable code).
    const bool answered = fault == fake::Fault::kServiceUnavailable || fault == fake::Fault::kTooManyRequests;
    EXPECT_EQ(offline.state, answered ? ConnectorState::kBadResponse : ConnectorState::kUnreachable);
    EXPECT_EQ(offline.online, answered);
    EXPECT_EQ(offline.last_error_code, answered                                   ? "http.status"
                                       : fault == fake::Fault::kStall             ? "http.timeout"
                                       : fault == fake::Fault::kRefuseConnections ? "http.connect"
                                                                                  : "http.transport");
    EXPECT_EQ(offline.consecutive_failures, 1);
    EXPECT_FALSE(offline.last_error.empty());
    EXPECT_GE(offline.retry_at, t0 + milliseconds(static_cast<int>(settings_.backoff_min_s * 1000)));
    if (fault == fake::Fault::kTooManyRequests) {
        EXPECT_GE(offline.retry_at, t0 + seconds(7));  // Retry-After
    }
    auto items = ListOutbox(*db_, OutboxState::kPending, 1);
    ASSERT_TRUE(items.ok());
    EXPECT_EQ(items->front().next_attempt, offline.retry_at);
    EXPECT_EQ(items->front().last_error, offline.last_error);

    // Backing off: a normal round before the retry time does not contact the server.
    const auto requests = central_.RequestCount();
    Round(/*force=*/false, t0 + milliseconds(100));
    EXPECT_EQ(central_.RequestCount(), requests);

    central_.ClearFault();
    const auto after = Round(/*force=*/false, offline.retry_at);
    EXPECT_EQ(after.delivered, 20);
    EXPECT_EQ(Counts().pending, 0);
    EXPECT_EQ(Counts().delivered, 20);
    EXPECT_TRUE(state_.connectors["ngsi"].online);
    EXPECT_EQ(state_.connectors["ngsi"].consecutive_failures, 0);

    EXPECT_EQ(central_.Entities(kTenant, "CitizenIdea").size(), 10u);
    EXPECT_EQ(central_.Entities(kTenant, "IdeaSupport").size(), 10u);
    const bool may_repeat = fault == fake::Fault::kCutAfterCommit || fault == fake::Fault::kStall;
    for (const auto& id : ids) {
        EXPECT_TRUE(central_.Entity(kTenant, id).has_value()) << id;
        const int writes = central_.WriteCount(kTenant, id);
        EXPECT_GE(writes, 1) << id;
        // Only a lost acknowledgement makes the kiosk send an applied item again (the upsert absorbs it).
        EXPECT_LE(writes, may_repeat ? 2 : 1) << id;
    }
}

INSTANTIATE_TEST_SUITE_P(Faults, FaultMatrix,
                         ::testing::Values(fake::Fault::kRefuseConnections, fake::Fault::kServiceUnavailable,
                                           fake::Fault::kTooManyRequests, fake::Fault::kStall,
                                           fake::Fault::kCutAfterCommit),
                         [](const auto& info) {
                             std::string name = fake::ToString(info.param);
                             std::string out;
                             for (char c : name) {
                                 if (std::isalnum(static_cast<unsigned char>(c))) out += c;
                             }
                             return out;
                         });

TEST_F(SyncTest, BackoffGrowsWithConsecutiveFailuresUpToTheCap) {
    settings_.backoff_min_s = 2;
    settings_.backoff_max_s = 60;
    std::mt19937_64 rng(1);
    for (int n = 1; n <= 12; ++n) {
        for (int k = 0; k < 50; ++k) {
            const double d = BackoffSeconds(settings_, n, std::nullopt, rng);
            EXPECT_GE(d, 2.0);
            EXPECT_LE(d, std::min(60.0, 2.0 * (1 << (n - 1))) + 1e-9);
        }
    }
    EXPECT_GE(BackoffSeconds(settings_, 1, 30.0, rng), 30.0);    // Retry-After wins over a short backoff
    // ...but never beyond backoff_max_s: a Retry-After of 999999 s must not silence the kiosk for an hour.
    for (const double asked : {999999.0, 3599.0, 61.0, 1e12}) {
        EXPECT_LE(BackoffSeconds(settings_, 1, asked, rng), 60.0) << asked;
        EXPECT_GE(BackoffSeconds(settings_, 1, asked, rng), 60.0 - 1e-9) << asked;
    }
    // Full jitter: delays differ (kiosks restarting together must not retry in lockstep).
    std::set<double> distinct;
    for (int k = 0; k < 20; ++k) distinct.insert(BackoffSeconds(settings_, 6, std::nullopt, rng));
    EXPECT_GT(distinct.size(), 10u);
}

TEST_F(SyncTest, AFaultForOneRequestOnlyCostsOneRetry) {
    Connect();
    for (int i = 0; i < 5; ++i) Add(IdeaItem("one-" + std::to_string(i)));
    fake::FaultPlan plan;
    plan.fault = fake::Fault::kServiceUnavailable;
    plan.count = 1;
    central_.SetFault(plan);
    const auto first = Round(true);
    EXPECT_EQ(first.delivered, 0);
    const auto second = Round(true);  // forced (sync --once): ignores the backoff
    EXPECT_EQ(second.delivered, 5);
    EXPECT_EQ(central_.Entities(kTenant, "CitizenIdea").size(), 5u);
}

}  // namespace
}  // namespace ck::cache::test
