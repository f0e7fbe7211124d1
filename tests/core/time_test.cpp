#include "core/time.h"

#include <gtest/gtest.h>

namespace ck {
namespace {

TEST(Time, FormatsIsoUtc) {
    EXPECT_EQ(FormatIsoUtc(FromUnixMs(0)), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatIsoUtc(FromUnixMs(1795792500000)), "2026-11-27T15:15:00Z");
    EXPECT_EQ(FormatIsoUtc(FromUnixMs(1795792500999)), "2026-11-27T15:15:00Z");
}

}  // namespace
}  // namespace ck
