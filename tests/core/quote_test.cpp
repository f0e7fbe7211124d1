#include "core/quote.h"

#include <gtest/gtest.h>

namespace ck {
namespace {

TEST(QuoteInput, ShortInputIsQuotedWhole) {
    EXPECT_EQ(QuoteInput("Bänke"), "\"Bänke\"");
    EXPECT_EQ(QuoteInput(""), "\"\"");
}

TEST(QuoteInput, TenMegabytesBecomeOneShortLine) {
    const std::string huge(10 * 1024 * 1024, 'x');
    const std::string q = QuoteInput(huge);
    EXPECT_EQ(q, "\"" + std::string(80, 'x') + "...\" (10485760 bytes)");
}

TEST(QuoteInput, CountsCharactersNotBytesAndNeverSplitsOne) {
    std::string arabic;
    for (int i = 0; i < 100; ++i) arabic += "ب";  // 2 bytes each
    const std::string q = QuoteInput(arabic);
    std::string expected;
    for (int i = 0; i < 80; ++i) expected += "ب";
    EXPECT_EQ(q, "\"" + expected + "...\" (200 bytes)");
}

TEST(QuoteInput, ControlCharactersInvalidUtf8AndQuotesAreEscaped) {
    EXPECT_EQ(QuoteInput(std::string("a\nb\x01\"c\xff", 7)), "\"a\\nb\\x01\\\"c\\xff\"");
    EXPECT_EQ(QuoteInput(std::string("x\0y", 3)), "\"x\\x00y\"");
}

TEST(FirstInvalidUtf8, FindsTheOffsetOfTheFirstBadSequence) {
    EXPECT_EQ(FirstInvalidUtf8("Bänke \U0001F600"), std::nullopt);
    EXPECT_EQ(FirstInvalidUtf8(std::string("ab\xff", 3)), 2u);
    EXPECT_EQ(FirstInvalidUtf8(std::string("a\xc3", 2)), 1u);             // truncated
    EXPECT_EQ(FirstInvalidUtf8(std::string("\xc0\xaf", 2)), 0u);          // overlong
    EXPECT_EQ(FirstInvalidUtf8(std::string("x\xed\xa0\x80", 4)), 1u);     // a surrogate
    EXPECT_EQ(FirstInvalidUtf8(std::string("\xf4\x90\x80\x80", 4)), 0u);  // above U+10FFFF
}

}  // namespace
}  // namespace ck
