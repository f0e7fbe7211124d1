// The on-screen keyboard's caret: a byte offset that only ever stands between whole user-perceived
// characters, moved by the arrow keys, placed by a tap (also in wrapped lines), with typing and erasing at
// it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "locales/display_text.h"
#include "locales/utf8.h"
#include "ui/on_screen_keyboard.h"
#include "ui/widgets.h"

namespace ck::ui {
namespace {

const std::string kTurkishI = "\u0130";                                    // İ, 2 bytes
const std::string kDecomposedE = "e\u0301";                                // e + combining acute, 3 bytes
const std::string kFamily = "\U0001F468\u200D\U0001F469\u200D\U0001F467";  // one emoji ZWJ sequence, 18 bytes
const std::string kSouq = "\u0633\u0648\u0642";                            // سوق, 6 bytes

// ---- moving ----

TEST(KeyboardCaret, MovesByWholeCharactersAndClampsAtBothEnds) {
    const std::string text = "a" + kTurkishI + kDecomposedE + kFamily + "z";
    std::size_t caret = 0;
    MoveCaret(text, caret, -1);
    EXPECT_EQ(caret, 0u) << "stops at the start";
    std::vector<std::size_t> seen;
    for (int i = 0; i < 8; ++i) {
        MoveCaret(text, caret, +1);
        seen.push_back(caret);
    }
    EXPECT_EQ(seen, (std::vector<std::size_t>{1, 3, 6, 24, 25, 25, 25, 25})) << "stops at the end";
    MoveCaret(text, caret, -2);
    EXPECT_EQ(caret, 6u);
    MoveCaret(text, caret, -100);
    EXPECT_EQ(caret, 0u);
}

TEST(KeyboardCaret, ACaretInsideACharacterIsPutBehindIt) {
    const std::string text = "x" + kFamily;
    std::size_t caret = 9;  // somewhere inside the emoji sequence
    MoveCaret(text, caret, 0);
    EXPECT_EQ(caret, text.size());
    caret = 2;  // a continuation byte of the first emoji: taken as the start of the emoji, then one back
    MoveCaret(text, caret, -1);
    EXPECT_EQ(caret, 0u);
}

TEST(KeyboardCaret, FieldsKeepTheirOwnCarets) {
    KeyboardState state;
    std::size_t& title = CaretFor(state, 0, "Bank");
    EXPECT_EQ(title, 4u) << "a new field starts at the end";
    title = 1;
    std::size_t& description = CaretFor(state, 1, "Am Markt");
    EXPECT_EQ(description, 8u);
    description = 3;
    EXPECT_EQ(CaretFor(state, 0, "Bank"), 1u);
    EXPECT_EQ(CaretFor(state, 1, "Am Markt"), 3u);
    EXPECT_EQ(CaretFor(state, 1, "Am"), 2u) << "clamped when the text got shorter";
    EXPECT_EQ(CaretFor(state, 1, ""), 0u);
    CaretFor(state, 0, "") = 0;
    EXPECT_EQ(CaretFor(state, 0, "\xC3\xBC"), 0u);  // ü
    CaretFor(state, 0, "") = 1;
    EXPECT_EQ(CaretFor(state, 0, "\xC3\xBC"), 0u) << "never on a UTF-8 continuation byte";
}

// ---- typing and erasing at the caret ----

TEST(KeyboardCaret, TypingAfterMovingInsertsInTheMiddle) {
    std::string text = "Parkbank";
    std::size_t caret = text.size();
    MoveCaret(text, caret, -4);
    EXPECT_TRUE(InsertAtCaret(text, caret, " ", {}));
    EXPECT_TRUE(InsertAtCaret(text, caret, "B", {}));
    EXPECT_EQ(text, "Park Bbank");
    EXPECT_EQ(caret, 6u);
    EXPECT_TRUE(EraseBeforeCaret(text, caret));
    EXPECT_TRUE(EraseBeforeCaret(text, caret));
    EXPECT_EQ(text, "Parkbank");
    EXPECT_EQ(caret, 4u);
}

TEST(KeyboardCaret, BackspaceErasesWholeCharactersBeforeTheCaret) {
    std::string text = kTurkishI + kDecomposedE + kFamily + kSouq;
    std::size_t caret = kTurkishI.size() + kDecomposedE.size() + kFamily.size();  // before سوق
    EXPECT_TRUE(EraseBeforeCaret(text, caret));
    EXPECT_EQ(text, kTurkishI + kDecomposedE + kSouq) << "the whole ZWJ sequence";
    EXPECT_TRUE(EraseBeforeCaret(text, caret));
    EXPECT_EQ(text, kTurkishI + kSouq) << "the e with its accent";
    EXPECT_TRUE(EraseBeforeCaret(text, caret));
    EXPECT_EQ(text, kSouq);
    EXPECT_EQ(caret, 0u);
    EXPECT_FALSE(EraseBeforeCaret(text, caret)) << "nothing before the start";
    EXPECT_EQ(text, kSouq);
    caret = 2;  // between س and و
    EXPECT_TRUE(EraseBeforeCaret(text, caret));
    EXPECT_EQ(text, "\u0648\u0642");
    EXPECT_TRUE(loc::IsValidUtf8(text));
}

TEST(KeyboardCaret, ArabicAndTurkishInsertBetweenLetters) {
    std::string text = kSouq;
    std::size_t caret = 4;                                  // before ق
    EXPECT_TRUE(InsertAtCaret(text, caret, "\u0627", {}));  // alef
    EXPECT_EQ(text, "\u0633\u0648\u0627\u0642");
    EXPECT_EQ(caret, 6u);
    std::string turkish = "stanbul";
    caret = 0;
    EXPECT_TRUE(InsertAtCaret(turkish, caret, kTurkishI, {}));
    EXPECT_EQ(turkish, "\u0130stanbul");
    EXPECT_EQ(caret, 2u);
}

TEST(KeyboardCaret, AMarkTypedAfterALetterJoinsIt) {
    std::string text = "Cafe!";
    std::size_t caret = 4;
    EXPECT_TRUE(InsertAtCaret(text, caret, "\u0301", {}));
    EXPECT_EQ(text, "Cafe\u0301!");
    EXPECT_EQ(caret, 6u);
    EXPECT_TRUE(EraseBeforeCaret(text, caret));
    EXPECT_EQ(text, "Caf!") << "e and its accent are one character now";
}

TEST(KeyboardCaret, AJoinerTypedBetweenEmojiLeavesTheCaretBehindTheSequence) {
    std::string text = "\U0001F468\U0001F469";  // two separate emoji
    std::size_t caret = 4;
    EXPECT_TRUE(InsertAtCaret(text, caret, "\u200D", {}));
    EXPECT_EQ(caret, text.size()) << "not inside the sequence the joiner created";
}

TEST(KeyboardCaret, TheGraphemeLimitHoldsWhenInsertingInTheMiddle) {
    const TextLimit three{3, 8192};
    std::string text = "ab";
    std::size_t caret = 1;
    EXPECT_TRUE(InsertAtCaret(text, caret, kFamily, three));  // one character, 18 bytes
    EXPECT_EQ(text, "a" + kFamily + "b");
    EXPECT_FALSE(InsertAtCaret(text, caret, "x", three));
    EXPECT_FALSE(InsertAtCaret(text, caret, kTurkishI, three));
    EXPECT_EQ(text, "a" + kFamily + "b") << "refused inserts change nothing";
    EXPECT_EQ(caret, 1u + kFamily.size());
    caret = 0;
    EXPECT_FALSE(InsertAtCaret(text, caret, "\u0644\u0627", three))
        << "the lam-alef key types two characters";
    caret = 1;
    EXPECT_TRUE(InsertAtCaret(text, caret, "\u0301", three)) << "a mark joins 'a' and costs nothing";
    EXPECT_EQ(loc::CountGraphemeClusters(text), 3u);
}

TEST(KeyboardCaret, TheByteCapHoldsToo) {
    std::string text = "abc";
    std::size_t caret = 1;
    EXPECT_FALSE(InsertAtCaret(text, caret, "xy", TextLimit{0, 4}));
    EXPECT_TRUE(InsertAtCaret(text, caret, "x", TextLimit{0, 4}));
    EXPECT_EQ(text, "axbc");
}

// ---- arrows in right-to-left text ----

TEST(KeyboardCaret, LeftArrowGoesBackInLatinAndForwardInArabic) {
    EXPECT_EQ(LogicalStepForArrow("Bank", 2, true, false), -1);
    EXPECT_EQ(LogicalStepForArrow("Bank", 2, false, false), +1);
    EXPECT_EQ(LogicalStepForArrow(kSouq, 2, true, true), +1);
    EXPECT_EQ(LogicalStepForArrow(kSouq, 2, false, true), -1);
    EXPECT_EQ(LogicalStepForArrow(kSouq, 2, true, false), +1)
        << "Arabic text in the German UI runs right to left";
    EXPECT_EQ(LogicalStepForArrow("name@example.org", 4, true, true), -1)
        << "an e-mail in the Arabic UI runs left to right";
    EXPECT_EQ(LogicalStepForArrow("", 0, true, true), -1);
}

// ---- wrapped lines and taps (every code point 10 px wide) ----

float TenPerCodePoint(std::string_view piece) {
    return 10.0f * static_cast<float>(loc::DecodeUtf8(loc::ForDisplay(piece, loc::Direction::kRtl)).size());
}

std::vector<std::string> Texts(std::string_view text, const std::vector<TextLine>& lines) {
    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const auto& l : lines) out.emplace_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

TEST(TextLayout, WrappedLinesKeepTheirByteOffsets) {
    const std::string text = "Am Markt fehlt\neine Bank";
    const auto lines = WrapTextLines(text, 100, TenPerCodePoint);
    EXPECT_EQ(Texts(text, lines), (std::vector<std::string>{"Am Markt", "fehlt", "eine Bank"}));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[1].begin, 9u);
    EXPECT_EQ(lines[2].begin, 15u);
    EXPECT_EQ(lines[2].end, text.size());
}

TEST(TextLayout, LongWordsAreCutBetweenCharactersOnlyWhenAsked) {
    const std::string text = "ab" + kFamily + "cdef";  // 7 characters, 8 code points
    EXPECT_EQ(WrapTextLines(text, 40, TenPerCodePoint).size(), 1u);
    const auto lines = WrapTextLines(text, 40, TenPerCodePoint, true);
    // The family is 5 code points (50 px) alone: wider than a line, so it gets a line of its own.
    EXPECT_EQ(Texts(text, lines), (std::vector<std::string>{"ab", kFamily, "cdef"}));
}

TEST(TextLayout, TheCaretIsDrawnOnItsLine) {
    const std::string text = "Am Markt fehlt";
    const auto lines = WrapTextLines(text, 100, TenPerCodePoint);
    const CaretSpot before_space = LocateCaret(text, lines, 8, false, TenPerCodePoint);
    EXPECT_EQ(before_space.line, 0u);
    EXPECT_FLOAT_EQ(before_space.x, 80);
    const CaretSpot after_space = LocateCaret(text, lines, 9, false, TenPerCodePoint);
    EXPECT_EQ(after_space.line, 1u);
    EXPECT_FLOAT_EQ(after_space.x, 0);
    const CaretSpot end = LocateCaret(text, lines, text.size(), false, TenPerCodePoint);
    EXPECT_EQ(end.line, 1u);
    EXPECT_FLOAT_EQ(end.x, 50);
}

TEST(TextLayout, ATapFindsTheNearestBoundaryOnItsLine) {
    const std::string text = "Am Markt fehlt";
    const auto lines = WrapTextLines(text, 100, TenPerCodePoint);
    EXPECT_EQ(CaretFromPoint(text, lines, 1, 23, false, TenPerCodePoint), 11u);  // "fe|hlt"
    EXPECT_EQ(CaretFromPoint(text, lines, 1, 27, false, TenPerCodePoint), 12u);  // "feh|lt"
    EXPECT_EQ(CaretFromPoint(text, lines, 1, 500, false, TenPerCodePoint), text.size());
    EXPECT_EQ(CaretFromPoint(text, lines, 0, -5, false, TenPerCodePoint), 0u);
    EXPECT_EQ(CaretFromPoint(text, lines, 9, 0, false, TenPerCodePoint), 9u)
        << "below the last line: the last line";
}

TEST(TextLayout, ATapNeverSplitsACharacter) {
    const std::string text = "a" + kFamily + "b";  // the family is 50 px wide in this measure
    const auto lines = WrapTextLines(text, 0, TenPerCodePoint);
    EXPECT_EQ(CaretFromPoint(text, lines, 0, 30, false, TenPerCodePoint), 1u);
    EXPECT_EQ(CaretFromPoint(text, lines, 0, 45, false, TenPerCodePoint), 1u + kFamily.size());
}

TEST(TextLayout, TapsInArabicCountFromTheRight) {
    const std::string text = kSouq + " " + kSouq;  // two words, 70 px, right to left
    const auto lines = WrapTextLines(text, 0, TenPerCodePoint);
    EXPECT_EQ(CaretFromPoint(text, lines, 0, 70, true, TenPerCodePoint), 0u) << "right edge: logical start";
    EXPECT_EQ(CaretFromPoint(text, lines, 0, 0, true, TenPerCodePoint), text.size())
        << "left edge: logical end";
    EXPECT_EQ(CaretFromPoint(text, lines, 0, 51, true, TenPerCodePoint), 4u);
    const CaretSpot spot = LocateCaret(text, lines, 4, true, TenPerCodePoint);
    EXPECT_FLOAT_EQ(spot.x, 50);
}

}  // namespace
}  // namespace ck::ui
