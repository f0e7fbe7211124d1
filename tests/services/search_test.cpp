// The search's rules one by one, on a small hand-made catalogue.
#include <gtest/gtest.h>

#include "services/pvog.h"
#include "services/search.h"

namespace ck::svc {
namespace {

Service Make(std::string id, std::string name, std::string name2, std::vector<std::string> synonyms = {},
             std::string summary = "") {
    Service s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.name2 = std::move(name2);
    s.synonyms = std::move(synonyms);
    s.summary = std::move(summary);
    return s;
}

class SearchRules : public ::testing::Test {
  protected:
    SearchIndex index = BuildSearchIndex({
        Make("1", "Kindergeld Bewilligung", "Kindergeld beantragen", {"Familienkasse"}),
        Make("2", "Meldebescheinigung Ausstellung", "Meldebescheinigung beantragen", {"Wohnsitz"}),
        Make("3", "Führungszeugnis Erteilung", "Führungszeugnis beantragen"),
        Make("4", "Geldwäscheverdachtsmeldung", "Verdacht auf Geldwäsche melden"),
        Make("5", "Straßenausbaubeitrag", "", {}, "Beitrag für den Ausbau einer Straße"),
        Make("6", "Parkausweis", "Bewohnerparkausweis beantragen", {"Anwohnerparken"}),
        Make("7", "Anwohnerparken Information", "Informationen zum Anwohnerparken"),
    });

    std::vector<std::string> Ids(std::string_view query) {
        std::vector<std::string> out;
        for (const auto& h : Search(index, query)) out.push_back(index.services[h.service].id);
        return out;
    }
    std::string First(std::string_view query) {
        const auto ids = Ids(query);
        return ids.empty() ? "" : ids.front();
    }
};

TEST_F(SearchRules, CaseAndUmlautSpellingsMeet) {
    EXPECT_EQ(FoldForSearch("Führungszeugnis"), "fuhrungszeugnis");
    EXPECT_EQ(FoldForSearch("FUEHRUNGSZEUGNIS"), "fuhrungszeugnis");
    EXPECT_EQ(FoldForSearch("Straße"), "strasse");
    EXPECT_EQ(First("fuhrungszeugnis"), "3");
    EXPECT_EQ(First("fuehrungszeugnis"), "3");
    EXPECT_EQ(First("FÜHRUNGSZEUGNIS"), "3");
    EXPECT_EQ(First("strasse"), "5");
}

TEST_F(SearchRules, PrefixesSynonymsAndName2) {
    EXPECT_EQ(First("melde"), "2");
    EXPECT_EQ(First("familienkasse"), "1");
    EXPECT_EQ(First("wohnsitz"), "2");
    EXPECT_EQ(First("bewohnerparkausweis"), "6") << "Name2 is searched";
}

TEST_F(SearchRules, TyposByWordLength) {
    EXPECT_EQ(First("kindrgeld"), "1");   // 9 letters: up to two typos
    EXPECT_EQ(First("kindergled"), "1");  // a swap is one typo
    EXPECT_TRUE(Ids("kndrgeld").empty()) << "8 letters allow one typo, not two";
    EXPECT_TRUE(Ids("kimd").empty()) << "four letters: no typo allowed";
    EXPECT_EQ(First("meldebeschei"), "2");
    EXPECT_EQ(First("meldebeschie"), "2") << "a typo inside a prefix still finds the word";
}

TEST_F(SearchRules, CompoundPartsRankBelowARealPrefix) {
    const auto ids = Ids("geld");
    ASSERT_GE(ids.size(), 2u);
    EXPECT_EQ(ids[0], "4") << "Geldwäsche starts with the query";
    EXPECT_NE(std::find(ids.begin(), ids.end(), "1"), ids.end()) << "Kindergeld contains it";
}

TEST_F(SearchRules, ExactNameBeforeSynonymBeforeWordInsideBeforeSummary) {
    // "anwohnerparken": a synonym of 6, a word inside the name of 7 ... and 7's Name2 ends with it.
    EXPECT_EQ(First("Anwohnerparken Information"), "7") << "the exact name wins";
    const auto ids = Ids("anwohnerparken");
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_EQ(ids[0], "7") << "name prefix (first word of the name) beats a synonym";
    EXPECT_EQ(Ids("ausbau").front(), "5") << "a summary word still finds a service";
}

TEST_F(SearchRules, EveryWordCountsAndTheOrderIsStable) {
    EXPECT_EQ(First("kindergeld beantragen"), "1");
    EXPECT_EQ(First("beantragen kindergeld"), "1");
    // An unknown word does not empty the list: the services matching the others follow.
    EXPECT_EQ(First("kindergeld xyzzy"), "1");
    EXPECT_TRUE(Ids("").empty());
    EXPECT_TRUE(Ids("   ").empty());
    EXPECT_EQ(Ids("beantragen"), Ids("beantragen"));
    const auto hits = Search(index, "beantragen");
    for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
}

TEST(SearchRetired, RetiredServicesAreNotInTheIndexAtAll) {
    const std::string csv =
        "ID-LB|Leikaschlüssel|Name|Name2|Updatedatum|ID-OD|Bezeichnung OD|Links\n"
        "A.LB.1|1|vorgesehen zum Löschen - Bildungsgutschein Ausstellung|Bildungsgutschein "
        "beantragen|20.01.2025 00:48|||\n"
        "A.LB.2|1|Bildungskredit Bewilligung|Bildungskredit beantragen|20.01.2025 00:48|||\n";
    auto parsed = ParseCatalogueCsv(csv);
    ASSERT_TRUE(parsed.ok());
    const SearchIndex index = BuildSearchIndex(parsed->services);
    const auto hits = Search(index, "bildungsgutschein");
    for (const auto& h : hits) EXPECT_NE(index.services[h.service].id, "A.LB.1");
}

TEST_F(SearchRules, HostileQueriesAreJustText) {
    EXPECT_TRUE(Ids("'; DROP TABLE pvog_services; --").empty());
    EXPECT_TRUE(Ids(std::string(5000, 'a')).empty());
    (void)Ids("\xFF\xFE invalid \xC3");
    (void)Ids(
        "\xE2\x80\xAE"
        "kindergeld");
}

}  // namespace
}  // namespace ck::svc
