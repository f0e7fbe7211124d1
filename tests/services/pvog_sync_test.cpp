// The PVOG pull through the real sync round and HTTP client against the fake central's PVOG endpoints, with
// its faults: 503, a cut connection, a malformed body, a 10 MB body. The last good catalogue always stays.
#include <gtest/gtest.h>

#include <fake_central/fake_central.h>

#include <fstream>
#include <sstream>

#include "fixture_file.h"
#include "offline_cache/pvog_store.h"
#include "offline_cache/sync.h"
#include "services/catalogue_store.h"
#include "test_support/test_support.h"

namespace ck::svc {
namespace {

constexpr const char* kArs = "059160000000";
constexpr const char* kHeader = "ID-LB|Leikaschlüssel|Name|Name2|Updatedatum|ID-OD|Bezeichnung OD|Links\n";

using fixtures::ReadFile;

std::string Detail(const std::string& id, const std::string& name) {
    return nlohmann::json{{"id", id},
                          {"name", name},
                          {"lastUpdate", "2025-01-20T01:26:46Z"},
                          {"synonyms", {"Stichwort"}},
                          {"details", {{{"code", "24"}, {"text", "<p>Kurz &amp; gut</p>"}}}}}
        .dump();
}

// A description in a language, listing the languages it is published in.
std::string Localised(const std::string& id, const std::string& name, const std::string& language,
                      const std::vector<std::string>& available) {
    auto j = nlohmann::json::parse(Detail(id, name));
    j["languageCode"] = language;
    j["availableLanguages"] = available;
    return j.dump();
}

std::vector<std::string> DetailRequestsFor(const fake::FakeCentral& central, const std::string& language) {
    std::vector<std::string> out;
    for (const auto& r : central.Requests()) {
        if (r.path.find("/detail") == std::string::npos) continue;
        if (r.Header("Accept-Language") == language) out.push_back(r.query);
    }
    return out;
}

class PvogSync : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = cache::Database::Open((dir_ / "kiosk.db").string());
        ASSERT_TRUE(opened.ok());
        db_.emplace(std::move(*opened));
        settings_.connect_timeout_s = 2;
        settings_.total_timeout_s = 10;
        settings_.pvog = MakePvogSettings(central_.base_url(), kArs, /*catalogue_interval_s=*/0, 1000);
        client_ = std::make_unique<cache::HttpClient>(cache::MakeHttpClientSettings(settings_));
        connectors_ = cache::MakeConnectors(*client_, settings_);
        ASSERT_EQ(connectors_.size(), 1u);
        EXPECT_EQ(connectors_[0].name, "pvog");
    }

    cache::RoundSummary Round() {
        cache::RoundOptions options;
        options.force = true;
        return cache::RunSyncRound(*db_, connectors_, settings_, state_, Now(), options);
    }

    std::vector<Service> Catalogue() {
        auto loaded = LoadCatalogue(*db_, kArs);
        EXPECT_TRUE(loaded.ok());
        return loaded.ok() ? *loaded : std::vector<Service>{};
    }

    void ServeSmallCatalogue() {
        central_.SetPvogCsv(
            kArs, std::string(kHeader) +
                      "A.LB.1|1|Eins|Eins beantragen|01.01.2025 00:00|A.OD.1|Online|https://a.example/1\n"
                      "A.LB.2|2|Zwei|Zwei beantragen|01.01.2025 00:00|||\n");
        central_.SetPvogDetail(kArs, "A.LB.1", Detail("A.LB.1", "Eins beantragen"));
        central_.SetPvogDetail(kArs, "A.LB.2", Detail("A.LB.2", "Zwei beantragen"));
    }

    // After a fault: the error is reported, the catalogue is what it was.
    void ExpectKept(const cache::RoundSummary& r, const std::string& error_part) {
        ASSERT_FALSE(r.errors.empty());
        EXPECT_NE(r.errors.front().find(error_part), std::string::npos) << r.errors.front();
        const auto services = Catalogue();
        ASSERT_EQ(services.size(), 2u);
        EXPECT_EQ(services[0].Title(), "Eins beantragen");
    }

    test::TempDir dir_;
    fake::FakeCentral central_;
    std::optional<cache::Database> db_;
    cache::SyncSettings settings_;
    cache::SyncState state_;
    std::unique_ptr<cache::HttpClient> client_;
    std::vector<cache::Connector> connectors_;
};

TEST_F(PvogSync, PullsTheRealCatalogue) {
    CK_REQUIRE_SHARED(csv, "fixtures/pvog/servicedescriptions-ars-000000000000.csv");
    settings_.pvog.details_per_round = 2;
    connectors_ = cache::MakeConnectors(*client_, settings_);
    central_.SetPvogCsv(kArs, ReadFile(csv));
    const auto r = Round();
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_EQ(r.pulled, 899);
    EXPECT_EQ(r.skipped, 2) << "the fake has no descriptions for the first two services: 404, skipped";
    EXPECT_EQ(Catalogue().size(), 899u);
}

TEST_F(PvogSync, PullsTheRealDescription) {
    CK_REQUIRE_SHARED(detail, "fixtures/pvog/servicedescription-detail-B100019.LB.574711.json");
    central_.SetPvogCsv(kArs,
                        std::string(kHeader) +
                            "B100019.LB.574711|99007002017000|Ausbildungsgeld Bewilligung|Ausbildungsgeld "
                            "beantragen|20.01.2025 00:48|||\n");
    central_.SetPvogDetail(kArs, "B100019.LB.574711", ReadFile(detail));
    const auto r = Round();
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_EQ(r.pulled, 1 + 1);
    auto d = LoadDetail(*db_, "B100019.LB.574711", "de");
    ASSERT_TRUE(d.ok() && d->has_value());
    EXPECT_EQ((*d)->last_update, "2025-01-20T01:26:46.650442062Z");
    auto row = cache::GetPvogDetail(*db_, "B100019.LB.574711", "de");
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_EQ((*row)->catalogue_updated, "20.01.2025 00:48");
    const auto services = Catalogue();
    ASSERT_EQ(services.size(), 1u);
    EXPECT_EQ(services[0].synonyms.size(), 10u);
    EXPECT_EQ(services[0].online_links.size(), 1u)
        << "the description's online service joins the catalogue entry";

    // The next round asks for no description again: each is cached for its catalogue date.
    const std::size_t before = central_.RequestCount();
    const auto again = Round();
    EXPECT_TRUE(again.errors.empty());
    EXPECT_EQ(central_.RequestCount() - before, 1u) << "only the catalogue";
}

TEST_F(PvogSync, DescriptionsAreBoundedPerRoundAndRefetchedWhenTheCatalogueDateChanges) {
    settings_.pvog.details_per_round = 1;
    connectors_ = cache::MakeConnectors(*client_, settings_);
    ServeSmallCatalogue();
    EXPECT_EQ(Round().pulled, 2 + 1);
    EXPECT_EQ(Round().pulled, 2 + 1);
    EXPECT_EQ(Round().pulled, 2 + 0) << "both descriptions are cached";
    EXPECT_EQ(Catalogue()[1].synonyms, std::vector<std::string>{"Stichwort"});
    central_.SetPvogCsv(kArs, std::string(kHeader) +
                                  "A.LB.1|1|Eins|Eins beantragen|02.02.2025 00:00|||\n"
                                  "A.LB.2|2|Zwei|Zwei beantragen|01.01.2025 00:00|||\n");
    EXPECT_EQ(Round().pulled, 2 + 1) << "the changed service's description is fetched again";
}

TEST_F(PvogSync, ServiceUnavailableKeepsTheLastGoodCatalogue) {
    ServeSmallCatalogue();
    ASSERT_TRUE(Round().errors.empty());
    central_.SetFault({fake::Fault::kServiceUnavailable, 1});
    ExpectKept(Round(), "HTTP 503");
}

TEST_F(PvogSync, ACutConnectionKeepsTheLastGoodCatalogue) {
    ServeSmallCatalogue();
    ASSERT_TRUE(Round().errors.empty());
    // Until cleared: libcurl retries a GET once on a fresh connection when a reused one dies.
    central_.SetFault({fake::Fault::kCutAfterCommit, -1});
    ExpectKept(Round(), "pvog");
    central_.ClearFault();
}

TEST_F(PvogSync, AMalformedBodyKeepsTheLastGoodCatalogue) {
    ServeSmallCatalogue();
    ASSERT_TRUE(Round().errors.empty());
    central_.SetRawResponse("GET", "/v5/servicedescriptions/csv", 200,
                            "<html><body>Wartungsarbeiten</body></html>", {{"Content-Type", "text/html"}});
    ExpectKept(Round(), "not the PVOG catalogue header");
    // A body with the header and nothing usable below it is no catalogue either.
    central_.SetRawResponse("GET", "/v5/servicedescriptions/csv", 200, std::string(kHeader) + "x|y\n\xFF|\n",
                            {{"Content-Type", "text/csv"}});
    ExpectKept(Round(), "no usable service");
}

TEST_F(PvogSync, ATenMegabyteBodyKeepsTheLastGoodCatalogue) {
    ServeSmallCatalogue();
    ASSERT_TRUE(Round().errors.empty());
    central_.SetRawResponse("GET", "/v5/servicedescriptions/csv", 200,
                            std::string(kHeader) + std::string(10 * 1024 * 1024, 'x'),
                            {{"Content-Type", "text/csv"}});
    ExpectKept(Round(), "pvog");
}

TEST_F(PvogSync, ABrokenDescriptionIsSkippedTheOthersArrive) {
    ServeSmallCatalogue();
    central_.SetPvogDetail(kArs, "A.LB.1", "{\"id\": \"A.LB.1\", \"details\": [");
    central_.SetRawResponse("GET", "/v5/servicedescriptions/" + std::string(kArs) + "/detail", 200,
                            std::string(10 * 1024 * 1024, ' '));
    auto r = Round();
    EXPECT_FALSE(r.errors.empty()) << "a 10 MB description is refused";
    central_.ClearRawResponses();
    r = Round();
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_EQ(r.skipped, 1);
    EXPECT_FALSE(LoadDetail(*db_, "A.LB.1", "de")->has_value());
    EXPECT_TRUE(LoadDetail(*db_, "A.LB.2", "de")->has_value());
    EXPECT_EQ(Catalogue().size(), 2u);
}

TEST_F(PvogSync, AnEnglishDescriptionIsFetchedWhereTheServiceListsIt) {
    ServeSmallCatalogue();
    central_.SetPvogDetail(kArs, "A.LB.1", Localised("A.LB.1", "Eins beantragen", "de", {"de", "en"}));
    central_.SetPvogDetail(kArs, "A.LB.1", Localised("A.LB.1", "Apply for one", "en", {"de", "en"}), "en");
    const auto r = Round();
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_EQ(r.pulled, 2 + 3) << "the catalogue, two German descriptions, one English";

    auto english = LoadDetail(*db_, "A.LB.1", "en");
    ASSERT_TRUE(english.ok() && english->has_value());
    EXPECT_EQ((*english)->language, "en");
    EXPECT_EQ((*english)->name, "Apply for one");
    auto german = LoadDetail(*db_, "A.LB.1", "de");
    ASSERT_TRUE(german.ok() && german->has_value());
    EXPECT_EQ((*german)->name, "Eins beantragen");
    // A.LB.2 lists no English: it is never asked for, and an English visitor gets German.
    EXPECT_EQ(DetailRequestsFor(central_, "en"), std::vector<std::string>{"q=A.LB.1"});
    auto fallback = LoadDetail(*db_, "A.LB.2", "en");
    ASSERT_TRUE(fallback.ok() && fallback->has_value());
    EXPECT_EQ((*fallback)->language, "de");

    // Both are current for the catalogue date: the next round fetches neither.
    const std::size_t before = central_.Requests().size();
    EXPECT_TRUE(Round().errors.empty());
    EXPECT_EQ(central_.Requests().size() - before, 1u) << "only the catalogue";
}

TEST_F(PvogSync, AnAnswerInAnotherLanguageIsNotStoredAsATranslation) {
    ServeSmallCatalogue();
    // The description says it has English, but the server answers every request in German.
    central_.SetPvogDetail(kArs, "A.LB.1", Localised("A.LB.1", "Eins beantragen", "de", {"de", "en"}));
    const auto r = Round();
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    auto english = LoadDetail(*db_, "A.LB.1", "en");
    ASSERT_TRUE(english.ok() && english->has_value());
    EXPECT_EQ((*english)->language, "de") << "the visitor gets German (and the screen's note)";
    EXPECT_EQ(DetailRequestsFor(central_, "en").size(), 1u);
    Round();
    EXPECT_EQ(DetailRequestsFor(central_, "en").size(), 1u) << "not asked again for the same catalogue date";
}

TEST_F(PvogSync, APendingTranslationIsFetchedAfterAnInterruptedRound) {
    ServeSmallCatalogue();
    central_.SetPvogDetail(kArs, "A.LB.1", Localised("A.LB.1", "Eins beantragen", "de", {"de", "en"}));
    central_.SetPvogDetail(kArs, "A.LB.1", Localised("A.LB.1", "Apply for one", "en", {"de", "en"}), "en");
    ASSERT_TRUE(Round().errors.empty());
    // What a round cut short between the German and the English answer leaves: the translation pending.
    ASSERT_TRUE(
        cache::PutPvogDetails(*db_, {cache::PvogDetailRow{"A.LB.1", "en", "", "", "", Now(), {}}}).ok());
    auto stale = cache::StalePvogDetails(*db_, kArs, 10);
    ASSERT_TRUE(stale.ok());
    ASSERT_EQ(stale->size(), 1u);
    EXPECT_EQ(stale->front().first, "A.LB.1");
    EXPECT_EQ((*LoadDetail(*db_, "A.LB.1", "en"))->language, "de") << "pending: German meanwhile";
    ASSERT_TRUE(Round().errors.empty());
    EXPECT_EQ((*LoadDetail(*db_, "A.LB.1", "en"))->language, "en");
    EXPECT_TRUE(cache::StalePvogDetails(*db_, kArs, 10)->empty());
}

TEST_F(PvogSync, ATranslationNoLongerListedIsForgotten) {
    ServeSmallCatalogue();
    central_.SetPvogDetail(kArs, "A.LB.1", Localised("A.LB.1", "Eins beantragen", "de", {"de", "en"}));
    central_.SetPvogDetail(kArs, "A.LB.1", Localised("A.LB.1", "Apply for one", "en", {"de", "en"}), "en");
    ASSERT_TRUE(Round().errors.empty());
    ASSERT_EQ((*LoadDetail(*db_, "A.LB.1", "en"))->language, "en");
    central_.SetPvogDetail(kArs, "A.LB.1", Localised("A.LB.1", "Eins beantragen", "de", {"de"}));
    central_.SetPvogCsv(kArs, std::string(kHeader) +
                                  "A.LB.1|1|Eins|Eins beantragen|02.02.2025 00:00|||\n"
                                  "A.LB.2|2|Zwei|Zwei beantragen|01.01.2025 00:00|||\n");
    ASSERT_TRUE(Round().errors.empty());
    EXPECT_EQ((*LoadDetail(*db_, "A.LB.1", "en"))->language, "de");
    EXPECT_TRUE(cache::StalePvogDetails(*db_, kArs, 10)->empty()) << "nothing left to fetch forever";
}

TEST_F(PvogSync, AWishedDescriptionIsFetchedBeforeThePullIsDueAndAlone) {
    settings_.pvog.catalogue_interval_s = 86400;
    settings_.pvog.details_per_round = 1;
    settings_.pull_interval_s = 3600;
    connectors_ = cache::MakeConnectors(*client_, settings_);
    central_.SetPvogCsv(kArs, std::string(kHeader) +
                                  "A.LB.1|1|Eins|Eins beantragen|01.01.2025 00:00|||\n"
                                  "A.LB.2|2|Zwei|Zwei beantragen|01.01.2025 00:00|||\n"
                                  "A.LB.3|3|Drei|Drei beantragen|01.01.2025 00:00|||\n");
    for (const char* id : {"A.LB.1", "A.LB.2", "A.LB.3"}) central_.SetPvogDetail(kArs, id, Detail(id, id));
    ASSERT_TRUE(Round().errors.empty());  // the catalogue and the first description
    ASSERT_TRUE(LoadDetail(*db_, "A.LB.1", "de")->has_value());

    // Not due: a round without a wish pulls nothing.
    cache::RoundOptions options;
    std::size_t before = central_.RequestCount();
    cache::RunSyncRound(*db_, connectors_, settings_, state_, Now(), options);
    EXPECT_EQ(central_.RequestCount(), before);

    // A visitor opens the third service: the next round fetches exactly its description.
    settings_.pvog.wishes->Add("A.LB.3");
    settings_.pvog.wishes->Add("A.LB.1");  // already cached: not fetched again
    settings_.pvog.wishes->Add("X.LB.9");  // not in the catalogue: not fetched
    before = central_.Requests().size();
    const auto r = cache::RunSyncRound(*db_, connectors_, settings_, state_, Now(), options);
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_EQ(r.pulled, 1);
    const auto requests = central_.Requests();
    ASSERT_EQ(requests.size() - before, 1u);
    EXPECT_EQ(requests.back().query, "q=A.LB.3");
    EXPECT_TRUE(LoadDetail(*db_, "A.LB.3", "de")->has_value());
    EXPECT_FALSE(LoadDetail(*db_, "A.LB.2", "de")->has_value()) << "the background batch waits for its turn";
    EXPECT_TRUE(settings_.pvog.wishes->Empty());
}

}  // namespace
}  // namespace ck::svc
