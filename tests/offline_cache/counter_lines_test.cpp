// The counting lines set on the kiosk, in a real store file: saved per name, replaced, read back after the
// store is closed and opened again, deleted back to the configuration; a damaged entry is left out.
#include <gtest/gtest.h>

#include "offline_cache/content_cache.h"
#include "offline_cache/counter_lines.h"
#include "test_support/test_support.h"

namespace ck::cache {
namespace {

class CounterLinesTest : public ::testing::Test {
  protected:
    Database Open() {
        auto opened = Database::Open((dir_ / "kiosk.db").string());
        EXPECT_TRUE(opened.ok()) << opened.error().message;
        return std::move(*opened);
    }
    ck::test::TempDir dir_;
};

TEST_F(CounterLinesTest, ALineSurvivesReopeningAndIsReplacedByName) {
    const TimePoint first = FromUnixMs(1795788000000);
    const TimePoint second = first + std::chrono::minutes(3);
    {
        Database db = Open();
        auto none = LoadCounterLineOverrides(db);
        ASSERT_TRUE(none.ok());
        EXPECT_TRUE(none->empty());
        ASSERT_TRUE(SaveCounterLineOverride(db, {"entrance", 10, 20, 300, 220, first}).ok());
        ASSERT_TRUE(SaveCounterLineOverride(db, {"exit", 0, 100, 640, 100, first}).ok());
        ASSERT_TRUE(SaveCounterLineOverride(db, {"entrance", 160, 0, 160, 240, second}).ok());
    }
    Database db = Open();
    auto lines = LoadCounterLineOverrides(db);
    ASSERT_TRUE(lines.ok()) << lines.error().message;
    ASSERT_EQ(lines->size(), 2u);
    const CounterLineOverride& e = (*lines)[0];
    EXPECT_EQ(e.name, "entrance");
    EXPECT_EQ(e.x1, 160);
    EXPECT_EQ(e.y1, 0);
    EXPECT_EQ(e.x2, 160);
    EXPECT_EQ(e.y2, 240);
    EXPECT_EQ(e.set_at, second);
    EXPECT_EQ((*lines)[1].name, "exit");
    EXPECT_EQ((*lines)[1].x2, 640);

    ASSERT_TRUE(DeleteCounterLineOverride(db, "entrance").ok());
    ASSERT_TRUE(DeleteCounterLineOverride(db, "never-set").ok());
    lines = LoadCounterLineOverrides(db);
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 1u);
    EXPECT_EQ((*lines)[0].name, "exit");
}

TEST_F(CounterLinesTest, ADamagedEntryIsLeftOutAndANamelessLineRefused) {
    Database db = Open();
    ASSERT_TRUE(SaveCounterLineOverride(db, {"good", 1, 2, 3, 4, FromUnixMs(1000)}).ok());
    ASSERT_TRUE(PutSetting(db, "counter.line.garbled", "{\"line\":[1,2,\"x\",4],\"set_ms\":1}").ok());
    ASSERT_TRUE(PutSetting(db, "counter.line.short", "{\"line\":[1,2,3],\"set_ms\":1}").ok());
    ASSERT_TRUE(PutSetting(db, "counter.line.text", "not json").ok());
    auto lines = LoadCounterLineOverrides(db);
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 1u);
    EXPECT_EQ((*lines)[0].name, "good");
    const Status nameless = SaveCounterLineOverride(db, {"", 1, 2, 3, 4, FromUnixMs(1000)});
    ASSERT_FALSE(nameless.ok());
    EXPECT_EQ(nameless.error().code, "counter.line_name");
}

}  // namespace
}  // namespace ck::cache
