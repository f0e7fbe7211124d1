#include "ui/fonts.h"

#include <imgui.h>

#include <fstream>
#include <iterator>
#include <vector>

// Only to read two metrics from the font files; static, so it cannot clash with Dear ImGui's own copy.
#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include <imstb_truetype.h>

namespace ck::ui {
namespace {

// Line height (ascent - descent) per em of a font file; 0 when it cannot be read.
float LineHeightPerEm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    stbtt_fontinfo info;
    if (data.empty() || !stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)))
        return 0;
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
    return static_cast<float>(ascent - descent) * stbtt_ScaleForMappingEmToPixels(&info, 1.0f);
}

}  // namespace

float ArabicSizeFactor(const loc::FontFiles& files) {
    // Dear ImGui sizes a font by its line height (ascent - descent). Noto Sans Arabic has a much taller line
    // (2.11 em against Noto Sans' 1.36 em), so at the same "size" its letters came out a fifth smaller than
    // the Latin ones. Baked at the ratio of the line heights, both scripts have the same em size, which is
    // how the Noto families are designed to sit together.
    const float latin = LineHeightPerEm(files.regular);
    const float arabic = LineHeightPerEm(files.arabic_regular);
    return latin > 0 && arabic > 0 ? arabic / latin : 1.55f;
}

Result<Fonts> LoadFonts(const loc::FontFiles& files, float scale) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->TexDesiredWidth = 4096;  // many scripts at large sizes: grow wide rather than tall
    // Every renderer SDL offers takes any texture height; rounding it up to a power of two can nearly double
    // the atlas and its copies (docs/performance.md, Memory).
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const float arabic_factor = ArabicSizeFactor(files);
    auto add = [&](float units, loc::FontWeight weight) -> ImFont* {
        const float px = static_cast<float>(static_cast<int>(units * scale + 0.5f));
        ImFont* first = nullptr;
        for (const loc::FontSource& src : loc::FontSourcesFor(files, weight)) {
            ImFontConfig cfg;
            cfg.OversampleH = 1;  // large sizes need no oversampling; keeps the atlas and start-up small
            cfg.OversampleV = 1;
            cfg.MergeMode = src.merge;
            // Merged glyphs keep the base font's baseline, so a larger size only evens out the em size.
            const bool arabic = src.glyph_ranges == loc::ArabicGlyphRanges();
            ImFont* f = atlas->AddFontFromFileTTF(src.path.c_str(), arabic ? px * arabic_factor : px, &cfg,
                                                  reinterpret_cast<const ImWchar*>(src.glyph_ranges));
            if (!f) return nullptr;
            if (!first) first = f;
        }
        return first;
    };
    Fonts f;
    f.body = add(units::kFontBody, loc::FontWeight::kRegular);  // the first font is ImGui's default
    f.small = add(units::kFontSmall, loc::FontWeight::kRegular);
    f.large = add(units::kFontLarge, loc::FontWeight::kRegular);
    f.title = add(units::kFontTitle, loc::FontWeight::kBold);
    f.huge = add(units::kFontHuge, loc::FontWeight::kBold);
    if (!f.body || !f.small || !f.large || !f.title || !f.huge) {
        return MakeError("fonts.load", "cannot load the fonts " + files.regular + ", " + files.bold + ", " +
                                           files.arabic_regular + " (Debian package fonts-noto-core)");
    }
    if (!atlas->Build()) return MakeError("fonts.build", "the font atlas could not be built");
    return f;
}

void ReleaseFontPixels() {
    ImGui::GetIO().Fonts->ClearTexData();
}

}  // namespace ck::ui
