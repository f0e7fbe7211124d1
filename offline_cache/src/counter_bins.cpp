#include "offline_cache/counter_bins.h"

#include "sqlite_util.h"

namespace ck::cache {
namespace {

constexpr const char* kBinColumns = "line, start_ms, end_ms, positive, negative, closed";

CounterBin ReadBin(const Statement& s) {
    CounterBin bin;
    bin.line = s.Text(0);
    bin.start = FromUnixMs(s.Int64(1));
    bin.end = FromUnixMs(s.Int64(2));
    bin.positive = s.Int64(3);
    bin.negative = s.Int64(4);
    bin.closed = s.Int(5) != 0;
    return bin;
}

Status ValidateBin(const CounterBin& bin) {
    if (bin.line.empty()) return MakeError("counter.invalid_bin", "bin without a line name");
    if (bin.end <= bin.start) return MakeError("counter.invalid_bin", "bin ends before it starts");
    if (bin.positive < 0 || bin.negative < 0) return MakeError("counter.invalid_bin", "negative count");
    return {};
}

// Writes the totals of a bin that is still open; a closed bin is never changed again (its entity is queued).
Status UpsertOpenBin(Database& db, const CounterBin& bin, bool close) {
    Statement s(db.handle(),
                "INSERT INTO counter_bins (line, start_ms, end_ms, positive, negative, closed) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (line, start_ms) DO UPDATE SET "
                "end_ms = excluded.end_ms, positive = excluded.positive, negative = excluded.negative, "
                "closed = excluded.closed WHERE closed = 0");
    s.Bind(1, bin.line).Bind(2, ToUnixMs(bin.start)).Bind(3, ToUnixMs(bin.end));
    s.Bind(4, bin.positive).Bind(5, bin.negative).Bind(6, close ? 1 : 0);
    if (!s.Run()) return s.error();
    if (sqlite3_changes(db.handle()) == 0) {
        return MakeError("counter.already_closed", "bin " + bin.line + " is already closed");
    }
    return {};
}

}  // namespace

Status SaveBin(Database& db, const CounterBin& bin) {
    if (auto st = ValidateBin(bin); !st) return st;
    // Full durability: this is the once-a-minute checkpoint that bounds what a power cut can lose.
    Transaction tx(db, Durability::kFull);
    if (auto st = UpsertOpenBin(db, bin, false); !st) return st;
    return tx.Commit();
}

Status SaveBins(Database& db, const std::vector<CounterBin>& bins) {
    for (const auto& bin : bins)
        if (auto st = ValidateBin(bin); !st) return st;
    Transaction tx(db, Durability::kFull);
    for (const auto& bin : bins)
        if (auto st = UpsertOpenBin(db, bin, false); !st) return st;
    return tx.Commit();
}

Status CloseBin(Database& db, const CounterBin& bin, const NewOutboxItem& outbox_item, TimePoint now) {
    if (auto st = ValidateBin(bin); !st) return st;
    Transaction tx(db, Durability::kFull);
    if (auto st = UpsertOpenBin(db, bin, true); !st) return st;
    auto seq = EnqueueInTransaction(db, outbox_item, now);
    if (!seq) return seq.error();
    return tx.Commit();
}

Result<std::vector<CounterBin>> ListBins(Database& db, TimePoint since) {
    std::vector<CounterBin> out;
    Statement s(db.handle(), std::string("SELECT ") + kBinColumns +
                                 " FROM counter_bins WHERE start_ms >= ?1 ORDER BY start_ms, line");
    s.Bind(1, ToUnixMs(since));
    while (s.Step()) out.push_back(ReadBin(s));
    if (!s.Succeeded()) return s.error();
    return out;
}

Result<std::vector<CounterBin>> ListOpenBins(Database& db) {
    std::vector<CounterBin> out;
    Statement s(db.handle(), std::string("SELECT ") + kBinColumns +
                                 " FROM counter_bins WHERE closed = 0 ORDER BY start_ms, line");
    while (s.Step()) out.push_back(ReadBin(s));
    if (!s.Succeeded()) return s.error();
    return out;
}

}  // namespace ck::cache
