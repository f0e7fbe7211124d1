#include "ui/fonts.h"

#include <imgui.h>

namespace ck::ui {

Result<Fonts> LoadFonts(const loc::FontFiles& files, float scale) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->TexDesiredWidth = 4096;  // many scripts at large sizes: grow wide rather than tall
    // Every renderer SDL offers takes any texture height; rounding it up to a power of two can nearly double
    // the atlas and its copies (docs/performance.md, Memory).
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    auto add = [&](float units, loc::FontWeight weight) -> ImFont* {
        const float px = static_cast<float>(static_cast<int>(units * scale + 0.5f));
        ImFont* first = nullptr;
        for (const loc::FontSource& src : loc::FontSourcesFor(files, weight)) {
            ImFontConfig cfg;
            cfg.OversampleH = 1;  // large sizes need no oversampling; keeps the atlas and start-up small
            cfg.OversampleV = 1;
            cfg.MergeMode = src.merge;
            // Noto Sans Arabic draws visibly smaller than Noto Sans at the same pixel size; merged glyphs keep
            // the base font's baseline, so a larger size just matches the optical size of the Latin text.
            const bool arabic = src.glyph_ranges == loc::ArabicGlyphRanges();
            ImFont* f = atlas->AddFontFromFileTTF(src.path.c_str(), arabic ? px * 1.25f : px, &cfg,
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
