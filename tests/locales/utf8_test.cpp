#include "locales/utf8.h"

#include <gtest/gtest.h>

namespace ck::loc {
namespace {

TEST(Utf8, DecodesAndEncodesRoundTrip) {
    const std::string text = "Aä€𝄞هي";
    const std::u32string decoded = DecodeUtf8(text);
    EXPECT_EQ(decoded, U"Aä€𝄞هي");
    EXPECT_EQ(EncodeUtf8(decoded), text);
}

TEST(Utf8, InvalidSequencesBecomeOneReplacementEach) {
    EXPECT_FALSE(IsValidUtf8("a\xE2\x82"));
    EXPECT_EQ(DecodeUtf8("a\xE2\x82"), U"a\uFFFD");  // truncated 3-byte sequence: one maximal subpart
    EXPECT_EQ(DecodeUtf8("\xFF"
                         "b"),
              U"\uFFFDb");
    EXPECT_EQ(SanitizeUtf8("ok\xC3\x28"), "ok\uFFFD(");
    EXPECT_EQ(SanitizeUtf8("schon gültig"), "schon gültig");
}

TEST(Utf8, EncodingRejectsSurrogatesAndOutOfRange) {
    EXPECT_EQ(EncodeUtf8(std::u32string{char32_t{0xD800}, char32_t{0x110000}, U'x'}), "\uFFFD\uFFFDx");
}

}  // namespace
}  // namespace ck::loc
