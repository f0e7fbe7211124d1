#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ck::ui {
namespace {

ImU32 Rgb(const unsigned char c[3], unsigned char a = 255) {
    return IM_COL32(c[0], c[1], c[2], a);
}

// WCAG relative luminance, used to pick readable text on the city's colours whatever they are.
float Luminance(const unsigned char c[3]) {
    auto lin = [](unsigned char v) {
        const float s = v / 255.0f;
        return s <= 0.03928f ? s / 12.92f : std::pow((s + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * lin(c[0]) + 0.7152f * lin(c[1]) + 0.0722f * lin(c[2]);
}

float Luminance(ImU32 c) {
    const unsigned char rgb[3] = {static_cast<unsigned char>(c >> IM_COL32_R_SHIFT),
                                  static_cast<unsigned char>(c >> IM_COL32_G_SHIFT),
                                  static_cast<unsigned char>(c >> IM_COL32_B_SHIFT)};
    return Luminance(rgb);
}

std::string Hex(const unsigned char c[3]) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
    return buf;
}

ImU32 ReadableOn(const unsigned char c[3]) {
    // Contrast against white vs. black; pick the larger.
    const float l = Luminance(c);
    const float white = 1.05f / (l + 0.05f);
    const float black = (l + 0.05f) / 0.05f;
    return white >= black ? IM_COL32(255, 255, 255, 255) : IM_COL32(0, 0, 0, 255);
}

// The city colour `c` used as a fill with readable text on it, as text on the background and on white
// surfaces, and as a component beside them.
bool ReadableAsPrimary(const unsigned char c[3], const unsigned char background[3]) {
    const ImU32 col = Rgb(c);
    return ContrastRatio(ReadableOn(c), col) >= kMinTextContrast &&
           ContrastRatio(col, Rgb(background)) >= kMinTextContrast &&
           ContrastRatio(col, IM_COL32(255, 255, 255, 255)) >= kMinTextContrast;
}

// The accent is a fill with text on it (badges) and a marker on white (the map pin).
bool ReadableAsAccent(const unsigned char c[3], const unsigned char /*background*/[3]) {
    const ImU32 col = Rgb(c);
    return ContrastRatio(ReadableOn(c), col) >= kMinTextContrast &&
           ContrastRatio(col, IM_COL32(255, 255, 255, 255)) >= kMinComponentContrast;
}

std::string Darken(const char* name, unsigned char c[3], const unsigned char background[3],
                   bool (*readable)(const unsigned char*, const unsigned char*)) {
    if (readable(c, background)) return {};
    const std::string before = Hex(c);
    const unsigned char original[3] = {c[0], c[1], c[2]};
    for (int step = 1; step <= 100 && !readable(c, background); ++step) {
        for (int i = 0; i < 3; ++i)
            c[i] = static_cast<unsigned char>(std::lround(original[i] * (1.0 - step / 100.0)));
    }
    return std::string("theme.") + name + " " + before + " is not readable (WCAG 2.1 AA): darkened to " +
           Hex(c);
}

}  // namespace

float ContrastRatio(ImU32 a, ImU32 b) {
    const float la = Luminance(a), lb = Luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

std::vector<std::string> EnsureReadableCityColours(ThemeColours& city) {
    std::vector<std::string> changes;
    if (ContrastRatio(Rgb(city.text), Rgb(city.background)) < kMinTextContrast) {
        const std::string before = Hex(city.text);
        const bool dark = ReadableOn(city.background) == IM_COL32(0, 0, 0, 255);
        for (auto& v : city.text) v = dark ? 0 : 255;
        changes.push_back("theme.text " + before + " is not readable on theme.background " +
                          Hex(city.background) + ": replaced by " + Hex(city.text));
    }
    if (auto s = Darken("primary", city.primary, city.background, ReadableAsPrimary); !s.empty())
        changes.push_back(s);
    if (auto s = Darken("accent", city.accent, city.background, ReadableAsAccent); !s.empty())
        changes.push_back(s);
    return changes;
}

std::vector<ColourPair> ThemePairs(const Theme& t) {
    const float text = kMinTextContrast, ui = kMinComponentContrast;
    return {
        {"text on background", t.text, t.background, text},
        {"text on surface", t.text, t.surface, text},
        {"text on a pressed surface", t.text, t.surface_pressed, text},
        {"muted text on surface", t.text_muted, t.surface, text},
        {"muted text on background", t.text_muted, t.background, text},
        {"text on primary (buttons, status bar, attract)", t.on_primary, t.primary, text},
        {"primary on background (the attract pill's text)", t.primary, t.on_primary, text},
        {"primary text on surface (list figures, live values)", t.primary, t.surface, text},
        {"primary text on background (headings)", t.primary, t.background, text},
        {"text on accent (demo badge)", t.on_accent, t.accent, text},
        {"error text on surface", t.error, t.surface, text},
        {"error text on background", t.error, t.background, text},
        {"outdated age on surface", t.warn, t.surface, text},
        {"ok on surface", t.ok, t.surface, ui},
        {"primary button beside the background", t.primary, t.background, ui},
        {"selected chip, focused field, check box on surface", t.primary, t.surface, ui},
        {"unchecked box outline on surface", t.text_muted, t.surface, ui},
        {"map pin on surface", t.accent, t.surface, ui},
    };
}

Theme MakeTheme(const ThemeColours& city, bool high_contrast) {
    Theme t{};
    t.high_contrast = high_contrast;
    if (high_contrast) {
        t.background = IM_COL32(0, 0, 0, 255);
        t.surface = IM_COL32(20, 20, 20, 255);
        t.surface_pressed = IM_COL32(70, 70, 70, 255);
        t.text = IM_COL32(255, 255, 255, 255);
        t.text_muted = IM_COL32(230, 230, 230, 255);
        t.primary = IM_COL32(255, 230, 0, 255);
        t.on_primary = IM_COL32(0, 0, 0, 255);
        t.accent = IM_COL32(0, 230, 255, 255);
        t.on_accent = IM_COL32(0, 0, 0, 255);
        t.ok = IM_COL32(0, 255, 120, 255);
        t.warn = IM_COL32(255, 200, 0, 255);
        t.error = IM_COL32(255, 110, 110, 255);
        t.border = IM_COL32(255, 255, 255, 255);
        t.overlay = IM_COL32(0, 0, 0, 230);
        return t;
    }
    t.background = Rgb(city.background);
    t.surface = IM_COL32(255, 255, 255, 255);
    t.surface_pressed = IM_COL32(220, 228, 236, 255);
    t.text = Rgb(city.text);
    t.text_muted = IM_COL32(75, 85, 99, 255);  // 7:1 on white
    t.primary = Rgb(city.primary);
    t.on_primary = ReadableOn(city.primary);
    t.accent = Rgb(city.accent);
    t.on_accent = ReadableOn(city.accent);
    t.ok = IM_COL32(22, 120, 60, 255);
    t.warn = IM_COL32(160, 90, 0, 255);
    t.error = IM_COL32(180, 20, 30, 255);
    t.border = IM_COL32(200, 208, 216, 255);
    t.overlay = IM_COL32(10, 20, 30, 200);
    return t;
}

void ApplyImGuiStyle(const Theme& theme, float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    style.Colors[ImGuiCol_WindowBg] = c(theme.background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Text] = c(theme.text);
    style.Colors[ImGuiCol_FrameBg] = c(theme.surface);
    style.Colors[ImGuiCol_Border] = c(theme.border);
    style.Colors[ImGuiCol_TextSelectedBg] = c(theme.primary & 0x60FFFFFF);
    style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_ScrollbarGrab] = c(theme.border);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameRounding = 12;
    style.FramePadding = ImVec2(20, 16);
    style.ItemSpacing = ImVec2(16, 16);
    style.ScrollbarSize = 14;
    style.ScrollbarRounding = 7;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace ck::ui
