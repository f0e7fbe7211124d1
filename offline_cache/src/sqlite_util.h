// Private SQLite helpers: an RAII prepared statement and one-shot execution. Nothing outside offline_cache/
// sees these; other modules call the typed repository functions.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ck::cache {

// Prepared statement, finalized on destruction. Errors are sticky: a failed prepare or bind makes Step()
// return false and Succeeded() false, so call sites read as
//   Statement s(db, "SELECT ..."); s.Bind(1, x); while (s.Step()) {...} return s.Succeeded();
class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql) : db_(db) {
        rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
        if (rc_ != SQLITE_OK) Fail();
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& Bind(int index, std::int64_t v) { return Check(sqlite3_bind_int64(stmt_, index, v)); }
    Statement& Bind(int index, int v) { return Check(sqlite3_bind_int64(stmt_, index, v)); }
    Statement& Bind(int index, double v) { return Check(sqlite3_bind_double(stmt_, index, v)); }
    Statement& Bind(int index, std::string_view v) {
        return Check(sqlite3_bind_text64(stmt_, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    Statement& Bind(int index, const std::string& v) { return Bind(index, std::string_view(v)); }
    Statement& Bind(int index, const char* v) { return Bind(index, std::string_view(v)); }
    Statement& BindNull(int index) { return Check(sqlite3_bind_null(stmt_, index)); }

    // True while a row is available; false when done or on error (see Succeeded()).
    bool Step() {
        if (failed_ || done_) return false;
        rc_ = sqlite3_step(stmt_);
        if (rc_ == SQLITE_ROW) return true;
        if (rc_ == SQLITE_DONE) {
            done_ = true;
        } else {
            Fail();
        }
        return false;
    }
    // Runs a statement that returns no rows (or ignores them).
    bool Run() {
        while (Step()) {
        }
        return Succeeded();
    }
    // Reuse with new bindings.
    void Reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        done_ = false;
    }
    bool Succeeded() const { return !failed_ && done_; }
    bool failed() const { return failed_; }

    std::int64_t Int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    int Int(int col) const { return sqlite3_column_int(stmt_, col); }
    double Double(int col) const { return sqlite3_column_double(stmt_, col); }
    bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string Text(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
    }

    int result_code() const { return rc_; }
    // The failure as an Error ("db.busy", "db.constraint", "db.error"); call only when !Succeeded().
    Error error() const {
        if (!failed_) return MakeError("db.error", "statement did not run to completion");
        return MakeError(CodeFor(rc_), message_);
    }
    Status status() const { return Succeeded() ? Status() : Status(error()); }

    static std::string CodeFor(int rc) {
        switch (rc & 0xff) {
            case SQLITE_BUSY:
            case SQLITE_LOCKED:
                return "db.busy";
            case SQLITE_CONSTRAINT:
                return "db.constraint";
            case SQLITE_CORRUPT:
            case SQLITE_NOTADB:
                return "db.corrupt";
            case SQLITE_FULL:
                return "db.full";
            case SQLITE_READONLY:
                return "db.readonly";
            default:
                return "db.error";
        }
    }

  private:
    Statement& Check(int rc) {
        if (!failed_ && rc != SQLITE_OK) {
            rc_ = rc;
            Fail();
        }
        return *this;
    }
    void Fail() {
        failed_ = true;
        const std::string generic = sqlite3_errstr(rc_);
        const std::string specific = db_ ? sqlite3_errmsg(db_) : generic;
        message_ = specific == generic ? generic : generic + ": " + specific;
    }

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
    bool failed_ = false;
    bool done_ = false;
    std::string message_;
};

// Runs one or more statements without results (DDL, PRAGMAs with no interesting output).
inline Status Exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return {};
    std::string message = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return MakeError(Statement::CodeFor(rc), message);
}

}  // namespace ck::cache
