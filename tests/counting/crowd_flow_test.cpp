// The CrowdFlowObserved entity of a closed bin, checked against the Smart Data Models schema.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "counting/crowd_flow.h"
#include "test_support/test_support.h"

namespace ck::counting {
namespace {

using hw::BinCounts;

// 2026-11-27T14:00:00Z
const TimePoint kT0 = FromUnixMs(1795788000000);

TimePoint At(int minutes) {
    return kT0 + std::chrono::minutes(minutes);
}

// The entity as it goes on the wire.
Result<nlohmann::json> BuildCrowdFlowObserved(const std::string& kiosk, const BinCounts& bin,
                                              bool towards_is_positive) {
    Result<ngsi::Entity> e = CrowdFlowObserved(kiosk, bin, towards_is_positive);
    if (!e) return e.error();
    return ngsi::BuildNormalized(*e);
}

// A checker for the subset of JSON Schema the CrowdFlowObserved schema uses on our attributes: required
// properties, "type" (string/integer/number/boolean), "minimum", "enum", "format": "date-time".
std::vector<std::string> CheckAgainstSchema(const nlohmann::json& key_values, const nlohmann::json& schema) {
    std::vector<std::string> problems;
    for (const auto& req : schema.at("required")) {
        if (!key_values.contains(req.get<std::string>()))
            problems.push_back("missing required " + req.get<std::string>());
    }
    nlohmann::json props = nlohmann::json::object();
    for (const auto& part : schema.at("allOf")) {
        if (part.contains("properties")) props.update(part.at("properties"));
    }
    for (const auto& [name, value] : key_values.items()) {
        if (!props.contains(name)) continue;  // GSMA/Location commons (id, name, refDevice...) are $refs
        const auto& p = props.at(name);
        const std::string type = p.value("type", "");
        if (type == "string" && !value.is_string()) problems.push_back(name + " is not a string");
        if (type == "integer" && !value.is_number_integer()) problems.push_back(name + " is not an integer");
        if (type == "number" && !value.is_number()) problems.push_back(name + " is not a number");
        if (type == "boolean" && !value.is_boolean()) problems.push_back(name + " is not a boolean");
        if (p.contains("minimum") && value.is_number() &&
            value.get<double>() < p.at("minimum").get<double>()) {
            problems.push_back(name + " below minimum");
        }
        if (p.contains("enum") &&
            std::find(p.at("enum").begin(), p.at("enum").end(), value) == p.at("enum").end()) {
            problems.push_back(name + " not in enum");
        }
        if (p.value("format", "") == "date-time") {
            const std::string s = value.get<std::string>();
            if (s.size() != 20 || s[4] != '-' || s[10] != 'T' || s.back() != 'Z')
                problems.push_back(name + " not date-time");
        }
    }
    return problems;
}

nlohmann::json ToKeyValues(const nlohmann::json& normalized) {
    nlohmann::json kv = {{"id", normalized.at("id")}, {"type", normalized.at("type")}};
    for (const auto& [name, attr] : normalized.items()) {
        if (name != "id" && name != "type") kv[name] = attr.at("value");
    }
    return kv;
}

TEST(CrowdFlowObserved, EntityIsNormalizedAndDeterministic) {
    const BinCounts bin{"door-1", At(15), At(30), 7, 3};
    auto entity = BuildCrowdFlowObserved("herne-demo-01", bin, /*towards_is_positive=*/true);
    ASSERT_TRUE(entity.ok()) << entity.error().message;
    const auto& e = entity.value();
    EXPECT_EQ(e["id"], "urn:ngsi-ld:CrowdFlowObserved:herne-demo-01-door-1-20261127T1415Z");
    EXPECT_EQ(e["type"], "CrowdFlowObserved");
    EXPECT_EQ(e["dateObserved"], (nlohmann::json{{"type", "DateTime"}, {"value", "2026-11-27T14:30:00Z"}}));
    EXPECT_EQ(e["dateObservedFrom"]["value"], "2026-11-27T14:15:00Z");
    EXPECT_EQ(e["dateObservedTo"]["value"], "2026-11-27T14:30:00Z");
    EXPECT_EQ(e["peopleCount"], (nlohmann::json{{"type", "Number"}, {"value", 10}}));
    EXPECT_EQ(e["peopleCountTowards"]["value"], 7);
    EXPECT_EQ(e["peopleCountAway"]["value"], 3);
    EXPECT_EQ(e["refDevice"],
              (nlohmann::json{{"type", "Relationship"}, {"value", "urn:ngsi-ld:Device:herne-demo-01"}}));
    EXPECT_EQ(e["name"], (nlohmann::json{{"type", "Text"}, {"value", "door-1"}}));
    EXPECT_FALSE(e.contains("direction"));
    for (const auto& [name, attr] : e.items()) {
        if (name == "id" || name == "type") continue;
        EXPECT_TRUE(attr.contains("type") && attr.contains("value")) << name;
    }
    // Same bin, same entity (a retry never makes a second one); mapping swaps towards/away.
    EXPECT_EQ(BuildCrowdFlowObserved("herne-demo-01", bin, true).value(), e);
    auto swapped = BuildCrowdFlowObserved("herne-demo-01", bin, false);
    EXPECT_EQ(swapped.value()["peopleCountTowards"]["value"], 3);
    EXPECT_EQ(swapped.value()["peopleCountAway"]["value"], 7);
}

TEST(CrowdFlowObserved, RejectsIdsThatWouldBreakTheUrn) {
    const BinCounts bin{"door", At(0), At(15), 1, 1};
    for (const char* bad : {"", "a b", "a/b", "kiosk#1", "x<y", "ünï"}) {
        EXPECT_FALSE(BuildCrowdFlowObserved(bad, bin, true).ok()) << bad;
        BinCounts b = bin;
        b.line = bad;
        EXPECT_FALSE(BuildCrowdFlowObserved("k", b, true).ok()) << bad;
    }
    EXPECT_FALSE(BuildCrowdFlowObserved(std::string(65, 'a'), bin, true).ok());
    EXPECT_FALSE(BuildCrowdFlowObserved("k", {"door", At(15), At(15), 0, 0}, true).ok());
}

TEST(CrowdFlowObserved, ValidAgainstTheSmartDataModelSchema) {
    CK_REQUIRE_SHARED(schema_path, "fixtures/smart-data-models/CrowdFlowObserved.schema.json");
    std::ifstream in(schema_path);
    const auto schema = nlohmann::json::parse(in);
    for (const BinCounts& bin :
         {BinCounts{"door", At(0), At(15), 0, 0}, BinCounts{"street_2", At(45), At(60), 120, 98}}) {
        auto entity = BuildCrowdFlowObserved("herne-demo-01", bin, true);
        ASSERT_TRUE(entity.ok());
        const auto problems = CheckAgainstSchema(ToKeyValues(entity.value()), schema);
        EXPECT_TRUE(problems.empty()) << problems.front();
    }
    // The checker is not blind: a broken entity fails it.
    auto broken = ToKeyValues(BuildCrowdFlowObserved("k", {"door", At(0), At(15), 1, 2}, true).value());
    broken["peopleCount"] = -1;
    broken["dateObservedFrom"] = "2026-11-27 14:00";
    broken.erase("dateObserved");
    EXPECT_EQ(CheckAgainstSchema(broken, schema).size(), 3u);
}

}  // namespace
}  // namespace ck::counting
