// The search quality table: real visitor queries against the real federal catalogue, each with the service a
// visitor means. Every expected service must be in the top 3; the test prints the hit rate (top 1 and top 3).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fixture_file.h"
#include "services/pvog.h"
#include "services/search.h"
#include "test_support/test_support.h"

namespace ck::svc {
namespace {

struct Case {
    const char* query;
    const char* expected;  // the service's title (Name2)
    const char* kind;      // what the case exercises
};

const Case kCases[] = {
    {"kindergld", "Kindergeld beantragen", "typo (the issue's example)"},
    {"kindrgeld", "Kindergeld beantragen", "typo"},
    {"Kindergeld", "Kindergeld beantragen", "exact word"},
    {"KINDERGELD", "Kindergeld beantragen", "wrong case"},
    {"kindergeld beantragen", "Kindergeld beantragen", "exact Name2"},
    {"kinder", "Kindergeld beantragen", "prefix"},
    {"fuhrungszeugnis", "Führungszeugnis beantragen", "umlaut-free"},
    {"fuehrungszeugnis", "Führungszeugnis beantragen", "umlaut as ue"},
    {"FÜHRUNGSZEUGNIS", "Führungszeugnis beantragen", "wrong case"},
    {"führungszeugniss", "Führungszeugnis beantragen", "typo"},
    {"fuhrungs", "Führungszeugnis beantragen", "prefix without umlaut"},
    {"arbeitslos", "Arbeitslos melden", "prefix"},
    {"arbeitslosengeld", "Arbeitslosengeld beantragen", "exact word"},
    {"arbietslosengeld", "Arbeitslosengeld beantragen", "swapped letters"},
    {"arbeitslosngeld", "Arbeitslosengeld beantragen", "typo"},
    {"Rentenauskunft anfordern", "Eine Rentenauskunft anfordern", "Name2 phrasing"},
    {"rentenauskunft", "Eine Rentenauskunft anfordern", "word inside Name2"},
    {"bafög", "BAföG-Darlehen zurückzahlen", "umlaut"},
    {"bafoeg", "BAföG-Darlehen zurückzahlen", "umlaut as oe"},
    {"Bafog", "BAföG-Darlehen zurückzahlen", "umlaut-free"},
    {"insolvenzgeld", "Insolvenzgeld beantragen", "exact word"},
    {"kurzarbeitergeld", "Kurzarbeitergeld beantragen", "exact word"},
    {"kurzarbeit", "Kurzarbeitergeld beantragen", "prefix"},
    {"patent", "Patent anmelden", "exact word"},
    {"marke anmelden", "Marke anmelden", "exact Name2"},
    {"markenschutz", "Markenschutz verlängern", "exact word"},
    {"visum", "Nationales Visum beantragen", "word inside Name2"},
    {"reisepass ausland", "Reisepass im Ausland beantragen", "two words"},
    {"führerschein", "Führerschein erwerben oder verlängern", "exact word"},
    {"fuhrerschein", "Führerschein erwerben oder verlängern", "umlaut-free"},
    {"fuehrerschien", "Führerschein erwerben oder verlängern", "umlaut as ue and a swap"},
    {"kraftfahrzeugsteuer", "Kraftfahrzeugsteuer bezahlen", "exact word"},
    {"steueridentifikationsnummer", "Steueridentifikationsnummer erhalten", "long word"},
    {"steuerid", "Steueridentifikationsnummer erhalten", "prefix"},
    {"mutterschaftsgeld", "Mutterschaftsgeld beantragen", "exact word"},
    {"kinderzuschlag", "Kinderzuschlag beantragen", "exact word"},
    {"witwenrente", "Witwenrente oder Witwerrente beantragen", "exact word"},
    {"vollwaisenrente", "Halb- oder Vollwaisenrente beantragen", "word inside Name2"},
    {"erwerbsminderungsrente", "Erwerbsminderungsrente beantragen", "exact word"},
    {"regelalterrente", "Regelaltersrente beantragen", "typo"},
    {"bildungskredit", "Bildungskredit beantragen", "exact word"},
    {"gründungszuschuss", "Gründungszuschuss beantragen", "exact word"},
    {"grundungszuschuss", "Gründungszuschuss beantragen", "umlaut-free"},
    {"umzugsgut", "Umzugsgut beim Zoll anmelden", "exact word"},
    {"umweltbonus", "Umweltbonus für Elektrofahrzeuge beantragen", "exact word"},
    {"integrationskurs", "Zulassung zum Integrationskurs beantragen", "word inside Name2"},
    {"spätaussiedler", "Aufnahme als Spätaussiedler beantragen", "umlaut"},
    {"spaetaussiedler", "Aufnahme als Spätaussiedler beantragen", "umlaut as ae"},
    {"sozialversicherungsausweis", "Sozialversicherungsausweis neu beantragen", "long word"},
    {"einstiegsgeld", "Einstiegsgeld beantragen", "exact word"},
    {"arbeitsuchend", "Arbeitsuchend melden", "exact word"},
    {"ausbildungsgeld", "Ausbildungsgeld beantragen", "exact word"},
    {"telefonwerbung", "Unerlaubte Telefonwerbung melden", "word inside Name2"},
    {"eori", "Beantragung einer EORI-Nummer", "short word"},
    {"baukindergeld", "Baukindergeld beantragen", "exact word"},
    {"diplomatenpass", "Diplomatenpass oder Dienstpass beantragen", "exact word"},
    {"pflegehilfsmittel", "Pflegehilfsmittel beantragen", "exact word"},
    {"Saison Kurzarbeitergeld", "Saison-Kurzarbeitergeld beantragen", "hyphen typed as space"},
    {"kindergeld antrag", "Kindergeld beantragen", "colloquial"},
    {"zuschlag", "Kinderzuschlag beantragen", "compound part"},
    {"zeugnis", "Führungszeugnis beantragen", "compound part"},
    {"aussiedler", "Aufnahme als Spätaussiedler beantragen", "compound part"},
    {"waisenrente", "Waisenrente von der gesetzlichen Unfallversicherung erhalten", "exact word"},
};

using fixtures::ReadFile;

TEST(SearchQuality, RealQueriesFindTheirServiceInTheTop3) {
    CK_REQUIRE_SHARED(csv, "fixtures/pvog/servicedescriptions-ars-000000000000.csv");
    auto parsed = ParseCatalogueCsv(ReadFile(csv));
    ASSERT_TRUE(parsed.ok());
    const SearchIndex index = BuildSearchIndex(parsed->services);
    int top1 = 0, top3 = 0;
    const int total = static_cast<int>(std::size(kCases));
    ASSERT_GE(total, 40);
    for (const Case& c : kCases) {
        const auto hits = Search(index, c.query, 3);
        int rank = 0;
        std::string got;
        for (std::size_t i = 0; i < hits.size(); ++i) {
            const Service& s = index.services[hits[i].service];
            got += "\n    " + std::to_string(i + 1) + ". " + s.Title() + " (" +
                   std::to_string(hits[i].score) + ")";
            if (rank == 0 && s.Title() == c.expected) rank = static_cast<int>(i) + 1;
        }
        top1 += rank == 1;
        top3 += rank >= 1;
        EXPECT_GE(rank, 1) << "\"" << c.query << "\" (" << c.kind << ") should find \"" << c.expected
                           << "\" in the top 3, got:" << got;
    }
    std::printf(
        "search quality: %d queries, expected service first in %d (%.0f%%), in the top 3 in %d (%.0f%%)\n",
        total, top1, 100.0 * top1 / total, top3, 100.0 * top3 / total);
}

}  // namespace
}  // namespace ck::svc
