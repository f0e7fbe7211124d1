// Tile values from entities: every Smart Data Models fixture in both forms, units, swapped coordinates, and
// malformed input that must be rejected with a reason (never a crash, never a zero).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "opendata/tiles.h"
#include "test_support/test_support.h"

namespace ck::od {
namespace {

using nlohmann::json;

const TimePoint kNow = *ParseIso8601("2026-11-27T13:05:00Z");

json Fixture(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return json::parse(s.str());
}

TileSpec Tile(const std::string& id) {
    for (const auto& t : DefaultTiles())
        if (t.id == id) return t;
    ADD_FAILURE() << "no default tile " << id;
    return {};
}

ParseContext Herne() {
    ParseContext c;
    c.now = kNow;
    c.reference_lon = 7.22, c.reference_lat = 51.54;
    return c;
}

// A fixture in both forms (the two files of a model are not always the same example, so each form is
// checked on its own); both must parse.
struct Forms {
    TileValue normalized, key_values;
};
Forms BothForms(const std::string& type, const TileSpec& spec) {
    Forms out;
    for (const char* form : {"normalized", "keyvalues"}) {
        const auto path = test::SharedFile("fixtures/smart-data-models/" + type + "." + form + ".json");
        if (!std::filesystem::exists(path)) {
            ADD_FAILURE() << "missing " << path;
            continue;
        }
        Result<TileValue> v = ParseTileValue(spec, Fixture(path), Herne());
        EXPECT_TRUE(v.ok()) << type << " " << form << ": " << (v.ok() ? "" : v.error().message);
        if (!v.ok()) continue;
        (std::string(form) == "normalized" ? out.normalized : out.key_values) = *v;
    }
    return out;
}

TEST(TileParse, WeatherObservedFixtureBothForms) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    const Forms f = BothForms("WeatherObserved", Tile("weather"));
    for (const TileValue& v : {f.normalized, f.key_values}) {
        EXPECT_DOUBLE_EQ(v.value.value_or(-99), 3.3);
        EXPECT_EQ(v.unit, "\u00b0C");
        EXPECT_EQ(FormatIsoUtc(v.observed), "2016-11-30T07:00:00Z");
        ASSERT_EQ(v.extras.size(), 2u);  // precipitation and wind
        EXPECT_EQ(v.extras[0].attribute, "precipitation");
        EXPECT_EQ(v.extras[1].unit, "km/h");
        EXPECT_FALSE(v.swapped_coordinates);
    }
}

TEST(TileParse, OffStreetParkingFixtureBothFormsFreeOfTotal) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    const Forms f = BothForms("OffStreetParking", Tile("parking"));
    for (const TileValue& v : {f.normalized, f.key_values}) {
        EXPECT_DOUBLE_EQ(v.value.value_or(-1), 132);
        EXPECT_DOUBLE_EQ(v.total.value_or(-1), 414);
        EXPECT_EQ(v.name, "Parque de estacionamento Trindade");
    }
}

TEST(TileParse, AirQualityObservedFixtureBothFormsGivesALevel) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    const Forms f = BothForms("AirQualityObserved", Tile("air"));
    for (const TileValue& v : {f.normalized, f.key_values}) {
        EXPECT_EQ(v.level, "moderate");
        EXPECT_DOUBLE_EQ(v.value.value_or(0), 2);
    }
    // Only the normalized example has NO2 (the chart's series for a level tile).
    ASSERT_EQ(f.normalized.extras.size(), 1u);
    EXPECT_EQ(f.normalized.extras[0].unit, "\u00b5g/m\u00b3");
    EXPECT_DOUBLE_EQ(*ChartValue(f.normalized), 69);
}

TEST(TileParse, WaterObservedFixtureHasSwappedCoordinates) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    const Forms f = BothForms("WaterObserved", Tile("water"));
    for (const TileValue& v : {f.normalized, f.key_values}) {
        EXPECT_DOUBLE_EQ(v.value.value_or(0), 3.52);
        EXPECT_EQ(v.unit, "m");
        // Sent as [43.66, 7.20]: that is Nice as [lat, lon]; taken as [lon, lat] it would lie in Ethiopia.
        EXPECT_TRUE(v.swapped_coordinates);
        EXPECT_NEAR(v.lon.value_or(0), 7.196545, 1e-9);
        EXPECT_NEAR(v.lat.value_or(0), 43.66481, 1e-9);
    }
}

TEST(TileParse, ImpossibleLatitudeIsSwappedEvenWithoutAReference) {
    TileSpec spec = Tile("weather");
    json e = {{"id", "w1"},
              {"type", "WeatherObserved"},
              {"temperature", 1},
              {"dateObserved", "2026-11-27T12:00:00Z"},
              {"location", {{"type", "Point"}, {"coordinates", {51.5, 120.0}}}}};
    ParseContext c;
    c.now = kNow;
    Result<TileValue> v = ParseTileValue(spec, e, c);
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_TRUE(v->swapped_coordinates);
    EXPECT_DOUBLE_EQ(*v->lon, 120.0);
}

TEST(TileParse, FloodAndCrowdFixturesWithTheirOwnTiles) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    TileSpec flood;
    flood.id = "flood", flood.type = "FloodMonitoring", flood.attribute = "currentLevel", flood.unit = "MTR";
    flood.decimals = 2;
    const Forms fl = BothForms("FloodMonitoring", flood);
    EXPECT_DOUBLE_EQ(fl.key_values.value.value_or(0), 0.98);
    EXPECT_DOUBLE_EQ(fl.normalized.value.value_or(0), 1.98);
    EXPECT_EQ(FormatIsoUtc(fl.key_values.observed), "2020-09-16T08:00:00Z");  // observationDateTime, +05:30
    TileSpec crowd;
    crowd.id = "crowd", crowd.type = "CrowdFlowObserved", crowd.attribute = "peopleCount";
    const Forms c = BothForms("CrowdFlowObserved", crowd);
    EXPECT_DOUBLE_EQ(c.normalized.value.value_or(0), 100);
    EXPECT_DOUBLE_EQ(c.key_values.value.value_or(0), 100);
    // keyValues sends dateObserved as an interval "11:10/11:15", which is no time: its end (dateObservedTo).
    EXPECT_EQ(FormatIsoUtc(c.key_values.observed), "2018-08-07T11:15:00Z");
}

TEST(TileParse, EveryFixtureEitherParsesOrSaysWhyNot) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".normalized.json") == std::string::npos &&
            name.find(".keyvalues.json") == std::string::npos)
            continue;
        ++seen;
        const json e = Fixture(entry.path());
        for (const auto& spec : DefaultTiles()) {
            if (spec.source != TileSource::kNgsi) continue;
            Result<TileValue> v = ParseTileValue(spec, e, Herne());
            if (!v.ok()) {
                EXPECT_FALSE(v.error().message.empty()) << name;
            } else {
                EXPECT_EQ(v->type, spec.type) << name;
            }
        }
    }
    EXPECT_GE(seen, 16);
}

TEST(TileParse, UnitCodes) {
    EXPECT_EQ(UnitSymbol("CEL"), "\u00b0C");
    EXPECT_EQ(UnitSymbol("MTR"), "m");
    EXPECT_EQ(UnitSymbol("CMT"), "cm");
    EXPECT_EQ(UnitSymbol("KMH"), "km/h");
    EXPECT_EQ(UnitSymbol("MTS"), "m/s");
    EXPECT_EQ(UnitSymbol("GQ"), "\u00b5g/m\u00b3");
    EXPECT_EQ(UnitSymbol("hPa"), "hPa");  // already a symbol
    // The entity's own unitCode wins over the configured unit.
    json e = {{"id", "w1"},
              {"type", "WaterObserved"},
              {"height",
               {{"type", "Number"},
                {"value", 241},
                {"metadata", {{"unitCode", {{"type", "Text"}, {"value", "CMT"}}}}}}},
              {"dateObserved", {{"type", "DateTime"}, {"value", "2026-11-27T12:00:00Z"}}}};
    Result<TileValue> v = ParseTileValue(Tile("water"), e, Herne());
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_EQ(v->unit, "cm");
}

TEST(TileParse, NumbersAsStringsAndExtraAttributesAreFine) {
    json e = {{"id", "p1"},
              {"type", "OffStreetParking"},
              {"availableSpotNumber", "17"},
              {"totalSpotNumber", "40"},
              {"somethingElse", {{"deep", {1, 2, 3}}}},
              {"dateModified", "2026-11-27T13:00:00+01:00"}};
    Result<TileValue> v = ParseTileValue(Tile("parking"), e, Herne());
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_DOUBLE_EQ(*v->value, 17);
    EXPECT_DOUBLE_EQ(*v->total, 40);
    EXPECT_EQ(FormatIsoUtc(v->observed), "2026-11-27T12:00:00Z");
}

struct Bad {
    const char* what;
    json entity;
    const char* code;
};

TEST(TileParse, GarbageIsRejectedWithAReason) {
    const json t = "2026-11-27T12:00:00Z";
    const std::vector<Bad> cases = {
        {"not an object", json::array({1, 2}), "opendata.invalid"},
        {"no id", {{"type", "WeatherObserved"}, {"temperature", 3}, {"dateObserved", t}}, "opendata.invalid"},
        {"other type",
         {{"id", "a"}, {"type", "Device"}, {"temperature", 3}, {"dateObserved", t}},
         "opendata.invalid"},
        {"text for a number",
         {{"id", "a"}, {"type", "WeatherObserved"}, {"temperature", "warm"}, {"dateObserved", t}},
         "opendata.wrong_type"},
        {"object for a number",
         {{"id", "a"}, {"type", "WeatherObserved"}, {"temperature", {{"x", 1}}}, {"dateObserved", t}},
         "opendata.wrong_type"},
        {"NaN as text",
         {{"id", "a"}, {"type", "WeatherObserved"}, {"temperature", "NaN"}, {"dateObserved", t}},
         "opendata.wrong_type"},
        {"huge",
         {{"id", "a"}, {"type", "WeatherObserved"}, {"temperature", 1e300}, {"dateObserved", t}},
         "opendata.wrong_type"},
        {"beyond double",
         {{"id", "a"}, {"type", "WeatherObserved"}, {"temperature", "1e999"}, {"dateObserved", t}},
         "opendata.wrong_type"},
        {"no value", {{"id", "a"}, {"type", "WeatherObserved"}, {"dateObserved", t}}, "opendata.no_value"},
        {"null value",
         {{"id", "a"}, {"type", "WeatherObserved"}, {"temperature", nullptr}, {"dateObserved", t}},
         "opendata.no_value"},
        {"no time", {{"id", "a"}, {"type", "WeatherObserved"}, {"temperature", 3}}, "opendata.no_time"},
        {"bad time",
         {{"id", "a"}, {"type", "WeatherObserved"}, {"temperature", 3}, {"dateObserved", "yesterday"}},
         "opendata.no_time"},
        {"future",
         {{"id", "a"},
          {"type", "WeatherObserved"},
          {"temperature", 3},
          {"dateObserved", "2027-01-01T00:00:00Z"}},
         "opendata.future"},
        {"name not UTF-8",
         {{"id", "a"},
          {"type", "WeatherObserved"},
          {"temperature", 3},
          {"dateObserved", t},
          {"name", "Bad \xEF\xBF\xBD here"}},
         "opendata.invalid"},
    };
    for (const auto& c : cases) {
        Result<TileValue> v = ParseTileValue(Tile("weather"), c.entity, Herne());
        ASSERT_FALSE(v.ok()) << c.what;
        EXPECT_EQ(v.error().code, c.code) << c.what << ": " << v.error().message;
        EXPECT_FALSE(v.error().message.empty());
        EXPECT_LT(v.error().message.size(), 400u) << c.what;
    }
    json level = {
        {"id", "a"}, {"type", "AirQualityObserved"}, {"airQualityLevel", "purple"}, {"dateObserved", t}};
    EXPECT_EQ(ParseTileValue(Tile("air"), level, Herne()).error().code, "opendata.unknown_level");
}

TEST(TileParse, NamesLoseControlAndBidiOverrideCharacters) {
    json e = {{"id", "a"},
              {"type", "WeatherObserved"},
              {"temperature", 3},
              {"dateObserved", "2026-11-27T12:00:00Z"},
              {"name", "Herne\u202e-Mitte\n" + std::string(400, 'x')}};
    Result<TileValue> v = ParseTileValue(Tile("weather"), e, Herne());
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_EQ(v->name.rfind("Herne-Mitte", 0), 0u) << v->name;
    EXPECT_LT(v->name.size(), 200u);
}

TEST(TileParse, StoredFormRoundTrips) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    const TileValue v = BothForms("WeatherObserved", Tile("weather")).normalized;
    Result<TileValue> back = TileValueFromStored(ToJson(v).dump());
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(ToJson(*back), ToJson(v));
}

TEST(TileParse, ABrokenStoredValueIsAnErrorNotAnException) {
    const std::pair<const char*, const char*> cases[] = {
        {"{\"tile\": \"weather\", \"type\": ", "not JSON"},
        {"[1, 2]", "not an object"},
        {R"({"tile": 3, "type": "WeatherObserved", "entity": "a"})", "\"tile\""},
        {R"({"tile": "weather", "type": "WeatherObserved"})", "\"entity\""},
        {R"({"tile": "weather", "type": "WeatherObserved", "entity": "a", "extras": 5})", "extras"},
        {R"({"tile": "weather", "type": "WeatherObserved", "entity": "a", "extras": [{"value": "x"}]})",
         "extra"},
    };
    for (const auto& [stored, why] : cases) {
        Result<TileValue> v = TileValueFromStored(stored);
        ASSERT_FALSE(v.ok()) << stored;
        EXPECT_EQ(v.error().code, "opendata.invalid");
        EXPECT_NE(v.error().message.find(why), std::string::npos) << v.error().message;
    }
    // Wrong types of the optional fields are left out, not fatal.
    Result<TileValue> v = TileValueFromStored(
        R"({"tile": "w", "type": "T", "entity": "a", "value": "7", "decimals": "x", "observed_ms": 1.5e300,
            "lon": 7, "swapped": "yes"})");
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_FALSE(v->value);
    EXPECT_FALSE(v->lon);
    EXPECT_EQ(v->decimals, 0);
}

TEST(TileSpecTest, AttrsAskForWhatTheTileShows) {
    const auto attrs = Tile("parking").Attrs();
    for (const char* a : {"availableSpotNumber", "totalSpotNumber", "name", "dateObserved", "location"})
        EXPECT_NE(std::find(attrs.begin(), attrs.end(), a), attrs.end()) << a;
}

}  // namespace
}  // namespace ck::od
