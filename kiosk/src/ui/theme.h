// Colours of the kiosk: from the city's configuration, plus a high-contrast variant (WCAG 2.1 AA or better).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace ck::ui {

struct Theme {
    ImU32 background, surface, surface_pressed, text, text_muted, primary, on_primary, accent, on_accent, ok,
        warn, error, border, overlay;
    bool high_contrast = false;
};

struct ThemeColours {
    unsigned char primary[3], accent[3], background[3], text[3];
};

Theme MakeTheme(const ThemeColours& city, bool high_contrast);

// WCAG 2.1 contrast ratio of two opaque colours (1 to 21).
float ContrastRatio(ImU32 a, ImU32 b);
inline constexpr float kMinTextContrast = 4.5f;       // WCAG 2.1 AA, text
inline constexpr float kMinComponentContrast = 3.0f;  // WCAG 2.1 AA, large text and UI components

// One foreground/background pair the kiosk draws, with the contrast it needs.
struct ColourPair {
    const char* name;  // "text on surface"
    ImU32 fg, bg;
    float needed;
};
// Every pair the widgets and screens draw with this theme.
std::vector<ColourPair> ThemePairs(const Theme& t);

// A city's colours made readable before use: a primary or accent colour whose text or whose contrast with
// the background falls short is darkened (towards black, keeping its hue) until it passes; a text colour
// that fails on the background is replaced by black or white. Returns one sentence per change, for the log.
std::vector<std::string> EnsureReadableCityColours(ThemeColours& city);
void ApplyImGuiStyle(const Theme& theme, float scale);

}  // namespace ck::ui
