#include "locales/utf8.h"

#include <gtest/gtest.h>

#include <vector>

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

// Grapheme clusters as byte offsets: what the on-screen keyboard's caret steps over.
using Offsets = std::vector<std::size_t>;

TEST(Graphemes, AsciiBoundariesAreEveryByte) {
    EXPECT_EQ(GraphemeBoundaries(""), Offsets{0});
    EXPECT_EQ(GraphemeBoundaries("abc"), (Offsets{0, 1, 2, 3}));
    EXPECT_EQ(CountGraphemeClusters("Bank"), 4u);
}

TEST(Graphemes, TurkishDottedCapitalIStaysWhole) {
    // İ precomposed (U+0130, 2 bytes) and decomposed (I + U+0307) are one character each.
    EXPECT_EQ(GraphemeBoundaries("\u0130st"), (Offsets{0, 2, 3, 4}));
    EXPECT_EQ(GraphemeBoundaries("I\u0307s"), (Offsets{0, 3, 4}));
    EXPECT_EQ(PreviousGraphemeBoundary("I\u0307s", 3), 0u);
    EXPECT_EQ(NextGraphemeBoundary("I\u0307s", 0), 3u);
}

TEST(Graphemes, CombiningMarksAndHarakatGoWithTheirBase) {
    const std::string cafe = "Cafe\u0301!";  // e + combining acute
    EXPECT_EQ(GraphemeBoundaries(cafe), (Offsets{0, 1, 2, 3, 6, 7}));
    EXPECT_EQ(GraphemeBoundaryAtOrAfter(cafe, 4), 6u);  // inside "é": the boundary after it
    EXPECT_EQ(GraphemeBoundaryAtOrAfter(cafe, 3), 3u);
    const std::string beh_shadda_fatha = "\u0628\u0651\u064E\u0628";  // بَّ ب
    EXPECT_EQ(GraphemeBoundaries(beh_shadda_fatha), (Offsets{0, 6, 8}));
}

TEST(Graphemes, ArabicLettersAreOneClusterEach) {
    EXPECT_EQ(GraphemeBoundaries("\u0645\u0631\u062D\u0628\u0627"), (Offsets{0, 2, 4, 6, 8, 10}));  // مرحبا
}

TEST(Graphemes, EmojiSequencesAreOneCluster) {
    const std::string family =
        "\U0001F468\u200D\U0001F469\u200D\U0001F467";  // man ZWJ woman ZWJ girl: 18 bytes
    EXPECT_EQ(GraphemeBoundaries("a" + family + "b"), (Offsets{0, 1, 19, 20}));
    EXPECT_EQ(PreviousGraphemeBoundary("a" + family, 19), 1u);
    EXPECT_EQ(NextGraphemeBoundary("a" + family, 5), 19u);
    EXPECT_EQ(GraphemeBoundaries("\U0001F1E9\U0001F1EA\U0001F1F9\U0001F1F7"),
              (Offsets{0, 8, 16}));                                          // DE TR flags
    EXPECT_EQ(GraphemeBoundaries("\U0001F44D\U0001F3FD"), (Offsets{0, 8}));  // thumbs up + skin tone
}

// The one grapheme counter of the project: the keyboard's limit and participation's sanitiser both use it.
TEST(Graphemes, CountsUserPerceivedCharacters) {
    const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
    const std::string england = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";
    std::string many;
    for (int i = 0; i < 120; ++i) many += family;
    EXPECT_EQ(CountGraphemeClusters(""), 0u);
    EXPECT_EQ(CountGraphemeClusters("abc"), 3u);
    EXPECT_EQ(CountGraphemeClusters("e\u0301"), 1u);
    EXPECT_EQ(CountGraphemeClusters(family), 1u);
    EXPECT_EQ(CountGraphemeClusters(many), 120u);
    EXPECT_EQ(CountGraphemeClusters("\U0001F1E9\U0001F1EA\U0001F1F9\U0001F1F7"), 2u);
    EXPECT_EQ(CountGraphemeClusters(england), 1u);
    EXPECT_EQ(CountGraphemeClusters("\u00FC"), 1u);
    EXPECT_EQ(CountGraphemeClusters("u\u0308"), 1u);
    EXPECT_EQ(CountGraphemeClusters("\u0643\u0650\u062A\u064E\u0627\u0628"), 4u);
    EXPECT_EQ(CountGraphemeClusters("\u0130\u011F\u0131"), 3u);
    EXPECT_EQ(CountGraphemeClusters("a\r\nb"), 3u);
}

TEST(Graphemes, OffsetsBeyondTheTextMeanItsEnd) {
    EXPECT_EQ(PreviousGraphemeBoundary("ab", 99), 1u);
    EXPECT_EQ(NextGraphemeBoundary("ab", 99), 2u);
    EXPECT_EQ(GraphemeBoundaryAtOrAfter("ab", 99), 2u);
    EXPECT_EQ(PreviousGraphemeBoundary("ab", 0), 0u);
    EXPECT_EQ(NextGraphemeBoundary("", 0), 0u);
}

TEST(Graphemes, InvalidBytesNeverStopTheIteration) {
    const Offsets b = GraphemeBoundaries(
        "a\xFF"
        "b");
    EXPECT_EQ(b.front(), 0u);
    EXPECT_EQ(b.back(), 3u);
    EXPECT_EQ(b.size(), 4u);
}

}  // namespace
}  // namespace ck::loc
