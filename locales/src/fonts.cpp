#include "locales/fonts.h"

#include <fontconfig/fontconfig.h>

#include <memory>

namespace ck::loc {
namespace {

// Pairs of inclusive [first, last], terminated by 0. Only blocks Noto Sans really covers (checked by the
// font tests through fontconfig's charset), so no glyph is baked as a box.
constexpr std::uint16_t kLatinCyrillic[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (ä ö ü ß ç, « », °, ², ³, µ)
    0x0100, 0x017F,  // Latin Extended-A (ğ ı İ ş; ą ć ę ł ń ś ź ż)
    0x0218, 0x021B,  // Latin Extended-B: ș ț (Romanian names in the city's data)
    0x02BC, 0x02BC,  // modifier letter apostrophe (Ukrainian ʼ)
    0x0400, 0x04FF,  // Cyrillic (є і ї ґ, ё)
    0x1E9E, 0x1E9E,  // capital sharp s ẞ
    0x2000, 0x206F,  // General Punctuation (– — „ “ ” … ‰ and the narrow no-break space ICU uses)
    0x2070, 0x209F,  // superscripts and subscripts (CO₂, NO₂, m³)
    0x20A0, 0x20BF,  // currency: € ₺ ₴ ₽
    0x2116, 0x2116,  // numero sign (№)
    0xFFFD, 0xFFFD,  // replacement character (shown for invalid UTF-8)
    0,
};

constexpr std::uint16_t kArabic[] = {
    0x0600,
    0x06FF,  // Arabic (letters, Arabic-Indic digits, ، ؛ ؟)
    // Presentation Forms-A: the contextual forms of the letters beyond the basic 28 (پ چ ژ گ ی ...). The
    // ligatures from FC00 on are left out (about 440 glyphs per size, a quarter of the atlas): ICU's shaping,
    // which is how Arabic reaches the screen (ForDisplay), never produces them, except shadda with a haraka.
    0xFB50,
    0xFBFF,
    0xFC5E,
    0xFC63,  // shadda + haraka ligatures
    0xFDF2,
    0xFDF2,  // the ligature "Allah", as texts sometimes carry it
    0xFDFC,
    0xFDFC,  // rial sign
    0xFE70,
    0xFEFF,  // Arabic Presentation Forms-B (shaped letters, lam-alef ligatures)
    0,
};

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

int ToFcWeight(FontWeight weight) {
    return weight == FontWeight::kBold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
}
const char* WeightName(FontWeight weight) {
    return weight == FontWeight::kBold ? "Bold" : "Regular";
}

Error Missing(std::string_view family, FontWeight weight, const std::string& detail) {
    return MakeError("fonts.missing", "font \"" + std::string(family) + " " + WeightName(weight) +
                                          "\" not found through fontconfig (" + detail +
                                          "); install the Debian package fonts-noto-core");
}

}  // namespace

const std::uint16_t* LatinCyrillicGlyphRanges() {
    return kLatinCyrillic;
}
const std::uint16_t* ArabicGlyphRanges() {
    return kArabic;
}

bool RangesContain(const std::uint16_t* ranges, char32_t codepoint) {
    for (const std::uint16_t* r = ranges; r[0] != 0; r += 2) {
        if (codepoint >= r[0] && codepoint <= r[1]) return true;
    }
    return false;
}

Result<std::string> FindFontFile(std::string_view family, FontWeight weight) {
    if (!FcInit()) return MakeError("fonts.fontconfig", "fontconfig could not be initialised");
    const std::string family_name(family);
    PatternPtr pattern(FcPatternCreate());
    if (!pattern) return MakeError("fonts.fontconfig", "out of memory");
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family_name.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, ToFcWeight(weight));
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    // Only scalable outline files: ImGui's stb_truetype cannot use bitmap fonts.
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());

    FcResult result = FcResultNoMatch;
    PatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
    if (!match || result != FcResultMatch) return Missing(family, weight, "no match at all");

    // FcFontMatch always answers with *something*; accept it only if it is the family we asked for.
    bool family_matches = false;
    FcChar8* matched_family = nullptr;
    std::string first_family;
    for (int i = 0; FcPatternGetString(match.get(), FC_FAMILY, i, &matched_family) == FcResultMatch; ++i) {
        const std::string name(reinterpret_cast<const char*>(matched_family));
        if (i == 0) first_family = name;
        if (FcStrCmpIgnoreCase(matched_family, reinterpret_cast<const FcChar8*>(family_name.c_str())) == 0) {
            family_matches = true;
        }
    }
    if (!family_matches) return Missing(family, weight, "fontconfig offers \"" + first_family + "\" instead");

    int matched_weight = -1;
    if (FcPatternGetInteger(match.get(), FC_WEIGHT, 0, &matched_weight) != FcResultMatch ||
        matched_weight != ToFcWeight(weight)) {
        return Missing(family, weight, "only other weights are installed");
    }

    FcChar8* file = nullptr;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch || !file) {
        return Missing(family, weight, "the match has no file");
    }
    return std::string(reinterpret_cast<const char*>(file));
}

Result<FontFiles> FindUiFonts() {
    FontFiles files;
    struct Want {
        const char* family;
        FontWeight weight;
        std::string* out;
    };
    const Want wants[] = {
        {"Noto Sans", FontWeight::kRegular, &files.regular},
        {"Noto Sans", FontWeight::kBold, &files.bold},
        {"Noto Sans Arabic", FontWeight::kRegular, &files.arabic_regular},
        {"Noto Sans Arabic", FontWeight::kBold, &files.arabic_bold},
    };
    for (const Want& want : wants) {
        auto path = FindFontFile(want.family, want.weight);
        if (!path) return path.error();
        *want.out = std::move(*path);
    }
    return files;
}

std::vector<FontSource> FontSourcesFor(const FontFiles& files, FontWeight weight) {
    const bool bold = weight == FontWeight::kBold;
    return {
        FontSource{bold ? files.bold : files.regular, kLatinCyrillic, false},
        FontSource{bold ? files.arabic_bold : files.arabic_regular, kArabic, true},
    };
}

}  // namespace ck::loc
