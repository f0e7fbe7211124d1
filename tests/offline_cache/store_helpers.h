// Helpers for the offline_cache suites: raw SQLite access (to inspect or damage a store the way the code
// under test never would) and small entity builders.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "core/time.h"
#include "offline_cache/outbox.h"

namespace ck::cache::test {

// A raw connection, independent of the code under test.
class RawDb {
  public:
    explicit RawDb(const std::filesystem::path& path,
                   int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
        sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    }
    ~RawDb() { sqlite3_close(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    sqlite3* get() const { return db_; }
    // Runs SQL; returns the error text (empty on success).
    std::string Exec(const std::string& sql) const {
        char* err = nullptr;
        const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
        std::string message = rc == SQLITE_OK ? "" : (err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        return message;
    }
    // First column of the first row as text ("" when no row).
    std::string Scalar(const std::string& sql) const {
        sqlite3_stmt* stmt = nullptr;
        std::string out;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            out = p ? p : "";
        }
        sqlite3_finalize(stmt);
        return out;
    }

  private:
    sqlite3* db_ = nullptr;
};

inline NewOutboxItem MakeItem(const std::string& uuid, const std::string& type = "CitizenIdea",
                              const std::string& target = "ngsi") {
    NewOutboxItem item;
    item.target = target;
    item.entity_type = type;
    item.entity_id = "urn:ngsi-ld:" + type + ":" + uuid;
    item.payload = R"({"id":")" + item.entity_id + R"(","type":")" + type +
                   R"(","title":{"type":"TextUnrestricted","value":"Mehr Bänke am Markt"}})";
    return item;
}

inline TimePoint T(std::int64_t seconds) {
    return FromUnixMs(1'790'000'000'000 + seconds * 1000);
}

}  // namespace ck::cache::test
