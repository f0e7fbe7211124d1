// Screen navigation and the visitor's idle timer as pure logic.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "session/idle_timer.h"
#include "session/navigator.h"

namespace ck::kiosk {
namespace {

TEST(NavigatorTest, StartsOnTheAttractScreen) {
    Navigator nav;
    EXPECT_EQ(nav.current(), ScreenId::kAttract);
    EXPECT_EQ(nav.depth(), 1u);
    EXPECT_FALSE(nav.can_go_back());
    EXPECT_FALSE(nav.has_pending());
    EXPECT_FALSE(nav.ApplyPending());
}

TEST(NavigatorTest, RequestsTakeEffectOnlyWhenApplied) {
    Navigator nav;
    nav.Push(ScreenId::kHome);
    // The screen that asked is still drawing: nothing changes until the next frame starts.
    EXPECT_TRUE(nav.has_pending());
    EXPECT_EQ(nav.current(), ScreenId::kAttract);
    EXPECT_TRUE(nav.ApplyPending());
    EXPECT_FALSE(nav.has_pending());
    EXPECT_EQ(nav.current(), ScreenId::kHome);
    EXPECT_EQ(nav.depth(), 2u);
    EXPECT_FALSE(nav.ApplyPending());
}

TEST(NavigatorTest, TheLastRequestOfAFrameWins) {
    Navigator nav;
    nav.Push(ScreenId::kHome);
    nav.ApplyPending();
    nav.Push(ScreenId::kServices);
    nav.Push(ScreenId::kIdeas);
    EXPECT_TRUE(nav.ApplyPending());
    EXPECT_EQ(nav.current(), ScreenId::kIdeas);
    EXPECT_EQ(nav.depth(), 3u);
    nav.Back();
    EXPECT_TRUE(nav.ApplyPending());
    EXPECT_EQ(nav.current(), ScreenId::kHome);
}

TEST(NavigatorTest, PushingTheCurrentScreenAgainChangesNothing) {
    Navigator nav;
    nav.Push(ScreenId::kHome);
    nav.ApplyPending();
    nav.Push(ScreenId::kHome);
    EXPECT_FALSE(nav.ApplyPending());
    EXPECT_EQ(nav.depth(), 2u);
}

TEST(NavigatorTest, BackPopsOneScreenButNeverLeavesHomeByBack) {
    Navigator nav;
    nav.Push(ScreenId::kHome);
    nav.ApplyPending();
    EXPECT_FALSE(nav.can_go_back())
        << "home has no back button: the attract screen is not a place to go back to";
    nav.Push(ScreenId::kServices);
    nav.ApplyPending();
    nav.Push(ScreenId::kServiceDetail);
    nav.ApplyPending();
    EXPECT_TRUE(nav.can_go_back());
    EXPECT_EQ(nav.depth(), 4u);
    nav.Back();
    EXPECT_TRUE(nav.ApplyPending());
    EXPECT_EQ(nav.current(), ScreenId::kServices);
    nav.Back();
    nav.ApplyPending();
    EXPECT_EQ(nav.current(), ScreenId::kHome);
}

TEST(NavigatorTest, BackOnTheOnlyScreenStays) {
    Navigator nav;
    nav.Back();
    EXPECT_FALSE(nav.ApplyPending());
    EXPECT_EQ(nav.current(), ScreenId::kAttract);
    EXPECT_EQ(nav.depth(), 1u);
}

TEST(NavigatorTest, HomeLeavesAttractAndHomeOnTheStack) {
    Navigator nav;
    for (ScreenId s : {ScreenId::kHome, ScreenId::kIdeas, ScreenId::kIdeaNew, ScreenId::kIdeaReceipt}) {
        nav.Push(s);
        nav.ApplyPending();
    }
    EXPECT_EQ(nav.depth(), 5u);
    nav.Home();
    EXPECT_TRUE(nav.ApplyPending());
    EXPECT_EQ(nav.current(), ScreenId::kHome);
    EXPECT_EQ(nav.depth(), 2u);
    nav.Home();
    EXPECT_FALSE(nav.ApplyPending()) << "already home";
    // Home straight from the attract screen works too.
    Navigator fresh;
    fresh.Home();
    EXPECT_TRUE(fresh.ApplyPending());
    EXPECT_EQ(fresh.current(), ScreenId::kHome);
    EXPECT_EQ(fresh.depth(), 2u);
}

TEST(NavigatorTest, ResetReturnsToTheAttractScreenAlone) {
    Navigator nav;
    for (ScreenId s : {ScreenId::kHome, ScreenId::kLive, ScreenId::kPrivacy}) {
        nav.Push(s);
        nav.ApplyPending();
    }
    nav.Reset();
    EXPECT_TRUE(nav.ApplyPending());
    EXPECT_EQ(nav.current(), ScreenId::kAttract);
    EXPECT_EQ(nav.depth(), 1u);
    EXPECT_FALSE(nav.can_go_back());
    nav.Reset();
    EXPECT_FALSE(nav.ApplyPending());
}

TEST(NavigatorTest, ReplaceSwapsTheTopScreen) {
    Navigator nav;
    nav.Push(ScreenId::kHome);
    nav.ApplyPending();
    nav.Push(ScreenId::kIdeaNew);
    nav.ApplyPending();
    nav.Replace(ScreenId::kIdeaReceipt);
    EXPECT_TRUE(nav.ApplyPending());
    EXPECT_EQ(nav.current(), ScreenId::kIdeaReceipt);
    EXPECT_EQ(nav.depth(), 3u);
    // Back from the receipt must not return to the (submitted) form.
    nav.Back();
    nav.ApplyPending();
    EXPECT_EQ(nav.current(), ScreenId::kHome);
}

TEST(ScreenNameTest, AllScreensRoundTrip) {
    const std::string expected[] = {"attract",  "home",         "services", "service-detail", "ideas",
                                    "idea-new", "idea-receipt", "live",     "privacy",        "admin",
                                    "live-detail", "datasets"};
    ASSERT_EQ(std::size(kAllScreens), std::size(expected));
    std::set<std::string> seen;
    for (std::size_t i = 0; i < std::size(kAllScreens); ++i) {
        const ScreenId id = kAllScreens[i];
        const std::string name(ScreenName(id));
        EXPECT_EQ(name, expected[i]);
        EXPECT_TRUE(seen.insert(name).second) << "duplicate name " << name;
        const auto back = ScreenFromName(name);
        ASSERT_TRUE(back.has_value()) << name;
        EXPECT_EQ(*back, id);
    }
}

TEST(ScreenNameTest, UnknownNamesAreRejected) {
    for (const char* name : {"", "Home", "service_detail", "services ", "adm", "attract\n"}) {
        EXPECT_FALSE(ScreenFromName(name).has_value()) << '"' << name << '"';
    }
}

TEST(IdleTimerTest, UnarmedNeverExpires) {
    IdleTimer t;
    EXPECT_EQ(t.Phase(0), IdlePhase::kActive);
    EXPECT_EQ(t.Phase(1e9), IdlePhase::kActive);
    EXPECT_GT(t.NextDeadline(1e9), 1e200);
}

TEST(IdleTimerTest, PhasesFollowTheTimeoutAndTheWarning) {
    IdleTimer t;  // defaults: 90 s, warning 20 s before
    t.Arm(1000);
    EXPECT_EQ(t.Phase(1000), IdlePhase::kActive);
    EXPECT_EQ(t.Phase(1069.9), IdlePhase::kActive);
    EXPECT_EQ(t.Phase(1070), IdlePhase::kWarning);
    EXPECT_EQ(t.Phase(1089.9), IdlePhase::kWarning);
    EXPECT_DOUBLE_EQ(t.SecondsLeft(1075), 15);
    EXPECT_EQ(t.Phase(1090), IdlePhase::kExpired);
    EXPECT_EQ(t.Phase(5000), IdlePhase::kExpired);
    t.Disarm();
    EXPECT_EQ(t.Phase(5000), IdlePhase::kActive);
}

TEST(IdleTimerTest, ConfiguredTimesAreUsed) {
    IdleTimer t;
    t.timeout_s = 30;
    t.warning_s = 5;
    t.Arm(0);
    EXPECT_EQ(t.Phase(24.9), IdlePhase::kActive);
    EXPECT_EQ(t.Phase(25), IdlePhase::kWarning);
    EXPECT_EQ(t.Phase(30), IdlePhase::kExpired);
}

TEST(IdleTimerTest, ATouchDuringTheWarningExtendsTheSession) {
    IdleTimer t;
    t.Arm(0);
    ASSERT_EQ(t.Phase(75), IdlePhase::kWarning);
    t.Touch(75);
    EXPECT_EQ(t.Phase(75), IdlePhase::kActive);
    EXPECT_EQ(t.Phase(105), IdlePhase::kActive);   // 30 s after the touch: past the original 90 s
    EXPECT_EQ(t.Phase(145), IdlePhase::kWarning);  // 75 + 70
    EXPECT_EQ(t.Phase(165), IdlePhase::kExpired);  // 75 + 90
}

TEST(IdleTimerTest, TouchesWhileActiveMoveTheDeadline) {
    IdleTimer t;
    t.Arm(0);
    t.Touch(50);
    EXPECT_EQ(t.Phase(100), IdlePhase::kActive);
    EXPECT_DOUBLE_EQ(t.NextDeadline(100), 120);
}

TEST(IdleTimerTest, NextDeadlineWakesForTheWarningThenEverySecondThenTheReset) {
    IdleTimer t;
    t.Arm(1000);
    EXPECT_DOUBLE_EQ(t.NextDeadline(1000), 1070);
    EXPECT_DOUBLE_EQ(t.NextDeadline(1069.5), 1070);
    // During the warning the countdown changes each whole second.
    EXPECT_DOUBLE_EQ(t.NextDeadline(1070), 1071);
    EXPECT_NEAR(t.NextDeadline(1070.25), 1071, 1e-9);
    EXPECT_NEAR(t.NextDeadline(1080.75), 1081, 1e-9);
    EXPECT_NEAR(t.NextDeadline(1088.5), 1089, 1e-9);
    // The last second ends at the reset itself, never later.
    EXPECT_NEAR(t.NextDeadline(1089.2), 1090, 1e-9);
    for (double now = 1000; now < 1090; now += 0.37) {
        const double d = t.NextDeadline(now);
        EXPECT_GT(d, now) << now;
        EXPECT_LE(d, 1090) << now;
    }
}

}  // namespace
}  // namespace ck::kiosk
