// The rotating log file and the rate limit on identical messages (an offline kiosk must not fill its disk).
#include "app/logging.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

std::size_t Occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
    return n;
}

TEST(Logging, IdenticalMessagesAreRateLimitedInTheFile) {
    test::TempDir dir;
    Config config;
    config.log_dir = (dir.path() / "logs").string();
    SetupLogging(config, true);
    for (int i = 0; i < 50; ++i) spdlog::info("orion unreachable");
    spdlog::info("a different message");
    spdlog::default_logger()->flush();
    spdlog::set_default_logger(spdlog::stderr_color_mt("after-test"));  // release the file

    std::ifstream in(dir.path() / "logs" / "civic-kiosk.log");
    ASSERT_TRUE(in) << "no log file was written";
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(Occurrences(text.str(), "orion unreachable"), 1u) << text.str();
    EXPECT_EQ(Occurrences(text.str(), "a different message"), 1u) << text.str();
}

}  // namespace
}  // namespace ck::kiosk
