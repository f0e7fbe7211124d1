// The live and CKAN connectors against the in-process fake central: Orion paging with attrs, history
// deduplicated by dateObserved, entities that stop appearing marked gone, bad answers that change nothing,
// CKAN paging with an organisation filter and its error envelope.
#include <gtest/gtest.h>

#include <fake_central/fake_central.h>
#include <gmock/gmock.h>

#include "../locales/log_capture.h"
#include "offline_cache/ckan_connector.h"
#include "offline_cache/http_client.h"
#include "offline_cache/live_connector.h"
#include "offline_cache/live_store.h"
#include "opendata/ckan.h"
#include "opendata/live_sync.h"
#include "test_support/test_support.h"

namespace ck::od {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

constexpr const char* kTenant = "herne";
const TimePoint kNow = *ParseIso8601("2026-11-27T13:05:00Z");

json Weather(const std::string& id, double temperature, const std::string& observed) {
    return {{"id", id},
            {"type", "WeatherObserved"},
            {"name", {{"type", "Text"}, {"value", "Station " + id}}},
            {"temperature", {{"type", "Number"}, {"value", temperature}}},
            {"relativeHumidity", {{"type", "Number"}, {"value", 0.5}}},
            {"dateObserved", {{"type", "DateTime"}, {"value", observed}}}};
}

class LiveSyncTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto db = cache::Database::Open((dir_ / "kiosk.db").string());
        ASSERT_TRUE(db.ok()) << db.error().message;
        db_.emplace(std::move(*db));
    }
    cache::Connector Live(int page_limit = 100) {
        std::vector<TileSpec> tiles = {DefaultTiles()[0]};  // weather
        cache::LiveSettings s = MakeLiveSettings(tiles, 8, {});
        s.base_url = central_.base_url();
        s.service = kTenant;
        s.page_limit = page_limit;
        return cache::MakeLiveConnector(client_, s);
    }
    Result<cache::PullOutcome> Pull(cache::Connector& c, TimePoint now = kNow) { return c.pull(*db_, now); }
    std::vector<TileEntry> Entries(TimePoint now = kNow) {
        auto e = LoadTileEntries(*db_, {DefaultTiles()[0]}, now);
        EXPECT_TRUE(e.ok());
        return e.ok() ? *e : std::vector<TileEntry>{};
    }

    test::TempDir dir_;
    fake::FakeCentral central_;
    cache::HttpClient client_{cache::HttpClientSettings{}};
    std::optional<cache::Database> db_;
};

TEST_F(LiveSyncTest, PagesThroughOrionAskingOnlyForTheTilesAttributes) {
    for (int i = 0; i < 5; ++i)
        central_.PutEntity(kTenant, Weather("w" + std::to_string(i), 5 + i, "2026-11-27T13:00:00Z"));
    auto c = Live(2);
    auto out = Pull(c);
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out->failures.empty()) << out->failures.front().message;
    EXPECT_EQ(out->stored, 5);
    int gets = 0;
    for (const auto& r : central_.Requests()) {
        if (r.path != "/v2/entities") continue;
        ++gets;
        EXPECT_THAT(r.query, HasSubstr("options=count"));
        EXPECT_THAT(r.query, HasSubstr("limit=2"));
        EXPECT_THAT(r.query, HasSubstr("attrs="));
        EXPECT_THAT(r.query, HasSubstr("temperature"));
        EXPECT_EQ(r.Header("fiware-service"), kTenant);
    }
    EXPECT_EQ(gets, 3);
    const auto entries = Entries();
    ASSERT_EQ(entries.size(), 5u);
    EXPECT_EQ(entries[0].value.name, "Station w0");
    EXPECT_FALSE(entries[0].stale);
}

TEST_F(LiveSyncTest, HistoryIsDedupedByObservationTimeAndGoneEntitiesDisappear) {
    central_.PutEntity(kTenant, Weather("a", 5, "2026-11-27T12:00:00Z"));
    central_.PutEntity(kTenant, Weather("b", 6, "2026-11-27T12:00:00Z"));
    auto c = Live();
    ASSERT_TRUE(Pull(c).ok());
    auto c2 = Live();                                            // a new connector: every tile is due
    ASSERT_TRUE(Pull(c2, kNow + std::chrono::minutes(1)).ok());  // same observation again
    EXPECT_EQ(Entries()[0].history_points, 1);
    central_.PutEntity(kTenant, Weather("a", 7, "2026-11-27T12:30:00Z"));
    auto c3 = Live();
    ASSERT_TRUE(Pull(c3, kNow + std::chrono::minutes(2)).ok());
    auto entries = Entries();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].history_points, 2);
    EXPECT_DOUBLE_EQ(*entries[0].value.value, 7);
    auto h = cache::LoadHistory(*db_, "weather", "a", kNow - std::chrono::hours(24), kNow);
    ASSERT_TRUE(h.ok());
    ASSERT_EQ(h->size(), 2u);
    EXPECT_DOUBLE_EQ((*h)[0].value, 5);

    // b stops appearing: marked gone, not shown; its row stays until pruned.
    central_.Reset();
    central_.PutEntity(kTenant, Weather("a", 7, "2026-11-27T12:30:00Z"));
    auto c4 = Live();
    ASSERT_TRUE(Pull(c4, kNow + std::chrono::minutes(3)).ok());
    entries = Entries();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].value.entity_id, "a");
    auto all = cache::ListLiveRows(*db_, true);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 2u);
    // Retention: eight days later the history and the gone row are pruned by the next pull.
    auto c5 = Live();
    ASSERT_TRUE(Pull(c5, kNow + std::chrono::hours(24 * 9)).ok());
    auto counts = cache::CountHistory(*db_);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->count({"weather", "b"}), 0u);
    EXPECT_EQ(cache::ListLiveRows(*db_, true)->size(), 1u);
}

TEST_F(LiveSyncTest, ABadEntityNeverHidesTheGoodOnes) {
    central_.PutEntity(kTenant, Weather("good", 5, "2026-11-27T13:00:00Z"));
    central_.PutEntity(kTenant, Weather("text", 0, "2026-11-27T13:00:00Z"));
    json bad = Weather("text", 0, "2026-11-27T13:00:00Z");
    bad["temperature"] = {{"type", "Text"}, {"value", "warm"}};
    central_.PutEntity(kTenant, bad);
    json notime = Weather("notime", 3, "2026-11-27T13:00:00Z");
    notime.erase("dateObserved");
    central_.PutEntity(kTenant, notime);
    auto c = Live();
    auto out = Pull(c);
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out->failures.empty());
    EXPECT_EQ(out->stored, 1);
    EXPECT_EQ(out->skipped, 2);
    ASSERT_EQ(Entries().size(), 1u);
}

// A value damaged in the store (a half-written or hand-edited row) is skipped with its reason in the log; the
// other values of its tile and the other tiles still show.
TEST_F(LiveSyncTest, ACorruptStoredValueIsSkippedAndTheOthersStillShow) {
    const std::vector<TileSpec> tiles = {DefaultTiles()[0], DefaultTiles()[1]};  // weather, parking
    auto row = [](const std::string& tile, const std::string& entity, const std::string& stored) {
        cache::LiveRow r;
        r.tile = tile, r.entity_id = entity, r.json = stored;
        r.observed = kNow - std::chrono::minutes(5), r.fetched = kNow;
        return r;
    };
    TileValue good;
    good.tile = "weather", good.type = "WeatherObserved", good.entity_id = "good", good.name = "Station good";
    good.value = 4.5, good.unit = "\u00b0C", good.observed = kNow - std::chrono::minutes(5);
    TileValue parking = good;
    parking.tile = "parking", parking.type = "OffStreetParking", parking.entity_id = "p1";
    parking.value = 12, parking.total = 80;
    ASSERT_TRUE(
        cache::StoreTilePull(*db_, "weather",
                             {row("weather", "good", ToJson(good).dump()),
                              row("weather", "cut", R"({"tile":"weather","type":"Weath)"),
                              row("weather", "typed", R"({"tile":"weather","type":7,"entity":"typed"})")},
                             kNow)
            .ok());
    ASSERT_TRUE(
        cache::StoreTilePull(*db_, "parking", {row("parking", "p1", ToJson(parking).dump())}, kNow).ok());
    test::LogCapture log;
    auto entries = LoadTileEntries(*db_, tiles, kNow);
    ASSERT_TRUE(entries.ok()) << entries.error().message;
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0].value.entity_id, "good");
    EXPECT_EQ((*entries)[0].value.value, 4.5);
    EXPECT_EQ((*entries)[1].value.entity_id, "p1");
    EXPECT_EQ((*entries)[1].value.total, 80);
    EXPECT_EQ(log.CountLines("tile weather, entity "), 2) << log.text();
    EXPECT_EQ(log.CountLines("is unreadable and skipped"), 2) << log.text();
    EXPECT_THAT(log.text(), HasSubstr("not JSON"));
    EXPECT_THAT(log.text(), HasSubstr("no text \"type\""));
}

TEST_F(LiveSyncTest, BadAnswersLeaveTheCachedValuesAsTheyWere) {
    central_.PutEntity(kTenant, Weather("a", 5, "2026-11-27T13:00:00Z"));
    auto c = Live();
    ASSERT_TRUE(Pull(c).ok());
    const std::vector<std::pair<int, std::string>> answers = {
        {503, R"({"error":"ServiceUnavailable"})"},
        {200, "not json"},
        {200, R"({"an":"object"})"},
        {200, std::string(100, '[') + std::string(100, ']')},                   // nested too deep
        {200, "[" + std::string(9 * 1024 * 1024, ' ') + "]"},                   // larger than allowed
        {200, R"([{"id":"x","type":"WeatherObserved","temperature":"hot"}])"},  // only garbage
    };
    for (const auto& [status, body] : answers) {
        central_.SetRawResponse("GET", "/v2/entities", status, body);
        auto again = Live();
        auto out = Pull(again);
        ASSERT_TRUE(out.ok());
        EXPECT_EQ(out->failures.size(), 1u) << status << " " << body.substr(0, 40);
        const auto entries = Entries();
        ASSERT_EQ(entries.size(), 1u) << body.substr(0, 40);
        EXPECT_DOUBLE_EQ(*entries[0].value.value, 5);
    }
}

TEST_F(LiveSyncTest, InvalidUtf8InOneEntityRejectsOnlyThatOne) {
    const std::string body =
        R"([{"id":"a","type":"WeatherObserved","temperature":5,"dateObserved":"2026-11-27T13:00:00Z"},)"
        R"({"id":"b","type":"WeatherObserved","name":"Bad )"
        "\xC3\x28"
        R"( name","temperature":6,"dateObserved":"2026-11-27T13:00:00Z"}])";
    central_.SetRawResponse("GET", "/v2/entities", 200, body, {{"Fiware-Total-Count", "2"}});
    auto c = Live();
    auto out = Pull(c);
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out->failures.empty()) << out->failures.front().message;
    EXPECT_EQ(out->stored, 1);
    EXPECT_EQ(out->skipped, 1);
}

json Package(const std::string& id, const std::string& org, const std::string& title) {
    return {{"id", id},
            {"name", "ds-" + id},
            {"title", title},
            {"notes", "<p>Daten über <b>" + title + "</b></p><ul><li>täglich</li></ul>"},
            {"license_title", "Datenlizenz Deutschland – Namensnennung – Version 2.0"},
            {"metadata_modified", "2026-11-20T08:15:00.123456"},
            {"organization", {{"name", org}, {"title", "Stadt " + org}}},
            {"resources", json::array({{{"format", "csv"}}, {{"format", "JSON"}}, {{"format", "CSV"}}})}};
}

class CkanSyncTest : public LiveSyncTest {
  protected:
    cache::Connector Ckan(const std::string& org, int page) {
        cache::CkanSettings s;
        s.base_url = central_.base_url();
        s.organization = org;
        s.page_size = page;
        return cache::MakeCkanConnector(client_, s);
    }
};

TEST_F(CkanSyncTest, PagesThroughPackageSearchForOneOrganisation) {
    for (int i = 0; i < 5; ++i)
        central_.SetCkanPackage(Package("h" + std::to_string(i), "herne", "Herne " + std::to_string(i)));
    central_.SetCkanPackage(Package("b1", "bochum", "Bochum 1"));
    auto c = Ckan("herne", 2);
    auto out = c.pull(*db_, kNow);
    ASSERT_TRUE(out.ok()) << out.error().message;
    EXPECT_TRUE(out->failures.empty());
    EXPECT_EQ(out->stored, 5);
    int searches = 0;
    for (const auto& r : central_.Requests())
        if (r.path == "/api/3/action/package_search") {
            ++searches;
            EXPECT_THAT(r.query, HasSubstr("rows=2"));
            EXPECT_THAT(r.query, HasSubstr("organization"));
        }
    EXPECT_EQ(searches, 3);
    auto rows = cache::ListCkanDatasets(*db_);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 5u);
    Result<Dataset> d = ParseDataset(json::parse((*rows)[0].json), "https://opendata.example.org/");
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d->title, "Herne 0");
    EXPECT_EQ(d->formats, (std::vector<std::string>{"CSV", "JSON"}));
    EXPECT_EQ(d->page_url, "https://opendata.example.org/dataset/ds-h0");
    EXPECT_EQ(FormatIsoUtc(d->modified), "2026-11-20T08:15:00Z");
    EXPECT_THAT(d->license, HasSubstr("Datenlizenz"));
}

TEST_F(CkanSyncTest, TheErrorEnvelopeIsAnErrorAndTheCacheStays) {
    central_.SetCkanPackage(Package("h1", "herne", "Herne 1"));
    auto c = Ckan("herne", 10);
    ASSERT_TRUE(c.pull(*db_, kNow).ok());
    central_.SetRawResponse(
        "GET", "/api/3/action/package_search", 409,
        R"({"success": false, "error": {"__type": "Validation Error", "rows": ["Must be less than or equal to 1000"]}})");
    auto out = c.pull(*db_, kNow);
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, "ckan.error");
    EXPECT_THAT(out.error().message, HasSubstr("Validation Error"));
    EXPECT_THAT(out.error().message, HasSubstr("rows"));
    central_.SetRawResponse(
        "GET", "/api/3/action/package_search", 200,
        R"({"success": false, "error": {"__type": "Authorization Error", "message": "Access denied"}})");
    out = c.pull(*db_, kNow);
    ASSERT_FALSE(out.ok());
    EXPECT_THAT(out.error().message, HasSubstr("Access denied"));
    central_.SetRawResponse("GET", "/api/3/action/package_search", 200, "<html>proxy error</html>");
    EXPECT_EQ(c.pull(*db_, kNow).error().code, "ckan.malformed");
    EXPECT_EQ(cache::ListCkanDatasets(*db_)->size(), 1u);
}

TEST(CkanAnswer, Envelope) {
    EXPECT_TRUE(cache::ParseCkanAnswer(200, R"({"success":true,"result":{"count":0,"results":[]}})").ok());
    EXPECT_EQ(cache::ParseCkanAnswer(503, "").error().code, "http.status");
    EXPECT_EQ(cache::ParseCkanAnswer(500, R"({"success":false,"error":{"__type":"Internal","message":"x"}})")
                  .error()
                  .code,
              "http.status");
    EXPECT_EQ(cache::ParseCkanAnswer(
                  404, R"({"success":false,"error":{"__type":"Not Found Error","message":"Not found"}})")
                  .error()
                  .code,
              "ckan.error");
}

}  // namespace
}  // namespace ck::od
