#include "core/time.h"

#include <gtest/gtest.h>

namespace ck {
namespace {

TEST(Time, FormatsIsoUtc) {
    EXPECT_EQ(FormatIsoUtc(FromUnixMs(0)), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatIsoUtc(FromUnixMs(1795792500000)), "2026-11-27T15:15:00Z");
    EXPECT_EQ(FormatIsoUtc(FromUnixMs(1795792500999)), "2026-11-27T15:15:00Z");
}

TEST(Time, ParsesWhatItFormatsAndNothingElse) {
    EXPECT_EQ(ParseIsoUtc("2026-11-27T15:15:00Z"), FromUnixMs(1795792500000));
    EXPECT_EQ(ParseIsoUtc(FormatIsoUtc(FromUnixMs(0))), FromUnixMs(0));
    for (const char* bad : {"", "2026-11-27T15:15:00", "2026-11-27T15:15:00+01:00", "2026-11-27 15:15:00Z",
                            "2026-02-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-27T24:00:00Z",
                            "2026-11-27T15:15:0xZ", "20261127T151500Z"}) {
        EXPECT_FALSE(ParseIsoUtc(bad).has_value()) << bad;
    }
}

TEST(Time, ParsesIso8601AsServersSendIt) {
    EXPECT_EQ(ToUnixMs(*ParseIso8601("1970-01-01T00:00:00Z")), 0);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("2026-11-18T11:06:40Z")), 1'795'000'000'000);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("2026-11-18T11:06:40.5Z")), 1'795'000'000'500);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("2026-11-18T11:06:40.123456Z")), 1'795'000'000'123);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("2024-02-29T00:00:00Z")), 1'709'164'800'000);
    // No zone is UTC; offsets in all three spellings; a date alone is midnight UTC; minutes without seconds.
    EXPECT_EQ(ToUnixMs(*ParseIso8601("2026-11-18T11:06:40")), 1'795'000'000'000);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("2026-11-18T12:06:40+01:00")), 1'795'000'000'000);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("2026-11-18T12:06:40+0100")), 1'795'000'000'000);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("2026-11-18T10:06:40-01")), 1'795'000'000'000);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("1970-01-02")), 86'400'000);
    EXPECT_EQ(ToUnixMs(*ParseIso8601("1970-01-01T00:01Z")), 60'000);
    for (const char* bad : {"", "2026-11-18T", "2026-11-18T11", "2026-13-01T00:00:00Z", "2026-11-18T24:00:00Z",
                            "2026-11-18T11:06:40.Z", "2026-11-18 11:06:40Z", "2025-02-29T00:00:00Z",
                            "abcd-ef-ghTij:kl:mnZ", "2026-11-18T11:06:40Zjunk", "2026-11-18T11:06:40+25:00",
                            "2026-11-18T11:06:60Z", "26-11-18"}) {
        EXPECT_FALSE(ParseIso8601(bad).has_value()) << bad;
    }
}

}  // namespace
}  // namespace ck
