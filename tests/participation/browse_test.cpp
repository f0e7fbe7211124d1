// Parsing cached published ideas and the pure list/filter/sort.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "participation/browse.h"

namespace ck::part {
namespace {

using nlohmann::json;

json Idea(const std::string& uuid, const std::string& created, int supports, const std::string& category,
          const std::string& district, const std::string& status = "published") {
    json e{{"id", "urn:ngsi-ld:CitizenIdea:" + uuid},
           {"type", "CitizenIdea"},
           {"title", {{"type", "TextUnrestricted"}, {"value", "Idea " + uuid}}},
           {"description", {{"type", "TextUnrestricted"}, {"value", "Text of " + uuid}}},
           {"category", {{"type", "Text"}, {"value", category}}},
           {"status", {{"type", "Text"}, {"value", status}}},
           {"supportCount", {{"type", "Number"}, {"value", supports}}},
           {"dateCreated", {{"type", "DateTime"}, {"value", created}}}};
    if (!district.empty()) e["district"] = {{"type", "Text"}, {"value", district}};
    return e;
}

cache::CachedEntity Cached(const json& e) {
    return cache::CachedEntity{e.value("id", std::string("x")), "CitizenIdea", e.dump(), FromUnixMs(0)};
}

TEST(ParsePublishedIdea, ReadsAllAttributes) {
    const Result<IdeaSummary> s =
        ParsePublishedIdea(Cached(Idea("a1", "2026-11-01T10:00:00.250Z", 12, "mobility", "Wanne")));
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->id, "urn:ngsi-ld:CitizenIdea:a1");
    EXPECT_EQ(s->title, "Idea a1");
    EXPECT_EQ(s->description, "Text of a1");
    EXPECT_EQ(s->category, "mobility");
    EXPECT_EQ(s->district, "Wanne");
    EXPECT_EQ(s->status, "published");
    EXPECT_EQ(s->support_count, 12);
    EXPECT_EQ(FormatIsoUtc(s->created), "2026-11-01T10:00:00Z");
    EXPECT_EQ(ToUnixMs(s->created) % 1000, 250);
}

TEST(ParsePublishedIdea, ToleratesMissingOptionalAttributes) {
    const json minimal = json::parse(R"({"id":"urn:ngsi-ld:CitizenIdea:m","type":"CitizenIdea",
        "title":{"type":"TextUnrestricted","value":"Only a title"},"status":{"type":"Text","value":"published"}})");
    const Result<IdeaSummary> s = ParsePublishedIdea(Cached(minimal));
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->title, "Only a title");
    EXPECT_TRUE(s->description.empty());
    EXPECT_TRUE(s->category.empty());
    EXPECT_TRUE(s->district.empty());
    EXPECT_EQ(s->support_count, 0);
    EXPECT_EQ(ToUnixMs(s->created), 0);
}

TEST(ParsePublishedIdea, SanitisesDisplayedText) {
    json e = Idea("s1", "2026-11-01T10:00:00Z", 0, "mobility", "");
    e["title"]["value"] = "abc\u202Egnp.exe  \u200B";
    e["description"]["value"] = "Zeile\r\n\r\n\r\nZwei";
    const Result<IdeaSummary> s = ParsePublishedIdea(Cached(e));
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->title, "abcgnp.exe");
    EXPECT_EQ(s->description, "Zeile\n\nZwei");
}

TEST(ParsePublishedIdea, RejectsWrongTypesAndShapes) {
    auto with = [](const char* attr, const json& value) {
        json e = Idea("w", "2026-11-01T10:00:00Z", 1, "mobility", "Wanne");
        e[attr] = value;
        return Cached(e);
    };
    const std::vector<std::pair<const char*, cache::CachedEntity>> bad = {
        {"title number", with("title", {{"type", "Text"}, {"value", 42}})},
        {"title missing value", with("title", {{"type", "Text"}})},
        {"status missing", with("status", nullptr)},
        {"supportCount negative", with("supportCount", {{"type", "Number"}, {"value", -3}})},
        {"supportCount fractional", with("supportCount", {{"type", "Number"}, {"value", 1.5}})},
        {"dateCreated number", with("dateCreated", {{"type", "DateTime"}, {"value", 1700000000}})},
        {"dateCreated bad day",
         with("dateCreated", {{"type", "DateTime"}, {"value", "2026-02-30T10:00:00Z"}})},
        {"category array", with("category", {{"type", "Text"}, {"value", json::array({"a"})}})},
        {"district object", with("district", {{"type", "Text"}, {"value", json::object()}})},
        {"wrong type", with("type", "IdeaSupport")},
        {"bad id", with("id", "urn:ngsi-ld:Other:1")},
        {"not json", cache::CachedEntity{"x", "CitizenIdea", "{not json", FromUnixMs(0)}},
        {"json array", cache::CachedEntity{"x", "CitizenIdea", "[]", FromUnixMs(0)}},
    };
    for (const auto& [name, entity] : bad) {
        const Result<IdeaSummary> s = ParsePublishedIdea(entity);
        ASSERT_FALSE(s.ok()) << name;
        EXPECT_EQ(s.error().code, "ideas.browse.invalid") << name;
    }
    // What the NGSI layer reads leniently, as every other platform's entity: a count sent as a string, a time
    // without a zone (UTC), and the keyValues form.
    const auto lenient = ParsePublishedIdea(with("supportCount", {{"type", "Number"}, {"value", "12"}}));
    ASSERT_TRUE(lenient.ok()) << lenient.error().message;
    EXPECT_EQ(lenient->support_count, 12);
    const auto no_zone = ParsePublishedIdea(with("dateCreated", {{"type", "DateTime"}, {"value", "2026-11-01T10:00:00"}}));
    ASSERT_TRUE(no_zone.ok());
    EXPECT_EQ(FormatIsoUtc(no_zone->created), "2026-11-01T10:00:00Z");
    const auto key_values = ParsePublishedIdea(with("title", "keyValues string"));
    ASSERT_TRUE(key_values.ok());
    // Raw invalid UTF-8 inside a JSON string (the JSON parser rejects it first).
    const std::string raw =
        R"({"id":"urn:ngsi-ld:CitizenIdea:u","type":"CitizenIdea","title":{"type":"Text","value":"a)"
        "\xC3"
        R"("},"status":{"type":"Text","value":"published"}})";
    EXPECT_FALSE(ParsePublishedIdea(cache::CachedEntity{"u", "CitizenIdea", raw, FromUnixMs(0)}).ok());
    // A title of 50 kB (a broken or hostile server) is rejected, not shown.
    json huge = Idea("h", "2026-11-01T10:00:00Z", 1, "mobility", "");
    huge["title"]["value"] = std::string(50'000, 'x');
    EXPECT_FALSE(ParsePublishedIdea(Cached(huge)).ok());
}

TEST(ListPublishedIdeas, FiltersSortsAndHidesUnpublished) {
    const std::vector<cache::CachedEntity> entities = {
        Cached(Idea("old-popular", "2026-10-01T08:00:00Z", 50, "mobility", "Wanne")),
        Cached(Idea("new-quiet", "2026-11-20T08:00:00Z", 1, "mobility", "Eickel")),
        Cached(Idea("mid", "2026-11-01T08:00:00Z", 10, "environment", "Wanne")),
        Cached(Idea("submitted-here", "2026-11-25T08:00:00Z", 0, "mobility", "Wanne", "submitted")),
        Cached(Idea("rejected", "2026-11-24T08:00:00Z", 99, "mobility", "Wanne", "rejected")),
        cache::CachedEntity{"broken", "CitizenIdea", "{}", FromUnixMs(0)},
    };
    auto ids = [](const std::vector<IdeaSummary>& v) {
        std::vector<std::string> out;
        for (const auto& s : v) out.push_back(s.id.substr(24));
        return out;
    };
    EXPECT_EQ(ids(ListPublishedIdeas(entities, {}, IdeaSort::kNewest)),
              (std::vector<std::string>{"new-quiet", "mid", "old-popular"}));
    EXPECT_EQ(ids(ListPublishedIdeas(entities, {}, IdeaSort::kMostSupported)),
              (std::vector<std::string>{"old-popular", "mid", "new-quiet"}));
    EXPECT_EQ(ids(ListPublishedIdeas(entities, {"mobility", ""}, IdeaSort::kNewest)),
              (std::vector<std::string>{"new-quiet", "old-popular"}));
    EXPECT_EQ(ids(ListPublishedIdeas(entities, {"", "Wanne"}, IdeaSort::kMostSupported)),
              (std::vector<std::string>{"old-popular", "mid"}));
    EXPECT_EQ(ids(ListPublishedIdeas(entities, {"environment", "Eickel"}, IdeaSort::kNewest)),
              std::vector<std::string>{});
}

TEST(ListPublishedIdeas, TiesAreStable) {
    const std::vector<cache::CachedEntity> entities = {
        Cached(Idea("b", "2026-11-01T08:00:00Z", 5, "mobility", "")),
        Cached(Idea("a", "2026-11-01T08:00:00Z", 5, "mobility", "")),
        Cached(Idea("c", "2026-11-02T08:00:00Z", 5, "mobility", "")),
    };
    const auto list = ListPublishedIdeas(entities, {}, IdeaSort::kMostSupported);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id.substr(24), "c");  // same count: newer first
    EXPECT_EQ(list[1].id.substr(24), "a");  // same count and time: by id
    EXPECT_EQ(list[2].id.substr(24), "b");
}

}  // namespace
}  // namespace ck::part
