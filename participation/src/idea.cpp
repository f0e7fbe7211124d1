#include "participation/idea.h"

#include <algorithm>
#include <cmath>

#include "ngsi/entity.h"
#include "ngsi/rules.h"
#include "offline_cache/content_cache.h"
#include "offline_cache/idea_store.h"
#include "offline_cache/outbox.h"
#include "participation/browse.h"
#include "participation/reference.h"

namespace ck::part {
namespace {

constexpr const char* kIdeaType = "CitizenIdea";
constexpr const char* kSupportType = "IdeaSupport";
constexpr std::chrono::hours kRateWindow{1};

bool Contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
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

bool IsValidIdeaId(std::string_view id) {
    return ngsi::IsUrnOf(kIdeaType, id);
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

Status ValidateIdeaSettings(const IdeaSettings& s) {
    if (s.categories.empty())
        return MakeError("ideas.settings.invalid", "ideas.categories: at least one category");
    for (const auto& c : s.categories) {
        if (c.empty() || ngsi::HasForbiddenChars(c) || !IsValidUtf8(c)) {
            return MakeError(
                "ideas.settings.invalid",
                "ideas.categories: \"" + c + "\" must be non-empty UTF-8 without < > \" ' = ; ( )");
        }
    }
    for (const auto& d : s.districts) {
        if (d.empty() || ngsi::HasForbiddenChars(d) || !IsValidUtf8(d)) {
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

Result<ngsi::Entity> CitizenIdeaEntity(const CitizenIdea& idea) {
    if (!IsValidIdeaId(idea.id)) return MakeError("ngsi.invalid", "CitizenIdea id: not urn:ngsi-ld:CitizenIdea:...");
    Result<std::string> device = ngsi::DeviceUrn(idea.kiosk_id);
    if (!device) return device.error();
    ngsi::Entity e{idea.id, kIdeaType, {}};
    // Visitors' words travel as TextUnrestricted: Orion would reject a title with a quote or a bracket.
    e.Set("title", ngsi::TextUnrestricted(idea.title))
        .Set("description", ngsi::TextUnrestricted(idea.description))
        .Set("category", ngsi::Text(idea.category));
    if (idea.district) e.Set("district", ngsi::Text(*idea.district));
    if (idea.location) e.Set("location", ngsi::GeoPoint(idea.location->lon, idea.location->lat));
    e.Set("placeKind", ngsi::Text(ToString(idea.place_kind)))
        .Set("channel", ngsi::Text(idea.channel))
        .Set("refDevice", ngsi::Relationship(*device))
        .Set("site", ngsi::Text(idea.site))
        .Set("language", ngsi::Text(idea.language))
        .Set("dateCreated", ngsi::DateTime(idea.created))
        .Set("status", ngsi::Text(idea.status))
        .Set("referenceCode", ngsi::Text(idea.reference_code))
        .Set("needsReview", ngsi::Boolean(idea.needs_review));
    if (idea.contact_email) e.Set("contactEmail", ngsi::TextUnrestricted(*idea.contact_email));
    if (Status s = ngsi::Validate(e); !s) return s.error();
    return e;
}

Result<ngsi::Entity> IdeaSupportEntity(const std::string& support_id, const std::string& idea_id,
                                       const std::string& kiosk_id, TimePoint created) {
    if (!ngsi::IsUrnOf(kSupportType, support_id))
        return MakeError("ngsi.invalid", "IdeaSupport id: not urn:ngsi-ld:IdeaSupport:...");
    if (!IsValidIdeaId(idea_id)) return MakeError("ngsi.invalid", "IdeaSupport.refIdea: not a CitizenIdea id");
    Result<std::string> device = ngsi::DeviceUrn(kiosk_id);
    if (!device) return device.error();
    ngsi::Entity e{support_id, kSupportType, {}};
    e.Set("refIdea", ngsi::Relationship(idea_id))
        .Set("refDevice", ngsi::Relationship(*device))
        .Set("dateCreated", ngsi::DateTime(created));
    if (Status s = ngsi::Validate(e); !s) return s.error();
    return e;
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
    if (Status id = ngsi::CheckToken("kiosk id", ctx.kiosk_id); !id)
        return MakeError("ideas.context.invalid", id.error().message);
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
    if (!Contains(ctx.settings.categories, draft.category) || ngsi::HasForbiddenChars(draft.category)) {
        return MakeError("ideas.category.invalid", "category: not one of the configured categories");
    }
    idea.category = draft.category;
    if (!draft.district.empty()) {
        if (!Contains(ctx.settings.districts, draft.district) || ngsi::HasForbiddenChars(draft.district)) {
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
    idea.site = ngsi::StripForbiddenChars(ctx.site);
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
        Result<ngsi::Entity> entity = CitizenIdeaEntity(idea);
        Result<std::string> payload = entity ? ngsi::BuildPayload(*entity) : Result<std::string>(entity.error());
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
        // Another writer held the store: nothing was written, and the caller may simply try again.
        if (committed.error().code == "db.busy") return committed.error();
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
    Result<ngsi::Entity> entity = IdeaSupportEntity(support_id, idea_id, ctx.kiosk_id, ctx.now);
    Result<std::string> payload = entity ? ngsi::BuildPayload(*entity) : Result<std::string>(entity.error());
    if (!payload) return payload.error();

    cache::NewOutboxItem item;
    item.target = "ngsi";
    item.entity_id = support_id;
    item.entity_type = kSupportType;
    item.payload = std::move(*payload);
    const cache::LocalSupport local{support_id, idea_id, ctx.now};
    if (Status s = cache::CommitSupport(db, local, item, ctx.now); !s) {
        if (s.error().code == "db.busy") return s.error();  // nothing written: the visitor may tap again
        return MakeError("ideas.store.failed", "could not store the support: " + s.error().message);
    }
    session.supported_idea_ids.insert(idea_id);
    return SupportReceipt{support_id};
}

}  // namespace ck::part
