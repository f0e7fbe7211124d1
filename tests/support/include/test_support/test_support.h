// Small helpers shared by the test suites.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace ck::test {

// The shared material folder (CK_SHARED_DIR env, else the CMake cache value).
std::filesystem::path SharedDir();
// Path of a file under SharedDir(); if absent, the calling test should GTEST_SKIP with this path.
std::filesystem::path SharedFile(const std::string& relative);
// The build tree (to find civic-kiosk and helper binaries) and the source tree.
std::filesystem::path BinaryDir();
std::filesystem::path SourceDir();
std::filesystem::path KioskBinary();

// Runs the built civic-kiosk with `args` (shell words, quoted by the caller) and captures its stdout; its
// stderr is discarded. exit_code is -1 when it did not exit normally.
struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout only
};
CommandResult RunKiosk(const std::string& args);

// Polls condition every 10 ms until it holds; false only after `limit`, a safety net far above any
// expected wait (tests wait for conditions, never for a time: the suite must pass on a loaded machine).
bool WaitFor(const std::function<bool()>& condition,
             std::chrono::milliseconds limit = std::chrono::seconds(60));

// A fresh temporary folder removed (with its contents) when the object dies.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

// Skips the current test (reported as skipped by CTest) when a shared file is missing.
#define CK_REQUIRE_SHARED(path_var, relative)                                          \
    const std::filesystem::path path_var = ::ck::test::SharedFile(relative);           \
    if (!std::filesystem::exists(path_var)) {                                          \
        GTEST_SKIP() << "shared data not found: " << path_var.string()                 \
                     << " (set CK_SHARED_DIR to the folder with the shared material)"; \
    }

}  // namespace ck::test
