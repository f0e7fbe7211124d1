#include "test_support/test_support.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

namespace ck::test {
namespace fs = std::filesystem;

namespace {
fs::path FromEnvOr(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return fs::path(v && *v ? v : fallback);
}
}  // namespace

fs::path SharedDir() {
    return FromEnvOr("CK_SHARED_DIR", CK_SHARED_DIR_DEFAULT);
}
fs::path SharedFile(const std::string& relative) {
    return SharedDir() / relative;
}
fs::path BinaryDir() {
    return FromEnvOr("CK_BINARY_DIR", CK_BINARY_DIR_DEFAULT);
}
fs::path SourceDir() {
    return FromEnvOr("CK_SOURCE_DIR", CK_SOURCE_DIR_DEFAULT);
}
fs::path KioskBinary() {
    return BinaryDir() / "kiosk" / "civic-kiosk";
}

bool WaitFor(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return condition();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

TempDir::TempDir() {
    std::random_device rd;
    for (;;) {
        path_ = fs::temp_directory_path() / ("ck-test-" + std::to_string(rd()));
        std::error_code ec;
        if (fs::create_directory(path_, ec)) break;
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

CommandResult RunKiosk(const std::string& args) {
    const std::string command = "'" + KioskBinary().string() + "' " + args + " 2>/dev/null";
    CommandResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace ck::test
