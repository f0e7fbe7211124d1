// The services controller (catalogue snapshot, search per keystroke, browse lists, opening a detail) on a
// real store file, the demo catalogue, and the [services] configuration keys.
#include <gtest/gtest.h>

#include "app/config.h"
#include "features/services_controller.h"
#include "offline_cache/pvog_store.h"
#include "services/catalogue_store.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

constexpr const char* kCsv =
    "ID-LB|Leikaschlüssel|Name|Name2|Updatedatum|ID-OD|Bezeichnung OD|Links\n"
    "A.LB.1|99041008017000|Kindergeld Bewilligung|Kindergeld beantragen|01.01.2025 "
    "00:00|A.OD.1|Antrag|https://a.example/kg\n"
    "A.LB.2|99114034101000|Rentenauskunft Erteilung|Eine Rentenauskunft anfordern|01.01.2025 00:00|||\n"
    "A.LB.3|99154016000000|Führerschein Erteilung|Führerschein erwerben|01.01.2025 00:00|||\n";

std::string Detail(const std::string& language, const std::vector<std::string>& available) {
    return nlohmann::json{{"id", "A.LB.1"},
                          {"name", "Kindergeld beantragen"},
                          {"languageCode", language},
                          {"availableLanguages", available},
                          {"details",
                           {{{"code", "24"}, {"text", "<p>Geld für Kinder</p>"}},
                            {{"code", "08"}, {"text", "<ul><li>Geburtsurkunde</li></ul>"}}}}}
        .dump();
}

class ServicesController : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = cache::Database::Open((dir_ / "kiosk.db").string());
        ASSERT_TRUE(opened.ok());
        db_.emplace(std::move(*opened));
        ASSERT_TRUE(
            svc::ImportFiles(*db_, config_.ServicesArs(), kCsv, {{"de.json", Detail("de", {"de"})}}).ok());
    }
    std::shared_ptr<const ServicesCatalogue> Load() { return LoadServicesCatalogue(&*db_, config_, false); }

    test::TempDir dir_;
    Config config_;
    std::optional<cache::Database> db_;
};

TEST_F(ServicesController, LoadsTheStoredCatalogueOnceWithSituationsAndMostAsked) {
    config_.services.most_asked = {"A.LB.2", "X.LB.404", "A.LB.1"};
    config_.services.life_situations = {{"kiosk.services.situation.family", {"99041"}, {}},
                                        {"kiosk.services.situation.vehicle", {}, {"A.LB.3"}},
                                        {"kiosk.services.situation.work", {"99038"}, {}}};
    const auto catalogue = Load();
    ASSERT_TRUE(catalogue);
    ASSERT_EQ(catalogue->index.services.size(), 3u);
    EXPECT_EQ(catalogue->most_asked, (std::vector<std::size_t>{1, 0}))
        << "only ids that exist, in the configured order";
    ASSERT_EQ(catalogue->situations.size(), 3u);
    EXPECT_EQ(catalogue->situations[0], std::vector<std::size_t>{0});
    EXPECT_EQ(catalogue->situations[1], std::vector<std::size_t>{2});
    EXPECT_TRUE(catalogue->situations[2].empty())
        << "a situation without services (the screen hides its chip)";

    ServicesState st;
    UpdateBrowse(*catalogue, st);
    EXPECT_EQ(st.browse, (std::vector<std::size_t>{1, 0}));
    ChooseSituation(st, 1);
    UpdateBrowse(*catalogue, st);
    EXPECT_EQ(st.browse, std::vector<std::size_t>{2});
    ChooseSituation(st, 1);  // a second tap clears the choice
    UpdateBrowse(*catalogue, st);
    EXPECT_EQ(st.situation, -1);
    EXPECT_EQ(st.browse, (std::vector<std::size_t>{1, 0}));
}

TEST_F(ServicesController, NoCatalogueInTheStoreIsNull) {
    config_.city_ars = "051110000000";
    EXPECT_FALSE(Load());
    EXPECT_FALSE(LoadServicesCatalogue(nullptr, config_, false));
}

TEST_F(ServicesController, SearchRunsOnlyWhenTheQueryChanged) {
    const auto catalogue = Load();
    ASSERT_TRUE(catalogue);
    ServicesState st;
    st.query = "kindergld";
    UpdateSearch(*catalogue, st);
    ASSERT_FALSE(st.hits.empty());
    EXPECT_EQ(catalogue->index.services[st.hits[0].service].id, "A.LB.1");
    st.hits.clear();  // an idle frame with the same query must not search again
    UpdateSearch(*catalogue, st);
    EXPECT_TRUE(st.hits.empty());
    st.query = "rente";
    UpdateSearch(*catalogue, st);
    ASSERT_FALSE(st.hits.empty());
    EXPECT_EQ(catalogue->index.services[st.hits[0].service].id, "A.LB.2");
}

TEST_F(ServicesController, OpeningAServiceShowsItsDescriptionOrTheCatalogueDataFirst) {
    const auto catalogue = Load();
    ServicesState st;
    OpenService(&*db_, *catalogue, st, "A.LB.1", "tr");
    ASSERT_TRUE(st.service && st.detail);
    EXPECT_TRUE(st.detail_language_differs) << "German description for a Turkish visitor: the note is shown";
    ASSERT_NE(st.detail->Find(svc::module::kDocuments), nullptr);
    ASSERT_EQ(HandOffLinks(st).size(), 1u);
    EXPECT_EQ(HandOffLinks(st)[0].uri, "https://a.example/kg");
    OpenService(&*db_, *catalogue, st, "A.LB.1", "de");
    EXPECT_FALSE(st.detail_language_differs);

    // An English description, once cached, is what an English-speaking visitor gets.
    ASSERT_TRUE(cache::PutPvogDetails(
                    *db_, {{"A.LB.1", "en", "", "01.01.2025 00:00", Detail("en", {"de", "en"}), Now(), {}}})
                    .ok());
    OpenService(&*db_, *catalogue, st, "A.LB.1", "en");
    ASSERT_TRUE(st.detail);
    EXPECT_EQ(st.detail->language, "en");
    EXPECT_FALSE(st.detail_language_differs);

    // Not cached yet: the catalogue data at once, the description when it arrives.
    OpenService(&*db_, *catalogue, st, "A.LB.2", "de");
    ASSERT_TRUE(st.service);
    EXPECT_EQ(st.service->Title(), "Eine Rentenauskunft anfordern");
    EXPECT_FALSE(st.detail);
    EXPECT_TRUE(HandOffLinks(st).empty()) << "no online service: the screen offers the appointment link";
    const std::string detail =
        nlohmann::json{{"id", "A.LB.2"}, {"details", {{{"code", "24"}, {"text", "Auskunft"}}}}}.dump();
    ASSERT_TRUE(cache::PutPvogDetails(*db_, {{"A.LB.2", "de", "", "01.01.2025 00:00", detail, Now(), {}}}).ok());
    RefreshDetail(&*db_, *catalogue, st, "de");
    ASSERT_TRUE(st.detail);
    EXPECT_EQ(svc::PlainText(st.detail->Find(svc::module::kSummary)->text), "Auskunft");
}

TEST(ServicesDemo, TheEmbeddedCatalogueNeedsNoStoreAndNoNetwork) {
    const Config config;
    const auto catalogue = LoadServicesCatalogue(nullptr, config, true);
    ASSERT_TRUE(catalogue);
    EXPECT_EQ(catalogue->index.services.size(), 6u);
    EXPECT_TRUE(catalogue->most_asked.empty()) << "Herne's PVOG ids are not in the demo";
    ServicesState st;
    UpdateBrowse(*catalogue, st);
    EXPECT_EQ(st.browse.size(), 6u) << "a small catalogue is simply listed";
    OpenService(nullptr, *catalogue, st, "demo.LB.1", "de");
    ASSERT_TRUE(st.detail);
    EXPECT_EQ(st.service->Title(), "Wohnsitz anmelden");
    st.query = "ummeldung";
    UpdateSearch(*catalogue, st);
    ASSERT_FALSE(st.hits.empty());
    EXPECT_EQ(catalogue->index.services[st.hits[0].service].id, "demo.LB.1") << "a synonym";
}

// Another city's demo shows its own name and its own site, nothing of Herne's; without a site there is no
// online service to hand off (the in-person office remains).
TEST(ServicesDemo, TheEmbeddedCatalogueBelongsToTheConfiguredCity) {
    Config config;
    config.city_name = "Bochum";
    config.services.appointment_url = "https://termine.bochum.de/buergerbuero?x=1";
    const auto catalogue = LoadServicesCatalogue(nullptr, config, true);
    ASSERT_TRUE(catalogue);
    ASSERT_FALSE(catalogue->embedded_details.empty());
    for (const auto& d : catalogue->embedded_details) {
        ASSERT_FALSE(d.online_links.empty()) << d.id;
        for (const auto& l : d.online_links) {
            EXPECT_EQ(l.uri.rfind("https://termine.bochum.de/", 0), 0u) << l.uri;
            EXPECT_EQ(l.uri.find("herne"), std::string::npos) << l.uri;
        }
    }
    for (const auto& s : catalogue->index.services) EXPECT_EQ(s.summary.find("Herne"), std::string::npos) << s.id;

    config.services.appointment_url = "";
    const auto offline = LoadServicesCatalogue(nullptr, config, true);
    ASSERT_TRUE(offline);
    for (const auto& s : offline->index.services) EXPECT_TRUE(s.online_links.empty()) << s.id;
}

TEST(ServicesConfig, DefaultsAndKeys) {
    auto c = ParseConfig("");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->ServicesArs(), "059160000000");
    EXPECT_FALSE(c->services.life_situations.empty());
    c = ParseConfig(R"(
[services]
ars = "051110000000"
catalogue_interval_s = 3600
details_per_round = 5
appointment_url = "https://termine.example.org/"
office = ["Bürgerbüro Mitte", "Marktplatz 1", "Mo-Fr 8-12 Uhr"]
most_asked = ["B100019.LB.576986"]
[[services.life_situations]]
name_key = "kiosk.services.situation.family"
leika = ["99041"]
ids = ["B100019.LB.581863"]
)");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->ServicesArs(), "051110000000");
    EXPECT_EQ(c->services.details_per_round, 5);
    EXPECT_EQ(c->services.office, (std::vector<std::string>{"Bürgerbüro Mitte", "Marktplatz 1", "Mo-Fr 8-12 Uhr"}));
    ASSERT_EQ(c->services.life_situations.size(), 1u);
    EXPECT_EQ(c->services.life_situations[0].ids, std::vector<std::string>{"B100019.LB.581863"});
}

TEST(ServicesConfig, ThePackagedFileCarriesTheDefaults) {
    const auto c = LoadConfig((test::SourceDir() / "packaging" / "civic-kiosk.toml").string());
    ASSERT_TRUE(c.ok()) << c.error().message;
    const ServicesConfig defaults;
    EXPECT_EQ(c->ServicesArs(), "059160000000");
    EXPECT_EQ(c->services.most_asked, defaults.most_asked);
    ASSERT_EQ(c->services.life_situations.size(), defaults.life_situations.size());
    for (std::size_t i = 0; i < defaults.life_situations.size(); ++i) {
        EXPECT_EQ(c->services.life_situations[i].name_key, defaults.life_situations[i].name_key);
        EXPECT_EQ(c->services.life_situations[i].leika, defaults.life_situations[i].leika);
    }
}

TEST(ServicesConfig, BadValuesNameTheKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[services]\nars = \"123\"\n", "services.ars"},
        {"[services]\ncatalogue_interval_s = 1\n", "services.catalogue_interval_s"},
        {"[services]\ndetails_per_round = 0\n", "services.details_per_round"},
        {"[services]\nappointment_url = \"javascript:alert(1)\"\n", "services.appointment_url"},
        {"[services]\nmost_asked = [\"a b\"]\n", "services.most_asked"},
        {"[services]\noffice = [\"\"]\n", "services.office"},
        {"[services]\noffice = [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\"]\n", "services.office"},
        {"[services]\ncolour = 1\n", "services.colour: unknown key"},
        {"[[services.life_situations]]\nname_key = \"family\"\nleika = [\"99041\"]\n",
         "services.life_situations[0].name_key"},
        {"[[services.life_situations]]\nname_key = \"kiosk.services.situation.x\"\n",
         "services.life_situations[0].leika"},
        {"[[services.life_situations]]\nname_key = \"kiosk.services.situation.x\"\nleika = [\"99x\"]\n",
         "services.life_situations[0].leika"},
        {"[[services.life_situations]]\nname_key = \"kiosk.services.situation.x\"\nleika = [\"1\"]\nwhat = "
         "1\n",
         "services.life_situations[0].what"},
    };
    for (const auto& [toml, key] : cases) {
        const auto c = ParseConfig(toml);
        ASSERT_FALSE(c.ok()) << toml;
        EXPECT_EQ(c.error().code, "config.invalid");
        EXPECT_NE(c.error().message.find(key), std::string::npos) << c.error().message;
    }
}

}  // namespace
}  // namespace ck::kiosk
