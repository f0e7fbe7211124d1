// Ideas and supports: the visitor's draft, the settings that govern it, the NGSI entities it becomes and the
// durable submit that must succeed before a receipt is shown.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "ngsi/entity.h"
#include "offline_cache/database.h"
#include "participation/geo.h"
#include "participation/text.h"

namespace ck::part {

enum class PlaceKind { kNone, kKiosk, kMap };
const char* ToString(PlaceKind kind);  // "none" | "kiosk" | "map" (the placeKind attribute)

// What the visitor entered. Free text is raw here; SubmitIdea and the wizard sanitise it.
struct IdeaDraft {
    std::string title;
    std::string description;
    std::string category;  // a key from IdeaSettings::categories
    std::string district;  // a key from IdeaSettings::districts, or empty (whole city / unknown)
    PlaceKind place_kind = PlaceKind::kNone;
    std::optional<GeoPoint> map_point;  // required for kMap
    bool contact_consent = false;       // the explicit checkbox next to the privacy text
    std::string contact_email;          // only with consent
};

// From Config::ideas (the app copies the values; participation does not read the config file).
struct IdeaSettings {
    std::vector<std::string> categories;
    std::vector<std::string> districts;
    DistrictMap map;                  // empty: no "point on the map" place (ValidateDistrictMap)
    std::string status_url_template;  // "{ref}" and "{kiosk}" are replaced, URL-encoded
    int max_per_session = 3;
    int max_per_hour = 30;
    WordList word_list;  // LoadWordLists(config.ideas.wordlist_dir)
};
// Category and district keys must be non-empty and free of Orion's forbidden characters < > " ' = ; ( ),
// because they travel as plain Text; limits must be positive; the map, if any, passes ValidateDistrictMap.
// Call once at start (config validation).
Status ValidateIdeaSettings(const IdeaSettings& settings);

// One visitor's use of the idea limits: how many ideas they submitted (max_per_session) and which ideas they
// supported (one support each). The UI keeps one per visitor and starts a fresh one on a session reset.
struct IdeaQuota {
    int ideas_submitted = 0;
    std::set<std::string> supported_idea_ids;
};

struct SubmitContext {
    std::string kiosk_id;           // an ngsi token: [A-Za-z0-9_-]{1,64}
    std::string site;               // site name; Orion's forbidden characters are removed (it is display text)
    std::string language;           // BCP 47 of the UI language, e.g. "de", "tr", "ar"
    std::string channel = "kiosk";  // "kiosk" | "paper" (operator entry: no rate limits)
    TimePoint now{};
    std::optional<GeoPoint> kiosk_location;  // the location for PlaceKind::kKiosk, when configured
    IdeaSettings settings;
};

struct Receipt {
    std::string reference_code;  // "K7P-4XM9"
    std::string entity_id;       // urn:ngsi-ld:CitizenIdea:<uuid>
    std::string status_url;      // for the QR code
};

// The validated idea as it goes out. Build with SubmitIdea; exposed for tests and tools.
struct CitizenIdea {
    std::string id;
    std::string title, description, category;
    std::optional<std::string> district;
    std::optional<GeoPoint> location;
    PlaceKind place_kind = PlaceKind::kNone;
    std::string channel, kiosk_id, site, language;
    TimePoint created{};
    std::string status = "submitted";
    std::string reference_code;
    bool needs_review = false;
    std::optional<std::string> contact_email;
};

// The NGSI-v2 entities (docs/data-model.md), built and validated through the ngsi module: an Error names the
// field instead of a request Orion rejects. Visitors' free text travels as TextUnrestricted.
Result<ngsi::Entity> CitizenIdeaEntity(const CitizenIdea& idea);
Result<ngsi::Entity> IdeaSupportEntity(const std::string& support_id, const std::string& idea_id,
                                       const std::string& kiosk_id, TimePoint created);

bool IsValidIdeaId(std::string_view entity_id);  // urn:ngsi-ld:CitizenIdea:<a valid NGSI id>
bool IsValidLanguageTag(std::string_view tag);   // BCP 47 shape: "de", "pt-BR", "sr-Latn"

// Rate limits for a new idea at this kiosk (channel "kiosk" only): session limit, then the kiosk's hourly
// limit (CountIdeasSince(now - 1 h)). Errors "ideas.limit.session" / "ideas.limit.kiosk_hour"; the UI
// checks this when the wizard opens too, so nobody types an idea that cannot be sent.
Status CheckIdeaRateLimits(cache::Database& db, const IdeaQuota& quota, const IdeaSettings& settings,
                           TimePoint now);
// The pure decision, given the number of kiosk ideas in the last hour.
Status DecideIdeaRateLimits(const IdeaQuota& quota, const IdeaSettings& settings,
                            std::int64_t kiosk_ideas_last_hour);

// The optional contact: no address without the consent box, no consent without an address; the address is
// validated and normalised. nullopt = no contact wanted.
Result<std::optional<std::string>> ValidateContact(const IdeaDraft& draft);
// A map place (PlaceKind::kMap): a valid point and, when a map is configured, inside one of its districts
// ("ideas.place.outside_map") and inside the visitor's chosen district, if any ("ideas.place.other_district":
// the district was changed after the pin was set). Other place kinds are always valid.
Status ValidateMapPlace(const IdeaDraft& draft, const IdeaSettings& settings);
// Validates and sanitises the whole draft into the fields of a CitizenIdea (no id, code or time yet).
Result<CitizenIdea> ValidateDraft(const IdeaDraft& draft, const SubmitContext& context);

// Rate limits (kiosk channel) -> ValidateDraft -> word list -> UUID + unused reference code -> entity ->
// CommitIdea (idea + outbox item, contactEmail as a personal attribute, synchronous=FULL). Only an OK result
// may be shown as a receipt; then quota.ideas_submitted is incremented. On any error nothing is stored.
Result<Receipt> SubmitIdea(cache::Database& db, const IdeaDraft& draft, const SubmitContext& context,
                           IdeaQuota& quota);

struct SupportContext {
    std::string kiosk_id;
    TimePoint now{};
};
struct SupportReceipt {
    std::string entity_id;  // urn:ngsi-ld:IdeaSupport:<uuid>
};
// One support per idea per visitor session ("ideas.support.already"), only for an idea present in the
// published-ideas cache ("ideas.support.unknown_idea"); IdeaSupport + outbox item in one transaction.
Result<SupportReceipt> SupportIdea(cache::Database& db, const std::string& idea_id,
                                   const SupportContext& context, IdeaQuota& quota);

}  // namespace ck::part
