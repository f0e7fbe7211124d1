// The admin controller on a real store: the overview reads the outbox, today's counts, disk and memory once;
// the export writes the same CSV as `civic-kiosk counts export` into a chosen folder; removable media are
// found below their roots.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "features/admin_controller.h"
#include "offline_cache/counter_bins.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

namespace fs = std::filesystem;

class AdminControllerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        config_.kiosk_id = "admin-test-01";
        config_.database_path = (dir_ / "kiosk.db").string();
        auto db = cache::Database::Open(config_.database_path);
        ASSERT_TRUE(db.ok());
        db_.emplace(std::move(*db));
        cache::CounterBin bin{
            "entrance", now_ - std::chrono::minutes(20), now_ - std::chrono::minutes(5), 7, 3, false};
        ASSERT_TRUE(cache::SaveBin(*db_, bin).ok());
    }
    test::TempDir dir_;
    Config config_;
    std::optional<cache::Database> db_;
    TimePoint now_ = Now();
};

TEST_F(AdminControllerTest, TheOverviewReadsCountsDiskAndMemoryOnce) {
    AdminController c;
    const std::int64_t before = db_->statements_executed();
    RefreshAdminOverview(c, &*db_, nullptr, config_, now_, {dir_.path() / "no-media"});
    EXPECT_GT(db_->statements_executed(), before);
    EXPECT_TRUE(c.overview.loaded);
    ASSERT_EQ(c.overview.today.size(), 1u);
    EXPECT_EQ(c.overview.today[0].line, "entrance");
    EXPECT_EQ(c.overview.today[0].towards, 7);
    EXPECT_EQ(c.overview.today[0].away, 3);
    EXPECT_GT(c.overview.disk_total_bytes, 0u);
    EXPECT_GT(c.overview.memory_rss_bytes, 0u);
    EXPECT_TRUE(c.overview.export_targets.empty());
}

TEST_F(AdminControllerTest, ExportWritesTheCountCsvIntoTheChosenFolder) {
    fs::create_directories(dir_ / "media" / "kiosk" / "STICK");
    const auto targets = FindExportTargets({dir_ / "media"});
    ASSERT_EQ(targets.size(), 1u);
    EXPECT_EQ(targets[0], dir_ / "media" / "kiosk" / "STICK");
    AdminController c;
    ExportCountsTo(c, &*db_, config_, targets[0], now_);
    EXPECT_FALSE(c.message_is_error) << c.message_arg;
    EXPECT_EQ(c.message_key, "kiosk.admin.export_done");
    std::ifstream in(c.message_arg);
    ASSERT_TRUE(in) << c.message_arg;
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().rfind("kiosk_id,line,start,end,towards,away,total,closed\n", 0), 0u);
    EXPECT_NE(text.str().find("admin-test-01,entrance,"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find(",7,3,10,no"), std::string::npos) << text.str();

    // A folder that cannot be written: a clear message, nothing half-written.
    ExportCountsTo(c, &*db_, config_, dir_ / "missing", now_);
    EXPECT_TRUE(c.message_is_error);
    EXPECT_EQ(c.message_key, "kiosk.admin.export_failed");
}

}  // namespace
}  // namespace ck::kiosk
