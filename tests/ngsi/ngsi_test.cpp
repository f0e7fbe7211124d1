// Orion's rules in the NGSI layer, each with Orion's own error case, building both ways, and parsing the
// normalized and keyValues forms of the Smart Data Models examples. The fake Orion (tests/fake_central)
// implements the rules independently; the cross-check holds the two against each other over HTTP.
#include <gtest/gtest.h>

#include <httplib.h>

#include <cmath>
#include <fstream>
#include <limits>

#include "fake_central/fake_central.h"
#include "ngsi/entity.h"
#include "ngsi/rules.h"
#include "test_support/test_support.h"

namespace ck::ngsi {
namespace {

using nlohmann::json;

const TimePoint kT = FromUnixMs(1795792500000);  // 2026-11-27T15:15:00Z

Entity Sample() {
    Entity e{"urn:ngsi-ld:CitizenIdea:6f1c-42", "CitizenIdea", {}};
    e.Set("title", TextUnrestricted("Bänke \"am\" Kanal (bitte!) <3"))
        .Set("category", Text("mobility"))
        .Set("supportCount", WholeNumber(12))
        .Set("needsReview", Boolean(false))
        .Set("dateCreated", DateTime(kT))
        .Set("location", GeoPoint(7.22, 51.54))
        .Set("refDevice", Relationship("urn:ngsi-ld:Device:herne-01"));
    return e;
}

TEST(NgsiRules, IdentifiersFollowOrionsFieldSyntax) {
    EXPECT_TRUE(IsValidIdentifier("urn:ngsi-ld:CitizenIdea:6f1c-42"));
    EXPECT_TRUE(IsValidIdentifier(std::string(256, 'a')));
    // Orion's own error texts, so an operator can match the kiosk's message with the broker's.
    EXPECT_EQ(CheckIdentifier("entity id", "").error().message,
              "entity id length: 0, min length supported: 1");
    EXPECT_EQ(CheckIdentifier("entity id", std::string(257, 'a')).error().message,
              "entity id length: 257, max length supported: 256");
    for (const char* bad : {"a b", "a&b", "a?b", "a/b", "a#b", "a<b", "a>b", "a\"b", "a'b", "a=b", "a;b",
                            "a(b", "a)b", "tab\there", "nl\n", "\x7f", "\xc3\xa4"}) {
        const Status s = CheckIdentifier("attribute name", bad);
        ASSERT_FALSE(s.ok()) << bad;
        EXPECT_EQ(s.error().code, "ngsi.invalid");
        EXPECT_EQ(s.error().message.rfind("Invalid characters in attribute name", 0), 0u)
            << s.error().message;
    }
}

TEST(NgsiRules, TokensUrnsAndForbiddenCharacters) {
    EXPECT_TRUE(IsValidToken("herne-demo_01"));
    for (const std::string& bad : {std::string(), std::string(65, 'a'), std::string("k\u00F6"),
                                   std::string("a b"), std::string("a/b"), std::string("a.b")}) {
        EXPECT_FALSE(IsValidToken(bad)) << bad;
    }
    EXPECT_NE(CheckToken("kiosk id", "a b").error().message.find("kiosk id"), std::string::npos);
    EXPECT_EQ(DeviceUrn("herne-01").value(), "urn:ngsi-ld:Device:herne-01");
    EXPECT_FALSE(DeviceUrn("herne 01").ok());
    EXPECT_TRUE(IsUrnOf("CitizenIdea", "urn:ngsi-ld:CitizenIdea:x"));
    EXPECT_FALSE(IsUrnOf("CitizenIdea", "urn:ngsi-ld:CitizenIdea:"));
    EXPECT_FALSE(IsUrnOf("CitizenIdea", "urn:ngsi-ld:IdeaSupport:x"));
    EXPECT_FALSE(IsUrnOf("CitizenIdea", "urn:ngsi-ld:CitizenIdeaX:x"));
    EXPECT_FALSE(IsUrnOf("CitizenIdea", "urn:ngsi-ld:CitizenIdea:a b"));
    EXPECT_FALSE(MakeUrn("id", "Device", std::string(300, 'a')).ok());
    EXPECT_TRUE(HasForbiddenChars("a=b"));
    EXPECT_FALSE(HasForbiddenChars("Bürgerbüro Herne-Mitte"));
    EXPECT_EQ(StripForbiddenChars("B\u00FCrgerb\u00FCro (Rathaus); \"Eingang\" = A"),
              "B\u00FCrgerb\u00FCro Rathaus Eingang A");
}

TEST(NgsiBuild, NormalizedFormWithTheWireTypeNames) {
    const json e = BuildNormalized(Sample()).value();
    EXPECT_EQ(e["id"], "urn:ngsi-ld:CitizenIdea:6f1c-42");
    EXPECT_EQ(e["type"], "CitizenIdea");
    EXPECT_EQ(e["title"]["type"], "TextUnrestricted");
    EXPECT_EQ(e["category"], (json{{"type", "Text"}, {"value", "mobility"}}));
    EXPECT_EQ(e["supportCount"], (json{{"type", "Number"}, {"value", 12}}));
    EXPECT_EQ(e["needsReview"]["type"], "Boolean");
    EXPECT_EQ(e["dateCreated"], (json{{"type", "DateTime"}, {"value", "2026-11-27T15:15:00Z"}}));
    EXPECT_EQ(e["location"]["type"], "geo:json");
    EXPECT_EQ(e["location"]["value"]["coordinates"], json::array({7.22, 51.54}));
    EXPECT_EQ(e["refDevice"]["type"], "Relationship");
    EXPECT_EQ(BuildPayload(Sample()).value(), e.dump());
    // Set replaces an attribute of the same name; the order stays that of the first Set.
    Entity twice = Sample();
    twice.Set("category", Text("environment"));
    EXPECT_EQ(twice.attributes.size(), Sample().attributes.size());
    EXPECT_EQ(BuildNormalized(twice).value()["category"]["value"], "environment");
    EXPECT_EQ(BuildNormalized(Entity{"x", "T", {}}).value(), (json{{"id", "x"}, {"type", "T"}}));
    EXPECT_STREQ(TypeName(AttrType::kInteger), "Integer");
    EXPECT_EQ(BuildNormalized(Entity{"x", "T", {{"n", Integer(-4)}}}).value()["n"]["type"], "Integer");
    EXPECT_EQ(
        BuildNormalized(Entity{"x", "T", {{"s", Structured(json::array({"sensor"}))}}}).value()["s"]["type"],
        "StructuredValue");
}

// Each rule, with the field named in the error.
TEST(NgsiBuild, EveryRuleNamesTheField) {
    auto error = [](Entity e) { return Validate(e).ok() ? std::string("ok") : Validate(e).error().message; };
    auto with = [](const char* name, Attribute a) {
        Entity e = Sample();
        e.Set(name, std::move(a));
        return e;
    };
    EXPECT_EQ(error(Sample()), "ok");
    EXPECT_EQ(error(with("category", Text("a=b"))).rfind("CitizenIdea.category: Invalid characters", 0), 0u);
    EXPECT_EQ(Validate(with("category", Text("a(b"))).error().code, "ngsi.forbidden_character");
    EXPECT_EQ(error(with("title", TextUnrestricted("<>\"'=;()"))), "ok");
    EXPECT_NE(error(with("category", Attribute{AttrType::kText, 3}))
                  .find("CitizenIdea.category: Text needs a string"),
              std::string::npos);
    EXPECT_NE(
        error(with("n", Number(std::numeric_limits<double>::quiet_NaN()))).find("CitizenIdea.n: Number"),
        std::string::npos);
    EXPECT_NE(error(with("n", Number(std::numeric_limits<double>::infinity()))), "ok");
    EXPECT_NE(error(with("n", Attribute{AttrType::kInteger, 1.5})).find("Integer needs a whole number"),
              std::string::npos);
    EXPECT_EQ(error(with("n", Attribute{AttrType::kInteger, 2.0})), "ok");
    EXPECT_NE(error(with("b", Attribute{AttrType::kBoolean, "true"})), "ok");
    EXPECT_NE(
        error(with("d", Attribute{AttrType::kDateTime, "2026-11-27 15:15"})).find("date has invalid format"),
        std::string::npos);
    EXPECT_EQ(error(with("d", Attribute{AttrType::kDateTime, "2026-11-27T16:15:00+01:00"})), "ok");
    EXPECT_NE(error(with("location", GeoPoint(200, 51))).find("CitizenIdea.location"), std::string::npos);
    EXPECT_NE(error(with("location", Attribute{AttrType::kGeoJson, json{{"coordinates", {1, 2}}}})), "ok");
    EXPECT_NE(error(with("s", Structured(json{{"a", "x=y"}}))).find("Invalid characters"), std::string::npos);
    EXPECT_NE(error(with("s", Structured(json{{"a(b", 1}}))).find("Invalid characters"), std::string::npos);
    EXPECT_NE(error(with("s", Structured(json(3)))), "ok");
    EXPECT_NE(error(with("r", Relationship("not an id"))).find("CitizenIdea.r: Relationship"),
              std::string::npos);
    EXPECT_NE(
        error(with("bad name", Text("x"))).find("Invalid characters in CitizenIdea.bad name attribute name"),
        std::string::npos);
    EXPECT_NE(error(with("id", Text("x"))).find("reserved"), std::string::npos);
    EXPECT_NE(error(with("t", TextUnrestricted("\xff\xfe"))).find("not valid UTF-8"), std::string::npos);
    Entity bad_id = Sample();
    bad_id.id = "urn:ngsi-ld:CitizenIdea:a#b";
    EXPECT_NE(error(bad_id).find("Invalid characters in CitizenIdea entity id"), std::string::npos);
    Entity no_type = Sample();
    no_type.type.clear();
    EXPECT_EQ(error(no_type), "entity type length: 0, min length supported: 1");
    // Orion's request limit: the payload is refused before it is queued.
    EXPECT_EQ(BuildPayload(with("title", TextUnrestricted(std::string(1024 * 1024, 'x')))).error().code,
              "ngsi.too_large");
}

// The independent implementation of the same rules: what the layer accepts, the fake Orion stores; what the
// layer refuses, the fake Orion answers with 400 BadRequest.
TEST(NgsiBuild, AgreesWithTheFakeOrionOverHttp) {
    fake::FakeCentral central;
    httplib::Client client("127.0.0.1", central.port());
    client.set_read_timeout(30, 0);
    auto raw = [](const Entity& e) {  // the same JSON without the layer's validation
        json j{{"id", e.id}, {"type", e.type}};
        for (const auto& [name, a] : e.attributes)
            j[name] = json{{"type", TypeName(a.type)}, {"value", a.value}};
        return j;
    };
    std::vector<std::pair<std::string, Entity>> cases;
    auto add = [&](const std::string& label, const char* name, Attribute a) {
        Entity e = Sample();
        e.id += "-" + std::to_string(cases.size());
        e.Set(name, std::move(a));
        cases.emplace_back(label, std::move(e));
    };
    add("plain", "category", Text("mobility"));
    add("free text", "title", TextUnrestricted("a=b; (c) <d> \"e\" 'f'"));
    add("forbidden in Text", "category", Text("a=b"));
    add("forbidden in a structured key", "s", Structured(json{{"a;b", 1}}));
    add("forbidden in a structured value", "s", Structured(json::array({"x'y"})));
    add("bad attribute name", "a b", Text("x"));
    add("bad date", "d", Attribute{AttrType::kDateTime, "yesterday"});
    add("geo without type", "location", Attribute{AttrType::kGeoJson, json{{"coordinates", {1, 2}}}});
    add("long name", std::string(257, 'n').c_str(), Text("x"));
    for (const auto& [label, e] : cases) {
        const bool layer_ok = Validate(e).ok();
        auto r =
            client.Post("/v2/entities?options=upsert", {{"Fiware-Service", "t"}, {"Fiware-ServicePath", "/"}},
                        raw(e).dump(), "application/json");
        ASSERT_TRUE(r) << label;
        const bool orion_ok = r->status == 201 || r->status == 204;
        EXPECT_EQ(layer_ok, orion_ok)
            << label << ": layer " << layer_ok << ", fake Orion " << r->status << " " << r->body;
    }
}

TEST(NgsiParse, BothFormsGiveOneTypedView) {
    const json normalized = BuildNormalized(Sample()).value();
    json key_values{{"id", normalized["id"]}, {"type", normalized["type"]}};
    for (const auto& [name, a] : normalized.items()) {
        if (name != "id" && name != "type") key_values[name] = a["value"];
    }
    for (const json& form : {normalized, key_values}) {
        const EntityView v = ParseEntity(form).value();
        EXPECT_EQ(v.id, "urn:ngsi-ld:CitizenIdea:6f1c-42");
        EXPECT_EQ(v.type, "CitizenIdea");
        EXPECT_EQ(TextValue(v, "category").value(), "mobility");
        EXPECT_EQ(IntegerValue(v, "supportCount").value(), 12);
        EXPECT_EQ(NumberValue(v, "supportCount").value(), 12.0);
        EXPECT_EQ(BooleanValue(v, "needsReview").value(), false);
        EXPECT_EQ(DateTimeValue(v, "dateCreated").value(), kT);
        const auto p = PointValue(v, "location").value();
        ASSERT_TRUE(p.has_value());
        EXPECT_DOUBLE_EQ(p->lon, 7.22);
        EXPECT_DOUBLE_EQ(p->lat, 51.54);
        EXPECT_FALSE(TextValue(v, "missing").value().has_value());
    }
    EXPECT_EQ(ParseEntity(normalized).value().Find("title")->type, "TextUnrestricted");
    EXPECT_EQ(ParseEntity(key_values).value().Find("title")->type, "");
}

TEST(NgsiParse, WrongTypesNumbersAsStringsAndGarbage) {
    const json e = {
        {"id", "x"},
        {"type", "WeatherObserved"},
        {"temperature", {{"type", "Number"}, {"value", "7.5"}}},
        {"pressure", "abc"},
        {"comma", "7,5"},
        {"nan_text", "nan"},
        {"padded", " 7.5"},
        {"huge", 1e308},
        {"count", 12.0},
        {"half", 1.5},
        {"nothing", nullptr},
        {"when", "2026-02-30T00:00:00Z"},
        {"where", {{"type", "Point"}, {"coordinates", {51.5, 7.2, 3}}}},
        // An object with "value" and something else is a keyValues structured value, not an attribute.
        {"structured", {{"value", 1}, {"unit", "CEL"}}}};
    const EntityView v = ParseEntity(e).value();
    EXPECT_EQ(NumberValue(v, "temperature").value(), 7.5);
    EXPECT_EQ(NumberValue(v, "pressure").error().code, "ngsi.wrong_type");
    EXPECT_NE(NumberValue(v, "pressure").error().message.find("WeatherObserved.pressure"), std::string::npos);
    EXPECT_EQ(NumberValue(v, "huge").value(), 1e308);
    // Strings are read without the process locale: a decimal comma, NaN or padding is no number.
    EXPECT_FALSE(NumberValue(v, "comma").ok());
    EXPECT_FALSE(NumberValue(v, "nan_text").ok());
    EXPECT_FALSE(NumberValue(v, "padded").ok());
    EXPECT_EQ(IntegerValue(v, "count").value(), 12);
    EXPECT_FALSE(IntegerValue(v, "half").ok());
    EXPECT_FALSE(NumberValue(v, "nothing").value().has_value());
    EXPECT_FALSE(DateTimeValue(v, "when").ok());
    EXPECT_FALSE(PointValue(v, "where").ok());
    EXPECT_TRUE(v.Find("structured")->value.is_object());
    EXPECT_FALSE(TextValue(v, "huge").ok());

    for (const json& bad :
         {json::array(), json("x"), json{{"id", "x"}}, json{{"type", "T"}}, json{{"id", 3}, {"type", "T"}},
          json{{"id", "a b"}, {"type", "T"}}, json{{"id", "x"}, {"type", "T"}, {"a b", 1}},
          json{{"id", "x"}, {"type", "T"}, {"a", {{"type", 3}, {"value", 1}}}}}) {
        const auto r = ParseEntity(bad);
        ASSERT_FALSE(r.ok()) << bad.dump();
        EXPECT_EQ(r.error().code, "ngsi.malformed");
    }
}

TEST(NgsiParse, BoundedJson) {
    EXPECT_TRUE(ParseJsonBounded(R"([{"id":"x","type":"T"}])").ok());
    EXPECT_FALSE(ParseJsonBounded("{not json").ok());
    EXPECT_FALSE(ParseJsonBounded("\"\xff\"").ok());
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto r = ParseJsonBounded(deep, 64);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("nested deeper than 64"), std::string::npos);
    // Brackets inside strings do not count.
    EXPECT_TRUE(ParseJsonBounded("[\"" + std::string(1000, '[') + "\"]", 2).ok());
}

// Every Smart Data Models example the kiosk will read, in both forms, parses into a view with its id and
// type.
TEST(NgsiParse, EverySmartDataModelsExample) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    int parsed = 0;
    for (const auto& file : std::filesystem::directory_iterator(dir)) {
        const std::string name = file.path().filename().string();
        if (name.find(".normalized.json") == std::string::npos &&
            name.find(".keyvalues.json") == std::string::npos)
            continue;
        std::ifstream in(file.path());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto j = ParseJsonBounded(text);
        ASSERT_TRUE(j.ok()) << name;
        const auto view = ParseEntity(j->is_array() ? j->at(0) : *j);
        ASSERT_TRUE(view.ok()) << name << ": " << view.error().message;
        EXPECT_EQ(name.substr(0, name.find('.')), view->type) << name;
        EXPECT_FALSE(view->attributes.empty()) << name;
        ++parsed;
    }
    EXPECT_GE(parsed, 16);
}

}  // namespace
}  // namespace ck::ngsi
