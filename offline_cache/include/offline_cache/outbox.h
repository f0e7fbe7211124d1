// The durable outbox: everything the kiosk must deliver to a central service. Items are delivered in
// creation order per target, exactly once in effect (deterministic entity ids + idempotent upsert).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::cache {

enum class OutboxState { kPending, kInFlight, kDelivered, kDead };
const char* ToString(OutboxState s);

struct NewOutboxItem {
    std::string target = "ngsi";                   // connector name
    std::string entity_id;                         // deterministic, e.g. urn:ngsi-ld:CitizenIdea:<uuid>
    std::string entity_type;                       // e.g. CitizenIdea
    std::string payload;                           // the normalized NGSI-v2 entity as JSON text
    std::vector<std::string> personal_attributes;  // attribute names purged from payload after delivery
};

struct OutboxItem {
    std::int64_t seq = 0;  // creation order
    std::string target;
    std::string entity_id;
    std::string entity_type;
    std::string payload;
    OutboxState state = OutboxState::kPending;
    int attempts = 0;
    TimePoint created{};
    TimePoint next_attempt{};
    std::string last_error;
};

struct OutboxCounts {
    std::int64_t pending = 0, in_flight = 0, delivered = 0, dead = 0;
};

// Enqueue inside the caller's Transaction (e.g. an idea and its outbox item commit together)...
Result<std::int64_t> EnqueueInTransaction(Database& db, const NewOutboxItem& item, TimePoint now);
// ...or in its own fsync'd transaction.
Result<std::int64_t> Enqueue(Database& db, const NewOutboxItem& item, TimePoint now);

// Up to max_items pending items of target whose next attempt is due, oldest first, whose payloads together
// stay under max_bytes; they are marked in-flight. Items left in-flight by a crash are pending again after
// RecoverInFlight() (called by the worker at start).
Result<std::vector<OutboxItem>> ClaimBatch(Database& db, const std::string& target, TimePoint now,
                                           int max_items, std::size_t max_bytes);
Status RecoverInFlight(Database& db);
Status MarkDelivered(Database& db, const std::vector<std::int64_t>& seqs, TimePoint now);
Status MarkRetry(Database& db, const std::vector<std::int64_t>& seqs, TimePoint next_attempt,
                 const std::string& error);
Status MarkDead(Database& db, std::int64_t seq, const std::string& error);

Result<OutboxCounts> CountOutbox(Database& db);
Result<std::vector<OutboxItem>> ListOutbox(Database& db, OutboxState state, int limit);
// Earliest next_attempt among pending items (to sleep until then); nullopt-like: error code "outbox.empty".
Result<TimePoint> NextDueTime(Database& db);
// Deletes delivered items older than `before`.
Result<std::int64_t> PruneDelivered(Database& db, TimePoint before);

}  // namespace ck::cache
