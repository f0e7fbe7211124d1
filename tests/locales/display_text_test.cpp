#include "locales/display_text.h"

#include <gtest/gtest.h>

#include "locales/utf8.h"

// Expected visual sequences are derived by hand from UAX #9 (bidi: W2/W7 for digits, N0 for brackets,
// N1/N2 for neutrals, L2 reversal, L4 mirroring) and the Arabic joining rules behind u_shapeArabic:
//   ه heh   U+0647 -> initial U+FEEB       ي yeh  U+064A -> medial U+FEF4, final U+FEF2
//   ر reh   U+0631 -> final U+FEAE (right-joining: the next letter starts a new join)
//   ن noon  U+0646 -> isolated U+FEE5     ع ain  U+0639 -> initial U+FECB
//   ا alef  U+0627 -> final U+FE8E         م meem U+0645 -> isolated U+FEE1
//   س seen  U+0633 -> initial U+FEB3       ل+ا lam-alef -> ligature U+FEFB isolated, U+FEFC final
namespace ck::loc {
namespace {

std::u32string Visual(std::string_view utf8, Direction dir) {
    return DecodeUtf8(ForDisplay(utf8, dir));
}

constexpr std::u32string_view kHerneShapedLogical = U"\uFEEB\uFEF4\uFEAE\uFEE5";  // هيرن after shaping
constexpr std::u32string_view kHerneVisual = U"\uFEE5\uFEAE\uFEF4\uFEEB";         // ...then reversed

TEST(ForDisplay, MixedArabicLatinDigitsInRightToLeftUi) {
    // "Herne 2026" is one left-to-right run (2026 follows L, W7), kept in reading order; the Arabic word goes
    // to its left, the space between them takes the paragraph direction.
    EXPECT_EQ(Visual("Herne 2026 هيرن", Direction::kRtl), std::u32string(kHerneVisual) + U" Herne 2026");
}

TEST(ForDisplay, MixedTextInLeftToRightUiTakesDirectionFromFirstStrongCharacter) {
    EXPECT_EQ(Visual("Herne 2026 هيرن", Direction::kLtr), U"Herne 2026 " + std::u32string(kHerneVisual));
    // Starts with Arabic: a right-to-left paragraph even in the German UI.
    EXPECT_EQ(Visual("هيرن 2026", Direction::kLtr), U"2026 " + std::u32string(kHerneVisual));
}

TEST(ForDisplay, EuropeanDigitsAfterArabicStayLeftToRight) {
    // W2 makes 2026 an Arabic number (level 2): its digits keep their order, the run moves left.
    EXPECT_EQ(Visual("عام 2026", Direction::kRtl), U"2026 \uFEE1\uFE8E\uFECB");
}

TEST(ForDisplay, ArabicIndicDigitsStayLeftToRight) {
    EXPECT_EQ(Visual("٢٠٢٦ هيرن", Direction::kRtl),
              std::u32string(kHerneVisual) + U" \u0662\u0660\u0662\u0666");
}

TEST(ForDisplay, BracketsAreMirrored) {
    // Both brackets resolve to R (N0); reversed, ')' lands on the left and is drawn as '(' (L4).
    EXPECT_EQ(Visual("(هيرن)", Direction::kRtl), U"(" + std::u32string(kHerneVisual) + U")");
    // Latin inside brackets after Arabic: brackets take the embedding direction, "Herne" stays readable.
    EXPECT_EQ(Visual("هيرن (Herne)", Direction::kRtl), U"(Herne) " + std::u32string(kHerneVisual));
}

TEST(ForDisplay, LamAlefBecomesOneLigature) {
    EXPECT_EQ(Visual("لا", Direction::kRtl), U"\uFEFB");
    // سلام: seen initial, lam-alef final ligature, meem isolated (alef does not join to the left); reversed.
    EXPECT_EQ(Visual("سلام", Direction::kRtl), U"\uFEE1\uFEFC\uFEB3");
}

TEST(ForDisplay, ShapingAloneIsInLogicalOrderBeforeReordering) {
    // The reversal of a single Arabic run is exactly the reversed shaped text.
    std::u32string shaped(kHerneShapedLogical);
    EXPECT_EQ(Visual("هيرن", Direction::kRtl), std::u32string(shaped.rbegin(), shaped.rend()));
}

TEST(ForDisplay, PureLeftToRightTextIsUnchanged) {
    for (const char* text :
         {"Bürgerbüro – Öffnungszeiten „heute“ …", "Ideen (3)", "Привет, Херне!", "", "42"}) {
        EXPECT_FALSE(NeedsDisplayProcessing(text)) << text;
        EXPECT_EQ(ForDisplay(text, Direction::kLtr), text);
        EXPECT_EQ(ForDisplay(text, Direction::kRtl), text);
    }
}

TEST(ForDisplay, InvalidUtf8BecomesReplacementCharacterWithoutCrashing) {
    EXPECT_TRUE(NeedsDisplayProcessing("abc\xFF"));
    EXPECT_EQ(Visual("abc\xFF", Direction::kLtr), U"abc\uFFFD");
    // A lone lead byte before Arabic: U+FFFD is neutral, takes R at the paragraph start, ends up rightmost.
    EXPECT_EQ(Visual("\xC3هي", Direction::kRtl), U"\uFEF2\uFEEB\uFFFD");
    // Truncated sequence at the end.
    EXPECT_EQ(Visual("هي\xD9", Direction::kRtl), U"\uFFFD\uFEF2\uFEEB");
    // Overlong encoding of '/' and an encoded surrogate are invalid, too.
    EXPECT_EQ(Visual("a\xC0\xAF"
                     "b",
                     Direction::kLtr),
              U"a\uFFFD\uFFFDb");
    EXPECT_EQ(Visual("\xED\xA0\x80", Direction::kRtl), U"\uFFFD\uFFFD\uFFFD");
    for (const char* junk : {"\xFF\xFE\xFD", "\xD9", "\xF4\x90\x80\x80", "\x80\x80\xD8\xA7"}) {
        EXPECT_TRUE(IsValidUtf8(ForDisplay(junk, Direction::kRtl))) << junk;
    }
}

TEST(ForDisplay, BidiControlsAreDroppedSinceTheyHaveNoGlyph) {
    EXPECT_EQ(Visual("\u202Bهي\u202C", Direction::kRtl), U"\uFEF2\uFEEB");
    EXPECT_EQ(Visual("Herne\u200F", Direction::kLtr), U"Herne");
    EXPECT_EQ(Visual("هي\u061C", Direction::kRtl), U"\uFEF2\uFEEB");
}

TEST(ForDisplay, LinesAreReorderedOneByOne) {
    EXPECT_EQ(Visual("هيرن\nHerne 2026", Direction::kRtl), std::u32string(kHerneVisual) + U"\nHerne 2026");
    EXPECT_EQ(Visual("Herne\nهيرن\n", Direction::kRtl), U"Herne\n" + std::u32string(kHerneVisual) + U"\n");
}

TEST(DisplayTextCache, PassesLeftToRightTextThroughWithoutCopying) {
    DisplayTextCache cache(8);
    const std::string text = "Bürgerbüro";
    const std::string_view out = cache.Get(text);
    EXPECT_EQ(out.data(), text.data());
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.misses(), 0u);
}

TEST(DisplayTextCache, ComputesRightToLeftTextOnce) {
    DisplayTextCache cache(8);
    cache.SetDirection(Direction::kRtl);
    const std::string_view first = cache.Get("Herne 2026 هيرن");
    EXPECT_EQ(DecodeUtf8(first), std::u32string(kHerneVisual) + U" Herne 2026");
    const std::string_view second = cache.Get(std::string("Herne 2026 هيرن"));
    EXPECT_EQ(first.data(), second.data());
    EXPECT_EQ(cache.hits(), 1u);
    EXPECT_EQ(cache.misses(), 1u);
}

TEST(DisplayTextCache, EvictsTheLeastRecentlyUsed) {
    DisplayTextCache cache(2);
    cache.SetDirection(Direction::kRtl);
    cache.Get("أ");
    cache.Get("ب");
    cache.Get("أ");  // hit: now "ب" is the oldest
    cache.Get("ت");  // evicts "ب"
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(cache.hits(), 1u);
    cache.Get("أ");
    EXPECT_EQ(cache.hits(), 2u);
    cache.Get("ب");
    EXPECT_EQ(cache.misses(), 4u);
}

TEST(DisplayTextCache, DirectionChangeRecomputes) {
    DisplayTextCache cache;
    cache.SetDirection(Direction::kLtr);
    EXPECT_EQ(DecodeUtf8(cache.Get("Herne هيرن")), U"Herne " + std::u32string(kHerneVisual));
    cache.SetDirection(Direction::kRtl);
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(DecodeUtf8(cache.Get("Herne هيرن")), std::u32string(kHerneVisual) + U" Herne");
}

}  // namespace
}  // namespace ck::loc

namespace ck::loc {
namespace {

auto AtMostCodePoints(std::size_t n) {
    return [n](std::string_view shown) { return DecodeUtf8(shown).size() <= n; };
}

TEST(FitForDisplay, TextThatFitsIsJustForDisplay) {
    EXPECT_EQ(FitForDisplay("Ideen", Direction::kLtr, AtMostCodePoints(5)), "Ideen");
    EXPECT_EQ(DecodeUtf8(FitForDisplay("هيرن", Direction::kRtl, AtMostCodePoints(4))), kHerneVisual);
}

TEST(FitForDisplay, CutsAtTheLogicalEndWithAnEllipsis) {
    EXPECT_EQ(FitForDisplay("Bürgerbüro Herne", Direction::kLtr, AtMostCodePoints(8)), "Bürgerb…");
    // The cut lands after a space: no "Bürgerbüro …".
    EXPECT_EQ(FitForDisplay("Bürgerbüro Herne", Direction::kLtr, AtMostCodePoints(12)), "Bürgerbüro…");
}

TEST(FitForDisplay, RightToLeftKeepsTheBeginningAndPutsTheEllipsisLeft) {
    // اللغة cut to "ال…": alef isolated U+FE8D, lam isolated U+FEDD (the ellipsis does not join); in visual
    // order the ellipsis (neutral at the end of an RTL paragraph) is leftmost.
    EXPECT_EQ(DecodeUtf8(FitForDisplay("اللغة", Direction::kRtl, AtMostCodePoints(3))),
              U"\u2026\uFEDD\uFE8D");
}

TEST(FitForDisplay, NeverSplitsACharacterFromItsAccent) {
    // "Ae\u0301B" in three code points: a code point cut would give "Ae…", a grapheme cut gives "A…".
    EXPECT_EQ(FitForDisplay("Ae\u0301B", Direction::kLtr, AtMostCodePoints(3)), "A…");
}

TEST(FitForDisplay, NothingFitsGivesTheEllipsisAlone) {
    EXPECT_EQ(FitForDisplay("Dienstleistungen", Direction::kLtr, AtMostCodePoints(0)), "…");
    EXPECT_EQ(FitForDisplay("", Direction::kLtr, AtMostCodePoints(0)), "");
    EXPECT_EQ(FitForDisplay("x\xFF", Direction::kLtr, AtMostCodePoints(1)), "…");
}

// ---- Caret positions in display forms (the on-screen keyboard's text fields) ----

// Every code point 10 wide: positions are then easy to derive by hand from the visual order.
float TenPerCodePoint(std::string_view piece) {
    return 10.0f * static_cast<float>(DecodeUtf8(ForDisplay(piece, Direction::kRtl)).size());
}

TEST(CaretOffsetInDisplay, LeftToRightTextIsThePrefixWidth) {
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay("Bank", 0, Direction::kLtr, TenPerCodePoint), 0);
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay("Bank", 2, Direction::kLtr, TenPerCodePoint), 20);
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay("Bank", 4, Direction::kRtl, TenPerCodePoint),
                    40);  // no RTL characters
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay("Grün", 4, Direction::kLtr, TenPerCodePoint),
                    30);  // bytes, not letters
}

TEST(CaretOffsetInDisplay, ArabicCaretCountsFromTheRight) {
    const std::string word = "\u0633\u0648\u0642";  // سوق: three letters, 2 bytes each, drawn right to left
    EXPECT_TRUE(IsRightToLeftLine(word, Direction::kRtl));
    EXPECT_TRUE(IsRightToLeftLine(word, Direction::kLtr));  // first strong character decides in an LTR UI
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(word, 0, Direction::kRtl, TenPerCodePoint),
                    30);  // logical start: right
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(word, 2, Direction::kRtl, TenPerCodePoint), 20);
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(word, 6, Direction::kRtl, TenPerCodePoint), 0);  // logical end: left
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(word, 6, Direction::kLtr, TenPerCodePoint), 0);
}

TEST(CaretOffsetInDisplay, LatinInsideArabicKeepsItsOwnOrder) {
    // "سوق Bank" in an RTL paragraph is drawn "Bank قوس": the Latin run on the left, left to right.
    const std::string line = "\u0633\u0648\u0642 Bank";
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(line, 0, Direction::kRtl, TenPerCodePoint), 80);   // before س
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(line, 7, Direction::kRtl, TenPerCodePoint), 0);    // before B
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(line, 9, Direction::kRtl, TenPerCodePoint), 20);   // between a and n
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(line, 11, Direction::kRtl, TenPerCodePoint), 40);  // after k
}

TEST(CaretOffsetInDisplay, ArabicWordInAGermanLine) {
    // LTR paragraph "Am سوق": "Am " then the Arabic run reversed.
    const std::string line = "Am \u0633\u0648\u0642";
    EXPECT_FALSE(IsRightToLeftLine(line, Direction::kLtr));
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(line, 3, Direction::kLtr, TenPerCodePoint),
                    60);  // before س: its right
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(line, 5, Direction::kLtr, TenPerCodePoint), 50);
    EXPECT_FLOAT_EQ(CaretOffsetInDisplay(line, 2, Direction::kLtr, TenPerCodePoint), 20);
}

}  // namespace
}  // namespace ck::loc
