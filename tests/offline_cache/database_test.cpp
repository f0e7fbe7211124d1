#include "offline_cache/database.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>

#include "offline_cache/content_cache.h"
#include "offline_cache/outbox.h"
#include "store_helpers.h"
#include "test_support/test_support.h"

namespace ck::cache {
namespace {

namespace fs = std::filesystem;
using test::MakeItem;
using test::RawDb;
using test::T;

std::string ReadFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Database, FreshStoreIsAtCurrentVersionInWalModeWithForeignKeys) {
    ck::test::TempDir dir;
    auto db = Database::Open((dir / "kiosk.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_TRUE(db->recovered_from().empty());
    RawDb raw(dir / "kiosk.db");
    EXPECT_EQ(raw.Scalar("PRAGMA user_version"), std::to_string(CurrentSchemaVersion()));
    EXPECT_EQ(raw.Scalar("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(static_cast<std::size_t>(CurrentSchemaVersion()), Migrations().size());

    // foreign_keys is per connection: check the one Open() configured.
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db->handle(), "PRAGMA foreign_keys", -1, &stmt, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(stmt, 0), 1);
    sqlite3_finalize(stmt);
}

TEST(Database, ReopeningKeepsData) {
    ck::test::TempDir dir;
    const auto path = (dir / "kiosk.db").string();
    {
        auto db = Database::Open(path);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(Enqueue(*db, MakeItem("a"), T(0)).ok());
    }
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    auto counts = CountOutbox(*db);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->pending, 1);
}

TEST(Database, GarbageFileIsMovedAsideAndAFreshStoreStarts) {
    ck::test::TempDir dir;
    const auto path = dir / "kiosk.db";
    std::string garbage(64 * 1024, '\0');
    std::mt19937 rng(7);
    for (auto& c : garbage) c = static_cast<char>(rng());
    { std::ofstream(path, std::ios::binary) << garbage; }

    auto db = Database::Open(path.string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_FALSE(db->recovered_from().empty());
    EXPECT_EQ(db->recovered_from().rfind(path.string() + ".damaged-", 0), 0u) << db->recovered_from();
    // The damaged file is kept byte for byte for recovery by hand.
    EXPECT_EQ(ReadFile(db->recovered_from()), garbage);
    // The fresh store works.
    EXPECT_TRUE(Enqueue(*db, MakeItem("after-recovery"), T(0)).ok());
    auto counts = CountOutbox(*db);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->pending, 1);
}

TEST(Database, DamagedPagesInAValidFileAreDetected) {
    ck::test::TempDir dir;
    const auto path = dir / "kiosk.db";
    {
        auto db = Database::Open(path.string());
        ASSERT_TRUE(db.ok());
        for (int i = 0; i < 300; ++i)
            ASSERT_TRUE(EnqueueInTransaction(*db, MakeItem(std::to_string(i)), T(i)).ok());
    }  // the last connection closing checkpoints the WAL into the main file
    const auto size = fs::file_size(path);
    ASSERT_GT(size, 8u * 4096u);
    {
        // Keep page 1 (the header) intact, scribble over the b-tree pages behind it.
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);
        const std::string scribble(4 * 4096, '\xAB');
        f.write(scribble.data(), static_cast<std::streamsize>(scribble.size()));
    }
    auto db = Database::Open(path.string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_FALSE(db->recovered_from().empty());
    EXPECT_TRUE(fs::exists(db->recovered_from()));
    auto counts = CountOutbox(*db);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->pending, 0);
}

TEST(Database, ADamagedStoreMovesAsideWithItsWalUntouchedSoTheLastCommitsCanBeRecovered) {
    ck::test::TempDir dir;
    const auto live = dir / "live.db";
    const auto path = dir / "kiosk.db";
    {
        auto db = Database::Open(live.string());
        ASSERT_TRUE(db.ok()) << db.error().message;
        RawDb raw(live);
        // A table whose only page is damaged below; the outbox stays readable.
        ASSERT_EQ(raw.Exec("CREATE TABLE filler (x TEXT); INSERT INTO filler VALUES ('x');"), "");
        for (int i = 0; i < 5; ++i)
            ASSERT_TRUE(Enqueue(*db, MakeItem("early-" + std::to_string(i)), T(i)).ok());
        ASSERT_EQ(raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)"), "");
        ASSERT_EQ(raw.Exec("PRAGMA wal_autocheckpoint=0"), "");
        ASSERT_EQ(sqlite3_wal_autocheckpoint(db->handle(), 0), SQLITE_OK);
        // The last three commits stay in the WAL only.
        for (int i = 0; i < 3; ++i)
            ASSERT_TRUE(Enqueue(*db, MakeItem("late-" + std::to_string(i)), T(10 + i)).ok());
        ASSERT_GT(fs::file_size(live.string() + "-wal"), 0u);
        // Copies taken while the writers are open: the state a power cut leaves.
        fs::copy_file(live, path);
        fs::copy_file(live.string() + "-wal", path.string() + "-wal");
        fs::copy_file(live.string() + "-shm", path.string() + "-shm");
        const int page_size = std::stoi(raw.Scalar("PRAGMA page_size"));
        const int filler_page =
            std::stoi(raw.Scalar("SELECT rootpage FROM sqlite_master WHERE name = 'filler'"));
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(filler_page - 1) * page_size);
        const std::string scribble(static_cast<std::size_t>(page_size), '\xAB');
        f.write(scribble.data(), static_cast<std::streamsize>(scribble.size()));
    }
    const std::string main_before = ReadFile(path), wal_before = ReadFile(path.string() + "-wal");

    auto db = Database::Open(path.string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    const std::string aside = db->recovered_from();
    ASSERT_FALSE(aside.empty());
    // All three files moved together, the main file and the WAL byte for byte.
    EXPECT_EQ(ReadFile(aside), main_before);
    EXPECT_EQ(ReadFile(aside + "-wal"), wal_before);
    EXPECT_TRUE(fs::exists(aside + "-shm"));
    auto counts = CountOutbox(*db);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->pending, 0);                     // the fresh store
    db = Database::Open((dir / "other.db").string());  // closes the fresh store

    // What an operator's tool sees in the set: all eight committed items, the last three from the WAL.
    RawDb evidence(aside, SQLITE_OPEN_READONLY);
    EXPECT_EQ(evidence.Scalar("SELECT count(*) FROM outbox"), "8");
    EXPECT_EQ(evidence.Scalar("SELECT count(*) FROM outbox WHERE entity_id LIKE '%late-%'"), "3");
}

TEST(Database, AReadOnlyOpenCreatesNoWalOrShmFiles) {
    ck::test::TempDir dir;
    const auto path = dir / "kiosk.db";
    {
        auto db = Database::Open(path.string());
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(Enqueue(*db, MakeItem("kept"), T(0)).ok());
    }  // closed: checkpointed, -wal and -shm removed
    ASSERT_FALSE(fs::exists(path.string() + "-wal"));
    const auto before = ReadFile(path);
    {
        auto reader = Database::Open(path.string(), OpenMode::kReadOnly);
        ASSERT_TRUE(reader.ok()) << reader.error().message;
        auto counts = CountOutbox(*reader);
        ASSERT_TRUE(counts.ok());
        EXPECT_EQ(counts->pending, 1);
        EXPECT_FALSE(fs::exists(path.string() + "-wal"));
        EXPECT_FALSE(fs::exists(path.string() + "-shm"));
    }
    EXPECT_FALSE(fs::exists(path.string() + "-wal"));
    EXPECT_FALSE(fs::exists(path.string() + "-shm"));
    EXPECT_EQ(ReadFile(path), before);
}

TEST(Database, AReadOnlyOpenOfADamagedFileNamesThePath) {
    ck::test::TempDir dir;
    const auto path = dir / "kiosk.db";
    { std::ofstream(path, std::ios::binary) << std::string(8192, 'x'); }
    auto reader = Database::Open(path.string(), OpenMode::kReadOnly);
    ASSERT_FALSE(reader.ok());
    EXPECT_NE(reader.error().message.find(path.string()), std::string::npos) << reader.error().message;
    EXPECT_FALSE(fs::exists(path.string() + "-wal"));
    EXPECT_FALSE(fs::exists(path.string() + "-shm"));
}

TEST(Database, NewerSchemaIsRefusedAndLeftUntouched) {
    ck::test::TempDir dir;
    const auto path = dir / "kiosk.db";
    {
        auto db = Database::Open(path.string());
        ASSERT_TRUE(db.ok());
    }
    {
        RawDb raw(path);
        ASSERT_EQ(raw.Exec("PRAGMA user_version = 999"), "");
    }
    auto db = Database::Open(path.string());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "db.too_new");
    RawDb raw(path);
    EXPECT_EQ(raw.Scalar("PRAGMA user_version"), "999");
}

TEST(Database, ReadOnlyConnectionReadsButCannotWrite) {
    ck::test::TempDir dir;
    const auto path = (dir / "kiosk.db").string();
    auto writer = Database::Open(path);
    ASSERT_TRUE(writer.ok());
    auto reader = Database::Open(path, OpenMode::kReadOnly);
    ASSERT_TRUE(reader.ok()) << reader.error().message;

    ASSERT_TRUE(Enqueue(*writer, MakeItem("x"), T(0)).ok());
    auto counts = CountOutbox(*reader);  // WAL: the reader sees the committed write
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->pending, 1);

    auto st = PutSetting(*reader, "k", "v");
    ASSERT_FALSE(st.ok());
    EXPECT_FALSE(Enqueue(*reader, MakeItem("y"), T(0)).ok());
}

TEST(Database, ReadOnlyOpenOfAMissingOrOldStoreFails) {
    ck::test::TempDir dir;
    auto missing = Database::Open((dir / "absent.db").string(), OpenMode::kReadOnly);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "db.open");
    EXPECT_FALSE(fs::exists(dir / "absent.db"));

    {
        RawDb raw(dir / "old.db");
        ASSERT_EQ(raw.Exec(std::string(Migrations()[0]) + "PRAGMA user_version = 1;"), "");
    }
    auto old = Database::Open((dir / "old.db").string(), OpenMode::kReadOnly);
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.error().code, "db.schema_mismatch");
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
    ck::test::TempDir dir;
    auto db = Database::Open((dir / "kiosk.db").string());
    ASSERT_TRUE(db.ok());
    {
        Transaction tx(*db);
        ASSERT_TRUE(tx.began());
        ASSERT_TRUE(EnqueueInTransaction(*db, MakeItem("rolled-back"), T(0)).ok());
    }
    {
        Transaction tx(*db, Durability::kNormal);
        ASSERT_TRUE(EnqueueInTransaction(*db, MakeItem("kept"), T(0)).ok());
        ASSERT_TRUE(tx.Commit().ok());
        EXPECT_FALSE(tx.Commit().ok());  // twice is a programming error, reported
    }
    auto items = ListOutbox(*db, OutboxState::kPending, 10);
    ASSERT_TRUE(items.ok());
    ASSERT_EQ(items->size(), 1u);
    EXPECT_EQ(items->front().entity_id, "urn:ngsi-ld:CitizenIdea:kept");
}

TEST(Database, AWriterBlockedByAnotherFailsQuicklyInsteadOfHanging) {
    ck::test::TempDir dir;
    const auto path = dir / "kiosk.db";
    auto db = Database::Open(path.string());
    ASSERT_TRUE(db.ok());
    RawDb other(path);
    ASSERT_EQ(other.Exec("BEGIN IMMEDIATE"), "");
    const auto start = std::chrono::steady_clock::now();
    auto seq = Enqueue(*db, MakeItem("blocked"), T(0));
    const auto waited = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(seq.ok());
    EXPECT_EQ(seq.error().code, "db.busy");
    EXPECT_LT(waited, std::chrono::seconds(2));
    ASSERT_EQ(other.Exec("ROLLBACK"), "");
    EXPECT_TRUE(Enqueue(*db, MakeItem("later"), T(0)).ok());
}

}  // namespace
}  // namespace ck::cache

namespace ck::cache {
namespace {

int Synchronous(const Database& db) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db.handle(), "PRAGMA synchronous", -1, &stmt, nullptr);
    const int v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return v;
}

TEST(Database, VisitorAcknowledgedCommitsRunWithSynchronousFull) {
    ck::test::TempDir dir;
    auto db = Database::Open((dir / "kiosk.db").string());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Enqueue(*db, test::MakeItem("a"), test::T(0)).ok());
    EXPECT_EQ(Synchronous(*db), 2);  // FULL
    ASSERT_TRUE(ClaimBatch(*db, "ngsi", test::T(1), 1, 1 << 20).ok());
    EXPECT_EQ(Synchronous(*db), 1);  // NORMAL: the worker's bookkeeping
    ASSERT_TRUE(Enqueue(*db, test::MakeItem("b"), test::T(2)).ok());
    EXPECT_EQ(Synchronous(*db), 2);
}

// The counter the UI's zero-statements test relies on: every statement run counts, reads and writes alike,
// on this connection only, and the count survives moving the Database.
TEST(Database, CountsTheStatementsItRuns) {
    ck::test::TempDir dir;
    auto opened = Database::Open((dir / "kiosk.db").string());
    ASSERT_TRUE(opened.ok());
    Database db = std::move(*opened);
    auto other = Database::Open((dir / "kiosk.db").string());
    ASSERT_TRUE(other.ok());
    const std::int64_t start = db.statements_executed();
    EXPECT_GT(start, 0) << "opening runs the integrity check and the pragmas";
    ASSERT_TRUE(ListEntities(db, "WeatherObserved").ok());
    EXPECT_EQ(db.statements_executed(), start + 1);
    ASSERT_TRUE(ListEntities(db, "WeatherObserved").ok());
    EXPECT_EQ(db.statements_executed(), start + 2);
    const std::int64_t other_before = other->statements_executed();
    ASSERT_TRUE(Enqueue(*other, test::MakeItem("a"), test::T(0)).ok());
    EXPECT_GT(other->statements_executed(), other_before);
    EXPECT_EQ(db.statements_executed(), start + 2) << "another connection's statements are not ours";
}

}  // namespace
}  // namespace ck::cache
