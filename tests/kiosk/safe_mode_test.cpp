// Safe mode's decision on real store files with a fake clock: runs that end in order never count, three
// abnormal ends (a marker still set at the next start) within 30 minutes do, older ones are forgotten, and
// 30 minutes of clean running clear the count. A reopened store stands for a restarted kiosk.
#include <gtest/gtest.h>

#include "app/safe_mode.h"
#include "offline_cache/content_cache.h"
#include "offline_cache/run_history.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

using std::chrono::minutes;

const TimePoint kT0 = FromUnixMs(1795792500000);

class SafeModeTest : public ::testing::Test {
  protected:
    // One start of the kiosk on the same store file (a fresh connection, as after a restart).
    SafeMode Start(TimePoint now) {
        auto db = cache::Database::Open(path_);
        EXPECT_TRUE(db.ok());
        Result<SafeMode> mode = BeginRun(*db, now);
        EXPECT_TRUE(mode.ok()) << mode.error().message;
        return mode.ok() ? *mode : SafeMode{};
    }
    void CleanEnd() {
        auto db = cache::Database::Open(path_);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(EndRun(*db).ok());
    }
    ck::test::TempDir dir_;
    std::string path_ = (dir_ / "kiosk.db").string();
};

TEST_F(SafeModeTest, RunsThatEndInOrderNeverCount) {
    for (int i = 0; i < 10; ++i) {
        const SafeMode m = Start(kT0 + minutes(i));
        EXPECT_FALSE(m.active);
        EXPECT_EQ(m.abnormal_ends, 0);
        CleanEnd();
    }
}

TEST_F(SafeModeTest, ThreeAbnormalEndsWithinThirtyMinutesStartSafeMode) {
    Start(kT0);  // then crashes: no clean end
    EXPECT_EQ(Start(kT0 + minutes(1)).abnormal_ends, 1);
    EXPECT_FALSE(Start(kT0 + minutes(2)).active);
    const SafeMode m = Start(kT0 + minutes(3));
    EXPECT_TRUE(m.active);
    EXPECT_EQ(m.abnormal_ends, 3);
    EXPECT_EQ(m.reason, "3 abnormal ends within 30 minutes");
    // A clean end of the safe-mode run does not make the earlier ends go away by itself.
    CleanEnd();
    EXPECT_TRUE(Start(kT0 + minutes(4)).active);
}

TEST_F(SafeModeTest, EndsOlderThanThirtyMinutesAreForgotten) {
    Start(kT0);
    Start(kT0 + minutes(1));                      // end 1 found at +1
    Start(kT0 + minutes(2));                      // end 2 at +2
    const SafeMode m = Start(kT0 + minutes(40));  // end 3 at +40: the first two are too old
    EXPECT_FALSE(m.active);
    EXPECT_EQ(m.abnormal_ends, 1);
}

TEST_F(SafeModeTest, ThirtyMinutesOfCleanRunningClearTheCount) {
    Start(kT0);
    Start(kT0 + minutes(1));
    SafeMode m = Start(kT0 + minutes(2));
    ASSERT_EQ(m.abnormal_ends, 2);
    auto db = cache::Database::Open(path_);
    ASSERT_TRUE(db.ok());
    EXPECT_FALSE(ClearAfterCleanRun(*db, m, kT0 + minutes(31)).value());  // 29 min: not yet
    EXPECT_TRUE(ClearAfterCleanRun(*db, m, kT0 + minutes(32)).value());
    EXPECT_FALSE(ClearAfterCleanRun(*db, m, kT0 + minutes(33)).value());  // once
    // This run then crashes; the next start finds one abnormal end, not three.
    const SafeMode next = Start(kT0 + minutes(34));
    EXPECT_FALSE(next.active);
    EXPECT_EQ(next.abnormal_ends, 1);
}

TEST_F(SafeModeTest, ADamagedHistoryCountsAsOneAbnormalEnd) {
    {
        auto db = cache::Database::Open(path_);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(cache::PutSetting(*db, "kiosk.run_history", "{\"running\": \"yes\"").ok());
    }
    const SafeMode m = Start(kT0);
    EXPECT_EQ(m.abnormal_ends, 1);
    EXPECT_FALSE(m.active);
    CleanEnd();
    EXPECT_EQ(Start(kT0 + minutes(1)).abnormal_ends, 1);  // readable again, nothing new
}

}  // namespace
}  // namespace ck::kiosk
