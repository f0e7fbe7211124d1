// Every forward migration, applied from every earlier schema version, on a store holding data written with
// that version's DDL.
#include <gtest/gtest.h>

#include "offline_cache/content_cache.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/database.h"
#include "offline_cache/idea_store.h"
#include "offline_cache/outbox.h"
#include "offline_cache/pvog_store.h"
#include "store_helpers.h"
#include "test_support/test_support.h"

namespace ck::cache {
namespace {

using test::MakeItem;
using test::RawDb;
using test::T;

// Builds a store at schema version k with the old DDL, as a kiosk running that version left it, including
// one row in every table that version had.
void BuildStoreAtVersion(const std::filesystem::path& path, int k) {
    RawDb raw(path);
    ASSERT_EQ(raw.Exec("PRAGMA journal_mode=WAL"), "");
    for (int v = 0; v < k; ++v) {
        ASSERT_EQ(raw.Exec(std::string(Migrations()[static_cast<std::size_t>(v)])), "") << "v" << v + 1;
    }
    ASSERT_EQ(raw.Exec("PRAGMA user_version = " + std::to_string(k)), "");
    if (k >= 1) {
        ASSERT_EQ(
            raw.Exec(
                "INSERT INTO outbox (target, entity_id, entity_type, payload, created_ms, next_attempt_ms) "
                "VALUES ('ngsi', 'urn:ngsi-ld:CitizenIdea:old', 'CitizenIdea', "
                "'{\"id\":\"urn:ngsi-ld:CitizenIdea:old\",\"type\":\"CitizenIdea\"}', 1, 1)"),
            "");
        ASSERT_EQ(raw.Exec("INSERT INTO settings (key, value) VALUES ('counter.state', 'running')"), "");
    }
    if (k >= 2) {
        ASSERT_EQ(raw.Exec("INSERT INTO entities (id, type, json, fetched_ms) VALUES "
                           "('urn:ngsi-ld:WeatherObserved:1', 'WeatherObserved', '{}', 5)"),
                  "");
    }
    if (k >= 3) {
        ASSERT_EQ(
            raw.Exec("INSERT INTO ideas (entity_id, reference_code, channel, created_ms, outbox_seq) VALUES "
                     "('urn:ngsi-ld:CitizenIdea:old', 'OLD-1', 'kiosk', 1, 1)"),
            "");
    }
    if (k >= 4) {
        ASSERT_EQ(raw.Exec("INSERT INTO counter_bins (line, start_ms, end_ms, positive, negative) VALUES "
                           "('door', 0, 900000, 3, 4)"),
                  "");
    }
    if (k >= 5) {
        // From v5 on, Enqueue writes the payload size itself (earlier rows got it from the v5 backfill).
        ASSERT_EQ(raw.Exec("UPDATE outbox SET payload_bytes = length(CAST(payload AS BLOB))"), "");
    }
}

std::string SchemaOf(const std::filesystem::path& path) {
    RawDb raw(path);
    return raw.Scalar(
        "SELECT group_concat(type || ' ' || name || ': ' || coalesce(sql, ''), char(10)) FROM "
        "(SELECT * FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name)");
}

class MigrationFrom : public ::testing::TestWithParam<int> {};

TEST_P(MigrationFrom, ReachesTheCurrentSchemaAndKeepsData) {
    const int k = GetParam();
    ck::test::TempDir dir;
    const auto path = dir / "old.db";
    BuildStoreAtVersion(path, k);
    if (HasFatalFailure()) return;

    auto db = Database::Open(path.string());
    ASSERT_TRUE(db.ok()) << "from v" << k << ": " << db.error().message;
    EXPECT_TRUE(db->recovered_from().empty());
    {
        RawDb raw(path);
        EXPECT_EQ(raw.Scalar("PRAGMA user_version"), std::to_string(CurrentSchemaVersion()));
        if (k >= 1) {
            // Data written by the old version is still there, and v5's payload size was backfilled.
            EXPECT_EQ(raw.Scalar("SELECT payload_bytes = length(payload) FROM outbox WHERE seq = 1"), "1");
            EXPECT_EQ(raw.Scalar("SELECT value FROM settings WHERE key = 'counter.state'"), "running");
        }
        if (k >= 2) {
            EXPECT_EQ(raw.Scalar("SELECT count(*) FROM entities"), "1");
        }
        if (k >= 3) {
            EXPECT_EQ(raw.Scalar("SELECT reference_code FROM ideas"), "OLD-1");
        }
        if (k >= 4) {
            EXPECT_EQ(raw.Scalar("SELECT positive + negative FROM counter_bins"), "7");
        }
    }

    // The migrated store is the same as a fresh one...
    {
        auto fresh = Database::Open((dir / "fresh.db").string());
        ASSERT_TRUE(fresh.ok());
    }
    EXPECT_EQ(SchemaOf(path), SchemaOf(dir / "fresh.db"));

    // ...and every repository works on it.
    EXPECT_TRUE(Enqueue(*db, MakeItem("new"), T(10)).ok());
    LocalIdea idea{"urn:ngsi-ld:CitizenIdea:idea", "NEW-1", "kiosk", T(10)};
    EXPECT_TRUE(CommitIdea(*db, idea, MakeItem("idea"), T(10)).ok());
    CounterBin bin{"door", T(0), T(900), 1, 2, false};
    EXPECT_TRUE(SaveBin(*db, bin).ok());
    EXPECT_TRUE(PutSetting(*db, "k", "v").ok());
    EXPECT_TRUE(ReplacePvogCatalogue(*db, "059160000000", {{"A.LB.1", "01.01.2025 00:00", "{}"}}).ok());
    EXPECT_TRUE(PutPvogDetails(*db, {{"A.LB.1", "de", "", "01.01.2025 00:00", "{}", T(10), {}}}).ok());
    auto claimed = ClaimBatch(*db, "ngsi", T(100), 10, 1 << 20);
    ASSERT_TRUE(claimed.ok());
    EXPECT_EQ(claimed->size(), k >= 1 ? 3u : 2u);
}

INSTANTIATE_TEST_SUITE_P(EveryEarlierVersion, MigrationFrom, ::testing::Range(0, CurrentSchemaVersion()),
                         [](const auto& info) { return "v" + std::to_string(info.param); });

TEST(Migration, AFailingMigrationLeavesTheStoreAtItsVersion) {
    ck::test::TempDir dir;
    const auto path = dir / "odd.db";
    {
        // A v3 store where someone already created a table the v4 step wants to create.
        RawDb raw(path);
        for (int v = 0; v < 3; ++v)
            ASSERT_EQ(raw.Exec(std::string(Migrations()[static_cast<std::size_t>(v)])), "");
        ASSERT_EQ(raw.Exec("PRAGMA user_version = 3; CREATE TABLE counter_bins (x);"), "");
    }
    auto db = Database::Open(path.string());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.migration");
    RawDb raw(path);
    EXPECT_EQ(raw.Scalar("PRAGMA user_version"), "3");
}

}  // namespace
}  // namespace ck::cache
