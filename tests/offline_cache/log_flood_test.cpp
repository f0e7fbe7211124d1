// No log flood while offline: ten minutes of outage on the round's fake clock, a round every few seconds
// with ideas queued meanwhile, the network flapping between refused connections and 503 answers every 20 s.
// Every line the sync round logs is counted.
#include <gtest/gtest.h>

#include "sync_fixture.h"

namespace ck::cache::test {
namespace {

using std::chrono::seconds;

TEST_F(SyncTest, TenMinutesOfAFlappingOutageLogAHandfulOfLines) {
    settings_.backoff_min_s = 1;
    settings_.backoff_max_s = 4;
    Connect();
    LogCapture log;
    const TimePoint t0 = Now();
    int rounds = 0, flips = 0;
    for (int s = 0; s < 600; s += 2) {
        const TimePoint now = t0 + seconds(s);
        if (s % 20 == 0) {
            // Flap: connections refused, then a service that answers 503, and so on.
            central_.SetFault(
                {(s / 20) % 2 == 0 ? fake::Fault::kRefuseConnections : fake::Fault::kServiceUnavailable});
            ++flips;
        }
        if (s % 30 == 0) Add(IdeaItem("offline-" + std::to_string(s)));
        Round(false, now);
        ++rounds;
    }
    const std::vector<std::string> lines = log.Lines();
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    // Each flip changes the connector's state; without the limit each would be a line. With it: three per
    // 10-minute window, the next one saying how many were held back.
    EXPECT_GE(flips, 30);
    EXPECT_LE(lines.size(), 4u) << all;
    EXPECT_GE(lines.size(), 1u) << "the outage itself must be logged";
    EXPECT_EQ(Counts().pending, 20) << "nothing queued is lost";

    // The network returns after the window: that is logged, with the count of what was held back.
    central_.ClearFault();
    Round(true, t0 + seconds(700));
    const std::vector<std::string> after = log.Lines();
    ASSERT_GT(after.size(), lines.size());
    EXPECT_NE(after.back().find("reachable again"), std::string::npos) << after.back();
    EXPECT_NE(after.back().find("more changes of ngsi were not logged"), std::string::npos) << after.back();
    EXPECT_EQ(Counts().pending, 0);
}

}  // namespace
}  // namespace ck::cache::test
