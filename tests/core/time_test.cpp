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

}  // namespace
}  // namespace ck
