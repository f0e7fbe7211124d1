// Ideas and supports made at this kiosk. The domain (participation/) builds the entities; this file only
// stores them durably together with their outbox items.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"
#include "offline_cache/outbox.h"

namespace ck::cache {

struct LocalIdea {
    std::string entity_id;       // urn:ngsi-ld:CitizenIdea:<uuid>
    std::string reference_code;  // shown on the receipt
    std::string channel;         // "kiosk" or "paper"
    TimePoint created{};
};

// Idea row + outbox item in one transaction, committed with synchronous=FULL before it returns: only then
// may the receipt be shown. Fails (and stores nothing) if the reference code already exists.
Status CommitIdea(Database& db, const LocalIdea& idea, const NewOutboxItem& outbox_item, TimePoint now);
Result<std::int64_t> CountIdeasSince(Database& db, TimePoint since, const std::string& channel = "kiosk");
Result<bool> ReferenceCodeExists(Database& db, const std::string& reference_code);

struct LocalSupport {
    std::string entity_id;  // urn:ngsi-ld:IdeaSupport:<uuid>
    std::string idea_id;    // the supported CitizenIdea
    TimePoint created{};
};
Status CommitSupport(Database& db, const LocalSupport& support, const NewOutboxItem& outbox_item,
                     TimePoint now);
// Supports made here that the pulled idea's count may not include yet (not yet delivered).
Result<std::int64_t> CountUndeliveredSupports(Database& db, const std::string& idea_id);

}  // namespace ck::cache
