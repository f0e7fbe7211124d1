// The small interface every central-service connector fits: NGSI-v2 (push and pull) today, CKAN and PVOG
// (pull only) later. A connector is plain data plus two functions, so a new one needs no class hierarchy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"
#include "offline_cache/outbox.h"

namespace ck::cache {

// What happened to a batch of outbox items. Every item of the batch is in exactly one of the three lists.
struct PushOutcome {
    std::vector<std::int64_t> delivered;
    std::vector<std::pair<std::int64_t, std::string>> dead;  // seq and the server's reason: never retried
    std::vector<std::int64_t> retry;                         // not delivered for a passing reason
    std::string transient_error;                             // that reason (set when retry is not empty)
    std::string transient_error_code;  // its stable code (http.connect, http.status, ...)
    std::optional<double> retry_after_s;                     // the server asked for this pause
    int requests = 0;                                        // HTTP requests made
};

struct PullOutcome {
    std::int64_t stored = 0;   // entities now in the cache
    std::int64_t skipped = 0;  // entities rejected by validation (each logged with its reason)
    // Pulls that failed (one per entity type, its cache left as it was); the others were still made.
    std::vector<Error> failures;
};

struct Connector {
    std::string name;  // = the outbox target it delivers ("ngsi")
    int max_batch_items = 100;
    std::size_t max_batch_bytes = 0;  // sum of payload bytes per ClaimBatch
    // Delivers one claimed batch. Empty for pull-only connectors (nothing is ever queued for them).
    std::function<PushOutcome(const std::vector<OutboxItem>& batch)> push;
    // Refreshes the cached content the connector owns, each kind of content on its own: one that fails is
    // listed in PullOutcome::failures with its cache left as it was, and the others are still pulled.
    // IsUnreachableError(code) tells "no answer" from "an answer that was unusable".
    std::function<Result<PullOutcome>(Database& db, TimePoint now)> pull;
    // Optional: true when a visitor waits for content, so the round pulls before the pull is due.
    std::function<bool()> pull_wanted;
    // Time between pulls; 0 = the sync settings' pull_interval_s. A connector with its own schedule inside
    // (live tiles, each on its refresh interval) asks to be called as often as its most frequent one.
    double pull_interval_s = 0;
};

}  // namespace ck::cache
