#include "offline_cache/database.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "core/quote.h"
#include "core/time.h"
#include "sqlite_util.h"

namespace ck::cache {
namespace {

// Short on purpose: every transaction in this store is small, and no thread may wait long for another
// (the UI thread waits at most about a frame; writers retry on their next round).
constexpr int kBusyTimeoutMs = 250;

// Append-only. Never edit a shipped entry: add a new one (kiosks in the field upgrade step by step).
const std::vector<std::string_view> kMigrations = {
    // v0 -> v1: the outbox and key/value settings.
    R"sql(
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    target          TEXT    NOT NULL,
    entity_id       TEXT    NOT NULL,
    entity_type     TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    personal_attributes TEXT NOT NULL DEFAULT '[]',
    state           INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_ms      INTEGER NOT NULL,
    next_attempt_ms INTEGER NOT NULL,
    delivered_ms    INTEGER,
    last_error      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_by_target_state ON outbox (target, state, seq);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql",
    // v1 -> v2: cached central entities (live data, published ideas).
    R"sql(
CREATE TABLE entities (
    id         TEXT PRIMARY KEY,
    type       TEXT    NOT NULL,
    json       TEXT    NOT NULL,
    fetched_ms INTEGER NOT NULL
);
CREATE INDEX entities_by_type ON entities (type);
)sql",
    // v2 -> v3: ideas and supports made at this kiosk, each tied to its outbox item.
    R"sql(
CREATE TABLE ideas (
    entity_id      TEXT PRIMARY KEY,
    reference_code TEXT    NOT NULL UNIQUE,
    channel        TEXT    NOT NULL,
    created_ms     INTEGER NOT NULL,
    outbox_seq     INTEGER REFERENCES outbox (seq) ON DELETE SET NULL
);
CREATE INDEX ideas_by_created ON ideas (channel, created_ms);
CREATE TABLE supports (
    entity_id  TEXT PRIMARY KEY,
    idea_id    TEXT    NOT NULL,
    created_ms INTEGER NOT NULL,
    outbox_seq INTEGER REFERENCES outbox (seq) ON DELETE SET NULL
);
CREATE INDEX supports_by_idea ON supports (idea_id);
)sql",
    // v3 -> v4: passer-by count bins.
    R"sql(
CREATE TABLE counter_bins (
    line     TEXT    NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms   INTEGER NOT NULL,
    positive INTEGER NOT NULL DEFAULT 0,
    negative INTEGER NOT NULL DEFAULT 0,
    closed   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (line, start_ms)
);
)sql",
    // v4 -> v5: payload size kept beside the payload so ClaimBatch can fill a request without reading
    // every payload; backfilled for items already queued.
    R"sql(
ALTER TABLE outbox ADD COLUMN payload_bytes INTEGER NOT NULL DEFAULT 0;
UPDATE outbox SET payload_bytes = length(CAST(payload AS BLOB));
)sql",
    // v5 -> v6: the PVOG service catalogue of a region and the cached service descriptions.
    R"sql(
CREATE TABLE pvog_services (
    ars     TEXT NOT NULL,
    id      TEXT NOT NULL,
    updated TEXT NOT NULL,
    json    TEXT NOT NULL,
    PRIMARY KEY (ars, id)
);
CREATE TABLE pvog_details (
    id                TEXT    NOT NULL,
    language          TEXT    NOT NULL,
    last_update       TEXT    NOT NULL,
    catalogue_updated TEXT    NOT NULL,
    json              TEXT    NOT NULL,
    fetched_ms        INTEGER NOT NULL,
    PRIMARY KEY (id, language)
);
)sql",
    // v6 -> v7: live tiles (the latest value per tile and entity, entities that stopped appearing marked
    // gone), their history (one point per observation time, pruned by the worker) and the CKAN datasets.
    R"sql(
CREATE TABLE live_values (
    tile        TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    json        TEXT    NOT NULL,
    observed_ms INTEGER NOT NULL,
    fetched_ms  INTEGER NOT NULL,
    gone_ms     INTEGER,
    PRIMARY KEY (tile, entity_id)
);
CREATE TABLE live_history (
    tile        TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    observed_ms INTEGER NOT NULL,
    value       REAL    NOT NULL,
    PRIMARY KEY (tile, entity_id, observed_ms)
) WITHOUT ROWID;
CREATE INDEX live_history_by_time ON live_history (observed_ms);
CREATE TABLE ckan_datasets (
    id         TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    json       TEXT    NOT NULL,
    fetched_ms INTEGER NOT NULL
);
)sql",
};

Result<int> ReadUserVersion(sqlite3* db) {
    Statement s(db, "PRAGMA user_version");
    int version = 0;
    while (s.Step()) version = s.Int(0);
    if (!s.Succeeded()) return s.error();
    return version;
}

// "ok", or the first problem quick_check reports, or the open/read error (a garbage file fails here with
// SQLITE_NOTADB). Busy/locked files are not damage: those come back as an Error instead.
Result<std::string> QuickCheck(sqlite3* db) {
    Statement s(db, "PRAGMA quick_check");
    std::string first;
    while (s.Step()) {
        if (first.empty()) first = s.Text(0);
    }
    if (s.Succeeded()) return first.empty() ? std::string("ok") : first;
    const int code = s.result_code() & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return s.error().message;
    return s.error();
}

// name: the path, or a file: URI of it (then flags include SQLITE_OPEN_URI); errors name the path.
Result<sqlite3*> OpenHandle(const std::string& path, int flags, const std::string& name = {}) {
    sqlite3* db = nullptr;
    const std::string& open_name = name.empty() ? path : name;
    const int rc = sqlite3_open_v2(open_name.c_str(), &db, flags | SQLITE_OPEN_NOFOLLOW, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return MakeError("db.open", "cannot open " + QuoteInput(path) + ": " + message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    return db;
}

// Renames the damaged file with its -wal and -shm aside, untouched, so the committed data still in the WAL
// can be recovered from the set ("<aside>", "<aside>-wal", "<aside>-shm": the names SQLite looks for).
Result<std::string> MoveAside(const std::string& path) {
    namespace fs = std::filesystem;
    const std::string aside = path + ".damaged-" + std::to_string(ToUnixMs(Now()));
    std::error_code ec;
    fs::rename(path, aside, ec);
    if (ec)
        return MakeError("db.recover",
                         "cannot move damaged store " + QuoteInput(path) + " aside: " + ec.message());
    for (const char* suffix : {"-wal", "-shm"}) {
        if (!fs::exists(path + suffix, ec)) continue;
        fs::rename(path + suffix, aside + suffix, ec);
        // A WAL left behind would be applied to the fresh store: refuse to start one over it.
        if (ec) {
            return MakeError("db.recover", "cannot move " + QuoteInput(path + suffix) +
                                               " aside with its store: " + ec.message());
        }
    }
    return aside;
}

// "file:" URI of a path (for query parameters such as immutable=1): %, ? and # are escaped.
std::string FileUri(const std::string& path) {
    std::string uri = "file:";
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            static constexpr char kHex[] = "0123456789ABCDEF";
            uri += '%';
            uri += kHex[(static_cast<unsigned char>(c) >> 4) & 15];
            uri += kHex[static_cast<unsigned char>(c) & 15];
        } else {
            uri += c;
        }
    }
    return uri;
}

Status Migrate(sqlite3* db, const std::string& path) {
    auto version = ReadUserVersion(db);
    if (!version) return version.error();
    const int current = CurrentSchemaVersion();
    if (*version > current) {
        return MakeError("db.too_new", path + " has schema version " + std::to_string(*version) +
                                           ", this build knows up to " + std::to_string(current));
    }
    for (int v = *version; v < current; ++v) {
        // One transaction per step: a crash mid-migration leaves the store at the previous version.
        if (auto st = Exec(db, "BEGIN IMMEDIATE"); !st) return st;
        std::string sql(kMigrations[static_cast<std::size_t>(v)]);
        sql += "\nPRAGMA user_version = " + std::to_string(v + 1) + ";";
        if (auto st = Exec(db, sql.c_str()); !st) {
            (void)Exec(db, "ROLLBACK");
            return MakeError("db.migration", "migration to schema version " + std::to_string(v + 1) +
                                                 " failed: " + st.error().message);
        }
        if (auto st = Exec(db, "COMMIT"); !st) {
            (void)Exec(db, "ROLLBACK");
            return st;
        }
        if (*version > 0) spdlog::info("offline_cache: store migrated to schema version {}", v + 1);
    }
    return {};
}

Status Configure(sqlite3* db) {
    // journal_mode returns a row; the others do not. WAL lets the UI read while the worker writes.
    Statement wal(db, "PRAGMA journal_mode=WAL");
    std::string mode;
    while (wal.Step()) mode = wal.Text(0);
    if (!wal.Succeeded()) return wal.error();
    if (mode != "wal") return MakeError("db.open", "cannot switch the store to WAL mode (got " + mode + ")");
    // secure_delete: purged personal attributes are overwritten in the file, not just unlinked.
    return Exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;");
}

}  // namespace

int CurrentSchemaVersion() {
    return static_cast<int>(kMigrations.size());
}
const std::vector<std::string_view>& Migrations() {
    return kMigrations;
}

Result<Database> Database::Open(const std::string& path, OpenMode mode) {
    if (mode == OpenMode::kReadOnly) {
        // A reader of a WAL store needs its -wal and -shm and creates them when they are missing, which a
        // tool that only looks must not do. Without them (no writer is open, the last one checkpointed on
        // close) the main file holds everything: it is read as immutable, which creates nothing.
        namespace fs = std::filesystem;
        std::error_code ec;
        if (!fs::exists(path, ec))
            return MakeError("db.open", "cannot open " + QuoteInput(path) + ": no such file");
        const bool wal_present = fs::exists(path + "-wal", ec) && fs::exists(path + "-shm", ec);
        auto handle = wal_present ? OpenHandle(path, SQLITE_OPEN_READONLY)
                                  : OpenHandle(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                                               FileUri(path) + "?immutable=1");
        if (!handle) return handle.error();
        Database db(*handle, path);
        auto version = ReadUserVersion(db.db_);
        // A damaged file fails here ("file is not a database"): say which file.
        if (!version)
            return MakeError(version.error().code, QuoteInput(path) + ": " + version.error().message);
        if (*version != CurrentSchemaVersion()) {
            return MakeError("db.schema_mismatch", path + " is at schema version " +
                                                       std::to_string(*version) + ", expected " +
                                                       std::to_string(CurrentSchemaVersion()));
        }
        if (auto st = Exec(db.db_, "PRAGMA foreign_keys=ON"); !st) return st.error();
        return db;
    }

    auto handle = OpenHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!handle) return handle.error();
    Database db(*handle, path);
    auto check = QuickCheck(db.db_);
    if (!check) return check.error();
    if (*check != "ok") {
        // Closing would checkpoint the WAL into the damaged file and delete it: the evidence (and the
        // committed data still in the WAL) must move aside as it is.
        sqlite3_db_config(db.db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_close(db.db_);
        db.db_ = nullptr;
        auto aside = MoveAside(path);
        if (!aside) return aside.error();
        spdlog::error(
            "offline_cache: store {} failed its integrity check ({}); moved it to {} and started a "
            "fresh store (queued items in the old file are not delivered automatically)",
            path, *check, *aside);
        handle = OpenHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!handle) return handle.error();
        db.db_ = *handle;
        db.CountStatements();
        db.recovered_from_ = *aside;
    }
    if (auto st = Configure(db.db_); !st) return st.error();
    if (auto st = Migrate(db.db_, path); !st) return st.error();
    return db;
}

Database::Database(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), statements_(std::make_unique<std::atomic<std::int64_t>>(0)) {
    CountStatements();
}

void Database::CountStatements() {
    // SQLITE_TRACE_STMT fires when a statement starts running; statements run by a trigger arrive as a
    // "--" comment and are part of the statement that fired the trigger.
    sqlite3_trace_v2(
        db_, SQLITE_TRACE_STMT,
        [](unsigned, void* counter, void*, void* sql) -> int {
            const char* text = static_cast<const char*>(sql);
            if (!(text && text[0] == '-' && text[1] == '-'))
                static_cast<std::atomic<std::int64_t>*>(counter)->fetch_add(1);
            return 0;
        },
        statements_.get());
}

Database::Database(Database&& other) noexcept
    : db_(other.db_),
      path_(std::move(other.path_)),
      statements_(std::move(other.statements_)),
      recovered_from_(std::move(other.recovered_from_)),
      synchronous_(other.synchronous_),
      commit_hook_(std::move(other.commit_hook_)) {
    other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close(db_);
        db_ = other.db_;
        path_ = std::move(other.path_);
        recovered_from_ = std::move(other.recovered_from_);
        statements_ = std::move(other.statements_);
        synchronous_ = other.synchronous_;
        commit_hook_ = std::move(other.commit_hook_);
        other.db_ = nullptr;
    }
    return *this;
}

void Database::SetCommitHookForTesting(std::function<void()> hook) {
    if (!db_) return;
    if (!hook) {
        sqlite3_commit_hook(db_, nullptr, nullptr);
        commit_hook_.reset();
        return;
    }
    commit_hook_ = std::make_unique<std::function<void()>>(std::move(hook));
    sqlite3_commit_hook(
        db_,
        [](void* hook) {
            (*static_cast<std::function<void()>*>(hook))();
            return 0;  // 0: let the commit go on
        },
        commit_hook_.get());
}

Database::~Database() {
    // sqlite3_close (not _v2) fails if statements are unfinalized; Statement is RAII so none can be.
    sqlite3_close(db_);
}

Transaction::Transaction(Database& db, Durability durability) : db_(db) {
    // PRAGMA synchronous cannot change inside a transaction, so it is set (only when different) before BEGIN.
    if (db_.synchronous_ != durability) {
        const char* sql =
            durability == Durability::kFull ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
        if (auto st = Exec(db_.db_, sql); !st) {
            begin_error_ = st.error().message;
            return;
        }
        db_.synchronous_ = durability;
    }
    if (auto st = Exec(db_.db_, "BEGIN IMMEDIATE"); !st) {
        begin_error_ = st.error().message;
        return;
    }
    began_ = true;
}

Transaction::~Transaction() {
    if (began_ && !done_) (void)Exec(db_.db_, "ROLLBACK");
}

Status Transaction::Commit() {
    if (!began_) return MakeError("db.busy", "transaction did not begin: " + begin_error_);
    if (done_) return MakeError("db.error", "transaction already finished");
    auto st = Exec(db_.db_, "COMMIT");
    if (!st) return st;  // the destructor rolls back
    done_ = true;
    return {};
}

}  // namespace ck::cache
