// Contrast, measured: every foreground/background pair the widgets draw, in every theme (the city's
// configured colours, the shipped configuration's, high contrast), reaches WCAG 2.1 AA: 4.5:1 for text, 3:1
// for large text and UI components. A city whose colours fall short gets them darkened, and the kiosk says
// so.
#include <gtest/gtest.h>

#include <imgui.h>

#include <string>
#include <vector>

#include "app/app.h"
#include "app/config.h"
#include "test_support/test_support.h"
#include "ui/theme.h"

namespace ck::kiosk {
namespace {

void ExpectReadable(const ui::Theme& theme, const std::string& which) {
    const std::vector<ui::ColourPair> pairs = ui::ThemePairs(theme);
    ASSERT_GE(pairs.size(), 15u);
    for (const ui::ColourPair& p : pairs) {
        EXPECT_GE(ui::ContrastRatio(p.fg, p.bg), p.needed) << which << ": " << p.name;
    }
}

TEST(ThemeContrast, TheRatioIsWcags) {
    EXPECT_NEAR(ui::ContrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0f, 0.01f);
    EXPECT_NEAR(ui::ContrastRatio(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255)), 4.54f, 0.01f);
    EXPECT_NEAR(ui::ContrastRatio(IM_COL32(9, 9, 9, 255), IM_COL32(9, 9, 9, 255)), 1.0f, 0.001f);
}

TEST(ThemeContrast, EveryPairOfEveryThemeReachesAa) {
    std::vector<std::pair<std::string, ThemeConfig>> cities{{"built-in defaults (Herne)", Config{}.theme}};
    const Result<Config> shipped =
        LoadConfig((ck::test::SourceDir() / "packaging" / "civic-kiosk.toml").string());
    ASSERT_TRUE(shipped.ok()) << shipped.error().message;
    cities.emplace_back("packaging/civic-kiosk.toml", shipped->theme);
    for (auto& [name, theme] : cities) {
        ui::ThemeColours c = CityColours(theme);
        EXPECT_TRUE(ui::EnsureReadableCityColours(c).empty()) << name << " needs no correction";
        ExpectReadable(ui::MakeTheme(c, false), name);
        ExpectReadable(ui::MakeTheme(c, true), name + ", high contrast");
    }
}

TEST(ThemeContrast, AFailingCityColourIsDarkenedAndSaysSo) {
    // Gold and light pink on white with grey text: nothing of it is readable as configured.
    ThemeConfig weak;
    weak.primary = {0xff, 0xd7, 0x00};
    weak.accent = {0xff, 0xb6, 0xc1};
    weak.background = {0xff, 0xff, 0xff};
    weak.text = {0xaa, 0xaa, 0xaa};
    ui::ThemeColours c = CityColours(weak);
    const std::vector<std::string> changes = ui::EnsureReadableCityColours(c);
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_NE(changes[1].find("theme.primary #ffd700 is not readable"), std::string::npos) << changes[1];
    EXPECT_NE(changes[1].find("darkened to #"), std::string::npos) << changes[1];
    // Darker, same hue: every channel scaled by the same factor.
    EXPECT_LT(c.primary[0], 0xff);
    EXPECT_EQ(c.primary[2], 0);
    ExpectReadable(ui::MakeTheme(c, false), "the corrected weak city");

    // The app corrects before it draws anything.
    AppOptions o;
    o.demo = true;
    o.config.theme = weak;
    ImGuiContext* context = ImGui::CreateContext();
    {
        Result<std::unique_ptr<App>> app = CreateApp(std::move(o));
        ASSERT_TRUE(app.ok()) << app.error().message;
        EXPECT_EQ((*app)->city_colours.primary[0], c.primary[0]);
        EXPECT_EQ((*app)->city_colours.primary[1], c.primary[1]);
    }
    ImGui::DestroyContext(context);
}

}  // namespace
}  // namespace ck::kiosk
