// Colours of the kiosk: from the city's configuration, plus a high-contrast variant (WCAG 2.1 AA or better).
#pragma once

#include <imgui.h>

namespace ck::ui {

struct Theme {
    ImU32 background, surface, surface_pressed, text, text_muted, primary, on_primary, accent, on_accent, ok, warn,
        error, border, overlay;
    bool high_contrast = false;
};

struct ThemeColours {
    unsigned char primary[3], accent[3], background[3], text[3];
};

Theme MakeTheme(const ThemeColours& city, bool high_contrast);
void ApplyImGuiStyle(const Theme& theme, float scale);

}  // namespace ck::ui
