#include "participation/browse.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "offline_cache/idea_store.h"
#include "participation/idea.h"
#include "participation/text.h"

namespace ck::part {
namespace {

using nlohmann::json;

Error Invalid(const std::string& why) {
    return MakeError("ideas.browse.invalid", "CitizenIdea: " + why);
}

// The attribute's value if present; accepts normalized {"type","value"} only (the cache stores normalized).
Result<const json*> AttrValue(const json& e, const char* name, bool required) {
    const auto it = e.find(name);
    if (it == e.end() || it->is_null()) {
        if (required) return Invalid(std::string(name) + " missing");
        return static_cast<const json*>(nullptr);
    }
    if (!it->is_object() || !it->contains("value"))
        return Invalid(std::string(name) + " is not a normalized attribute");
    const json& v = (*it)["value"];
    if (v.is_null()) {
        if (required) return Invalid(std::string(name) + " missing");
        return static_cast<const json*>(nullptr);
    }
    return &v;
}

Result<std::string> TextAttr(const json& e, const char* name, bool required, const TextLimits& limits) {
    Result<const json*> v = AttrValue(e, name, required);
    if (!v) return v.error();
    if (!*v) return std::string();
    if (!(*v)->is_string()) return Invalid(std::string(name) + " must be a string");
    Result<std::string> clean = SanitizeText((*v)->get_ref<const std::string&>(), limits);
    if (!clean) return Invalid(std::string(name) + ": " + clean.error().message);
    return *clean;
}

int DigitsAt(std::string_view s, std::size_t pos, std::size_t n, bool* ok) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') {
            *ok = false;
            return 0;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

}  // namespace

Result<TimePoint> ParseIsoUtc(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS[.fff...]Z
    bool ok = s.size() >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
              s.back() == 'Z';
    const int year = DigitsAt(s, 0, 4, &ok), month = DigitsAt(s, 5, 2, &ok), day = DigitsAt(s, 8, 2, &ok);
    const int hour = DigitsAt(s, 11, 2, &ok), minute = DigitsAt(s, 14, 2, &ok),
              second = DigitsAt(s, 17, 2, &ok);
    int millis = 0;
    if (ok && s.size() > 20) {
        // Fraction: '.' and 1..9 digits before the 'Z'.
        ok = s[19] == '.' && s.size() >= 22 && s.size() <= 30;
        for (std::size_t i = 20; ok && i + 1 < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9') ok = false;
            if (i < 23) millis = millis * 10 + (s[i] - '0');
        }
        for (std::size_t i = s.size() - 1; i < 23; ++i) millis *= 10;
    }
    if (!ok) return MakeError("ideas.browse.invalid", "not an ISO 8601 UTC time");
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok() || hour > 23 || minute > 59 || second > 60) {
        return MakeError("ideas.browse.invalid", "not an ISO 8601 UTC time");
    }
    const auto days = std::chrono::sys_days(ymd);
    return TimePoint(std::chrono::duration_cast<std::chrono::milliseconds>(days.time_since_epoch()) +
                     std::chrono::hours(hour) + std::chrono::minutes(minute) + std::chrono::seconds(second) +
                     std::chrono::milliseconds(millis));
}

Result<IdeaSummary> ParsePublishedIdea(const cache::CachedEntity& entity) {
    json e = json::parse(entity.json, nullptr, /*allow_exceptions=*/false);
    if (e.is_discarded() || !e.is_object()) return Invalid("not a JSON object");
    if (!e.contains("id") || !e["id"].is_string() || !IsValidIdeaId(e["id"].get_ref<const std::string&>())) {
        return Invalid("invalid id");
    }
    if (e.contains("type") && e["type"] != "CitizenIdea") return Invalid("wrong type");

    IdeaSummary s;
    s.id = e["id"].get<std::string>();
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

    Result<const json*> created = AttrValue(e, "dateCreated", false);
    if (!created) return created.error();
    if (*created) {
        if (!(*created)->is_string()) return Invalid("dateCreated must be a string");
        Result<TimePoint> t = ParseIsoUtc((*created)->get_ref<const std::string&>());
        if (!t) return Invalid("dateCreated is not an ISO 8601 UTC time");
        s.created = *t;
    }
    Result<const json*> count = AttrValue(e, "supportCount", false);
    if (!count) return count.error();
    if (*count) {
        if (!(*count)->is_number()) return Invalid("supportCount must be a number");
        const double n = (*count)->get<double>();
        // Orion stores numbers as doubles: 12.0 is fine, 1.5 or -3 is not a count.
        if (!std::isfinite(n) || n < 0 || n > 1e12 || std::floor(n) != n)
            return Invalid("supportCount out of range");
        s.support_count = static_cast<std::int64_t>(n);
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
