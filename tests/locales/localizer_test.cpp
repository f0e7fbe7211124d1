#include "locales/localizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "log_capture.h"

namespace ck::loc {
namespace {

using ::testing::HasSubstr;

// 2026-11-27T13:05:00Z: 14:05 in Herne (CET, UTC+1).
constexpr std::int64_t kNovember27At1305Utc = 1795784700000;
// 2026-07-01T12:00:00Z: 14:00 in Herne (CEST, UTC+2).
constexpr std::int64_t kJuly1At1200Utc = 1782907200000;

CatalogueSet MakeCatalogues() {
    CatalogueSet set;
    auto languages = ParseLanguages(R"({"languages": [
      {"tag": "de", "native_name": "Deutsch", "english_name": "German", "direction": "ltr"},
      {"tag": "en", "native_name": "English", "english_name": "English", "direction": "ltr", "fallback": "de"},
      {"tag": "ru", "native_name": "Русский", "english_name": "Russian", "direction": "ltr", "fallback": "de"},
      {"tag": "ar", "native_name": "العربية", "english_name": "Arabic", "direction": "rtl", "fallback": "de"},
      {"tag": "tr", "native_name": "Türkçe", "english_name": "Turkish", "direction": "ltr", "fallback": "de"}
    ]})",
                                    "languages.json");
    EXPECT_TRUE(languages.ok()) << languages.error().message;
    set.languages = std::move(*languages);
    const std::pair<const char*, const char*> files[] = {
        {"de", R"({
          "t.ideas.count": "{n, plural, one {# Idee} other {# Ideen}}",
          "t.ideas.none": "{n, plural, =0 {Noch keine Ideen} one {Eine Idee} other {# Ideen}}",
          "t.status": "{status, select, submitted {eingereicht} published {veröffentlicht} other {unbekannt}}",
          "t.as_of": "Stand {t, time, short}",
          "t.on": "am {d, date, medium}",
          "t.fee": "Gebühr: {fee, number, :: currency/EUR}",
          "t.greeting": "Hallo {name}!",
          "t.only_de": "Nur Deutsch",
          "t.only_de_plural": "{n, plural, one {# Idee} other {# Ideen}}",
          "t.bad": "{n, plural, one {# Idee}",
          "t.no_other": "{n, plural, one {# Idee}}"
        })"},
        {"en", R"({
          "t.ideas.count": "{n, plural, one {# idea} other {# ideas}}",
          "t.ideas.none": "{n, plural, =0 {No ideas yet} one {One idea} other {# ideas}}",
          "t.status": "{status, select, submitted {submitted} published {published} other {unknown}}",
          "t.as_of": "as of {t, time, short}",
          "t.on": "on {d, date, medium}",
          "t.fee": "Fee: {fee, number, :: currency/EUR}",
          "t.greeting": "Hello {name}!",
          "t.apostrophe": "It's {n} o'clock, don't wait"
        })"},
        {"ru", R"({
          "t.ideas.count": "{n, plural, one {# идея} few {# идеи} many {# идей} other {# идеи}}"
        })"},
        {"ar", R"({
          "t.ideas.count": "{n, plural, zero {Z} one {O} two {T} few {F} many {M} other {X}}"
        })"},
        {"tr", R"({
          "t.on": "{d, date, long} tarihinde"
        })"},
    };
    for (const auto& [tag, json] : files) {
        auto cat = ParseCatalogue(tag, json, std::string(tag) + ".json");
        EXPECT_TRUE(cat.ok()) << cat.error().message;
        set.catalogues.emplace(tag, std::move(*cat));
    }
    return set;
}

class LocalizerTest : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(SetProcessTimeZone("Europe/Berlin").ok()); }

    CatalogueSet catalogues_ = MakeCatalogues();
    Localizer loc_{catalogues_};
};

TEST_F(LocalizerTest, StartsInTheRootLanguage) {
    EXPECT_EQ(loc_.language().tag, "de");
    EXPECT_EQ(loc_.direction(), Direction::kLtr);
}

TEST_F(LocalizerTest, GermanPlurals) {
    const std::pair<int, const char*> cases[] = {{0, "0 Ideen"}, {1, "1 Idee"},    {2, "2 Ideen"},
                                                 {5, "5 Ideen"}, {21, "21 Ideen"}, {1000, "1.000 Ideen"}};
    for (const auto& [n, expected] : cases) {
        EXPECT_EQ(loc_.Format("t.ideas.count", {{"n", n}}), expected) << n;
    }
    EXPECT_EQ(loc_.Format("t.ideas.none", {{"n", 0}}), "Noch keine Ideen");
    EXPECT_EQ(loc_.Format("t.ideas.none", {{"n", 1}}), "Eine Idee");
    EXPECT_EQ(loc_.Format("t.ideas.none", {{"n", std::size_t{7}}}), "7 Ideen");
}

TEST_F(LocalizerTest, EnglishPlurals) {
    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    const std::pair<int, const char*> cases[] = {{0, "0 ideas"}, {1, "1 idea"},    {2, "2 ideas"},
                                                 {5, "5 ideas"}, {21, "21 ideas"}, {1000, "1,000 ideas"}};
    for (const auto& [n, expected] : cases) {
        EXPECT_EQ(loc_.Format("t.ideas.count", {{"n", n}}), expected) << n;
    }
    EXPECT_EQ(loc_.Format("t.ideas.none", {{"n", 0}}), "No ideas yet");
}

TEST_F(LocalizerTest, RussianPluralCategories) {
    ASSERT_TRUE(loc_.SetLanguage("ru").ok());
    const std::pair<int, const char*> cases[] = {{1, "1 идея"},   {2, "2 идеи"},   {4, "4 идеи"},
                                                 {5, "5 идей"},   {11, "11 идей"}, {12, "12 идей"},
                                                 {21, "21 идея"}, {22, "22 идеи"}, {25, "25 идей"}};
    for (const auto& [n, expected] : cases) {
        EXPECT_EQ(loc_.Format("t.ideas.count", {{"n", n}}), expected) << n;
    }
}

TEST_F(LocalizerTest, ArabicPluralCategories) {
    ASSERT_TRUE(loc_.SetLanguage("ar").ok());
    const std::pair<int, const char*> cases[] = {{0, "Z"},  {1, "O"},  {2, "T"},   {3, "F"},   {10, "F"},
                                                 {11, "M"}, {99, "M"}, {100, "X"}, {102, "X"}, {103, "F"}};
    for (const auto& [n, expected] : cases) {
        EXPECT_EQ(loc_.Format("t.ideas.count", {{"n", n}}), expected) << n;
    }
}

TEST_F(LocalizerTest, Select) {
    EXPECT_EQ(loc_.Format("t.status", {{"status", "published"}}), "veröffentlicht");
    EXPECT_EQ(loc_.Format("t.status", {{"status", "rejected"}}), "unbekannt");
    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    EXPECT_EQ(loc_.Format("t.status", {{"status", std::string("submitted")}}), "submitted");
}

TEST_F(LocalizerTest, StringArgumentsAndApostrophes) {
    EXPECT_EQ(loc_.Format("t.greeting", {{"name", "Wanne-Eickel"}}), "Hallo Wanne-Eickel!");
    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    // Translators write apostrophes naturally; only '{ starts ICU quoting.
    EXPECT_EQ(loc_.Format("t.apostrophe", {{"n", 5}}), "It's 5 o'clock, don't wait");
}

TEST_F(LocalizerTest, NumbersFollowTheLanguage) {
    EXPECT_EQ(loc_.FormatInteger(1234567), "1.234.567");
    EXPECT_EQ(loc_.FormatDecimal(1234.5, 2), "1.234,5");
    EXPECT_EQ(loc_.FormatDecimal(2.345, 1), "2,3");
    EXPECT_EQ(loc_.Format("t.fee", {{"fee", 12.5}}), "Gebühr: 12,50\u00A0€");
    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    EXPECT_EQ(loc_.FormatInteger(1234567), "1,234,567");
    EXPECT_EQ(loc_.FormatDecimal(1234.5, 2), "1,234.5");
    EXPECT_EQ(loc_.Format("t.fee", {{"fee", 12.5}}), "Fee: €12.50");
    ASSERT_TRUE(loc_.SetLanguage("ru").ok());
    EXPECT_EQ(loc_.FormatDecimal(1234.5, 2), "1\u00A0234,5");  // CLDR: no-break space groups in Russian
    // CLDR's default for Arabic: Arabic-Indic digits, U+066C groups, U+066B decimal separator.
    ASSERT_TRUE(loc_.SetLanguage("ar").ok());
    EXPECT_EQ(loc_.FormatInteger(1234), "\u0661\u066C\u0662\u0663\u0664");
    EXPECT_EQ(loc_.FormatDecimal(2.5, 1), "\u0662\u066B\u0665");
}

TEST_F(LocalizerTest, TimesAndDatesInTheVisitorsLanguage) {
    const TimePoint november = FromUnixMs(kNovember27At1305Utc);
    EXPECT_EQ(loc_.Format("t.as_of", {{"t", november}}), "Stand 14:05");
    EXPECT_EQ(loc_.Format("t.as_of", {{"t", FromUnixMs(kJuly1At1200Utc)}}), "Stand 14:00");  // summer time
    EXPECT_EQ(loc_.FormatTime(november), "14:05");
    EXPECT_EQ(loc_.FormatDate(november, DateStyle::kMedium), "27.11.2026");
    EXPECT_EQ(loc_.FormatDate(november, DateStyle::kLong), "27. November 2026");
    EXPECT_EQ(loc_.Format("t.on", {{"d", november}}), "am 27.11.2026");

    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    // CLDR 42 (ICU 72) puts a narrow no-break space before AM/PM.
    EXPECT_EQ(loc_.Format("t.as_of", {{"t", november}}), "as of 2:05\u202FPM");
    EXPECT_EQ(loc_.FormatDate(november, DateStyle::kMedium), "Nov 27, 2026");
    EXPECT_EQ(loc_.Format("t.on", {{"d", november}}), "on Nov 27, 2026");

    ASSERT_TRUE(loc_.SetLanguage("tr").ok());
    EXPECT_EQ(loc_.Format("t.on", {{"d", november}}), "27 Kasım 2026 tarihinde");
    ASSERT_TRUE(loc_.SetLanguage("ru").ok());
    EXPECT_EQ(loc_.FormatDate(november, DateStyle::kLong), "27 ноября 2026\u202Fг.");  // CLDR 42: narrow NBSP
}

TEST_F(LocalizerTest, UnknownTimeZoneIsAnError) {
    const Status s = SetProcessTimeZone("Mars/Olympus_Mons");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, "locale.unknown_time_zone");
    EXPECT_THAT(s.error().message, HasSubstr("Mars/Olympus_Mons"));
}

TEST_F(LocalizerTest, MissingKeyFallsBackToGermanAndIsLoggedOnce) {
    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    test::LogCapture log;
    EXPECT_EQ(loc_.Text("t.only_de"), "Nur Deutsch");
    EXPECT_EQ(loc_.Text("t.only_de"), "Nur Deutsch");
    EXPECT_EQ(loc_.Format("t.only_de", {}), "Nur Deutsch");
    EXPECT_EQ(log.CountLines("t.only_de"), 1) << log.text();
    EXPECT_THAT(log.text(), HasSubstr("warn"));
    EXPECT_THAT(log.text(), HasSubstr("fallback"));
    // A key the active language has is not logged.
    EXPECT_EQ(loc_.Format("t.greeting", {{"name", "Herne"}}), "Hello Herne!");
    EXPECT_EQ(log.CountLines("t.greeting"), 0);
}

TEST_F(LocalizerTest, FallbackPatternsUseTheirOwnLanguagesPluralRules) {
    ASSERT_TRUE(loc_.SetLanguage("ru").ok());
    // Russian rules would pick "one" for 21; the German text needs German rules.
    EXPECT_EQ(loc_.Format("t.only_de_plural", {{"n", 21}}), "21 Ideen");
    EXPECT_EQ(loc_.Format("t.only_de_plural", {{"n", 1}}), "1 Idee");
}

TEST_F(LocalizerTest, KeyMissingEverywhereShowsTheKeyAndIsLoggedOnce) {
    test::LogCapture log;
    EXPECT_EQ(loc_.Text("kiosk.nowhere"), "kiosk.nowhere");
    EXPECT_EQ(loc_.Format("kiosk.nowhere", {{"n", 1}}), "kiosk.nowhere");
    EXPECT_EQ(log.CountLines("kiosk.nowhere"), 1) << log.text();
    EXPECT_THAT(log.text(), HasSubstr("missing"));
}

TEST_F(LocalizerTest, BrokenPatternShowsTheRawPatternAndIsLoggedOnce) {
    test::LogCapture log;
    EXPECT_EQ(loc_.Text("t.bad"), "{n, plural, one {# Idee}");
    EXPECT_EQ(loc_.Format("t.bad", {{"n", 2}}), "{n, plural, one {# Idee}");
    EXPECT_EQ(loc_.Format("t.no_other", {{"n", 2}}), "{n, plural, one {# Idee}}");
    EXPECT_EQ(log.CountLines("t.bad"), 1) << log.text();
    EXPECT_EQ(log.CountLines("t.no_other"), 1) << log.text();
    EXPECT_EQ(loc_.FormatPattern("{oops", {}), "{oops");
}

TEST_F(LocalizerTest, ArgumentsThatDoNotFitShowTheRawPattern) {
    test::LogCapture log;
    // A plural needs a number, a select a string.
    EXPECT_EQ(loc_.Format("t.ideas.count", {{"n", "drei"}}), "{n, plural, one {# Idee} other {# Ideen}}");
    EXPECT_EQ(loc_.Format("t.status", {{"status", 3}}),
              "{status, select, submitted {eingereicht} published {veröffentlicht} other {unbekannt}}");
    EXPECT_EQ(log.CountLines("format error"), 2) << log.text();
}

TEST_F(LocalizerTest, TextIsCachedPerLanguage) {
    const std::string& first = loc_.Text("t.only_de");
    const std::string& second = loc_.Text("t.only_de");
    EXPECT_EQ(&first, &second);
    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    EXPECT_EQ(loc_.Format("t.greeting", {{"name", "Herne"}}), "Hello Herne!");
}

TEST_F(LocalizerTest, UnknownLanguageKeepsTheCurrentOne) {
    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    const Status s = loc_.SetLanguage("xx");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, "locale.unknown_language");
    EXPECT_EQ(loc_.language().tag, "en");
    ASSERT_TRUE(loc_.SetLanguage("ar").ok());
    EXPECT_EQ(loc_.direction(), Direction::kRtl);
}

TEST_F(LocalizerTest, FormatPatternUsesTheActiveLanguage) {
    ASSERT_TRUE(loc_.SetLanguage("en").ok());
    EXPECT_EQ(loc_.FormatPattern("{n, number} m", {{"n", 1234.5}}), "1,234.5 m");
    ASSERT_TRUE(loc_.SetLanguage("de").ok());
    EXPECT_EQ(loc_.FormatPattern("{n, number} m", {{"n", 1234.5}}), "1.234,5 m");
}

}  // namespace
}  // namespace ck::loc
