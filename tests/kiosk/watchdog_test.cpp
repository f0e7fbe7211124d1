// systemd's watchdog through the real binary: the test plays systemd's part with its own NOTIFY_SOCKET and
// WATCHDOG_USEC, starts the kiosk headless (not the demo: the sync worker runs against a port nobody listens
// on) and reads what the kiosk tells it.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "child_process.h"
#include "notify_socket.h"
#include "test_support/test_support.h"

namespace ck::test {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for the children this test starts, and takes it away afterwards.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) { setenv(name, value.c_str(), 1); }
    ~ScopedEnv() { unsetenv(name_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
};

class WatchdogTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::ofstream(dir_ / "kiosk.toml")
            << "[kiosk]\nid = \"watchdog-01\"\ndatabase = \"" << (dir_ / "kiosk.db").string() << "\"\n"
            << "[central]\norion_url = \"http://127.0.0.1:9\"\n"
            << "[logging]\ndir = \"" << (dir_ / "logs").string() << "\"\n";
    }
    // Runs the kiosk until `done` holds for what it sent so far, then stops it as systemd does (SIGTERM).
    ChildResult Run(NotifySocket& socket, const std::function<bool(const std::vector<std::string>&)>& done) {
        const ScopedEnv notify("NOTIFY_SOCKET", socket.path().string());
        const ScopedEnv usec("WATCHDOG_USEC", "1000000");  // 1 s: feeds every third of a second
        return RunChildUntil(
            KioskBinary().string(),
            {"run", "--headless", "--size", "1280x720", "--config", (dir_ / "kiosk.toml").string()}, [&] {
                socket.Drain();
                return done(socket.lines());
            });
    }
    static long Count(const std::vector<std::string>& lines, const std::string& line) {
        return std::count(lines.begin(), lines.end(), line);
    }
    static long IndexOf(const std::vector<std::string>& lines, const std::string& prefix, long from = 0) {
        for (long i = from; i < static_cast<long>(lines.size()); ++i)
            if (lines[i].rfind(prefix, 0) == 0) return i;
        return -1;
    }

    TempDir dir_;
};

TEST_F(WatchdogTest, ReadyAfterTheFirstFrameThenFedWhileEveryThreadShowsProgress) {
    NotifySocket socket(dir_ / "notify.sock");
    const ChildResult r = Run(socket, [](const auto& lines) { return Count(lines, "WATCHDOG=1") >= 5; });
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_EQ(r.exit_code, 0) << r.err;
    socket.Drain();
    const auto& lines = socket.lines();
    const long ready = IndexOf(lines, "READY=1");
    ASSERT_GE(ready, 0) << r.err;
    EXPECT_LT(ready, IndexOf(lines, "WATCHDOG=1")) << "fed before it was ready";
    EXPECT_GE(Count(lines, "WATCHDOG=1"), 5);
    EXPECT_EQ(lines.back(), "STOPPING=1");
    // Waking to feed draws nothing: a handful of frames at most, however long the kiosk ran.
    const std::string marker = "kiosk loop ended after ";
    const auto at = r.err.find(marker);
    ASSERT_NE(at, std::string::npos) << r.err;
    EXPECT_LE(std::stol(r.err.substr(at + marker.size())), 10) << r.err;
}

TEST_F(WatchdogTest, AStalledSyncWorkerStopsTheFeedingUntilItShowsProgressAgain) {
    NotifySocket socket(dir_ / "notify.sock");
    // The worker hangs for 4 s after its first round (a test-only hook), longer than the 1 s limit.
    const ScopedEnv stall("CK_TEST_STALL_SYNC_S", "4");
    const ChildResult r = Run(socket, [](const auto& lines) {
        const long silent = IndexOf(lines, "STATUS=not feeding");
        return silent >= 0 && IndexOf(lines, "WATCHDOG=1", silent) >= 0;
    });
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto& lines = socket.lines();
    const long silent = IndexOf(lines, "STATUS=not feeding");
    ASSERT_GE(silent, 0);
    EXPECT_EQ(lines[silent], "STATUS=not feeding the watchdog: the sync worker thread is silent");
    // Between the stall being noticed and the worker's recovery nothing fed the watchdog.
    const long resumed = IndexOf(lines, "STATUS=running", silent);
    ASSERT_GT(resumed, silent) << "no recovery reported";
    for (long i = silent; i < resumed; ++i)
        EXPECT_NE(lines[i], "WATCHDOG=1") << "fed while a thread was stalled";
    EXPECT_NE(r.err.find("the sync worker thread has shown no progress"), std::string::npos) << r.err;
}

// Safe mode end to end: the kiosk crashes (a fatal signal through its crash handler) three times once it is
// ready; the fourth start runs in safe mode and says so. A run stopped by SIGTERM is an orderly end.
TEST_F(WatchdogTest, ThreeCrashesWithinThirtyMinutesStartTheKioskInSafeMode) {
    NotifySocket socket(dir_ / "notify.sock");
    const auto ready = [](const auto& lines) { return IndexOf(lines, "READY=1") >= 0; };
    auto start = [&](int signal) {
        socket.Drain();
        const std::size_t before = socket.lines().size();
        const ScopedEnv notify("NOTIFY_SOCKET", socket.path().string());
        return RunChildUntil(
            KioskBinary().string(),
            {"run", "--headless", "--size", "1280x720", "--config", (dir_ / "kiosk.toml").string()},
            [&] {
                socket.Drain();
                return ready(std::vector<std::string>(socket.lines().begin() + before, socket.lines().end()));
            },
            std::chrono::seconds(60), signal);
    };
    const ChildResult clean = start(SIGTERM);
    EXPECT_EQ(clean.exit_code, 0) << clean.err;
    for (int i = 0; i < 3; ++i) {
        const ChildResult crashed = start(SIGSEGV);
        ASSERT_FALSE(crashed.timed_out) << crashed.err;
        EXPECT_NE(crashed.exit_code, 0) << crashed.err;
        EXPECT_EQ(crashed.err.find("safe mode:"), std::string::npos) << "crash " << i << ": " << crashed.err;
    }
    const ChildResult safe = start(SIGTERM);
    EXPECT_EQ(safe.exit_code, 0) << safe.err;
    EXPECT_NE(safe.err.find("safe mode: 3 abnormal ends within 30 minutes"), std::string::npos) << safe.err;
    // The crash handler left its reports beside the log.
    int reports = 0;
    for (const auto& e : fs::directory_iterator(dir_ / "logs"))
        if (e.path().filename().string().find("crash") != std::string::npos) ++reports;
    EXPECT_EQ(reports, 3);
}

}  // namespace
}  // namespace ck::test
