#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace ck::ui {
namespace {

ImU32 Rgb(const unsigned char c[3], unsigned char a = 255) { return IM_COL32(c[0], c[1], c[2], a); }

// WCAG relative luminance, used to pick readable text on the city's colours whatever they are.
float Luminance(const unsigned char c[3]) {
    auto lin = [](unsigned char v) {
        const float s = v / 255.0f;
        return s <= 0.03928f ? s / 12.92f : std::pow((s + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * lin(c[0]) + 0.7152f * lin(c[1]) + 0.0722f * lin(c[2]);
}

ImU32 ReadableOn(const unsigned char c[3]) {
    // Contrast against white vs. black; pick the larger.
    const float l = Luminance(c);
    const float white = 1.05f / (l + 0.05f);
    const float black = (l + 0.05f) / 0.05f;
    return white >= black ? IM_COL32(255, 255, 255, 255) : IM_COL32(0, 0, 0, 255);
}

}  // namespace

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
