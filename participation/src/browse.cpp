#include "participation/browse.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "ngsi/entity.h"
#include "offline_cache/idea_store.h"
#include "participation/idea.h"
#include "participation/text.h"

namespace ck::part {
namespace {

using nlohmann::json;

Error Invalid(const std::string& why) {
    return MakeError("ideas.browse.invalid", "CitizenIdea: " + why);
}

// A text attribute, sanitised like visitor input (central moderators may edit, so limits are the caller's).
Result<std::string> TextAttr(const ngsi::EntityView& e, const char* name, bool required, const TextLimits& limits) {
    Result<std::optional<std::string>> v = ngsi::TextValue(e, name);
    if (!v) return Invalid(std::string(name) + " must be a string");
    if (!*v) {
        if (required) return Invalid(std::string(name) + " missing");
        return std::string();
    }
    Result<std::string> clean = SanitizeText(**v, limits);
    if (!clean) return Invalid(std::string(name) + ": " + clean.error().message);
    return *clean;
}

}  // namespace

Result<IdeaSummary> ParsePublishedIdea(const cache::CachedEntity& entity) {
    Result<json> parsed = ngsi::ParseJsonBounded(entity.json);
    if (!parsed || !parsed->is_object()) return Invalid("not a JSON object");
    Result<ngsi::EntityView> view = ngsi::ParseEntity(*parsed);
    if (!view) return Invalid(view.error().message);
    const ngsi::EntityView& e = *view;
    if (!IsValidIdeaId(e.id)) return Invalid("invalid id");
    if (e.type != "CitizenIdea") return Invalid("wrong type");

    IdeaSummary s;
    s.id = e.id;
    // Central moderators may edit, so display limits are looser than the ones for entry.
    TextLimits title_limits = TitleLimits();
    title_limits.max_graphemes = 300;
    TextLimits description_limits = DescriptionLimits();
    description_limits.max_graphemes = 4000;
    description_limits.required = false;
    TextLimits key_limits;
    key_limits.field = "key";
    key_limits.required = false;

    Result<std::string> title = TextAttr(e, "title", true, title_limits);
    if (!title) return title.error();
    s.title = std::move(*title);
    Result<std::string> description = TextAttr(e, "description", false, description_limits);
    if (!description) return description.error();
    s.description = std::move(*description);
    Result<std::string> category = TextAttr(e, "category", false, key_limits);
    if (!category) return category.error();
    s.category = std::move(*category);
    Result<std::string> district = TextAttr(e, "district", false, key_limits);
    if (!district) return district.error();
    s.district = std::move(*district);
    Result<std::string> status = TextAttr(e, "status", true, key_limits);
    if (!status) return status.error();
    s.status = std::move(*status);

    Result<std::optional<TimePoint>> created = ngsi::DateTimeValue(e, "dateCreated");
    if (!created) return Invalid("dateCreated is not an ISO 8601 time");
    if (*created) s.created = **created;
    // Orion stores numbers as doubles: 12.0 is a count, 1.5 or -3 is not.
    Result<std::optional<std::int64_t>> count = ngsi::IntegerValue(e, "supportCount");
    if (!count) return Invalid("supportCount must be a whole number");
    if (*count) {
        if (**count < 0 || **count > 1'000'000'000'000) return Invalid("supportCount out of range");
        s.support_count = **count;
    }
    return s;
}

void SortIdeas(std::vector<IdeaSummary>& ideas, IdeaSort sort) {
    std::sort(ideas.begin(), ideas.end(), [sort](const IdeaSummary& a, const IdeaSummary& b) {
        if (sort == IdeaSort::kMostSupported && a.support_count != b.support_count) {
            return a.support_count > b.support_count;
        }
        if (a.created != b.created) return a.created > b.created;
        return a.id < b.id;
    });
}

std::vector<IdeaSummary> ListPublishedIdeas(const std::vector<cache::CachedEntity>& entities,
                                            const IdeaFilter& filter, IdeaSort sort) {
    std::vector<IdeaSummary> out;
    for (const auto& entity : entities) {
        Result<IdeaSummary> idea = ParsePublishedIdea(entity);
        if (!idea || idea->status != "published") continue;
        if (!filter.category.empty() && idea->category != filter.category) continue;
        if (!filter.district.empty() && idea->district != filter.district) continue;
        out.push_back(std::move(*idea));
    }
    SortIdeas(out, sort);
    return out;
}

Result<std::int64_t> ShownSupportCount(cache::Database& db, const IdeaSummary& idea) {
    Result<std::int64_t> local = cache::CountUndeliveredSupports(db, idea.id);
    if (!local) return local.error();
    return idea.support_count + *local;
}

Result<std::vector<IdeaSummary>> LoadPublishedIdeas(cache::Database& db, const IdeaFilter& filter,
                                                    IdeaSort sort) {
    Result<std::vector<cache::CachedEntity>> entities = cache::ListEntities(db, "CitizenIdea");
    if (!entities) return entities.error();
    std::vector<IdeaSummary> ideas = ListPublishedIdeas(*entities, filter, IdeaSort::kNewest);
    for (auto& idea : ideas) {
        Result<std::int64_t> shown = ShownSupportCount(db, idea);
        if (!shown) return shown.error();
        idea.support_count = *shown;
    }
    SortIdeas(ideas, sort);
    return ideas;
}

}  // namespace ck::part
