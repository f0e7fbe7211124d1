// The heartbeat registry the watchdog reads: a heartbeat silent past the limit is found, the silent-longest
// first; a retired one is never found. Times are passed in, so nothing waits.
#include "core/heartbeat.h"

#include <gtest/gtest.h>

namespace ck {
namespace {

using std::chrono::milliseconds;

TEST(Heartbeat, ThreadsBeatThreeTimesPerLimit) {
    HeartbeatRegistry registry(milliseconds(900));
    EXPECT_EQ(registry.Add("ui")->interval(), milliseconds(300));
}

TEST(Heartbeat, FreshHeartbeatsAreNotSilent) {
    HeartbeatRegistry registry(milliseconds(1000));
    auto ui = registry.Add("ui");
    auto sync = registry.Add("sync worker");
    EXPECT_FALSE(registry.FindSilent(ui->last() + milliseconds(1000)));
}

TEST(Heartbeat, TheOneSilentLongestPastTheLimitIsNamed) {
    HeartbeatRegistry registry(milliseconds(1000));
    auto sync = registry.Add("sync worker");
    auto counter = registry.Add("counter");
    auto ui = registry.Add("ui");
    ui->Beat();
    const SteadyTime now = ui->last() + milliseconds(1500);
    // sync and counter were beaten when added, before ui: both are silent; ui is not.
    const auto silent = registry.FindSilent(now);
    ASSERT_TRUE(silent);
    EXPECT_TRUE(silent->name == "sync worker" || silent->name == "counter") << silent->name;
    EXPECT_GT(silent->silent_s, 1.0);
    sync->Beat();
    counter->Beat();
    EXPECT_FALSE(registry.FindSilent(counter->last() + milliseconds(10)));
}

TEST(Heartbeat, ARetiredHeartbeatIsNoLongerWatched) {
    HeartbeatRegistry registry(milliseconds(1000));
    auto counter = registry.Add("counter");
    const SteadyTime added = counter->last();
    counter->Retire();
    counter->Beat();  // a late beat does not bring it back
    EXPECT_TRUE(counter->retired());
    EXPECT_FALSE(registry.FindSilent(added + std::chrono::hours(1)));
}

}  // namespace
}  // namespace ck
