// The real PVOG fixtures (catalogue CSV and one service description) and the quirks of real data.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "fixture_file.h"
#include "services/pvog.h"
#include "test_support/test_support.h"

namespace ck::svc {
namespace {

using fixtures::ReadFile;

constexpr const char* kHeader = "ID-LB|Leikaschlüssel|Name|Name2|Updatedatum|ID-OD|Bezeichnung OD|Links\n";

TEST(PvogCatalogue, TheRealCatalogue) {
    CK_REQUIRE_SHARED(csv, "fixtures/pvog/servicedescriptions-ars-000000000000.csv");
    auto parsed = ParseCatalogueCsv(ReadFile(csv));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    const ImportReport& r = parsed->report;
    // 933 rows; 911 distinct ID-LB of which 12 are retired ("Außer Kraft", "vorgesehen zum Löschen").
    EXPECT_EQ(r.rows, 933);
    EXPECT_EQ(r.retired, 12);
    EXPECT_EQ(r.skipped, 0);
    EXPECT_EQ(r.services, 899);
    EXPECT_EQ(static_cast<int>(parsed->services.size()), r.services);
    EXPECT_EQ(r.rows, r.services + r.retired + r.merged_rows)
        << "every row is a service, a retired one or a merge";
    std::set<std::string> ids;
    for (const auto& s : parsed->services) {
        EXPECT_TRUE(ids.insert(s.id).second) << "duplicate " << s.id;
        EXPECT_EQ(s.name.find("Außer Kraft"), std::string::npos) << s.id;
        EXPECT_EQ(s.name.rfind("vorgesehen zum Löschen", 0), std::string::npos) << s.id;
        EXPECT_EQ(s.name.find("\"\""), std::string::npos) << "doubled quotes are unescaped: " << s.name;
        for (const auto& l : s.online_links) EXPECT_EQ(l.uri.rfind("http", 0), 0u) << s.id;
    }
    // One service, several online services: both hand-off links are kept, in order.
    const auto it = std::find_if(parsed->services.begin(), parsed->services.end(),
                                 [](const Service& s) { return s.id == "B100019.LB.100372563"; });
    ASSERT_NE(it, parsed->services.end());
    ASSERT_EQ(it->online_links.size(), 2u);
    EXPECT_EQ(it->online_links[0].uri, "https://www.arbeitsagentur.de/eservices");
    EXPECT_EQ(it->online_links[1].uri, "https://www.arbeitsagentur.de/unternehmen/finanziell/kea");
    EXPECT_EQ(it->Title(), "Saison-Kurzarbeitergeld beantragen");
    EXPECT_EQ(it->leika_keys, std::vector<std::string>{"99038003017001"});
}

TEST(PvogCatalogue, MalformedRowsAreSkippedWithAReason) {
    const std::string csv =
        std::string(kHeader) +
        "A.LB.1|1|Gut|Gut beantragen|01.01.2025 00:00|A.OD.1|Portal|https://a.example/1\r\n"
        "A.LB.2|1|zu wenige Felder\n"
        "|1|ohne Id|x|01.01.2025 00:00|||\n"
        "A.LB.3|1|kaputt \xC3(|x|01.01.2025 00:00|||\n"
        "A.LB.4|1|Außer Kraft - Alt|Alt|01.01.2025 00:00|||\n"
        "A.LB.1|1|Gut|Gut beantragen|01.01.2025 00:00|A.OD.2|Zweites|https://a.example/2\n"
        "A.LB.1|1|Gut|Gut beantragen|01.01.2025 00:00|A.OD.3|kein Link|javascript:alert(1)\n"
        "A.LB.5|1||Nur Name2|01.01.2025 00:00|||\n";
    auto parsed = ParseCatalogueCsv(csv);
    ASSERT_TRUE(parsed.ok());
    const ImportReport& r = parsed->report;
    EXPECT_EQ(r.rows, 8);
    EXPECT_EQ(r.services, 2);
    EXPECT_EQ(r.retired, 1);
    EXPECT_EQ(r.merged_rows, 2);
    EXPECT_EQ(r.skipped, 3);
    ASSERT_EQ(r.skip_reasons.size(), 3u);
    EXPECT_EQ(r.skip_reasons[0], "line 3: 3 fields, expected 8");
    EXPECT_EQ(r.skip_reasons[1], "line 4: ID-LB missing or not an id");
    EXPECT_EQ(r.skip_reasons[2], "line 5: not valid UTF-8");
    ASSERT_EQ(parsed->services[0].online_links.size(), 2u) << "a javascript: link is never a hand-off";
    EXPECT_EQ(parsed->services[1].Title(), "Nur Name2");
}

TEST(PvogCatalogue, NotACatalogueIsAnError) {
    EXPECT_EQ(ParseCatalogueCsv("").error().code, "pvog.csv_header");
    EXPECT_EQ(ParseCatalogueCsv("<html>Wartung</html>").error().code, "pvog.csv_header");
    EXPECT_EQ(ParseCatalogueCsv("{\"error\":1}").error().code, "pvog.csv_header");
    auto only_header = ParseCatalogueCsv(kHeader);
    ASSERT_TRUE(only_header.ok());
    EXPECT_TRUE(only_header->services.empty());
}

TEST(PvogDetail, TheRealDescriptionInAllItsModules) {
    CK_REQUIRE_SHARED(path, "fixtures/pvog/servicedescription-detail-B100019.LB.574711.json");
    auto d = ParseServiceDetail(ReadFile(path));
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d->id, "B100019.LB.574711");
    EXPECT_EQ(d->name, "Ausbildungsgeld beantragen");
    EXPECT_EQ(d->language, "de");
    EXPECT_EQ(d->available_languages, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(d->last_update, "2025-01-20T01:26:46.650442062Z");
    EXPECT_EQ(d->synonyms.size(), 10u);
    EXPECT_EQ(d->leika_keys, std::vector<std::string>{"99007002017000"});
    ASSERT_EQ(d->online_links.size(), 1u);
    EXPECT_EQ(d->online_links[0].uri,
              "https://www.arbeitsagentur.de/menschen-mit-behinderungen/berufliche-rehabilitation");
    // 19 modules published; "Urheber" is a placeholder ("nicht angegeben") and is left out.
    std::vector<std::string> codes;
    for (const auto& m : d->modules) codes.push_back(m.code);
    EXPECT_EQ(codes,
              (std::vector<std::string>{"24", "23", "06", "09", "08", "14", "98", "97", "15", "07", "22",
                                        "02", "03", "11", "25", "STATUS", "STATUSKATALOG", "95"}));
    for (const auto& m : d->modules) {
        for (const auto& b : m.text) {
            EXPECT_EQ(b.text.find('<'), std::string::npos) << m.code << ": " << b.text;
            EXPECT_EQ(b.text.find("&#"), std::string::npos) << m.code << ": " << b.text;
            EXPECT_EQ(b.text.find("\xC2\xA0"), std::string::npos) << m.code << ": no-break spaces are spaces";
        }
    }
    const Module* summary = d->Find(module::kSummary);
    ASSERT_NE(summary, nullptr);
    EXPECT_EQ(PlainText(summary->text),
              "Als Mensch mit Behinderungen können Sie zur Sicherung des Lebensunterhaltes Ausbildungsgeld "
              "erhalten, wenn Sie an bestimmten Bildungsmaßnahmen teilnehmen.");
    const Module* requirements = d->Find(module::kRequirements);
    ASSERT_NE(requirements, nullptr);
    ASSERT_GE(requirements->text.size(), 7u);
    EXPECT_TRUE(requirements->text[1].bullet);
    EXPECT_EQ(requirements->text[2].level, 1) << "the nested list is one level deeper";
    EXPECT_EQ(PlainText(d->Find(module::kFees)->text), "Keine");
    const Module* deadlines = d->Find(module::kDeadlines);
    ASSERT_NE(deadlines, nullptr);
    EXPECT_EQ(deadlines->text.back().text,
              "Widerspruchsfrist: Widerspruch kann innerhalb eines Monats nach Bekanntgabe des Bescheides "
              "eingelegt werden.: 1 Monat");
    const Module* duration = d->Find(module::kDuration);
    ASSERT_NE(duration, nullptr);
    EXPECT_NE(PlainText(duration->text).find("1 Monat"), std::string::npos);
    const Module* legal = d->Find(module::kLegalBasis);
    ASSERT_NE(legal, nullptr);
    ASSERT_EQ(legal->links.size(), 1u);
    EXPECT_EQ(legal->links[0].title, "§§ 122 bis 126 Sozialgesetzbuch Drittes Buch (SGB III)");
    EXPECT_NE(d->Find(module::kOffice), nullptr);
    EXPECT_NE(d->Find(module::kDocuments), nullptr);
}

TEST(PvogDetail, MissingModulesEmptyStringsAndBrokenJson) {
    auto minimal = ParseServiceDetail(R"({"id":"X.LB.1","name":"","details":[{"code":"24","text":""},
        {"code":"08","text":"<p></p>"}, 3, {"code":"98","text":"<p>5 Euro</p>"}], "availableLanguages": "de"})");
    ASSERT_TRUE(minimal.ok());
    EXPECT_EQ(minimal->modules.size(), 1u);
    EXPECT_EQ(minimal->Find(module::kSummary), nullptr);
    EXPECT_TRUE(minimal->available_languages.empty());
    EXPECT_EQ(minimal->language, "de");
    EXPECT_EQ(ParseServiceDetail("{\"id\": \"X.LB.1\"").error().code, "pvog.detail_json");
    EXPECT_EQ(ParseServiceDetail("[]").error().code, "pvog.detail_json");
    EXPECT_EQ(ParseServiceDetail("{\"name\":\"ohne id\"}").error().code, "pvog.detail_json");
    EXPECT_EQ(ParseServiceDetail("{\"id\":\"../../etc\"}").error().code, "pvog.detail_json");
    EXPECT_EQ(ParseServiceDetail(std::string(100000, '[')).error().code, "pvog.detail_json");
    EXPECT_EQ(ParseServiceDetail("{\"id\":\"X.LB.1\",\"name\":\"\xFF\"}").error().code, "pvog.detail_json");
}

TEST(PvogCatalogue, StoredFormRoundTrips) {
    Service s;
    s.id = "A.LB.1";
    s.name = "Name";
    s.name2 = "Name2";
    s.leika_keys = {"1"};
    s.online_links = {{"t", "https://x.example"}};
    s.synonyms = {"syn"};
    s.summary = "kurz";
    auto back = ServiceFromJson(ServiceToJson(s));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->name2, "Name2");
    EXPECT_EQ(back->online_links, s.online_links);
    EXPECT_EQ(back->synonyms, s.synonyms);
    EXPECT_FALSE(ServiceFromJson(nlohmann::json::array()).ok());
}

}  // namespace
}  // namespace ck::svc
