#include "offline_cache/outbox.h"

#include <nlohmann/json.hpp>

#include <optional>

#include "sqlite_util.h"

namespace ck::cache {
namespace {

constexpr const char* kItemColumns =
    "seq, target, entity_id, entity_type, payload, state, attempts, created_ms, next_attempt_ms, last_error";

OutboxItem ReadItem(const Statement& s) {
    OutboxItem item;
    item.seq = s.Int64(0);
    item.target = s.Text(1);
    item.entity_id = s.Text(2);
    item.entity_type = s.Text(3);
    item.payload = s.Text(4);
    item.state = static_cast<OutboxState>(s.Int(5));
    item.attempts = s.Int(6);
    item.created = FromUnixMs(s.Int64(7));
    item.next_attempt = FromUnixMs(s.Int64(8));
    item.last_error = s.Text(9);
    return item;
}

// The payload must be the entity it claims to be: a JSON object whose id and type match the item. Checked
// here, at the visitor's moment, so a broken item never reaches the network.
Status ValidateItem(const NewOutboxItem& item) {
    if (item.target.empty()) return MakeError("outbox.invalid_item", "outbox item without a target");
    if (item.entity_id.empty() || item.entity_type.empty()) {
        return MakeError("outbox.invalid_item", "outbox item without entity id or type");
    }
    const auto json = nlohmann::json::parse(item.payload, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object())
        return MakeError("outbox.invalid_item", "payload of " + item.entity_id + " is not a JSON object");
    const auto id = json.find("id");
    const auto type = json.find("type");
    if (id == json.end() || !id->is_string() || id->get<std::string>() != item.entity_id) {
        return MakeError("outbox.invalid_item", "payload id does not match " + item.entity_id);
    }
    if (type == json.end() || !type->is_string() || type->get<std::string>() != item.entity_type) {
        return MakeError("outbox.invalid_item", "payload type does not match " + item.entity_type);
    }
    return {};
}

std::string IdList(const std::vector<std::int64_t>& seqs) {
    std::string list;
    for (const auto seq : seqs) {
        if (!list.empty()) list += ',';
        list += std::to_string(seq);
    }
    return list;
}

// Removes the personal attributes (e.g. contactEmail) from a delivered item's stored payload.
Status PurgePersonalAttributes(Database& db, const std::vector<std::int64_t>& seqs) {
    Statement select(db.handle(), "SELECT seq, payload, personal_attributes FROM outbox WHERE seq IN (" +
                                      IdList(seqs) + ") AND personal_attributes <> '[]'");
    std::vector<std::pair<std::int64_t, std::string>> purged;
    while (select.Step()) {
        auto payload = nlohmann::json::parse(select.Text(1), nullptr, false);
        const auto names = nlohmann::json::parse(select.Text(2), nullptr, false);
        if (!payload.is_object() || !names.is_array()) continue;
        for (const auto& name : names) {
            if (name.is_string()) payload.erase(name.get<std::string>());
        }
        purged.emplace_back(select.Int64(0), payload.dump());
    }
    if (!select.Succeeded()) return select.error();
    Statement update(db.handle(),
                     "UPDATE outbox SET payload = ?2, payload_bytes = length(CAST(?2 AS BLOB)), "
                     "personal_attributes = '[]' WHERE seq = ?1");
    for (const auto& [seq, payload] : purged) {
        update.Reset();
        update.Bind(1, seq).Bind(2, payload);
        if (!update.Run()) return update.error();
    }
    return {};
}

}  // namespace

const char* ToString(OutboxState s) {
    switch (s) {
        case OutboxState::kPending:
            return "pending";
        case OutboxState::kInFlight:
            return "in_flight";
        case OutboxState::kDelivered:
            return "delivered";
        case OutboxState::kDead:
            return "dead";
    }
    return "unknown";
}

Result<std::int64_t> EnqueueInTransaction(Database& db, const NewOutboxItem& item, TimePoint now) {
    if (auto st = ValidateItem(item); !st) return st.error();
    Statement s(
        db.handle(),
        "INSERT INTO outbox (target, entity_id, entity_type, payload, payload_bytes, personal_attributes, "
        "state, attempts, created_ms, next_attempt_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0, ?7, ?7)");
    s.Bind(1, item.target)
        .Bind(2, item.entity_id)
        .Bind(3, item.entity_type)
        .Bind(4, item.payload)
        .Bind(5, static_cast<std::int64_t>(item.payload.size()))
        .Bind(6, nlohmann::json(item.personal_attributes).dump())
        .Bind(7, ToUnixMs(now));
    if (!s.Run()) return s.error();
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle()));
}

Result<std::int64_t> Enqueue(Database& db, const NewOutboxItem& item, TimePoint now) {
    Transaction tx(db, Durability::kFull);
    auto seq = EnqueueInTransaction(db, item, now);
    if (!seq) return seq;
    if (auto st = tx.Commit(); !st) return st.error();
    return seq;
}

Result<std::vector<OutboxItem>> ClaimBatch(Database& db, const std::string& target, TimePoint now,
                                           int max_items, std::size_t max_bytes) {
    std::vector<OutboxItem> batch;
    if (max_items <= 0) return batch;
    Transaction tx(db, Durability::kNormal);
    {
        Statement s(db.handle(), std::string("SELECT ") + kItemColumns +
                                     ", payload_bytes FROM outbox WHERE target = ?1 AND state = 0 "
                                     "ORDER BY seq LIMIT ?2");
        s.Bind(1, target).Bind(2, max_items);
        std::size_t bytes = 0;
        while (s.Step()) {
            // Creation order per target: an item waiting for its retry time holds back the ones behind it.
            if (s.Int64(8) > ToUnixMs(now)) break;
            const auto size = static_cast<std::size_t>(s.Int64(10));
            // An item alone above the limit is still handed out alone, so the connector can declare it
            // dead instead of it blocking the queue forever.
            if (!batch.empty() && bytes + size > max_bytes) break;
            bytes += size;
            batch.push_back(ReadItem(s));
        }
        if (s.failed()) return s.error();  // stopping early (break) is not a failure
    }
    if (batch.empty()) return batch;
    std::vector<std::int64_t> seqs;
    for (auto& item : batch) {
        seqs.push_back(item.seq);
        item.state = OutboxState::kInFlight;
        ++item.attempts;
    }
    Statement mark(db.handle(), "UPDATE outbox SET state = 1, attempts = attempts + 1 WHERE seq IN (" +
                                    IdList(seqs) + ")");
    if (!mark.Run()) return mark.error();
    if (auto st = tx.Commit(); !st) return st.error();
    return batch;
}

Status RecoverInFlight(Database& db) {
    Transaction tx(db, Durability::kNormal);
    Statement s(db.handle(), "UPDATE outbox SET state = 0 WHERE state = 1");
    if (!s.Run()) return s.error();
    return tx.Commit();
}

Status MarkDelivered(Database& db, const std::vector<std::int64_t>& seqs, TimePoint now) {
    if (seqs.empty()) return {};
    // Full durability: the personal data purge must not come back after a power cut.
    Transaction tx(db, Durability::kFull);
    Statement s(db.handle(),
                "UPDATE outbox SET state = 2, delivered_ms = ?1, last_error = '' WHERE seq IN (" +
                    IdList(seqs) + ")");
    s.Bind(1, ToUnixMs(now));
    if (!s.Run()) return s.error();
    if (auto st = PurgePersonalAttributes(db, seqs); !st) return st;
    return tx.Commit();
}

Status MarkRetry(Database& db, const std::vector<std::int64_t>& seqs, TimePoint next_attempt,
                 const std::string& error) {
    if (seqs.empty()) return {};
    Transaction tx(db, Durability::kNormal);
    Statement s(db.handle(),
                "UPDATE outbox SET state = 0, next_attempt_ms = ?1, last_error = ?2 WHERE seq IN (" +
                    IdList(seqs) + ") AND state IN (0, 1)");
    s.Bind(1, ToUnixMs(next_attempt)).Bind(2, error);
    if (!s.Run()) return s.error();
    return tx.Commit();
}

Status MarkDead(Database& db, std::int64_t seq, const std::string& error) {
    Transaction tx(db, Durability::kFull);
    Statement s(db.handle(), "UPDATE outbox SET state = 3, last_error = ?2 WHERE seq = ?1");
    s.Bind(1, seq).Bind(2, error);
    if (!s.Run()) return s.error();
    // A rejected item will never be delivered: consented contact data has no purpose left here either.
    if (auto st = PurgePersonalAttributes(db, {seq}); !st) return st;
    return tx.Commit();
}

Result<OutboxCounts> CountOutbox(Database& db) {
    OutboxCounts counts;
    Statement s(db.handle(), "SELECT state, count(*) FROM outbox GROUP BY state");
    while (s.Step()) {
        const auto n = s.Int64(1);
        switch (s.Int(0)) {
            case 0:
                counts.pending = n;
                break;
            case 1:
                counts.in_flight = n;
                break;
            case 2:
                counts.delivered = n;
                break;
            case 3:
                counts.dead = n;
                break;
            default:
                break;
        }
    }
    if (!s.Succeeded()) return s.error();
    return counts;
}

Result<std::vector<OutboxItem>> ListOutbox(Database& db, OutboxState state, int limit) {
    std::vector<OutboxItem> items;
    Statement s(db.handle(), std::string("SELECT ") + kItemColumns +
                                 " FROM outbox WHERE state = ?1 ORDER BY seq LIMIT ?2");
    s.Bind(1, static_cast<int>(state)).Bind(2, limit);
    while (s.Step()) items.push_back(ReadItem(s));
    if (!s.Succeeded()) return s.error();
    return items;
}

Result<TimePoint> NextDueTime(Database& db) {
    // Only the oldest pending item of each target can go next (creation order), so only its time counts.
    Statement s(db.handle(),
                "SELECT min(o.next_attempt_ms) FROM outbox o WHERE o.state = 0 AND o.seq = "
                "(SELECT min(p.seq) FROM outbox p WHERE p.target = o.target AND p.state = 0)");
    std::optional<std::int64_t> due;
    while (s.Step()) {
        if (!s.IsNull(0)) due = s.Int64(0);
    }
    if (!s.Succeeded()) return s.error();
    if (!due) return MakeError("outbox.empty", "no pending outbox items");
    return FromUnixMs(*due);
}

Result<std::int64_t> PruneDelivered(Database& db, TimePoint before) {
    Transaction tx(db, Durability::kNormal);
    Statement s(db.handle(), "DELETE FROM outbox WHERE state = 2 AND delivered_ms < ?1");
    s.Bind(1, ToUnixMs(before));
    if (!s.Run()) return s.error();
    const auto removed = static_cast<std::int64_t>(sqlite3_changes(db.handle()));
    if (auto st = tx.Commit(); !st) return st.error();
    return removed;
}

}  // namespace ck::cache
