// The UI fonts: Noto Sans (Latin, Cyrillic, punctuation) with Noto Sans Arabic merged in, found
// through fontconfig, and the glyph ranges to bake for Dear ImGui 1.86 (ImWchar is 16-bit there, so a range
// list is zero-terminated pairs of uint16_t and can be passed to AddFontFromFileTTF as is).
//
// Noto Sans has no arrows (U+2190..) and no check marks (U+2713): draw those as shapes, not as text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ck::loc {

enum class FontWeight { kRegular, kBold };

struct FontFiles {
    std::string regular;         // Noto Sans Regular
    std::string bold;            // Noto Sans Bold
    std::string arabic_regular;  // Noto Sans Arabic Regular
    std::string arabic_bold;     // Noto Sans Arabic Bold
};

// One font file to add, in order: the first is the base font, the rest are merged into it
// (ImFontConfig::MergeMode = merge).
struct FontSource {
    std::string path;
    const std::uint16_t* glyph_ranges;  // zero-terminated pairs, static storage
    bool merge;
};

// Latin (Basic, Latin-1, Extended-A, the few Extended-B/Additional letters), General Punctuation, super- and
// subscripts (CO₂), currency (€ ₺ ₴ ₽), letterlike (№), Cyrillic and U+FFFD: what Noto Sans covers for our
// languages.
const std::uint16_t* LatinCyrillicGlyphRanges();
// Arabic, the letter forms of Presentation Forms-A and all of -B (what ForDisplay produces; not the
// ligatures of Forms-A, which shaping never makes): from Noto Sans Arabic.
const std::uint16_t* ArabicGlyphRanges();

// Asks fontconfig for one family and weight. Fails (code "fonts.missing") when fontconfig would substitute
// another family or weight, naming the family and the Debian package that provides it.
Result<std::string> FindFontFile(std::string_view family, FontWeight weight);

// All four files; the error names the first missing family and "fonts-noto-core".
Result<FontFiles> FindUiFonts();

// What to load for one weight: Noto Sans with LatinCyrillicGlyphRanges, then Noto Sans Arabic merged.
std::vector<FontSource> FontSourcesFor(const FontFiles& files, FontWeight weight);

// True if `codepoint` lies in one of the zero-terminated `ranges`.
bool RangesContain(const std::uint16_t* ranges, char32_t codepoint);

}  // namespace ck::loc
