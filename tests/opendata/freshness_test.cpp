// Age texts with a fake clock, in German, English, Arabic and Russian (plural rules differ), and staleness.
#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include "locales/catalogue.h"
#include "locales/localizer.h"
#include "opendata/freshness.h"

namespace ck::od {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using ::testing::HasSubstr;

class AgeTextTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        ASSERT_TRUE(loc::SetProcessTimeZone("Europe/Berlin").ok());
        auto set = loc::LoadCatalogues();
        ASSERT_TRUE(set.ok()) << set.error().message;
        catalogues_ = new loc::CatalogueSet(std::move(*set));
    }
    static void TearDownTestSuite() {
        delete catalogues_;
        catalogues_ = nullptr;
    }
    std::string Age(const char* lang, TimePoint observed, TimePoint now) {
        loc::Localizer l(*catalogues_);
        EXPECT_TRUE(l.SetLanguage(lang).ok());
        return AgeText(l, observed, now);
    }
    static loc::CatalogueSet* catalogues_;
    const TimePoint observed_ = *ParseIso8601("2026-11-27T13:05:00Z");  // 14:05 in Herne
};
loc::CatalogueSet* AgeTextTest::catalogues_ = nullptr;

TEST_F(AgeTextTest, German) {
    EXPECT_EQ(Age("de", observed_, observed_ + minutes(12)), "Stand 14:05, vor 12 Minuten");
    EXPECT_EQ(Age("de", observed_, observed_ + minutes(1)), "Stand 14:05, vor 1 Minute");
    EXPECT_EQ(Age("de", observed_, observed_ + std::chrono::seconds(20)), "Stand 14:05, gerade eben");
    EXPECT_EQ(Age("de", observed_, observed_ + hours(3)), "Stand 14:05, vor 3 Stunden");
    EXPECT_EQ(Age("de", observed_, observed_ + hours(49)), "Stand 27.11.2026, vor 2 Tagen");
}

TEST_F(AgeTextTest, English) {
    EXPECT_THAT(Age("en", observed_, observed_ + minutes(12)), HasSubstr("12 minutes ago"));
    EXPECT_THAT(Age("en", observed_, observed_ + minutes(12)), HasSubstr("2:05"));
    EXPECT_THAT(Age("en", observed_, observed_ + hours(1)), HasSubstr("1 hour ago"));
    EXPECT_THAT(Age("en", observed_, observed_ + hours(24)), HasSubstr("1 day ago"));
}

TEST_F(AgeTextTest, RussianPlurals) {
    EXPECT_THAT(Age("ru", observed_, observed_ + minutes(1)), HasSubstr("минуту назад"));
    EXPECT_THAT(Age("ru", observed_, observed_ + minutes(3)), HasSubstr("3 минуты назад"));
    EXPECT_THAT(Age("ru", observed_, observed_ + minutes(5)), HasSubstr("5 минут назад"));
    EXPECT_THAT(Age("ru", observed_, observed_ + minutes(21)), HasSubstr("21 минуту назад"));
    EXPECT_THAT(Age("ru", observed_, observed_ + hours(2)), HasSubstr("2 часа назад"));
}

TEST_F(AgeTextTest, ArabicPlurals) {
    EXPECT_THAT(Age("ar", observed_, observed_ + minutes(1)), HasSubstr("قبل دقيقة واحدة"));
    EXPECT_THAT(Age("ar", observed_, observed_ + minutes(2)), HasSubstr("قبل دقيقتين"));
    EXPECT_THAT(Age("ar", observed_, observed_ + hours(2)), HasSubstr("قبل ساعتين"));
    EXPECT_THAT(Age("ar", observed_, observed_ + minutes(5)), HasSubstr("دقائق"));   // few
    EXPECT_THAT(Age("ar", observed_, observed_ + minutes(12)), HasSubstr("دقيقة"));  // many
}

TEST_F(AgeTextTest, ATimeSlightlyAheadReadsAsJustNow) {
    EXPECT_EQ(Age("de", observed_, observed_ - minutes(2)), "Stand 14:05, gerade eben");
}

TEST(Staleness, PerTileLimit) {
    const TimePoint t = *ParseIso8601("2026-11-27T13:05:00Z");
    EXPECT_FALSE(IsStale(t, t + minutes(30), minutes(30)));
    EXPECT_TRUE(IsStale(t, t + minutes(30) + std::chrono::seconds(1), minutes(30)));
    EXPECT_FALSE(IsStale(t, t + hours(1), hours(2)));
    // Far ahead of the clock is not believed either.
    EXPECT_TRUE(IsStale(t + hours(1), t, hours(2)));
}

TEST(LocalTime, DayStartFollowsTheCityZone) {
    ASSERT_TRUE(loc::SetProcessTimeZone("Europe/Berlin").ok());
    // 00:30 in Berlin on 27 Nov is still 26 Nov 23:30 UTC.
    EXPECT_EQ(FormatIsoUtc(LocalDayStart(*ParseIso8601("2026-11-26T23:30:00Z"))), "2026-11-26T23:00:00Z");
    // Summer time.
    EXPECT_EQ(FormatIsoUtc(LocalDayStart(*ParseIso8601("2026-07-01T12:00:00Z"))), "2026-06-30T22:00:00Z");
    // The day the clocks go back has 25 hours; its start is still midnight.
    EXPECT_EQ(FormatIsoUtc(LocalDayStart(*ParseIso8601("2026-10-25T20:00:00Z"))), "2026-10-24T22:00:00Z");
}

}  // namespace
}  // namespace ck::od
