#include "locales/fonts.h"

#include <fontconfig/fontconfig.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "locales/catalogue.h"
#include "locales/display_text.h"
#include "locales/utf8.h"

namespace ck::loc {
namespace {

using ::testing::HasSubstr;

struct CharSetDeleter {
    void operator()(FcCharSet* c) const { FcCharSetDestroy(c); }
};
struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};

// What the font file itself says (read by FreeType through fontconfig, independent of FindFontFile).
struct FileFacts {
    std::string family;
    int weight = -1;
    std::unique_ptr<FcCharSet, CharSetDeleter> charset;
};

FileFacts Query(const std::string& path) {
    FileFacts facts;
    int count = 0;
    std::unique_ptr<FcPattern, PatternDeleter> pattern(
        FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(path.c_str()), 0, nullptr, &count));
    if (!pattern) return facts;
    FcChar8* family = nullptr;
    if (FcPatternGetString(pattern.get(), FC_FAMILY, 0, &family) == FcResultMatch) {
        facts.family = reinterpret_cast<const char*>(family);
    }
    FcPatternGetInteger(pattern.get(), FC_WEIGHT, 0, &facts.weight);
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(pattern.get(), FC_CHARSET, 0, &charset) == FcResultMatch) {
        facts.charset.reset(FcCharSetCopy(charset));
    }
    return facts;
}

class UiFonts : public ::testing::Test {
  protected:
    void SetUp() override {
        auto found = FindUiFonts();
        if (!found) {
            GTEST_SKIP() << "fontconfig finds no Noto fonts (" << found.error().message
                         << "); install fonts-noto-core to run the font tests";
        }
        files_ = *found;
    }
    FontFiles files_;
};

TEST_F(UiFonts, FindsTheRequestedFamiliesAndWeights) {
    const std::pair<const std::string*, std::pair<const char*, int>> expected[] = {
        {&files_.regular, {"Noto Sans", FC_WEIGHT_REGULAR}},
        {&files_.bold, {"Noto Sans", FC_WEIGHT_BOLD}},
        {&files_.arabic_regular, {"Noto Sans Arabic", FC_WEIGHT_REGULAR}},
        {&files_.arabic_bold, {"Noto Sans Arabic", FC_WEIGHT_BOLD}},
    };
    for (const auto& [path, want] : expected) {
        ASSERT_TRUE(std::filesystem::is_regular_file(*path)) << *path;
        const FileFacts facts = Query(*path);
        EXPECT_EQ(facts.family, want.first) << *path;
        EXPECT_EQ(facts.weight, want.second) << *path;
    }
}

TEST_F(UiFonts, EachRangeComesFromAFileThatHasItsKeyCharacters) {
    const FileFacts latin = Query(files_.regular);
    const FileFacts arabic = Query(files_.arabic_regular);
    ASSERT_TRUE(latin.charset && arabic.charset);
    for (const char32_t c : DecodeUtf8("äöüßÄÖÜçğıİşŞąćęłńóśźżŁ–—„“”…€₺₴₽₂³°№ґєіїЄІЇҐёЁ\uFFFD\u202F"
                                       "\u00A0")) {
        EXPECT_TRUE(RangesContain(LatinCyrillicGlyphRanges(), c)) << std::hex << static_cast<unsigned>(c);
        EXPECT_TRUE(FcCharSetHasChar(latin.charset.get(), c)) << std::hex << static_cast<unsigned>(c);
    }
    // Letters, digits, punctuation and the presentation forms ForDisplay produces.
    for (const char32_t c : DecodeUtf8("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة٠١٢٣٤٥٦٧٨٩،؛؟٪ـ\uFEEB\uFEF4\uFEAE"
                                       "\uFEE5\uFEFB\uFEFC\uFE8E\uFB8A")) {
        EXPECT_TRUE(RangesContain(ArabicGlyphRanges(), c)) << std::hex << static_cast<unsigned>(c);
        EXPECT_TRUE(FcCharSetHasChar(arabic.charset.get(), c)) << std::hex << static_cast<unsigned>(c);
    }
}

TEST_F(UiFonts, EveryCatalogueCharacterHasAGlyphAfterShaping) {
    auto set = LoadCatalogues();
    ASSERT_TRUE(set.ok()) << set.error().message;
    const FileFacts latin = Query(files_.regular);
    const FileFacts arabic = Query(files_.arabic_regular);
    ASSERT_TRUE(latin.charset && arabic.charset);
    for (const auto& lang : set->languages) {
        for (const auto& [key, pattern] : set->FindCatalogue(lang.tag)->messages) {
            for (const char32_t c : DecodeUtf8(ForDisplay(pattern, lang.direction))) {
                if (c == U'\n') continue;
                const bool in_latin =
                    RangesContain(LatinCyrillicGlyphRanges(), c) && FcCharSetHasChar(latin.charset.get(), c);
                const bool in_arabic =
                    RangesContain(ArabicGlyphRanges(), c) && FcCharSetHasChar(arabic.charset.get(), c);
                EXPECT_TRUE(in_latin || in_arabic) << lang.tag << ".json " << key << ": U+" << std::hex
                                                   << static_cast<unsigned>(c) << " would render as a box";
            }
        }
    }
}

// The Arabic ranges leave out most ligatures of Presentation Forms-A (FC00..FDFF, about 440 glyphs per font
// size, docs/performance.md): shaping never produces them. This holds that true for every letter of the
// Arabic block in every position, lam-alef and shadda with each haraka.
TEST_F(UiFonts, EveryShapedArabicLetterHasAGlyph) {
    const FileFacts latin = Query(files_.regular);
    const FileFacts arabic = Query(files_.arabic_regular);
    ASSERT_TRUE(latin.charset && arabic.charset);
    std::vector<std::u32string> texts;
    const char32_t beh = 0x0628;
    for (char32_t c = 0x0621; c <= 0x06FF; ++c) {
        if (!FcCharSetHasChar(arabic.charset.get(), c)) continue;
        texts.push_back({c});
        texts.push_back({beh, c});
        texts.push_back({c, beh});
        texts.push_back({beh, c, beh});
    }
    for (const char32_t alef : {0x0622, 0x0623, 0x0625, 0x0627}) {
        texts.push_back({0x0644, alef});
        texts.push_back({beh, 0x0644, alef, beh});
    }
    for (char32_t haraka = 0x064B; haraka <= 0x0652; ++haraka) {
        texts.push_back({beh, 0x0651, haraka, beh});
        texts.push_back({beh, haraka, 0x0651, beh});
        texts.push_back({0x0640, 0x0651, haraka});
    }
    for (const std::u32string& text : texts) {
        for (const char32_t c : DecodeUtf8(ForDisplay(EncodeUtf8(text), Direction::kRtl))) {
            const bool in_latin =
                RangesContain(LatinCyrillicGlyphRanges(), c) && FcCharSetHasChar(latin.charset.get(), c);
            const bool in_arabic =
                RangesContain(ArabicGlyphRanges(), c) && FcCharSetHasChar(arabic.charset.get(), c);
            EXPECT_TRUE(in_latin || in_arabic)
                << "shaping U+" << std::hex << static_cast<unsigned>(text[0]) << ".. gives U+"
                << static_cast<unsigned>(c) << ", outside the baked ranges";
        }
    }
}

TEST_F(UiFonts, SourcesPutNotoSansFirstAndMergeArabic) {
    const auto bold = FontSourcesFor(files_, FontWeight::kBold);
    ASSERT_EQ(bold.size(), 2u);
    EXPECT_EQ(bold[0].path, files_.bold);
    EXPECT_FALSE(bold[0].merge);
    EXPECT_EQ(bold[0].glyph_ranges, LatinCyrillicGlyphRanges());
    EXPECT_EQ(bold[1].path, files_.arabic_bold);
    EXPECT_TRUE(bold[1].merge);
    EXPECT_EQ(bold[1].glyph_ranges, ArabicGlyphRanges());
    EXPECT_EQ(FontSourcesFor(files_, FontWeight::kRegular)[0].path, files_.regular);
}

TEST(FindFontFile, MissingFamilyIsAClearErrorNotASubstitute) {
    auto file = FindFontFile("Civic Kiosk No Such Family", FontWeight::kRegular);
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().code, "fonts.missing");
    EXPECT_THAT(file.error().message, HasSubstr("Civic Kiosk No Such Family"));
    EXPECT_THAT(file.error().message, HasSubstr("fonts-noto-core"));
}

TEST(GlyphRanges, AreZeroTerminatedSortedPairs) {
    for (const std::uint16_t* ranges : {LatinCyrillicGlyphRanges(), ArabicGlyphRanges()}) {
        std::uint32_t previous_last = 0;
        int pairs = 0;
        for (const std::uint16_t* r = ranges; r[0] != 0; r += 2, ++pairs) {
            EXPECT_LE(r[0], r[1]);
            EXPECT_GT(r[0], previous_last);
            previous_last = r[1];
        }
        EXPECT_GT(pairs, 0);
    }
    EXPECT_TRUE(RangesContain(LatinCyrillicGlyphRanges(), U'ł'));
    EXPECT_FALSE(RangesContain(LatinCyrillicGlyphRanges(), U'→'));  // Noto Sans has no arrows
    EXPECT_FALSE(RangesContain(LatinCyrillicGlyphRanges(), U'ه'));
    EXPECT_TRUE(RangesContain(ArabicGlyphRanges(), U'\uFEFB'));
}

}  // namespace
}  // namespace ck::loc
