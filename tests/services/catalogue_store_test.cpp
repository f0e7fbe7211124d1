// The import into a real store file, the last-good-catalogue rule and loading the snapshot back.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fixture_file.h"
#include "offline_cache/pvog_store.h"
#include "services/catalogue_store.h"
#include "test_support/test_support.h"

namespace ck::svc {
namespace {

using fixtures::ReadFile;

constexpr const char* kArs = "059160000000";

TEST(CatalogueStore, ImportsTheRealCatalogueAndDescription) {
    CK_REQUIRE_SHARED(csv, "fixtures/pvog/servicedescriptions-ars-000000000000.csv");
    CK_REQUIRE_SHARED(detail, "fixtures/pvog/servicedescription-detail-B100019.LB.574711.json");
    test::TempDir dir;
    auto db = cache::Database::Open((dir / "store.db").string());
    ASSERT_TRUE(db.ok());
    auto report = ImportFiles(*db, kArs, ReadFile(csv),
                              {{"574711.json", ReadFile(detail)},
                               {"broken.json", "{\"id\":"},
                               {"other.json", "{\"id\":\"X.LB.9\"}"}});
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->catalogue.services, 899);
    EXPECT_EQ(report->details, 1);
    EXPECT_EQ(report->details_skipped, 2);
    ASSERT_EQ(report->detail_skip_reasons.size(), 2u);
    EXPECT_EQ(report->detail_skip_reasons[1], "other.json: X.LB.9 is not in the catalogue");

    auto loaded = LoadCatalogue(*db, kArs);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->size(), 899u);
    const auto it = std::find_if(loaded->begin(), loaded->end(),
                                 [](const Service& s) { return s.id == "B100019.LB.574711"; });
    ASSERT_NE(it, loaded->end());
    EXPECT_EQ(it->synonyms.size(), 10u) << "the description's synonyms join the catalogue entry";
    EXPECT_FALSE(it->summary.empty());
    auto d = LoadDetail(*db, "B100019.LB.574711", "en");
    ASSERT_TRUE(d.ok());
    ASSERT_TRUE(d->has_value()) << "no English description cached: the German one";
    EXPECT_EQ((*d)->language, "de");
    EXPECT_FALSE(LoadDetail(*db, "B100019.LB.576986", "de")->has_value());
    EXPECT_TRUE(LoadCatalogue(*db, "000000000000")->empty()) << "stored for the configured region only";
}

TEST(CatalogueStore, ABrokenImportKeepsTheLastGoodCatalogue) {
    test::TempDir dir;
    auto db = cache::Database::Open((dir / "store.db").string());
    ASSERT_TRUE(db.ok());
    const std::string good =
        "ID-LB|Leikaschlüssel|Name|Name2|Updatedatum|ID-OD|Bezeichnung OD|Links\n"
        "A.LB.1|1|Eins|Eins beantragen|01.01.2025 00:00|||\n"
        "A.LB.2|1|Zwei|Zwei beantragen|01.01.2025 00:00|||\n";
    ASSERT_TRUE(ImportFiles(*db, kArs, good, {}).ok());
    EXPECT_EQ(ImportFiles(*db, kArs, "<html>Fehler</html>", {}).error().code, "pvog.csv_header");
    EXPECT_EQ(
        ImportFiles(*db, kArs,
                    "ID-LB|Leikaschlüssel|Name|Name2|Updatedatum|ID-OD|Bezeichnung OD|Links\nkaputt\n", {})
            .error()
            .code,
        "pvog.empty");
    auto loaded = LoadCatalogue(*db, kArs);
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded->size(), 2u);
    EXPECT_EQ(loaded->at(1).Title(), "Zwei beantragen");
}

}  // namespace
}  // namespace ck::svc
