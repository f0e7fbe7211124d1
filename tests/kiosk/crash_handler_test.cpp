// A child process that crashes on purpose leaves a report (signal, version, backtrace) and still dies of its
// signal, so systemd sees the crash.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_support/test_support.h"

namespace {

namespace fs = std::filesystem;

int RunCrashChild(const fs::path& dir, const char* how) {
    const std::string exe = CK_CRASH_CHILD;
    const std::string folder = dir.string();
    char* argv[] = {const_cast<char*>(exe.c_str()), const_cast<char*>(folder.c_str()), const_cast<char*>(how),
                    nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv, environ) != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFSIGNALED(status) ? WTERMSIG(status) : 1000 + WEXITSTATUS(status);
}

std::string OnlyReport(const fs::path& dir) {
    std::string found;
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().filename().string().rfind("crash-", 0) != 0) continue;
        ++count;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        found = text.str();
    }
    EXPECT_EQ(count, 1);
    return found;
}

TEST(CrashHandler, ASegfaultLeavesAReportAndStillDiesOfItsSignal) {
    ck::test::TempDir dir;
    EXPECT_EQ(RunCrashChild(dir.path(), "segv"), SIGSEGV);
    const std::string report = OnlyReport(dir.path());
    EXPECT_NE(report.find("signal: SIGSEGV (11)"), std::string::npos) << report;
    EXPECT_NE(report.find("version: 9.9.9-test"), std::string::npos) << report;
    const auto trace = report.find("backtrace:\n");
    ASSERT_NE(trace, std::string::npos) << report;
    // At least a few frames, each a line naming the binary or a library.
    EXPECT_GE(std::count(report.begin() + static_cast<long>(trace), report.end(), '\n'), 3) << report;
    EXPECT_NE(report.find("crash_child"), std::string::npos) << report;
}

TEST(CrashHandler, AnAbortIsReportedToo) {
    ck::test::TempDir dir;
    EXPECT_EQ(RunCrashChild(dir.path(), "abort"), SIGABRT);
    EXPECT_NE(OnlyReport(dir.path()).find("signal: SIGABRT"), std::string::npos);
}

}  // namespace
