// One SQLite connection (RAII, one per thread) and an RAII transaction. Opening a read-write store runs the
// integrity check, moves a damaged file aside and applies the forward migrations.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct sqlite3;

namespace ck::cache {

enum class OpenMode { kReadWrite, kReadOnly };

// How hard a commit waits for the disk. kFull (fsync of the WAL on every commit) for anything acknowledged to
// a visitor or that must survive a power cut; kNormal (durable at the next checkpoint, never corrupt) for the
// worker's own bookkeeping, which it can redo.
enum class Durability { kFull, kNormal };

class Database {
  public:
    // kReadWrite: creates the file, WAL mode, foreign keys on, quick_check (a damaged file is renamed to
    // "<path>.damaged-<unix-ms>" and a fresh store created), then migrations to the current schema.
    // kReadOnly: for tools that only look (`civic-kiosk status`); the file must exist and be at the current
    // schema version. The UI thread has a read-write connection (it commits ideas and supports).
    static Result<Database> Open(const std::string& path, OpenMode mode = OpenMode::kReadWrite);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    // Set when Open() found a damaged file and moved it aside: the new path of the damaged file.
    const std::string& recovered_from() const { return recovered_from_; }
    // How many SQL statements this connection has started (each run of a prepared statement counts once;
    // statements inside triggers do not). Tests use it to prove that a code path does not touch the store.
    std::int64_t statements_executed() const { return statements_ ? statements_->load() : 0; }

    // Test seam: runs inside every commit of this connection, before the commit completes (a slow disk).
    // An empty function removes it.
    void SetCommitHookForTesting(std::function<void()> hook);

  private:
    friend class Transaction;
    Database(sqlite3* db, std::string path);
    void CountStatements();  // registers the trace callback on db_
    sqlite3* db_ = nullptr;
    std::string path_;
    // On the heap so that the address SQLite's trace callback holds survives moving the Database.
    std::unique_ptr<std::atomic<std::int64_t>> statements_;
    std::string recovered_from_;
    Durability synchronous_ = Durability::kFull;  // the connection's current PRAGMA synchronous
    std::unique_ptr<std::function<void()>> commit_hook_;  // heap: SQLite holds its address across moves
};

// BEGIN IMMEDIATE on construction; rolls back in the destructor unless Commit() succeeded.
// Commit() of a transaction that acknowledges something to a visitor runs with synchronous=FULL.
class Transaction {
  public:
    explicit Transaction(Database& db, Durability durability = Durability::kFull);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    bool began() const { return began_; }
    Status Commit();

  private:
    Database& db_;
    bool began_ = false;
    bool done_ = false;
    std::string begin_error_;
};

int CurrentSchemaVersion();

// The forward migrations: Migrations()[k] takes a store from schema version k to k+1 (so its size is
// CurrentSchemaVersion()). Exposed so tests can build a store at any earlier version.
const std::vector<std::string_view>& Migrations();

}  // namespace ck::cache
