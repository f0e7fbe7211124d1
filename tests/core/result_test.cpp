#include "core/result.h"

#include <gtest/gtest.h>

namespace ck {
namespace {

Result<int> Half(int v) {
    if (v % 2 != 0) return MakeError("odd", "not even: " + std::to_string(v));
    return v / 2;
}

TEST(Result, CarriesValueOrError) {
    auto ok = Half(8);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(*ok, 4);
    auto bad = Half(3);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "odd");
    EXPECT_EQ(bad.value_or(-1), -1);
}

TEST(Result, VoidStatus) {
    Status s;
    EXPECT_TRUE(s.ok());
    Status e = MakeError("x", "y");
    EXPECT_FALSE(e.ok());
    EXPECT_EQ(e.error().message, "y");
}

}  // namespace
}  // namespace ck
