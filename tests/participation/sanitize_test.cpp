// The hostile-input table: every row goes through the real sanitiser (real ICU) with its expected outcome.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "locales/utf8.h"
#include "participation/text.h"

namespace ck::part {
namespace {

using namespace std::string_literals;

enum class Field { kTitle, kDescription };

struct Case {
    const char* name;
    std::string input;
    Field field;
    bool ok;
    std::string expected;  // sanitised text when ok, else the error code
};

std::string Repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

const std::string kFamily =
    "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";  // 👨‍👩‍👧‍👦
const std::string kEnglandFlag =
    "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";  // 🏴 + tags "gbeng" + cancel

std::vector<Case> HostileInputs() {
    return {
        // bidi spoofing and invisible marks
        {"rlo_file_extension_spoof", "abc\u202Egnp.exe"s, Field::kTitle, true, "abcgnp.exe"},
        {"lre_pdf_embedding", "\u202Ax\u202Cy\u202Bz\u202C\u202D!"s, Field::kTitle, true, "xyz!"},
        {"bidi_isolates", "\u2066evil\u2069 \u2067text\u2068\u2069"s, Field::kTitle, true, "evil text"},
        {"lrm_rlm_alm_marks", "left\u200Eright\u200F\u061C"s, Field::kTitle, true, "leftright"},
        // zero-width characters
        {"zero_width_space", "Park\u200Bbank"s, Field::kTitle, true, "Parkbank"},
        {"zero_width_non_joiner", "Park\u200Cbank"s, Field::kTitle, true, "Parkbank"},
        {"zwj_between_letters", "Id\u200Diot"s, Field::kTitle, true, "Idiot"},
        {"word_joiner", "a\u2060b"s, Field::kTitle, true, "ab"},
        {"byte_order_mark", "\uFEFFhello"s, Field::kTitle, true, "hello"},
        {"soft_hyphen", "B\u00FCrger\u00ADb\u00FCro"s, Field::kTitle, true, "B\u00FCrgerb\u00FCro"},
        {"hangul_filler_only", "\u3164\u3164\u115F"s, Field::kTitle, false, "ideas.title.required"},
        {"only_invisible_characters", "\u202E\u200B  \u2066 "s, Field::kTitle, false, "ideas.title.required"},
        {"tag_character_smuggling", "hi\U000E0041\U000E0042\U000E007F"s, Field::kTitle, true, "hi"},
        {"noncharacter", "a\uFFFEb\U0001FFFF"s, Field::kTitle, true, "ab"},
        {"private_use", "x\uE000y\U000F0000z"s, Field::kTitle, true, "xyz"},
        // control characters
        {"nul_byte", "a\0b"s, Field::kTitle, true, "ab"},
        {"bell_and_ansi_escape", "a\x07"s + "b\x1b[31mred"s, Field::kTitle, true, "ab[31mred"},
        {"c1_csi", "a\u009B"s + "b"s, Field::kTitle, true, "ab"},
        {"c1_next_line_in_title", "a\u0085"s + "b"s, Field::kTitle, true, "a b"},
        {"delete_char", "a\x7f"s + "b"s, Field::kTitle, true, "ab"},
        // whitespace
        {"collapse_and_trim", "  many    spaces\t\there  "s, Field::kTitle, true, "many spaces here"},
        {"newlines_in_title_become_spaces", "line1\nline2\r\nline3\u2028line4"s, Field::kTitle, true,
         "line1 line2 line3 line4"},
        {"no_break_and_ideographic_space", "Hello\u00A0World\u3000!"s, Field::kTitle, true, "Hello World !"},
        {"description_keeps_one_blank_line", "p1\n\n\n\n\np2"s, Field::kDescription, true, "p1\n\np2"},
        {"description_crlf_and_spaces_around_breaks", "  a \r\n   b \r\rc\n\n"s, Field::kDescription, true,
         "a\nb\n\nc"},
        {"description_paragraph_separator", "a\u2029b\tc"s, Field::kDescription, true, "a\nb c"},
        // normalisation and combining marks
        {"nfc_decomposed_umlaut", "Mu\u0308nchen Stra\u00DFe"s, Field::kTitle, true,
         "M\u00FCnchen Stra\u00DFe"},
        {"nfc_e_acute", "Cafe\u0301"s, Field::kTitle, true, "Caf\u00E9"},
        {"nfc_after_removed_zero_width", "u\u200B\u0308"s, Field::kTitle, true, "\u00FC"},
        {"combining_mark_flood", "Z"s + Repeat("\u0336", 40) + "!"s, Field::kTitle, true,
         "Z"s + Repeat("\u0336", 4) + "!"s},
        {"zalgo_each_letter", "a\u0300\u0301\u0302\u0303\u0304\u0305b"s, Field::kTitle, true,
         "\u00E0\u0301\u0302\u0303b"s},  // NFC composes the first mark
        {"leading_marks_without_base", "\u0301\u0301abc \u0308x"s, Field::kTitle, true, "abc x"},
        {"variation_selector_flood", "a"s + Repeat("\uFE0F", 12), Field::kTitle, true,
         "a"s + Repeat("\uFE0F", 4)},
        // plain text that looks like code stays text
        {"sql_fragment", "'; DROP TABLE ideas; --"s, Field::kTitle, true, "'; DROP TABLE ideas; --"},
        {"sql_union", "1' OR '1'='1 UNION SELECT * FROM outbox"s, Field::kTitle, true,
         "1' OR '1'='1 UNION SELECT * FROM outbox"},
        {"html_script", "<script>alert('x')</script>"s, Field::kDescription, true,
         "<script>alert('x')</script>"},
        {"html_entity_and_img", "&lt;img src=x onerror=alert(1)&gt;"s, Field::kTitle, true,
         "&lt;img src=x onerror=alert(1)&gt;"},
        {"path_and_percent", "../../etc/passwd %00 %s %n"s, Field::kTitle, true,
         "../../etc/passwd %00 %s %n"},
        // emoji sequences stay intact
        {"emoji_family_zwj", kFamily, Field::kTitle, true, kFamily},
        {"emoji_rainbow_flag", "\U0001F3F3\uFE0F\u200D\U0001F308"s, Field::kTitle, true,
         "\U0001F3F3\uFE0F\u200D\U0001F308"s},
        {"emoji_skin_tone_profession", "\U0001F469\U0001F3FD\u200D\U0001F4BB"s, Field::kTitle, true,
         "\U0001F469\U0001F3FD\u200D\U0001F4BB"s},
        {"regional_indicator_flags", "\U0001F1E9\U0001F1EA \U0001F1F9\U0001F1F7"s, Field::kTitle, true,
         "\U0001F1E9\U0001F1EA \U0001F1F9\U0001F1F7"s},
        {"subdivision_tag_flag", kEnglandFlag, Field::kTitle, true, kEnglandFlag},
        {"keycap", "1\uFE0F\u20E3"s, Field::kTitle, true, "1\uFE0F\u20E3"s},
        {"dangling_zwj_after_emoji", "\U0001F44D\u200D"s, Field::kTitle, true, "\U0001F44D"s},
        {"zwj_before_emoji_only", "x\u200D\U0001F44D"s, Field::kTitle, true, "x\U0001F44D"s},
        // real scripts kept
        {"arabic",
         "\u0641\u0643\u0631\u0629 \u062C\u062F\u064A\u062F\u0629 \u0644\u0644\u062D\u062F\u064A\u0642\u0629"s,
         Field::kTitle, true,
         "\u0641\u0643\u0631\u0629 \u062C\u062F\u064A\u062F\u0629 \u0644\u0644\u062D\u062F\u064A\u0642\u0629"s},
        {"arabic_with_harakat", "\u0643\u0650\u062A\u064E\u0627\u0628"s, Field::kTitle, true,
         "\u0643\u0650\u062A\u064E\u0627\u0628"s},
        {"turkish", "\u0130stanbul'da a\u011Fa\u00E7, \u015Fehir ve I\u011Fd\u0131r"s, Field::kTitle, true,
         "\u0130stanbul'da a\u011Fa\u00E7, \u015Fehir ve I\u011Fd\u0131r"s},
        {"ukrainian", "\u0406\u0434\u0435\u044F \u0434\u043B\u044F \u043F\u0430\u0440\u043A\u0443"s,
         Field::kTitle, true, "\u0406\u0434\u0435\u044F \u0434\u043B\u044F \u043F\u0430\u0440\u043A\u0443"s},
        // invalid UTF-8
        {"overlong_slash", "\xC0\xAF"s, Field::kTitle, false, "ideas.text.invalid_utf8"},
        {"overlong_three_byte", "a\xE0\x80\xAF"s, Field::kTitle, false, "ideas.text.invalid_utf8"},
        {"overlong_nul", "\xC0\x80"s, Field::kTitle, false, "ideas.text.invalid_utf8"},
        {"utf16_surrogate", "\xED\xA0\x80"s, Field::kTitle, false, "ideas.text.invalid_utf8"},
        {"truncated_sequence", "abc\xE2\x82"s, Field::kTitle, false, "ideas.text.invalid_utf8"},
        {"lone_continuation", "\x80"s + "abc"s, Field::kTitle, false, "ideas.text.invalid_utf8"},
        {"above_u10ffff", "\xF4\x90\x80\x80"s, Field::kTitle, false, "ideas.text.invalid_utf8"},
        {"byte_ff", "ok\xFF"s, Field::kDescription, false, "ideas.text.invalid_utf8"},
        {"latin1_not_utf8", "M\xFCnchen"s, Field::kTitle, false, "ideas.text.invalid_utf8"},
        // size
        {"one_megabyte", std::string(1024 * 1024, 'a'), Field::kDescription, false, "ideas.text.too_large"},
        {"title_121_letters", std::string(121, 'a'), Field::kTitle, false, "ideas.title.too_long"},
        {"title_120_letters", std::string(120, 'a'), Field::kTitle, true, std::string(120, 'a')},
        {"title_120_family_emoji", Repeat(kFamily, 120), Field::kTitle, true, Repeat(kFamily, 120)},
        {"title_121_family_emoji", Repeat(kFamily, 121), Field::kTitle, false, "ideas.title.too_long"},
        {"description_1001", std::string(1001, 'x'), Field::kDescription, false,
         "ideas.description.too_long"},
        {"empty_description", "   \n\n  "s, Field::kDescription, false, "ideas.description.required"},
    };
}

class HostileInput : public ::testing::TestWithParam<Case> {};

TEST_P(HostileInput, SanitisesOrRejects) {
    const Case& c = GetParam();
    const TextLimits limits = c.field == Field::kTitle ? TitleLimits() : DescriptionLimits();
    const Result<std::string> out = SanitizeText(c.input, limits);
    if (c.ok) {
        ASSERT_TRUE(out.ok()) << out.error().code << ": " << out.error().message;
        EXPECT_EQ(*out, c.expected);
        EXPECT_TRUE(IsValidUtf8(*out));
        // Idempotent: sanitised text is a fixed point.
        const Result<std::string> again = SanitizeText(*out, limits);
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(*again, *out);
    } else {
        ASSERT_FALSE(out.ok()) << "accepted as: " << *out;
        EXPECT_EQ(out.error().code, c.expected) << out.error().message;
        EXPECT_FALSE(out.error().message.empty());
    }
}

INSTANTIATE_TEST_SUITE_P(Table, HostileInput, ::testing::ValuesIn(HostileInputs()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                             return std::string(info.param.name);
                         });

TEST(HostileInputTable, HasAtLeastThirtyRows) {
    EXPECT_GE(HostileInputs().size(), 30u);
}

TEST(SanitizeText, ErrorMessageNamesTheOffsetButNotTheText) {
    const Result<std::string> out = SanitizeText("secret\xC3", TitleLimits());
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.error().message.find("byte 6"), std::string::npos) << out.error().message;
    EXPECT_EQ(out.error().message.find("secret"), std::string::npos);
}

TEST(SanitizeText, ByteCapIsCheckedBeforeDecoding) {
    // Invalid UTF-8 beyond the cap: the size error wins, so a huge input is never walked.
    std::string huge(70 * 1024, 'a');
    huge += "\xFF";
    const Result<std::string> out = SanitizeText(huge, DescriptionLimits());
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, "ideas.text.too_large");
}

TEST(SanitizeText, OptionalFieldMayBeEmpty) {
    TextLimits limits = TitleLimits();
    limits.required = false;
    const Result<std::string> out = SanitizeText(" \u200B ", limits);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, "");
}

TEST(SanitizeText, TooLongMessageCarriesTheCounts) {
    const Result<std::string> out = SanitizeText(std::string(130, 'a'), TitleLimits());
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.error().message.find("130"), std::string::npos);
    EXPECT_NE(out.error().message.find("120"), std::string::npos);
}

TEST(SanitizeText, AZwjChainOfThousandsOfEmojiIsNotOneCharacter) {
    // 4,000 emoji joined by U+200D: 28 KB that ICU counts as a single grapheme.
    std::string chain;
    for (int i = 0; i < 4000; ++i) chain += i ? "\u200D\U0001F600" : "\U0001F600";
    ASSERT_EQ(loc::CountGraphemeClusters(chain), 1u);
    const Result<std::string> title = SanitizeText(chain, TitleLimits());
    ASSERT_FALSE(title.ok());
    EXPECT_EQ(title.error().code, "ideas.title.too_long");
    const Result<std::string> description = SanitizeText(chain, DescriptionLimits());
    ASSERT_FALSE(description.ok());
    EXPECT_EQ(description.error().code, "ideas.description.too_long");
}

TEST(SanitizeText, AJoinedSequenceIsCutAfterFourEmojiButRealOnesSurvive) {
    // The family of four (three ZWJ) and a couple with skin tones stay whole.
    const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
    const std::string couple = "\U0001F469\U0001F3FD\u200D\u2764\uFE0F\u200D\U0001F468\U0001F3FF";
    for (const auto& text : {family, couple}) {
        const Result<std::string> out = SanitizeText(text, TitleLimits());
        ASSERT_TRUE(out.ok()) << out.error().message;
        EXPECT_EQ(*out, text);
        EXPECT_EQ(loc::CountGraphemeClusters(*out), 1u);
    }
    // A fifth joined emoji starts a sequence of its own.
    const Result<std::string> five = SanitizeText(family + "\u200D\U0001F466", TitleLimits());
    ASSERT_TRUE(five.ok()) << five.error().message;
    EXPECT_EQ(*five, family + "\U0001F466");
    EXPECT_EQ(loc::CountGraphemeClusters(*five), 2u);
}

TEST(SanitizeText, TheResultIsBoundInBytesAsWellAsCharacters) {
    // 120 kisses with skin tones (four emoji joined, 35 bytes each): 120 characters, but 4,200 bytes.
    const std::string kiss =
        "\U0001F469\U0001F3FD\u200D\u2764\uFE0F\u200D\U0001F48B\u200D\U0001F468\U0001F3FF";
    std::string kisses;
    for (int i = 0; i < 120; ++i) kisses += kiss;
    ASSERT_EQ(loc::CountGraphemeClusters(kisses), 120u);
    const Result<std::string> out = SanitizeText(kisses, TitleLimits());
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, "ideas.title.too_long");
    EXPECT_NE(out.error().message.find("4200 bytes, at most 4096"), std::string::npos) << out.error().message;
    // The same text fits a description (16 KiB) in bytes.
    EXPECT_TRUE(SanitizeText(kisses, DescriptionLimits()).ok());
}

TEST(SanitizeText, AFlagTagSequenceIsCutAfterSixTags) {
    // The flag of England stays whole; a flag followed by a thousand tags does not become one character.
    const std::string england = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";
    const Result<std::string> flag = SanitizeText(england, TitleLimits());
    ASSERT_TRUE(flag.ok()) << flag.error().message;
    EXPECT_EQ(*flag, england);
    std::string smuggled = "\U0001F3F4";
    for (int i = 0; i < 1000; ++i) smuggled += "\U000E0061";
    smuggled += "\U000E007F";
    const Result<std::string> out = SanitizeText(smuggled, TitleLimits());
    ASSERT_TRUE(out.ok()) << out.error().message;
    EXPECT_EQ(*out, "\U0001F3F4\U000E0061\U000E0061\U000E0061\U000E0061\U000E0061\U000E0061\U000E007F");
}

TEST(IsValidUtf8, AcceptsAllPlanesRejectsMalformed) {
    EXPECT_TRUE(IsValidUtf8(""));
    EXPECT_TRUE(IsValidUtf8("\u00E4\u20AC\U0001F600\U0010FFFD"));
    EXPECT_FALSE(IsValidUtf8("\xE2\x28\xA1"));
    EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));
    EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\x80"));
}

}  // namespace
}  // namespace ck::part
