// Entities, rate limits, SubmitIdea and SupportIdea against a real SQLite store in a temporary folder.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "offline_cache/content_cache.h"
#include "offline_cache/database.h"
#include "offline_cache/idea_store.h"
#include "offline_cache/outbox.h"
#include "participation/browse.h"
#include "participation/idea.h"
#include "participation/reference.h"
#include "test_support/test_support.h"

namespace ck::part {
namespace {

using nlohmann::json;

const TimePoint kNow = FromUnixMs(1'795'000'000'000);  // 2026-11-18

IdeaSettings TestSettings() {
    IdeaSettings s;
    s.categories = {"mobility", "environment", "other"};
    s.districts = {"Herne-Mitte", "Wanne", "Eickel", "Sodingen"};
    s.status_url_template = "https://www.herne.de/ideen/status?ref={ref}&k={kiosk}";
    s.max_per_session = 3;
    s.max_per_hour = 30;
    s.word_list = BuiltInWordList();
    return s;
}

SubmitContext TestContext() {
    SubmitContext c;
    c.kiosk_id = "herne-demo-01";
    c.site = "Digitaloforum Wanne";
    c.language = "de";
    c.channel = "kiosk";
    c.now = kNow;
    c.settings = TestSettings();
    return c;
}

IdeaDraft GoodDraft() {
    IdeaDraft d;
    d.title = "  Mehr B\u00E4nke am Marktplatz ";
    d.description = "Am Marktplatz fehlen Sitzpl\u00E4tze.\n\nBesonders f\u00FCr \u00C4ltere.";
    d.category = "mobility";
    d.district = "Wanne";
    return d;
}

struct Store {
    test::TempDir dir;
    cache::Database db;
    Store() : db(Open(dir)) {}
    static cache::Database Open(const test::TempDir& d) {
        Result<cache::Database> db = cache::Database::Open((d / "kiosk.db").string());
        if (!db) throw std::runtime_error(db.error().message);
        return std::move(*db);
    }
    std::vector<cache::OutboxItem> Pending() {
        Result<std::vector<cache::OutboxItem>> items =
            cache::ListOutbox(db, cache::OutboxState::kPending, 100);
        EXPECT_TRUE(items.ok());
        return items ? *items : std::vector<cache::OutboxItem>{};
    }
    std::int64_t IdeasSince(TimePoint t, const std::string& channel = "kiosk") {
        Result<std::int64_t> n = cache::CountIdeasSince(db, t, channel);
        EXPECT_TRUE(n.ok());
        return n ? *n : -1;
    }
};

// ---- entity shape ----

CitizenIdea SampleIdea() {
    CitizenIdea i;
    i.id = "urn:ngsi-ld:CitizenIdea:0f8fad5b-d9cb-469f-a165-70867728950e";
    i.title = "Title with \"quotes\" <b> = ; ( ) '";
    i.description = "Text";
    i.category = "mobility";
    i.district = "Wanne";
    i.location = GeoPoint{7.2, 51.5};
    i.place_kind = PlaceKind::kMap;
    i.channel = "kiosk";
    i.kiosk_id = "herne-demo-01";
    i.site = "Digitaloforum Wanne";
    i.language = "tr";
    i.created = kNow;
    i.reference_code = "K7P-4XM9";
    i.needs_review = true;
    i.contact_email = "o'brien@example.ie";
    return i;
}

Result<json> BuildCitizenIdeaEntity(const CitizenIdea& idea) {
    Result<ngsi::Entity> e = CitizenIdeaEntity(idea);
    if (!e) return e.error();
    return ngsi::BuildNormalized(*e);
}

Result<json> BuildIdeaSupportEntity(const std::string& support_id, const std::string& idea_id,
                                    const std::string& kiosk_id, TimePoint created) {
    Result<ngsi::Entity> e = IdeaSupportEntity(support_id, idea_id, kiosk_id, created);
    if (!e) return e.error();
    return ngsi::BuildNormalized(*e);
}

// A queued payload as Orion would judge it: parsed back and validated by the NGSI layer, declared types and all.
bool OrionSafe(const json& payload) {
    Result<ngsi::EntityView> view = ngsi::ParseEntity(payload);
    if (!view) return false;
    ngsi::Entity e{view->id, view->type, {}};
    for (const auto& [name, a] : view->attributes) {
        const std::optional<ngsi::AttrType> type = ngsi::AttrTypeFromName(a.type);
        if (!type) return false;
        e.Set(name, ngsi::Attribute{*type, a.value});
    }
    return ngsi::Validate(e).ok();
}

TEST(CitizenIdeaEntity, NormalizedShape) {
    const Result<json> e = BuildCitizenIdeaEntity(SampleIdea());
    ASSERT_TRUE(e.ok()) << e.error().message;
    const json expected = json::parse(R"({
      "id": "urn:ngsi-ld:CitizenIdea:0f8fad5b-d9cb-469f-a165-70867728950e",
      "type": "CitizenIdea",
      "title": {"type": "TextUnrestricted", "value": "Title with \"quotes\" <b> = ; ( ) '"},
      "description": {"type": "TextUnrestricted", "value": "Text"},
      "category": {"type": "Text", "value": "mobility"},
      "district": {"type": "Text", "value": "Wanne"},
      "location": {"type": "geo:json", "value": {"type": "Point", "coordinates": [7.2, 51.5]}},
      "placeKind": {"type": "Text", "value": "map"},
      "channel": {"type": "Text", "value": "kiosk"},
      "refDevice": {"type": "Relationship", "value": "urn:ngsi-ld:Device:herne-demo-01"},
      "site": {"type": "Text", "value": "Digitaloforum Wanne"},
      "language": {"type": "Text", "value": "tr"},
      "dateCreated": {"type": "DateTime", "value": "2026-11-18T11:06:40Z"},
      "status": {"type": "Text", "value": "submitted"},
      "referenceCode": {"type": "Text", "value": "K7P-4XM9"},
      "needsReview": {"type": "Boolean", "value": true},
      "contactEmail": {"type": "TextUnrestricted", "value": "o'brien@example.ie"}
    })");
    EXPECT_EQ(*e, expected) << e->dump(2);
    EXPECT_TRUE(OrionSafe(*e));
}

TEST(CitizenIdeaEntity, OptionalAttributesOmitted) {
    CitizenIdea i = SampleIdea();
    i.district.reset();
    i.location.reset();
    i.contact_email.reset();
    i.place_kind = PlaceKind::kNone;
    const Result<json> e = BuildCitizenIdeaEntity(i);
    ASSERT_TRUE(e.ok());
    EXPECT_FALSE(e->contains("district"));
    EXPECT_FALSE(e->contains("location"));
    EXPECT_FALSE(e->contains("contactEmail"));
    EXPECT_EQ((*e)["placeKind"]["value"], "none");
}

TEST(CitizenIdeaEntity, ForbiddenCharactersOutsideTextUnrestrictedAreRejected) {
    for (const char* bad : {"Herne (Mitte)", "a<b", "x=y", "q\"", "it's", "a;b"}) {
        CitizenIdea i = SampleIdea();
        i.district = bad;
        const Result<json> e = BuildCitizenIdeaEntity(i);
        ASSERT_FALSE(e.ok()) << bad;
        EXPECT_EQ(e.error().code, "ngsi.forbidden_character");
        EXPECT_NE(e.error().message.find("CitizenIdea.district"), std::string::npos);
    }
    CitizenIdea i = SampleIdea();
    i.kiosk_id = "kiosk 1";
    EXPECT_FALSE(BuildCitizenIdeaEntity(i).ok());
    i = SampleIdea();
    i.id = "urn:ngsi-ld:CitizenIdea:a/b";
    EXPECT_FALSE(BuildCitizenIdeaEntity(i).ok());
}

TEST(IdeaSupportEntity, NormalizedShape) {
    const Result<json> e =
        BuildIdeaSupportEntity("urn:ngsi-ld:IdeaSupport:7c9e6679-7425-40de-944b-e07fc1f90ae7",
                               "urn:ngsi-ld:CitizenIdea:0f8fad5b-d9cb-469f-a165-70867728950e", "k1", kNow);
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(*e, json::parse(R"({
      "id": "urn:ngsi-ld:IdeaSupport:7c9e6679-7425-40de-944b-e07fc1f90ae7",
      "type": "IdeaSupport",
      "refIdea": {"type": "Relationship", "value": "urn:ngsi-ld:CitizenIdea:0f8fad5b-d9cb-469f-a165-70867728950e"},
      "refDevice": {"type": "Relationship", "value": "urn:ngsi-ld:Device:k1"},
      "dateCreated": {"type": "DateTime", "value": "2026-11-18T11:06:40Z"}
    })"));
    EXPECT_FALSE(
        BuildIdeaSupportEntity("urn:ngsi-ld:IdeaSupport:x", "urn:ngsi-ld:CitizenIdea:a(b)", "k1", kNow).ok());
    EXPECT_FALSE(BuildIdeaSupportEntity("urn:ngsi-ld:Other:x", "urn:ngsi-ld:CitizenIdea:a", "k1", kNow).ok());
}

TEST(IdeaSettingsCheck, RejectsKeysThatCannotTravelAsText) {
    IdeaSettings s = TestSettings();
    EXPECT_TRUE(ValidateIdeaSettings(s).ok());
    s.districts.push_back("Herne (Mitte)");
    const Status bad = ValidateIdeaSettings(s);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("Herne (Mitte)"), std::string::npos);
    s = TestSettings();
    s.categories = {};
    EXPECT_FALSE(ValidateIdeaSettings(s).ok());
    s = TestSettings();
    s.max_per_hour = 0;
    EXPECT_FALSE(ValidateIdeaSettings(s).ok());
}

TEST(Identifiers, LanguageTags) {
    EXPECT_TRUE(IsValidLanguageTag("de"));
    EXPECT_TRUE(IsValidLanguageTag("pt-BR"));
    EXPECT_TRUE(IsValidLanguageTag("sr-Latn-RS"));
    EXPECT_FALSE(IsValidLanguageTag("d"));
    EXPECT_FALSE(IsValidLanguageTag("de_DE"));
    EXPECT_FALSE(IsValidLanguageTag("de-"));
    EXPECT_FALSE(IsValidLanguageTag("1de"));
}

// ---- rate limits (pure) ----

TEST(RateLimits, SessionAndHourlyDecisions) {
    IdeaSettings s = TestSettings();
    s.max_per_session = 2;
    s.max_per_hour = 5;
    IdeaQuota v;
    EXPECT_TRUE(DecideIdeaRateLimits(v, s, 0).ok());
    v.ideas_submitted = 2;
    Status st = DecideIdeaRateLimits(v, s, 0);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "ideas.limit.session");
    v.ideas_submitted = 1;
    EXPECT_TRUE(DecideIdeaRateLimits(v, s, 4).ok());
    st = DecideIdeaRateLimits(v, s, 5);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "ideas.limit.kiosk_hour");
}

// ---- SubmitIdea against the store ----

TEST(SubmitIdea, StoresIdeaAndOutboxItemBeforeReturning) {
    Store store;
    IdeaQuota session;
    const Result<Receipt> r = SubmitIdea(store.db, GoodDraft(), TestContext(), session);
    ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
    EXPECT_TRUE(IsWellFormedReferenceCode(r->reference_code));
    ASSERT_EQ(r->entity_id.rfind("urn:ngsi-ld:CitizenIdea:", 0), 0u);
    EXPECT_TRUE(IsUuidV4(r->entity_id.substr(24)));
    EXPECT_EQ(r->status_url,
              "https://www.herne.de/ideen/status?ref=" + r->reference_code + "&k=herne-demo-01");
    EXPECT_EQ(session.ideas_submitted, 1);

    Result<bool> exists = cache::ReferenceCodeExists(store.db, r->reference_code);
    ASSERT_TRUE(exists.ok());
    EXPECT_TRUE(*exists);
    EXPECT_EQ(store.IdeasSince(kNow - std::chrono::hours(1)), 1);

    const auto pending = store.Pending();
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].target, "ngsi");
    EXPECT_EQ(pending[0].entity_id, r->entity_id);
    EXPECT_EQ(pending[0].entity_type, "CitizenIdea");
    const json e = json::parse(pending[0].payload);
    EXPECT_EQ(e["id"], r->entity_id);
    EXPECT_EQ(e["title"]["value"], "Mehr B\u00E4nke am Marktplatz");
    EXPECT_EQ(e["description"]["value"],
              "Am Marktplatz fehlen Sitzpl\u00E4tze.\n\nBesonders f\u00FCr \u00C4ltere.");
    EXPECT_EQ(e["district"]["value"], "Wanne");
    EXPECT_EQ(e["channel"]["value"], "kiosk");
    EXPECT_EQ(e["referenceCode"]["value"], r->reference_code);
    EXPECT_EQ(e["needsReview"]["value"], false);
    EXPECT_EQ(e["dateCreated"]["value"], FormatIsoUtc(kNow));
    EXPECT_FALSE(e.contains("contactEmail"));
    EXPECT_TRUE(OrionSafe(e));

    // The store survives reopening (committed, not just cached in the connection).
    cache::Database reopened = Store::Open(store.dir);
    Result<cache::OutboxCounts> counts = cache::CountOutbox(reopened);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->pending, 1);
}

TEST(SubmitIdea, NothingStoredOnValidationFailure) {
    Store store;
    IdeaQuota session;
    struct Bad {
        const char* expected_code;
        IdeaDraft draft;
    };
    std::vector<Bad> cases;
    IdeaDraft d = GoodDraft();
    d.title = "\u200B \u202E";
    cases.push_back({"ideas.title.required", d});
    d = GoodDraft();
    d.title = std::string(121, 'x');
    cases.push_back({"ideas.title.too_long", d});
    d = GoodDraft();
    d.description = "ok\xC3";
    cases.push_back({"ideas.text.invalid_utf8", d});
    d = GoodDraft();
    d.category = "";
    cases.push_back({"ideas.category.required", d});
    d = GoodDraft();
    d.category = "mobility'; DROP TABLE ideas; --";
    cases.push_back({"ideas.category.invalid", d});
    d = GoodDraft();
    d.district = "Bochum";
    cases.push_back({"ideas.district.invalid", d});
    d = GoodDraft();
    d.place_kind = PlaceKind::kMap;
    cases.push_back({"ideas.place.invalid", d});
    d.map_point = GeoPoint{200, 51};
    cases.push_back({"ideas.place.invalid", d});
    d = GoodDraft();
    d.contact_email = "anna@example.org";
    cases.push_back({"ideas.contact.consent_required", d});
    d = GoodDraft();
    d.contact_consent = true;
    cases.push_back({"ideas.contact.email_required", d});
    d.contact_email = "anna@example";
    cases.push_back({"ideas.email.invalid", d});

    for (const Bad& c : cases) {
        const Result<Receipt> r = SubmitIdea(store.db, c.draft, TestContext(), session);
        ASSERT_FALSE(r.ok()) << c.expected_code;
        EXPECT_EQ(r.error().code, c.expected_code);
    }
    SubmitContext ctx = TestContext();
    ctx.kiosk_id = "bad id";
    EXPECT_EQ(SubmitIdea(store.db, GoodDraft(), ctx, session).error().code, "ideas.context.invalid");
    ctx = TestContext();
    ctx.language = "de_DE";
    EXPECT_EQ(SubmitIdea(store.db, GoodDraft(), ctx, session).error().code, "ideas.context.invalid");
    ctx = TestContext();
    ctx.channel = "web";
    EXPECT_EQ(SubmitIdea(store.db, GoodDraft(), ctx, session).error().code, "ideas.context.invalid");

    EXPECT_EQ(session.ideas_submitted, 0);
    EXPECT_TRUE(store.Pending().empty());
    EXPECT_EQ(store.IdeasSince(FromUnixMs(0)), 0);
}

TEST(SubmitIdea, ContactOnlyWithConsentAndPurgedAfterDelivery) {
    Store store;
    IdeaQuota session;
    IdeaDraft d = GoodDraft();
    d.contact_consent = true;
    d.contact_email = " Anna.Muster@Example.ORG ";
    const Result<Receipt> r = SubmitIdea(store.db, d, TestContext(), session);
    ASSERT_TRUE(r.ok()) << r.error().message;
    auto pending = store.Pending();
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(json::parse(pending[0].payload)["contactEmail"],
              json::parse(R"({"type":"TextUnrestricted","value":"Anna.Muster@example.org"})"));

    // Delivery purges the personal attribute from the local copy (listed in personal_attributes).
    Result<std::vector<cache::OutboxItem>> claimed = cache::ClaimBatch(store.db, "ngsi", kNow, 10, 1 << 20);
    ASSERT_TRUE(claimed.ok());
    ASSERT_EQ(claimed->size(), 1u);
    ASSERT_TRUE(cache::MarkDelivered(store.db, {(*claimed)[0].seq}, kNow).ok());
    Result<std::vector<cache::OutboxItem>> delivered =
        cache::ListOutbox(store.db, cache::OutboxState::kDelivered, 10);
    ASSERT_TRUE(delivered.ok());
    ASSERT_EQ(delivered->size(), 1u);
    const json after = json::parse((*delivered)[0].payload);
    EXPECT_FALSE(after.contains("contactEmail"));
    EXPECT_EQ(after["title"]["value"], "Mehr B\u00E4nke am Marktplatz");
}

TEST(SubmitIdea, WordListFlagsButAccepts) {
    Store store;
    IdeaQuota session;
    IdeaDraft d = GoodDraft();
    d.description = "Der Planer ist ein Vollidiot.";
    const Result<Receipt> r = SubmitIdea(store.db, d, TestContext(), session);
    ASSERT_TRUE(r.ok());
    const auto pending = store.Pending();
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(json::parse(pending[0].payload)["needsReview"]["value"], true);
}

TEST(SubmitIdea, KioskPlaceUsesConfiguredLocation) {
    Store store;
    IdeaQuota session;
    IdeaDraft d = GoodDraft();
    d.place_kind = PlaceKind::kKiosk;
    SubmitContext ctx = TestContext();
    ctx.kiosk_location = GeoPoint{7.165, 51.538};
    ASSERT_TRUE(SubmitIdea(store.db, d, ctx, session).ok());
    const json e = json::parse(store.Pending().at(0).payload);
    EXPECT_EQ(e["placeKind"]["value"], "kiosk");
    EXPECT_EQ(e["location"]["value"]["coordinates"], json::parse("[7.165, 51.538]"));
}

TEST(SubmitIdea, MapPlaceMustLieInTheChosenDistrictOfTheMap) {
    Store store;
    IdeaQuota session;
    SubmitContext ctx = TestContext();
    ctx.settings.map.south_west = {7.1, 51.5};
    ctx.settings.map.north_east = {7.3, 51.6};
    ctx.settings.map.districts = {{"Wanne", {{7.1, 51.5}, {7.2, 51.5}, {7.2, 51.6}, {7.1, 51.6}}}};
    IdeaDraft d = GoodDraft();  // district Wanne
    d.place_kind = PlaceKind::kMap;
    d.map_point = GeoPoint{7.25, 51.55};  // inside the bounds, outside every district
    Result<Receipt> r = SubmitIdea(store.db, d, ctx, session);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "ideas.place.outside_map");
    EXPECT_TRUE(store.Pending().empty());

    d.map_point = GeoPoint{7.15, 51.55};
    ASSERT_TRUE(SubmitIdea(store.db, d, ctx, session).ok());
    const json e = json::parse(store.Pending().at(0).payload);
    EXPECT_EQ(e["placeKind"]["value"], "map");
    EXPECT_EQ(e["location"]["type"], "geo:json");
    EXPECT_EQ(e["location"]["value"]["coordinates"], json::parse("[7.15, 51.55]"));
    EXPECT_EQ(e["district"]["value"], "Wanne");
}

TEST(SubmitIdea, SessionLimit) {
    Store store;
    SubmitContext ctx = TestContext();
    ctx.settings.max_per_session = 2;
    IdeaQuota session;
    ASSERT_TRUE(SubmitIdea(store.db, GoodDraft(), ctx, session).ok());
    ASSERT_TRUE(SubmitIdea(store.db, GoodDraft(), ctx, session).ok());
    const Result<Receipt> third = SubmitIdea(store.db, GoodDraft(), ctx, session);
    ASSERT_FALSE(third.ok());
    EXPECT_EQ(third.error().code, "ideas.limit.session");
    EXPECT_EQ(store.Pending().size(), 2u);
    IdeaQuota next_visitor;
    EXPECT_TRUE(SubmitIdea(store.db, GoodDraft(), ctx, next_visitor).ok());
}

TEST(SubmitIdea, HourlyKioskLimitCountsFromTheStore) {
    Store store;
    SubmitContext ctx = TestContext();
    ctx.settings.max_per_hour = 3;
    for (int i = 0; i < 3; ++i) {
        IdeaQuota s;
        ctx.now = kNow + std::chrono::minutes(i * 10);
        ASSERT_TRUE(SubmitIdea(store.db, GoodDraft(), ctx, s).ok()) << i;
    }
    IdeaQuota s;
    ctx.now = kNow + std::chrono::minutes(30);
    const Result<Receipt> blocked = SubmitIdea(store.db, GoodDraft(), ctx, s);
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().code, "ideas.limit.kiosk_hour");
    EXPECT_EQ(CheckIdeaRateLimits(store.db, s, ctx.settings, ctx.now).error().code, "ideas.limit.kiosk_hour");

    // Paper cards typed in by staff are not limited, and do not count towards the kiosk's limit.
    ctx.channel = "paper";
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(SubmitIdea(store.db, GoodDraft(), ctx, s).ok());
    EXPECT_EQ(store.IdeasSince(kNow - std::chrono::hours(1), "paper"), 4);

    // An hour after the first idea, one slot is free again.
    ctx.channel = "kiosk";
    ctx.now = kNow + std::chrono::minutes(61);
    IdeaQuota later;
    EXPECT_TRUE(SubmitIdea(store.db, GoodDraft(), ctx, later).ok());
    EXPECT_FALSE(SubmitIdea(store.db, GoodDraft(), ctx, later).ok());
}

TEST(SubmitIdea, EveryIdeaGetsItsOwnCodeAndId) {
    Store store;
    SubmitContext ctx = TestContext();
    ctx.channel = "paper";
    std::set<std::string> codes, ids;
    IdeaQuota s;
    for (int i = 0; i < 20; ++i) {
        const Result<Receipt> r = SubmitIdea(store.db, GoodDraft(), ctx, s);
        ASSERT_TRUE(r.ok());
        codes.insert(r->reference_code);
        ids.insert(r->entity_id);
    }
    EXPECT_EQ(codes.size(), 20u);
    EXPECT_EQ(ids.size(), 20u);
}

// ---- SupportIdea ----

cache::CachedEntity PublishedIdea(const std::string& uuid, int support_count,
                                  const std::string& status = "published") {
    json e{{"id", "urn:ngsi-ld:CitizenIdea:" + uuid},
           {"type", "CitizenIdea"},
           {"title", {{"type", "TextUnrestricted"}, {"value", "Idea " + uuid}}},
           {"status", {{"type", "Text"}, {"value", status}}},
           {"supportCount", {{"type", "Number"}, {"value", support_count}}},
           {"dateCreated", {{"type", "DateTime"}, {"value", "2026-11-01T10:00:00Z"}}}};
    return cache::CachedEntity{e["id"].get<std::string>(), "CitizenIdea", e.dump(), kNow};
}

TEST(SupportIdea, OncePerSessionAndCountedAtOnce) {
    Store store;
    const cache::CachedEntity idea = PublishedIdea("0f8fad5b-d9cb-469f-a165-70867728950e", 7);
    ASSERT_TRUE(cache::UpsertEntity(store.db, idea).ok());
    const SupportContext ctx{"herne-demo-01", kNow};
    IdeaQuota session;

    const Result<SupportReceipt> r = SupportIdea(store.db, idea.id, ctx, session);
    ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
    EXPECT_EQ(r->entity_id.rfind("urn:ngsi-ld:IdeaSupport:", 0), 0u);
    EXPECT_TRUE(session.supported_idea_ids.count(idea.id));

    const Result<SupportReceipt> again = SupportIdea(store.db, idea.id, ctx, session);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, "ideas.support.already");

    const auto pending = store.Pending();
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].entity_type, "IdeaSupport");
    const json e = json::parse(pending[0].payload);
    EXPECT_EQ(e["refIdea"]["value"], idea.id);
    EXPECT_EQ(e["refDevice"]["value"], "urn:ngsi-ld:Device:herne-demo-01");
    EXPECT_TRUE(OrionSafe(e));

    // The shown count includes the undelivered local support.
    Result<std::vector<IdeaSummary>> listed = LoadPublishedIdeas(store.db, {}, IdeaSort::kNewest);
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ((*listed)[0].support_count, 8);

    // Another visitor may support it too.
    IdeaQuota other;
    ASSERT_TRUE(SupportIdea(store.db, idea.id, ctx, other).ok());
    Result<IdeaSummary> parsed = ParsePublishedIdea(idea);
    ASSERT_TRUE(parsed.ok());
    Result<std::int64_t> shown = ShownSupportCount(store.db, *parsed);
    ASSERT_TRUE(shown.ok());
    EXPECT_EQ(*shown, 9);
}

TEST(SupportIdea, OnlyForPublishedCachedIdeas) {
    Store store;
    const cache::CachedEntity pending_idea =
        PublishedIdea("7c9e6679-7425-40de-944b-e07fc1f90ae7", 0, "submitted");
    ASSERT_TRUE(cache::UpsertEntity(store.db, pending_idea).ok());
    const SupportContext ctx{"herne-demo-01", kNow};
    IdeaQuota session;
    EXPECT_EQ(SupportIdea(store.db, pending_idea.id, ctx, session).error().code,
              "ideas.support.unknown_idea");
    EXPECT_EQ(
        SupportIdea(store.db, "urn:ngsi-ld:CitizenIdea:00000000-0000-4000-8000-000000000000", ctx, session)
            .error()
            .code,
        "ideas.support.unknown_idea");
    EXPECT_EQ(SupportIdea(store.db, "urn:ngsi-ld:CitizenIdea:x;DROP", ctx, session).error().code,
              "ideas.support.unknown_idea");
    EXPECT_TRUE(store.Pending().empty());
    EXPECT_TRUE(session.supported_idea_ids.empty());
}

}  // namespace
}  // namespace ck::part
