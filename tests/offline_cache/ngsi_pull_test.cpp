// NGSI-v2 pull into the content cache: paging by Fiware-Total-Count, queries, and hostile server data
// (malformed JSON, wrong types, invalid UTF-8, huge bodies): rejected with a reason, cache left consistent.
#include <gtest/gtest.h>

#include "offline_cache/content_cache.h"
#include "offline_cache/ngsi_connector.h"
#include "sync_fixture.h"

namespace ck::cache::test {
namespace {

using nlohmann::json;

json Weather(int i) {
    return {{"id", "urn:ngsi-ld:WeatherObserved:herne-" + std::to_string(i)},
            {"type", "WeatherObserved"},
            {"temperature", {{"type", "Number"}, {"value", 10 + i % 7}}},
            {"dateObserved", {{"type", "DateTime"}, {"value", "2026-11-27T10:00:00Z"}}}};
}

class PullTest : public SyncTest {
  protected:
    Connector Ngsi(std::vector<NgsiPullSpec> pulls, int page_limit = 1000) {
        NgsiSettings ngsi;
        ngsi.base_url = central_.base_url();
        ngsi.service = kTenant;
        ngsi.pulls = std::move(pulls);
        ngsi.page_limit = page_limit;
        if (!client_) client_ = std::make_unique<HttpClient>(MakeHttpClientSettings(settings_));
        return MakeNgsiConnector(*client_, ngsi);
    }
    // One type's pull: its failure as the error.
    Result<PullOutcome> Pull(std::vector<NgsiPullSpec> pulls, int page_limit = 1000) {
        auto c = Ngsi(std::move(pulls), page_limit);
        auto outcome = c.pull(*db_, Now());
        if (outcome.ok() && !outcome->failures.empty()) return outcome->failures.front();
        return outcome;
    }
    std::size_t Cached(const std::string& type) {
        auto list = ListEntities(*db_, type);
        EXPECT_TRUE(list.ok());
        return list.ok() ? list->size() : 0;
    }
    void SeedCache() {
        ASSERT_TRUE(ReplaceEntities(*db_, "WeatherObserved",
                                    {CachedEntity{"urn:ngsi-ld:WeatherObserved:old", "WeatherObserved",
                                                  Weather(0).dump(), Now()}})
                        .ok());
    }
};

TEST_F(PullTest, PagesThroughAllEntitiesUsingTheTotalCount) {
    for (int i = 0; i < 2500; ++i) central_.PutEntity(kTenant, Weather(i));
    auto pulled = Pull({{"WeatherObserved", ""}});
    ASSERT_TRUE(pulled.ok()) << pulled.error().message;
    EXPECT_EQ(pulled->stored, 2500);
    EXPECT_EQ(pulled->skipped, 0);
    EXPECT_EQ(Cached("WeatherObserved"), 2500u);
    const auto gets = RequestsTo("GET", "/v2/entities");
    ASSERT_EQ(gets.size(), 3u);
    EXPECT_NE(gets[0].query.find("limit=1000"), std::string::npos);
    EXPECT_NE(gets[0].query.find("offset=0"), std::string::npos);
    EXPECT_NE(gets[0].query.find("options=count"), std::string::npos);
    EXPECT_NE(gets[2].query.find("offset=2000"), std::string::npos);
    EXPECT_EQ(gets[0].Header("fiware-service"), "herne");
}

TEST_F(PullTest, AQueryRestrictsWhatIsCachedAndEachTypeIsReplacedWhole) {
    for (int i = 0; i < 3; ++i) {
        central_.PutEntity(kTenant,
                           {{"id", "urn:ngsi-ld:CitizenIdea:" + std::to_string(i)},
                            {"type", "CitizenIdea"},
                            {"status", {{"type", "Text"}, {"value", i == 1 ? "rejected" : "published"}}},
                            {"supportCount", {{"type", "Number"}, {"value", i}}}});
    }
    SeedCache();
    central_.PutEntity(kTenant, Weather(1));
    auto pulled = Pull({{"CitizenIdea", "status==published"}, {"WeatherObserved", ""}}, 1);
    ASSERT_TRUE(pulled.ok()) << pulled.error().message;
    EXPECT_EQ(Cached("CitizenIdea"), 2u);
    auto rejected = GetEntity(*db_, "urn:ngsi-ld:CitizenIdea:1");
    ASSERT_TRUE(rejected.ok());
    EXPECT_FALSE(rejected->has_value());
    // The old weather entity is gone: the type's cached set is what the server has now.
    EXPECT_EQ(Cached("WeatherObserved"), 1u);
    auto w = GetEntity(*db_, "urn:ngsi-ld:WeatherObserved:herne-1");
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w->has_value());
    EXPECT_EQ(json::parse((*w)->json)["temperature"]["value"], 11);
}

TEST_F(PullTest, MalformedResponsesLeaveTheCacheUnchanged) {
    SeedCache();
    const std::vector<std::pair<std::string, std::string>> bodies = {
        {"not JSON", "[{\"id\": \"x\", "},
        {"not an array", R"({"id":"urn:ngsi-ld:WeatherObserved:1","type":"WeatherObserved"})"},
        {"invalid UTF-8",
         "[{\"id\":\"urn:ngsi-ld:WeatherObserved:1\",\"type\":\"WeatherObserved\",\"name\":"
         "{\"type\":\"Text\",\"value\":\"\xff\xfe\"}}]"},
        {"deep nesting", std::string(100000, '[') + std::string(100000, ']')},
        {"lone surrogate", R"([{"id":"a","type":"WeatherObserved","x":{"value":"\ud800"}}])"},
    };
    for (const auto& [what, body] : bodies) {
        central_.SetRawResponse("GET", "/v2/entities", 200, body, {{"Fiware-Total-Count", "1"}});
        auto pulled = Pull({{"WeatherObserved", ""}});
        ASSERT_FALSE(pulled.ok()) << what;
        EXPECT_EQ(pulled.error().code, "ngsi.malformed") << what;
        EXPECT_EQ(Cached("WeatherObserved"), 1u) << what;
    }
}

TEST_F(PullTest, AHugeBodyIsRefusedWithoutExhaustingMemory) {
    SeedCache();
    central_.SetRawResponse("GET", "/v2/entities", 200, "[" + std::string(10 * 1024 * 1024, ' ') + "]");
    auto pulled = Pull({{"WeatherObserved", ""}});
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, "http.body_too_large");
    EXPECT_EQ(Cached("WeatherObserved"), 1u);
}

TEST_F(PullTest, ServerErrorsLeaveTheCacheUnchanged) {
    SeedCache();
    central_.SetRawResponse("GET", "/v2/entities", 400,
                            R"({"error":"BadRequest","description":"Bad pagination limit"})");
    auto pulled = Pull({{"WeatherObserved", ""}});
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, "http.status");
    EXPECT_NE(pulled.error().message.find("Bad pagination limit"), std::string::npos);
    central_.SetRawResponse("GET", "/v2/entities", 503, "");
    pulled = Pull({{"WeatherObserved", ""}});
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, "http.status");
    EXPECT_EQ(Cached("WeatherObserved"), 1u);
}

TEST_F(PullTest, InvalidEntitiesAreSkippedAndValidOnesKept) {
    json page = json::array({
        Weather(1),
        42,
        json{{"id", 7}, {"type", "WeatherObserved"}},
        json{{"id", "urn:ngsi-ld:WeatherObserved:no-type"}},
        json{{"id", "has space"}, {"type", "WeatherObserved"}},
        json{{"id", "urn:ngsi-ld:WeatherObserved:<script>"}, {"type", "WeatherObserved"}},
        json{{"id", std::string(300, 'a')}, {"type", "WeatherObserved"}},
        json{{"id", "urn:ngsi-ld:WeatherObserved:flat"}, {"type", "WeatherObserved"}, {"temperature", 12}},
        json{{"id", "urn:ngsi-ld:WeatherObserved:big"},
             {"type", "WeatherObserved"},
             {"blob", {{"type", "Text"}, {"value", std::string(100 * 1024, 'b')}}}},
        json{{"id", "urn:ngsi-ld:OffStreetParking:1"}, {"type", "OffStreetParking"}},
        Weather(2),
    });
    central_.SetRawResponse("GET", "/v2/entities", 200, page.dump(), {{"Fiware-Total-Count", "11"}});
    auto pulled = Pull({{"WeatherObserved", ""}});
    ASSERT_TRUE(pulled.ok()) << pulled.error().message;
    // The keyValues entity ("flat") is kept: the NGSI layer reads both forms.
    EXPECT_EQ(pulled->stored, 3);
    EXPECT_GE(pulled->skipped, 8);
    EXPECT_EQ(Cached("WeatherObserved"), 3u);
    EXPECT_EQ(Cached("OffStreetParking"), 0u);
}

TEST_F(PullTest, HostileTotalCountsCannotMakeItLoopForever) {
    SeedCache();
    // Claims a huge total but always serves the same page: paging must end (duplicates collapse).
    central_.SetRawResponse("GET", "/v2/entities", 200, json::array({Weather(1)}).dump(),
                            {{"Fiware-Total-Count", "999999999"}});
    auto pulled = Pull({{"WeatherObserved", ""}});
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, "ngsi.too_many");
    EXPECT_EQ(Cached("WeatherObserved"), 1u);
    EXPECT_TRUE(GetEntity(*db_, "urn:ngsi-ld:WeatherObserved:old")->has_value());

    // A non-numeric total is ignored: a short page ends the paging.
    central_.SetRawResponse("GET", "/v2/entities", 200, json::array({Weather(1)}).dump(),
                            {{"Fiware-Total-Count", "lots"}});
    pulled = Pull({{"WeatherObserved", ""}});
    ASSERT_TRUE(pulled.ok()) << pulled.error().message;
    EXPECT_EQ(Cached("WeatherObserved"), 1u);
    EXPECT_TRUE(GetEntity(*db_, "urn:ngsi-ld:WeatherObserved:herne-1")->has_value());
}

TEST_F(PullTest, ARoundRecordsAPullProblemWithoutCallingTheServiceOffline) {
    SeedCache();
    central_.SetRawResponse("GET", "/v2/entities", 200, "{garbage");
    Connect({{"WeatherObserved", ""}});
    const auto summary = Round();
    ASSERT_FALSE(summary.errors.empty());
    ASSERT_TRUE(state_.connectors.count("ngsi"));
    EXPECT_TRUE(state_.connectors["ngsi"].online);
    EXPECT_NE(state_.connectors["ngsi"].last_error.find("not valid JSON"), std::string::npos);
    EXPECT_EQ(Cached("WeatherObserved"), 1u);
}

TEST_F(PullTest, AHugePullAfterASuccessfulPushIsABadResponseNotUnreachable) {
    Add(IdeaItem("pushed"));
    central_.SetRawResponse("GET", "/v2/entities", 200, "[" + std::string(10 * 1024 * 1024, ' ') + "]");
    Connect({{"WeatherObserved", ""}});
    const auto summary = Round();
    EXPECT_EQ(summary.delivered, 1);
    const ConnectorStatus& s = state_.connectors["ngsi"];
    EXPECT_EQ(s.state, ConnectorState::kBadResponse);
    EXPECT_TRUE(s.online);  // it answered: reachable
    EXPECT_EQ(s.last_error_code, "http.body_too_large");
    EXPECT_NE(s.last_error.find("WeatherObserved"), std::string::npos) << s.last_error;

    // Saved for `status` in another process, with the same distinction.
    auto saved = LoadConnectorStatuses(*db_);
    ASSERT_TRUE(saved.ok());
    ASSERT_EQ(saved->size(), 1u);
    EXPECT_EQ(saved->front().state, ConnectorState::kBadResponse);
    EXPECT_EQ(saved->front().last_error_code, "http.body_too_large");
}

TEST_F(PullTest, ARefusedConnectionIsUnreachableWithItsStableCode) {
    Connect({{"WeatherObserved", ""}});
    fake::FaultPlan plan;
    plan.fault = fake::Fault::kRefuseConnections;
    central_.SetFault(plan);
    const auto summary = Round();
    central_.ClearFault();
    const ConnectorStatus& s = state_.connectors["ngsi"];
    EXPECT_EQ(s.state, ConnectorState::kUnreachable);
    EXPECT_FALSE(s.online);
    EXPECT_EQ(s.last_error_code, "http.connect");
    ASSERT_FALSE(summary.errors.empty());
    EXPECT_NE(summary.errors.front().find("http.connect"), std::string::npos) << summary.errors.front();
}

TEST_F(PullTest, EachPullStandsAloneWhenAnEarlierOneFails) {
    for (int i = 0; i < 3; ++i) {
        central_.PutEntity(kTenant, {{"id", "urn:ngsi-ld:CitizenIdea:i" + std::to_string(i)},
                                     {"type", "CitizenIdea"},
                                     {"status", {{"type", "Text"}, {"value", "published"}}}});
    }
    central_.PutEntity(kTenant, Weather(1));
    NgsiSettings ngsi;
    ngsi.base_url = central_.base_url();
    ngsi.service = kTenant;
    ngsi.pulls = {{"CitizenIdea", ""}, {"WeatherObserved", ""}};
    ngsi.page_limit = 1;
    ngsi.max_entities_per_type = 1;  // the ideas pull fails: too many
    client_ = std::make_unique<HttpClient>(MakeHttpClientSettings(settings_));
    connectors_.clear();
    connectors_.push_back(MakeNgsiConnector(*client_, ngsi));
    const auto summary = Round();
    EXPECT_EQ(Cached("WeatherObserved"), 1u);  // pulled although the ideas pull before it failed
    EXPECT_EQ(Cached("CitizenIdea"), 0u);
    EXPECT_EQ(summary.pulled, 1);
    ASSERT_EQ(summary.errors.size(), 1u);
    EXPECT_NE(summary.errors.front().find("ngsi.too_many"), std::string::npos) << summary.errors.front();
    EXPECT_EQ(state_.connectors["ngsi"].last_error_code, "ngsi.too_many");
}

TEST(PulledEntityValidation, Reasons) {
    EXPECT_EQ(ValidatePulledEntity(Weather(1), 64 * 1024), "");
    EXPECT_EQ(ValidatePulledEntity(json::array(), 64 * 1024), "an entity must be a JSON object");
    EXPECT_EQ(ValidatePulledEntity(Weather(1), 10),
              "entity of " + std::to_string(Weather(1).dump().size()) + " bytes exceeds 10");
    EXPECT_NE(ValidatePulledEntity(json{{"id", "a"}, {"type", "b"}, {"x y", json::object()}}, 1024), "");
}

}  // namespace
}  // namespace ck::cache::test
