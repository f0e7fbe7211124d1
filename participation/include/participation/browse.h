// Browsing published ideas from the content cache. Only ideas with status "published" are listed: an idea
// submitted here appears only after central moderation published it and a pull brought it back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/content_cache.h"
#include "offline_cache/database.h"

namespace ck::part {

struct IdeaSummary {
    std::string id;
    std::string title;
    std::string description;
    std::string category;            // empty when absent
    std::string district;            // empty when absent
    TimePoint created{};             // epoch when absent
    std::int64_t support_count = 0;  // central count (+ local undelivered supports after LoadPublishedIdeas)
    std::string status;
};

// One cached normalized CitizenIdea. Missing optional attributes (description, category, district,
// dateCreated, supportCount) are tolerated; a wrong type, a missing title/status, an invalid id or text that
// fails sanitising are errors ("ideas.browse.invalid"). Text is passed through SanitizeText before display.
Result<IdeaSummary> ParsePublishedIdea(const cache::CachedEntity& entity);

enum class IdeaSort { kNewest, kMostSupported };
struct IdeaFilter {
    std::string category;  // empty = any
    std::string district;  // empty = any
};

// Pure: parses (skipping invalid entities), keeps status "published" matching the filter, sorts (ties: newer
// first, then id). Newest: by dateCreated; most supported: by support_count.
std::vector<IdeaSummary> ListPublishedIdeas(const std::vector<cache::CachedEntity>& entities,
                                            const IdeaFilter& filter, IdeaSort sort);
void SortIdeas(std::vector<IdeaSummary>& ideas, IdeaSort sort);

// For the screen: the cached CitizenIdea entities, filtered and sorted, with each support_count raised by the
// supports made here that are not delivered yet (CountUndeliveredSupports), so a support shows at once.
Result<std::vector<IdeaSummary>> LoadPublishedIdeas(cache::Database& db, const IdeaFilter& filter,
                                                    IdeaSort sort);
// The count to show for one idea after a support: central count + undelivered local supports.
Result<std::int64_t> ShownSupportCount(cache::Database& db, const IdeaSummary& idea);

}  // namespace ck::part
