// Every character the catalogues can put on screen has a glyph in the font atlas the kiosk builds: Dear ImGui
// would otherwise draw '?' boxes without any error. Checked after display shaping (Arabic presentation
// forms), in every font size the UI uses, without ImGui's fallback glyph.
#include <gtest/gtest.h>

#include <imgui.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "core/time.h"
#include "locales/catalogue.h"
#include "locales/display_text.h"
#include "locales/fonts.h"
#include "locales/localizer.h"
#include "locales/utf8.h"
#include "ui/fonts.h"

namespace ck::ui {
namespace {

// One ImGui context with the kiosk's atlas, built at scale 1 (the reference canvas).
class GlyphCoverageTest : public ::testing::Test {
  protected:
    void SetUp() override {
        context_ = ImGui::CreateContext();
        Result<loc::FontFiles> files = loc::FindUiFonts();
        ASSERT_TRUE(files.ok()) << files.error().message;
        Result<Fonts> fonts = LoadFonts(*files, 1.0f);
        ASSERT_TRUE(fonts.ok()) << fonts.error().message;
        fonts_ = *fonts;
        Result<loc::CatalogueSet> cats = loc::LoadCatalogues();
        ASSERT_TRUE(cats.ok()) << cats.error().message;
        catalogues_ = std::move(*cats);
    }
    void TearDown() override { ImGui::DestroyContext(context_); }

    std::vector<std::pair<const char*, ImFont*>> AllFonts() const {
        return {{"body", fonts_.body},
                {"small", fonts_.small},
                {"large", fonts_.large},
                {"title", fonts_.title},
                {"huge", fonts_.huge}};
    }

    // Adds a failure for each code point of the displayed form of `text` that a font lacks; returns how many.
    int CheckText(const std::string& where, const std::string& text, loc::Direction direction) {
        const std::string shown = loc::ForDisplay(text, direction);
        int missing = 0;
        std::set<char32_t> reported;
        for (char32_t c : loc::DecodeUtf8(shown)) {
            if (c < 0x20) continue;  // line breaks and tabs are layout, not glyphs
            ++checked_;
            for (const auto& [font_name, font] : AllFonts()) {
                const bool beyond_bmp = c > 0xFFFF;  // ImWchar is 16-bit in Dear ImGui 1.86
                if (!beyond_bmp && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr) continue;
                if (!reported.insert(c).second) continue;
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
                ADD_FAILURE() << where << ": " << hex << " '" << loc::EncodeUtf8(std::u32string(1, c))
                              << "' has no glyph in the " << font_name << " font"
                              << (beyond_bmp ? " (beyond U+FFFF: Dear ImGui 1.86 cannot draw it)" : "")
                              << "; text: " << text;
                ++missing;
            }
        }
        return missing;
    }

    ImGuiContext* context_ = nullptr;
    Fonts fonts_;
    loc::CatalogueSet catalogues_;
    int checked_ = 0;
};

TEST_F(GlyphCoverageTest, EveryRawCatalogueMessage) {
    ASSERT_GE(catalogues_.catalogues.size(), 7u);
    for (const auto& [tag, catalogue] : catalogues_.catalogues) {
        const loc::Language* lang = catalogues_.FindLanguage(tag);
        ASSERT_NE(lang, nullptr) << tag;
        EXPECT_FALSE(catalogue.messages.empty()) << tag;
        for (const auto& [key, pattern] : catalogue.messages) {
            CheckText(tag + ".json " + key, pattern, lang->direction);
        }
    }
    EXPECT_GT(checked_, 1000);
}

TEST_F(GlyphCoverageTest, EveryMessageAsTheLocalizerFormatsIt) {
    loc::Localizer localizer(catalogues_);
    for (const loc::Language& lang : catalogues_.languages) {
        ASSERT_TRUE(localizer.SetLanguage(lang.tag).ok()) << lang.tag;
        const loc::Catalogue* root = catalogues_.FindCatalogue("de");
        ASSERT_NE(root, nullptr);
        // Keys of the root catalogue: in other languages a missing one falls back to German on screen.
        for (const auto& [key, pattern] : root->messages) {
            CheckText(lang.tag + " Text(" + key + ")", localizer.Text(key), lang.direction);
        }
    }
}

TEST_F(GlyphCoverageTest, DatesTimesAndNumbersFromIcu) {
    loc::Localizer localizer(catalogues_);
    const TimePoint t = FromUnixMs(1795784700000);  // 2026-11-27 13:05 UTC, the screenshot clock
    for (const loc::Language& lang : catalogues_.languages) {
        ASSERT_TRUE(localizer.SetLanguage(lang.tag).ok()) << lang.tag;
        CheckText(lang.tag + " FormatTime", localizer.FormatTime(t), lang.direction);
        for (loc::DateStyle style : {loc::DateStyle::kShort, loc::DateStyle::kMedium, loc::DateStyle::kLong,
                                     loc::DateStyle::kFull}) {
            CheckText(lang.tag + " FormatDate", localizer.FormatDate(t, style), lang.direction);
            CheckText(lang.tag + " FormatDateTime", localizer.FormatDateTime(t, style), lang.direction);
        }
        CheckText(lang.tag + " FormatInteger", localizer.FormatInteger(-1234567), lang.direction);
        CheckText(lang.tag + " FormatDecimal", localizer.FormatDecimal(-12345.678, 2), lang.direction);
    }
}

TEST_F(GlyphCoverageTest, NativeLanguageNames) {
    ASSERT_EQ(catalogues_.languages.size(), 8u);
    for (const loc::Language& lang : catalogues_.languages) {
        EXPECT_EQ(CheckText("languages.json " + lang.tag, lang.native_name, lang.direction), 0);
        // The picker shows every native name in whatever the current UI direction is.
        CheckText("languages.json " + lang.tag + " in an RTL UI", lang.native_name, loc::Direction::kRtl);
    }
}

// The check itself must be able to fail: a character the fonts do not cover is reported.
TEST_F(GlyphCoverageTest, AMissingGlyphIsDetected) {
    // U+4E2D (CJK) is outside the baked ranges; U+2713 (check mark) is not in Noto Sans.
    for (char32_t c : {U'\u4E2D', U'\u2713'}) {
        EXPECT_EQ(fonts_.body->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr);
    }
    EXPECT_NE(fonts_.body->FindGlyphNoFallback(static_cast<ImWchar>(U'\u201E')), nullptr);  // „
    EXPECT_NE(fonts_.body->FindGlyphNoFallback(static_cast<ImWchar>(U'\uFEDF')),
              nullptr);  // Arabic lam, initial
}

}  // namespace
}  // namespace ck::ui
