#include "participation/idea.h"

#include <algorithm>
#include <cmath>

#include "offline_cache/content_cache.h"
#include "offline_cache/idea_store.h"
#include "offline_cache/outbox.h"
#include "participation/browse.h"
#include "participation/reference.h"

namespace ck::part {
namespace {

using nlohmann::json;

constexpr std::string_view kForbidden = "<>\"'=;()";
constexpr const char* kIdeaType = "CitizenIdea";
constexpr const char* kSupportType = "IdeaSupport";
constexpr std::chrono::hours kRateWindow{1};

bool HasForbidden(std::string_view s) {
    return s.find_first_of(kForbidden) != std::string_view::npos;
}

json Attr(const char* type, json value) {
    return json{{"type", type}, {"value", std::move(value)}};
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// NGSI ids: 1..256 printable ASCII, no whitespace, none of & ? / # and none of the forbidden characters.
bool IsValidNgsiId(std::string_view id) {
    if (id.empty() || id.size() > 256) return false;
    for (char c : id) {
        if (c <= 0x20 || c >= 0x7F) return false;
        if (std::string_view("&?/#").find(c) != std::string_view::npos ||
            HasForbidden(std::string_view(&c, 1))) {
            return false;
        }
    }
    return true;
}

Status CheckValue(const std::string& path, const json& value) {
    if (value.is_string()) {
        if (HasForbidden(value.get_ref<const std::string&>())) {
            return MakeError("ideas.entity.forbidden_character", path + " contains one of < > \" ' = ; ( )");
        }
    } else if (value.is_object()) {
        for (const auto& [key, v] : value.items()) {
            if (HasForbidden(key))
                return MakeError("ideas.entity.forbidden_character", path + ": key " + key);
            if (Status s = CheckValue(path + "." + key, v); !s) return s;
        }
    } else if (value.is_array()) {
        for (const auto& v : value) {
            if (Status s = CheckValue(path + "[]", v); !s) return s;
        }
    }
    return {};
}

Result<std::string> Dump(const json& entity) {
    try {
        return entity.dump();
    } catch (const json::exception& e) {
        return MakeError("ideas.entity.invalid", std::string("cannot serialise entity: ") + e.what());
    }
}

}  // namespace

const char* ToString(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::kKiosk:
            return "kiosk";
        case PlaceKind::kMap:
            return "map";
        case PlaceKind::kNone:
            break;
    }
    return "none";
}

bool IsValidKioskId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-';
    });
}

bool IsValidIdeaId(std::string_view id) {
    constexpr std::string_view kPrefix = "urn:ngsi-ld:CitizenIdea:";
    return id.size() > kPrefix.size() && id.substr(0, kPrefix.size()) == kPrefix && IsValidNgsiId(id);
}

bool IsValidLanguageTag(std::string_view tag) {
    // language (2-3 letters, or 4-8 registered) then subtags of 1-8 alphanumerics.
    if (tag.empty() || tag.size() > 35) return false;
    std::size_t pos = 0;
    bool first = true;
    while (pos <= tag.size()) {
        const std::size_t dash = std::min(tag.find('-', pos), tag.size());
        const std::string_view sub = tag.substr(pos, dash - pos);
        if (sub.empty() || sub.size() > 8) return false;
        for (char c : sub) {
            const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!alpha && !(!first && c >= '0' && c <= '9')) return false;
        }
        if (first && sub.size() < 2) return false;
        first = false;
        pos = dash + 1;
    }
    return true;
}

std::string StripForbiddenCharacters(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (HasForbidden(std::string_view(&c, 1))) c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

Status ValidateIdeaSettings(const IdeaSettings& s) {
    if (s.categories.empty())
        return MakeError("ideas.settings.invalid", "ideas.categories: at least one category");
    for (const auto& c : s.categories) {
        if (c.empty() || HasForbidden(c) || !IsValidUtf8(c)) {
            return MakeError(
                "ideas.settings.invalid",
                "ideas.categories: \"" + c + "\" must be non-empty UTF-8 without < > \" ' = ; ( )");
        }
    }
    for (const auto& d : s.districts) {
        if (d.empty() || HasForbidden(d) || !IsValidUtf8(d)) {
            return MakeError(
                "ideas.settings.invalid",
                "ideas.districts: \"" + d + "\" must be non-empty UTF-8 without < > \" ' = ; ( )");
        }
    }
    if (s.max_per_session < 1 || s.max_per_hour < 1) {
        return MakeError("ideas.settings.invalid",
                         "ideas.max_per_session and ideas.max_per_hour must be at least 1");
    }
    if (Status m = ValidateDistrictMap(s.map, s.districts); !m) {
        return MakeError("ideas.settings.invalid", m.error().message);
    }
    return {};
}

Status ValidateMapPlace(const IdeaDraft& draft, const IdeaSettings& settings) {
    if (draft.place_kind != PlaceKind::kMap) return {};
    if (!draft.map_point || !IsValidPoint(*draft.map_point)) {
        return MakeError("ideas.place.invalid", "place: a map point needs valid coordinates");
    }
    // Without a configured map (a paper card typed in with coordinates) any valid point is accepted.
    if (!HasMap(settings.map)) return {};
    const DistrictOutline* in = DistrictAt(settings.map, *draft.map_point);
    if (!in)
        return MakeError("ideas.place.outside_map",
                         "place: the point lies outside every district of the map");
    if (!draft.district.empty() && in->district != draft.district) {
        return MakeError("ideas.place.other_district", "place: the point lies in \"" + in->district +
                                                           "\", not in the chosen district \"" +
                                                           draft.district + "\"");
    }
    return {};
}

Result<nlohmann::json> BuildCitizenIdeaEntity(const CitizenIdea& idea) {
    json e{{"id", idea.id}, {"type", kIdeaType}};
    e["title"] = Attr("TextUnrestricted", idea.title);
    e["description"] = Attr("TextUnrestricted", idea.description);
    e["category"] = Attr("Text", idea.category);
    if (idea.district) e["district"] = Attr("Text", *idea.district);
    if (idea.location) {
        e["location"] = Attr(
            "geo:json", json{{"type", "Point"}, {"coordinates", {idea.location->lon, idea.location->lat}}});
    }
    e["placeKind"] = Attr("Text", ToString(idea.place_kind));
    e["channel"] = Attr("Text", idea.channel);
    e["refDevice"] = Attr("Relationship", "urn:ngsi-ld:Device:" + idea.kiosk_id);
    e["site"] = Attr("Text", idea.site);
    e["language"] = Attr("Text", idea.language);
    e["dateCreated"] = Attr("DateTime", FormatIsoUtc(idea.created));
    e["status"] = Attr("Text", idea.status);
    e["referenceCode"] = Attr("Text", idea.reference_code);
    e["needsReview"] = Attr("Boolean", idea.needs_review);
    if (idea.contact_email) e["contactEmail"] = Attr("TextUnrestricted", *idea.contact_email);
    if (!IsValidIdeaId(idea.id)) return MakeError("ideas.entity.invalid", "invalid CitizenIdea id");
    if (!IsValidKioskId(idea.kiosk_id)) return MakeError("ideas.entity.invalid", "invalid kiosk id");
    if (Status s = CheckOrionSafe(e); !s) return s.error();
    return e;
}

Result<nlohmann::json> BuildIdeaSupportEntity(const std::string& support_id, const std::string& idea_id,
                                              const std::string& kiosk_id, TimePoint created) {
    if (support_id.rfind("urn:ngsi-ld:IdeaSupport:", 0) != 0 || !IsValidNgsiId(support_id)) {
        return MakeError("ideas.entity.invalid", "invalid IdeaSupport id");
    }
    if (!IsValidIdeaId(idea_id)) return MakeError("ideas.entity.invalid", "invalid CitizenIdea id");
    if (!IsValidKioskId(kiosk_id)) return MakeError("ideas.entity.invalid", "invalid kiosk id");
    json e{{"id", support_id}, {"type", kSupportType}};
    e["refIdea"] = Attr("Relationship", idea_id);
    e["refDevice"] = Attr("Relationship", "urn:ngsi-ld:Device:" + kiosk_id);
    e["dateCreated"] = Attr("DateTime", FormatIsoUtc(created));
    if (Status s = CheckOrionSafe(e); !s) return s.error();
    return e;
}

Status CheckOrionSafe(const nlohmann::json& entity) {
    if (!entity.is_object() || !entity.contains("id") || !entity["id"].is_string() ||
        !entity.contains("type") || !entity["type"].is_string()) {
        return MakeError("ideas.entity.invalid", "entity needs string id and type");
    }
    if (!IsValidNgsiId(entity["id"].get_ref<const std::string&>()) ||
        !IsValidNgsiId(entity["type"].get_ref<const std::string&>())) {
        return MakeError("ideas.entity.invalid", "entity id or type is not a valid NGSI id");
    }
    for (const auto& [name, attr] : entity.items()) {
        if (name == "id" || name == "type") continue;
        if (!IsValidNgsiId(name)) return MakeError("ideas.entity.invalid", "invalid attribute name " + name);
        if (!attr.is_object() || !attr.contains("type") || !attr["type"].is_string() ||
            !attr.contains("value")) {
            return MakeError("ideas.entity.invalid", name + ": not a normalized attribute");
        }
        if (attr["type"] == "TextUnrestricted") continue;
        if (Status s = CheckValue(name, attr["type"]); !s) return s;
        if (Status s = CheckValue(name, attr["value"]); !s) return s;
    }
    return {};
}

Status DecideIdeaRateLimits(const IdeaQuota& session, const IdeaSettings& settings,
                            std::int64_t kiosk_ideas_last_hour) {
    if (session.ideas_submitted >= settings.max_per_session) {
        return MakeError("ideas.limit.session", "this visitor session reached its limit of " +
                                                    std::to_string(settings.max_per_session) + " ideas");
    }
    if (kiosk_ideas_last_hour >= settings.max_per_hour) {
        return MakeError(
            "ideas.limit.kiosk_hour",
            "this kiosk reached its limit of " + std::to_string(settings.max_per_hour) + " ideas per hour");
    }
    return {};
}

Status CheckIdeaRateLimits(cache::Database& db, const IdeaQuota& session, const IdeaSettings& settings,
                           TimePoint now) {
    // The session limit needs no store; check it first so a full store error never hides it.
    if (Status s = DecideIdeaRateLimits(session, settings, 0); !s) return s;
    Result<std::int64_t> recent = cache::CountIdeasSince(db, now - kRateWindow, "kiosk");
    if (!recent) return recent.error();
    return DecideIdeaRateLimits(session, settings, *recent);
}

Result<std::optional<std::string>> ValidateContact(const IdeaDraft& draft) {
    const bool email_given = draft.contact_email.find_first_not_of(" \t\r\n") != std::string::npos;
    if (email_given && !draft.contact_consent) {
        return MakeError("ideas.contact.consent_required",
                         "contact: an e-mail address needs the consent checkbox");
    }
    if (!draft.contact_consent) return std::optional<std::string>();
    if (!email_given) return MakeError("ideas.contact.email_required", "contact: consent given but no e-mail");
    Result<std::string> email = ValidateEmail(draft.contact_email);
    if (!email) return email.error();
    return std::optional<std::string>(std::move(*email));
}

Result<CitizenIdea> ValidateDraft(const IdeaDraft& draft, const SubmitContext& ctx) {
    if (!IsValidKioskId(ctx.kiosk_id))
        return MakeError("ideas.context.invalid", "kiosk id must match [A-Za-z0-9_-]{1,64}");
    if (ctx.channel != "kiosk" && ctx.channel != "paper") {
        return MakeError("ideas.context.invalid", "channel must be kiosk or paper");
    }
    if (!IsValidLanguageTag(ctx.language))
        return MakeError("ideas.context.invalid", "language is not a BCP 47 tag");

    CitizenIdea idea;
    Result<std::string> title = SanitizeText(draft.title, TitleLimits());
    if (!title) return title.error();
    Result<std::string> description = SanitizeText(draft.description, DescriptionLimits());
    if (!description) return description.error();
    idea.title = std::move(*title);
    idea.description = std::move(*description);

    if (draft.category.empty()) return MakeError("ideas.category.required", "category: required");
    if (!Contains(ctx.settings.categories, draft.category) || HasForbidden(draft.category)) {
        return MakeError("ideas.category.invalid", "category: not one of the configured categories");
    }
    idea.category = draft.category;
    if (!draft.district.empty()) {
        if (!Contains(ctx.settings.districts, draft.district) || HasForbidden(draft.district)) {
            return MakeError("ideas.district.invalid", "district: not one of the configured districts");
        }
        idea.district = draft.district;
    }

    idea.place_kind = draft.place_kind;
    if (draft.place_kind == PlaceKind::kMap) {
        if (Status m = ValidateMapPlace(draft, ctx.settings); !m) return m.error();
        idea.location = draft.map_point;
    } else if (draft.place_kind == PlaceKind::kKiosk && ctx.kiosk_location &&
               IsValidPoint(*ctx.kiosk_location)) {
        idea.location = ctx.kiosk_location;
    }

    Result<std::optional<std::string>> contact = ValidateContact(draft);
    if (!contact) return contact.error();
    idea.contact_email = std::move(*contact);

    idea.channel = ctx.channel;
    idea.kiosk_id = ctx.kiosk_id;
    idea.site = StripForbiddenCharacters(ctx.site);
    idea.language = ctx.language;
    idea.created = ctx.now;
    idea.needs_review = ContainsListedWord(ctx.settings.word_list, idea.title) ||
                        ContainsListedWord(ctx.settings.word_list, idea.description);
    return idea;
}

Result<Receipt> SubmitIdea(cache::Database& db, const IdeaDraft& draft, const SubmitContext& ctx,
                           IdeaQuota& session) {
    // Paper cards are typed in by staff after an event: many at once is expected, so no limits apply.
    if (ctx.channel == "kiosk") {
        if (Status s = CheckIdeaRateLimits(db, session, ctx.settings, ctx.now); !s) return s.error();
    }
    Result<CitizenIdea> validated = ValidateDraft(draft, ctx);
    if (!validated) return validated.error();
    CitizenIdea idea = std::move(*validated);

    Result<std::string> uuid = NewUuidV4();
    if (!uuid) return uuid.error();
    idea.id = "urn:ngsi-ld:CitizenIdea:" + *uuid;

    // A code can be taken between the existence check and the commit only by another writer; try again then.
    constexpr int kCommitAttempts = 3;
    for (int attempt = 0; attempt < kCommitAttempts; ++attempt) {
        Result<std::string> code = GenerateUniqueReferenceCode(db);
        if (!code) return code.error();
        idea.reference_code = *code;
        Result<nlohmann::json> entity = BuildCitizenIdeaEntity(idea);
        if (!entity) return entity.error();
        Result<std::string> payload = Dump(*entity);
        if (!payload) return payload.error();

        cache::NewOutboxItem item;
        item.target = "ngsi";
        item.entity_id = idea.id;
        item.entity_type = kIdeaType;
        item.payload = std::move(*payload);
        if (idea.contact_email) item.personal_attributes.push_back("contactEmail");
        const cache::LocalIdea local{idea.id, idea.reference_code, idea.channel, idea.created};

        Status committed = cache::CommitIdea(db, local, item, ctx.now);
        if (committed) {
            ++session.ideas_submitted;
            return Receipt{
                idea.reference_code, idea.id,
                BuildStatusUrl(ctx.settings.status_url_template, idea.reference_code, ctx.kiosk_id)};
        }
        Result<bool> taken = cache::ReferenceCodeExists(db, idea.reference_code);
        if (!taken || !*taken) {
            return MakeError("ideas.store.failed", "could not store the idea: " + committed.error().message);
        }
    }
    return MakeError("ideas.store.failed", "could not find an unused reference code");
}

Result<SupportReceipt> SupportIdea(cache::Database& db, const std::string& idea_id, const SupportContext& ctx,
                                   IdeaQuota& session) {
    if (!IsValidIdeaId(idea_id)) return MakeError("ideas.support.unknown_idea", "not a CitizenIdea id");
    if (session.supported_idea_ids.count(idea_id) != 0) {
        return MakeError("ideas.support.already", "this idea was already supported in this session");
    }
    Result<std::optional<cache::CachedEntity>> cached = cache::GetEntity(db, idea_id);
    if (!cached) return cached.error();
    if (!*cached) return MakeError("ideas.support.unknown_idea", "idea not among the published ideas");
    Result<IdeaSummary> summary = ParsePublishedIdea(**cached);
    if (!summary || summary->status != "published") {
        return MakeError("ideas.support.unknown_idea", "idea not among the published ideas");
    }

    Result<std::string> uuid = NewUuidV4();
    if (!uuid) return uuid.error();
    const std::string support_id = "urn:ngsi-ld:IdeaSupport:" + *uuid;
    Result<nlohmann::json> entity = BuildIdeaSupportEntity(support_id, idea_id, ctx.kiosk_id, ctx.now);
    if (!entity) return entity.error();
    Result<std::string> payload = Dump(*entity);
    if (!payload) return payload.error();

    cache::NewOutboxItem item;
    item.target = "ngsi";
    item.entity_id = support_id;
    item.entity_type = kSupportType;
    item.payload = std::move(*payload);
    const cache::LocalSupport local{support_id, idea_id, ctx.now};
    if (Status s = cache::CommitSupport(db, local, item, ctx.now); !s) {
        return MakeError("ideas.store.failed", "could not store the support: " + s.error().message);
    }
    session.supported_idea_ids.insert(idea_id);
    return SupportReceipt{support_id};
}

}  // namespace ck::part
