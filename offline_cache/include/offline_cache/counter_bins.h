// Passer-by count bins: updated at least once a minute so a crash loses at most the current minute.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"
#include "offline_cache/outbox.h"

namespace ck::cache {

struct CounterBin {
    std::string line;   // counting line name
    TimePoint start{};  // wall-clock bin start (UTC)
    TimePoint end{};
    std::int64_t positive = 0;
    std::int64_t negative = 0;
    bool closed = false;  // closed bins have been handed to the outbox
};

// Sets the running totals of an open bin (idempotent; called each minute and at shutdown).
Status SaveBin(Database& db, const CounterBin& bin);
// Many open bins in one transaction (an import, the demo's past weeks).
Status SaveBins(Database& db, const std::vector<CounterBin>& bins);
// Marks the bin closed and enqueues its entity in one transaction.
Status CloseBin(Database& db, const CounterBin& bin, const NewOutboxItem& outbox_item, TimePoint now);
Result<std::vector<CounterBin>> ListBins(Database& db, TimePoint since);
Result<std::vector<CounterBin>> ListOpenBins(Database& db);

}  // namespace ck::cache
