#include "locales/catalogue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "test_files.h"
#include "test_support/test_support.h"

namespace ck::loc {
namespace {

using ::testing::HasSubstr;

TEST(ParseCatalogue, ReadsFlatKeyPatternObject) {
    auto cat = ParseCatalogue("de", R"({"kiosk.home.title": "Willkommen", "kiosk.ideas.count":
        "{n, plural, one {# Idee} other {# Ideen}}"})",
                              "de.json");
    ASSERT_TRUE(cat.ok()) << cat.error().message;
    EXPECT_EQ(cat->tag, "de");
    ASSERT_EQ(cat->messages.size(), 2u);
    EXPECT_EQ(cat->messages.at("kiosk.home.title"), "Willkommen");
}

TEST(ParseCatalogue, EmptyObjectIsAnEmptyCatalogue) {
    auto cat = ParseCatalogue("tr", "{}", "tr.json");
    ASSERT_TRUE(cat.ok());
    EXPECT_TRUE(cat->messages.empty());
}

struct BadCatalogue {
    const char* name;
    const char* json;
    const char* expected_in_message;
};

class ParseCatalogueErrors : public ::testing::TestWithParam<BadCatalogue> {};

TEST_P(ParseCatalogueErrors, NameTheFileAndTheProblem) {
    const BadCatalogue& c = GetParam();
    auto cat = ParseCatalogue("de", c.json, "/x/de.json");
    ASSERT_FALSE(cat.ok()) << c.name;
    EXPECT_EQ(cat.error().code, "locale.malformed");
    EXPECT_THAT(cat.error().message, HasSubstr("/x/de.json"));
    EXPECT_THAT(cat.error().message, HasSubstr(c.expected_in_message)) << cat.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseCatalogueErrors,
    ::testing::Values(
        BadCatalogue{"syntax", "{\n\"a.b\": \"x\",\n\"c.d\" \"y\"\n}", "line 3"},
        BadCatalogue{"trailing comma", "{\"a.b\": \"x\",}", "invalid JSON"},
        BadCatalogue{"array", "[\"a\"]", "expected a JSON object, got array"},
        BadCatalogue{"number value", R"({"kiosk.count": 3})",
                     "key \"kiosk.count\": the value must be a string"},
        BadCatalogue{"nested object", R"({"kiosk": {"title": "x"}})",
                     "key \"kiosk\": the value must be a string"},
        BadCatalogue{"upper-case key", R"({"Kiosk.Title": "x"})", "key \"Kiosk.Title\" is not a message key"},
        BadCatalogue{"space in key", R"({"kiosk.home title": "x"})",
                     "\"kiosk.home title\" is not a message key"},
        BadCatalogue{"empty segment", R"({"kiosk..title": "x"})", "\"kiosk..title\" is not a message key"},
        BadCatalogue{"empty key", R"({"": "x"})", "key \"\" is not a message key"},
        BadCatalogue{"duplicate", R"({"kiosk.a": "x", "kiosk.b": "y", "kiosk.a": "z"})",
                     "key \"kiosk.a\" appears more than once"},
        BadCatalogue{"invalid utf-8", "{\"kiosk.a\": \"\xC3\x28\"}", "not valid UTF-8"},
        BadCatalogue{"empty file", "", "invalid JSON"}),
    [](const auto& info) {
        std::string name = info.param.name;
        for (char& ch : name) {
            if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
        }
        return name;
    });

TEST(IsValidMessageKey, AcceptsNamespacedLowerCaseKeys) {
    EXPECT_TRUE(IsValidMessageKey("kiosk.ideas.new.title"));
    EXPECT_TRUE(IsValidMessageKey("kiosk.live.air_quality"));
    EXPECT_TRUE(IsValidMessageKey("kiosk.step-2"));
    EXPECT_FALSE(IsValidMessageKey("kiosk."));
    EXPECT_FALSE(IsValidMessageKey(".kiosk"));
    EXPECT_FALSE(IsValidMessageKey("kiosk.Ideas"));
    EXPECT_FALSE(IsValidMessageKey(std::string(201, 'a')));
}

TEST(ParseLanguages, ReadsTheList) {
    auto langs = ParseLanguages(test::kThreeLanguages, "languages.json");
    ASSERT_TRUE(langs.ok()) << langs.error().message;
    ASSERT_EQ(langs->size(), 3u);
    EXPECT_EQ((*langs)[0].tag, "de");
    EXPECT_TRUE((*langs)[0].fallback.empty());
    EXPECT_EQ((*langs)[2].native_name, "العربية");
    EXPECT_EQ((*langs)[2].direction, Direction::kRtl);
    EXPECT_EQ((*langs)[2].fallback, "de");
}

struct BadLanguages {
    const char* name;
    const char* entries;  // the inside of the "languages" array
    const char* expected_in_message;
};

class ParseLanguagesErrors : public ::testing::TestWithParam<BadLanguages> {};

TEST_P(ParseLanguagesErrors, AreClear) {
    const BadLanguages& c = GetParam();
    auto langs = ParseLanguages(std::string("{\"languages\": [") + c.entries + "]}", "languages.json");
    ASSERT_FALSE(langs.ok()) << c.name;
    EXPECT_THAT(langs.error().message, HasSubstr("languages.json"));
    EXPECT_THAT(langs.error().message, HasSubstr(c.expected_in_message)) << langs.error().message;
}

#define CK_LANG(tag, extra) \
    "{\"tag\": \"" tag "\", \"native_name\": \"N\", \"english_name\": \"E\", \"direction\": \"ltr\"" extra "}"

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseLanguagesErrors,
    ::testing::Values(
        BadLanguages{"empty", "", "\"languages\" must be a non-empty array"},
        BadLanguages{"bad direction",
                     R"({"tag": "de", "native_name": "N", "english_name": "E", "direction": "up"})",
                     "\"direction\" must be \"ltr\" or \"rtl\", got \"up\""},
        BadLanguages{"no native name", R"({"tag": "de", "english_name": "E", "direction": "ltr"})",
                     "(de): \"native_name\" is required"},
        BadLanguages{"bad tag", CK_LANG("German", ""), "\"German\" is not a language tag"},
        BadLanguages{"unknown field", CK_LANG("de", ", \"rtl\": true"), "unknown field \"rtl\""},
        BadLanguages{"two roots", CK_LANG("de", "") "," CK_LANG("en", ""), "exactly one root language"},
        BadLanguages{"no root",
                     CK_LANG("de", ", \"fallback\": \"en\"") "," CK_LANG("en", ", \"fallback\": \"de\""),
                     "no root language"},
        BadLanguages{"unknown fallback", CK_LANG("de", "") "," CK_LANG("en", ", \"fallback\": \"fr\""),
                     "\"en\" falls back to \"fr\", which is not listed"},
        BadLanguages{"cycle",
                     CK_LANG("de", "") "," CK_LANG("en", ", \"fallback\": \"tr\"") "," CK_LANG(
                         "tr", ", \"fallback\": \"en\""),
                     "form a cycle"},
        BadLanguages{"self", CK_LANG("de", "") "," CK_LANG("en", ", \"fallback\": \"en\""),
                     "cannot fall back to itself"},
        BadLanguages{"twice", CK_LANG("de", "") "," CK_LANG("de", ", \"fallback\": \"en\""), "listed twice"}),
    [](const auto& info) {
        std::string name = info.param.name;
        for (char& ch : name) {
            if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
        }
        return name;
    });

TEST(LoadCatalogues, ReadsEveryListedLanguage) {
    test::TempDir dir;
    test::WriteFile(dir / "languages.json", test::kThreeLanguages);
    test::WriteFile(dir / "de.json", R"({"kiosk.a": "A", "kiosk.b": "B"})");
    test::WriteFile(dir / "en.json", R"json({"kiosk.a": "A (en)"})json");
    test::WriteFile(dir / "ar.json", "{}");
    auto set = LoadCatalogues(dir.path());
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(set->languages.size(), 3u);
    ASSERT_NE(set->FindCatalogue("en"), nullptr);
    EXPECT_EQ(set->FindCatalogue("en")->messages.at("kiosk.a"), "A (en)");
    EXPECT_EQ(set->FindCatalogue("fr"), nullptr);
    EXPECT_EQ(set->FindLanguage("ar")->direction, Direction::kRtl);
}

TEST(LoadCatalogues, MalformedFileNamesFileAndKey) {
    test::TempDir dir;
    test::WriteFile(dir / "languages.json", test::kThreeLanguages);
    test::WriteFile(dir / "de.json", R"({"kiosk.a": "A"})");
    test::WriteFile(dir / "en.json", R"({"kiosk.a": ["A"]})");
    test::WriteFile(dir / "ar.json", "{}");
    auto set = LoadCatalogues(dir.path());
    ASSERT_FALSE(set.ok());
    EXPECT_THAT(set.error().message, HasSubstr((dir / "en.json").string()));
    EXPECT_THAT(set.error().message, HasSubstr("key \"kiosk.a\""));
}

TEST(LoadCatalogues, ListedLanguageWithoutFileIsAnError) {
    test::TempDir dir;
    test::WriteFile(dir / "languages.json", test::kThreeLanguages);
    test::WriteFile(dir / "de.json", "{}");
    test::WriteFile(dir / "en.json", "{}");
    auto set = LoadCatalogues(dir.path());
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.error().code, "locale.missing_catalogue");
    EXPECT_THAT(set.error().message, HasSubstr("ar.json"));
}

TEST(LoadCatalogues, UnlistedCatalogueIsAnError) {
    test::TempDir dir;
    test::WriteFile(dir / "languages.json", test::kThreeLanguages);
    for (const char* tag : {"de", "en", "ar", "fr"})
        test::WriteFile(dir / (std::string(tag) + ".json"), "{}");
    auto set = LoadCatalogues(dir.path());
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.error().code, "locale.unlisted_catalogue");
    EXPECT_THAT(set.error().message, HasSubstr("fr.json"));
}

TEST(LoadCatalogues, MissingFolderIsAnError) {
    auto set = LoadCatalogues("/nonexistent/locales");
    ASSERT_FALSE(set.ok());
    EXPECT_THAT(set.error().message, HasSubstr("/nonexistent/locales/languages.json"));
}

TEST(DefaultCataloguesDir, EnvironmentOverridesTheCompiledFolder) {
    const char* previous = std::getenv("CK_LOCALES_DIR");
    const std::string saved = previous ? previous : "";
    ::unsetenv("CK_LOCALES_DIR");
    EXPECT_EQ(DefaultCataloguesDir(), std::filesystem::path(CK_LOCALES_DIR));
    ::setenv("CK_LOCALES_DIR", "/opt/locales", 1);
    EXPECT_EQ(DefaultCataloguesDir(), std::filesystem::path("/opt/locales"));
    if (previous) {
        ::setenv("CK_LOCALES_DIR", saved.c_str(), 1);
    } else {
        ::unsetenv("CK_LOCALES_DIR");
    }
}

TEST(DefaultCataloguesDir, AnInstalledBinaryLooksBesideItsPrefix) {
    EXPECT_EQ(InstalledCataloguesDir("/usr/bin/civic-kiosk"), std::filesystem::path("/usr/share/civic-kiosk/catalogues"));
    EXPECT_EQ(InstalledCataloguesDir("/opt/ck/bin/civic-kiosk"),
              std::filesystem::path("/opt/ck/share/civic-kiosk/catalogues"));
}

}  // namespace
}  // namespace ck::loc
