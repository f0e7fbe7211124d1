#include "offline_cache/idea_store.h"

#include "sqlite_util.h"

namespace ck::cache {

Status CommitIdea(Database& db, const LocalIdea& idea, const NewOutboxItem& outbox_item, TimePoint now) {
    if (idea.entity_id != outbox_item.entity_id) {
        return MakeError("idea.invalid", "outbox item is not the idea's entity");
    }
    Transaction tx(db, Durability::kFull);
    auto seq = EnqueueInTransaction(db, outbox_item, now);
    if (!seq) return seq.error();
    Statement s(db.handle(),
                "INSERT INTO ideas (entity_id, reference_code, channel, created_ms, outbox_seq) "
                "VALUES (?1, ?2, ?3, ?4, ?5)");
    s.Bind(1, idea.entity_id)
        .Bind(2, idea.reference_code)
        .Bind(3, idea.channel)
        .Bind(4, ToUnixMs(idea.created));
    s.Bind(5, *seq);
    if (!s.Run()) {
        if (s.error().code == "db.constraint") {
            return MakeError("idea.duplicate", "an idea with this id or reference code already exists");
        }
        return s.error();
    }
    return tx.Commit();
}

Result<std::int64_t> CountIdeasSince(Database& db, TimePoint since, const std::string& channel) {
    Statement s(db.handle(), "SELECT count(*) FROM ideas WHERE channel = ?1 AND created_ms >= ?2");
    s.Bind(1, channel).Bind(2, ToUnixMs(since));
    std::int64_t n = 0;
    while (s.Step()) n = s.Int64(0);
    if (!s.Succeeded()) return s.error();
    return n;
}

Result<bool> ReferenceCodeExists(Database& db, const std::string& reference_code) {
    Statement s(db.handle(), "SELECT 1 FROM ideas WHERE reference_code = ?1");
    s.Bind(1, reference_code);
    bool found = false;
    while (s.Step()) found = true;
    if (!s.Succeeded()) return s.error();
    return found;
}

Status CommitSupport(Database& db, const LocalSupport& support, const NewOutboxItem& outbox_item,
                     TimePoint now) {
    if (support.entity_id != outbox_item.entity_id) {
        return MakeError("support.invalid", "outbox item is not the support's entity");
    }
    Transaction tx(db, Durability::kFull);
    auto seq = EnqueueInTransaction(db, outbox_item, now);
    if (!seq) return seq.error();
    Statement s(db.handle(),
                "INSERT INTO supports (entity_id, idea_id, created_ms, outbox_seq) VALUES (?1, ?2, ?3, ?4)");
    s.Bind(1, support.entity_id).Bind(2, support.idea_id).Bind(3, ToUnixMs(support.created)).Bind(4, *seq);
    if (!s.Run()) {
        if (s.error().code == "db.constraint") {
            return MakeError("support.duplicate", "a support with this id already exists");
        }
        return s.error();
    }
    return tx.Commit();
}

Result<std::int64_t> CountUndeliveredSupports(Database& db, const std::string& idea_id) {
    // Pending or in flight only: a dead support will never reach the central count, so it is not shown.
    Statement s(db.handle(),
                "SELECT count(*) FROM supports s JOIN outbox o ON o.seq = s.outbox_seq "
                "WHERE s.idea_id = ?1 AND o.state IN (0, 1)");
    s.Bind(1, idea_id);
    std::int64_t n = 0;
    while (s.Step()) n = s.Int64(0);
    if (!s.Succeeded()) return s.error();
    return n;
}

}  // namespace ck::cache
