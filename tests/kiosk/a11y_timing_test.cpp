// Timing a visitor can control: the idle warning is shown before the reset and one touch extends the session,
// as often as the visitor needs (checked twelve times in a row); reduced motion stops scroll inertia; the
// large-text scale gives a capital H of at least 0.7 degrees on the configured display, measured in the font
// atlas the kiosk builds.
#include <gtest/gtest.h>

#include <imgui.h>

#include <cmath>

#include "demo_kiosk.h"
#include "ui/fonts.h"
#include "ui/text_size.h"

namespace ck::kiosk {
namespace {

using test::DemoKiosk;
using test::DrawRequest;

class A11yTimingTest : public test::DemoKioskSuite {
  protected:
    static bool Shows(const App& app, const std::string& text) {
        for (const auto& e : app.frame.trace)
            if (e.text == text) return true;
        return false;
    }
};

TEST_F(A11yTimingTest, TheIdleWarningIsShownAndExtendsAtLeastTenTimes) {
    DrawRequest r;
    r.screen = ScreenId::kHome;
    kiosk_->Draw(r);
    App& app = kiosk_->app();
    app.idle.Arm(app.now_s);
    const std::string& title = app.T("kiosk.idle.title");
    for (int round = 0; round < 12; ++round) {
        // Just inside the warning: the dialog is on screen and the session is still there.
        app.now_s += app.idle.timeout_s - app.idle.warning_s + 1;
        TickSession(app, false);
        BuildFrame(app, 1920, 1080, 1.0f / 60.0f);
        ASSERT_EQ(app.idle.Phase(app.now_s), IdlePhase::kWarning) << "round " << round;
        ASSERT_TRUE(Shows(app, title)) << "round " << round << ": the warning is visible";
        ASSERT_EQ(app.nav.current(), ScreenId::kHome);
        // One touch: the warning goes, the visitor stays.
        TickSession(app, true);
        BuildFrame(app, 1920, 1080, 1.0f / 60.0f);
        ASSERT_EQ(app.idle.Phase(app.now_s), IdlePhase::kActive) << "round " << round;
        ASSERT_FALSE(Shows(app, title)) << "round " << round;
    }
    // Without a touch the session ends (and a fresh one starts).
    app.now_s += app.idle.timeout_s + 1;
    TickSession(app, false);
    EXPECT_FALSE(app.idle.armed) << "the visitor session was reset";
}

TEST_F(A11yTimingTest, ReducedMotionIsASessionToggleWithoutScrollInertia) {
    DrawRequest r;
    r.screen = ScreenId::kHome;
    r.prepare = [](App& a) { a.session.accessibility_dialog = true; };
    kiosk_->Draw(r);
    App& app = kiosk_->app();
    EXPECT_TRUE(Shows(app, app.T("kiosk.accessibility.reduced_motion")))
        << "offered in the accessibility panel";

    // Drag the idea list and let go with speed: inertia keeps it moving, reduced motion stops it at once.
    for (const bool reduced : {false, true}) {
        DrawRequest ideas;
        ideas.screen = ScreenId::kIdeas;
        ideas.prepare = [reduced](App& a) { a.session.reduced_motion = reduced; };
        kiosk_->Draw(ideas);
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 start(960, 850);
        io.MousePos = start;
        io.MouseDown[0] = true;
        BuildFrame(app, 1920, 1080, 1.0f / 60.0f);
        for (int i = 1; i <= 6; ++i) {
            io.MousePos = ImVec2(start.x, start.y - 40.0f * static_cast<float>(i));
            BuildFrame(app, 1920, 1080, 1.0f / 60.0f);
        }
        io.MouseDown[0] = false;
        BuildFrame(app, 1920, 1080, 1.0f / 60.0f);
        BuildFrame(app, 1920, 1080, 1.0f / 60.0f);
        EXPECT_EQ(WantsAnimation(app), !reduced) << (reduced ? "reduced motion: no fling" : "a fling");
        io.MousePos = ImVec2(-1, -1);
        for (int i = 0; i < 3; ++i) BuildFrame(app, 1920, 1080, 1.0f / 60.0f);
    }
    // A new visitor starts without it.
    ResetSession(app);
    EXPECT_FALSE(app.session.reduced_motion);
}

TEST(LargeText, ACapitalHSubtendsAtLeastPointSevenDegrees) {
    // The angle from first principles: 1 mm at 1 m is 0.0573 degrees.
    EXPECT_NEAR(ui::SubtendedDegrees(10, 0.1f, 100), 0.0573f, 0.0005f);
    ImGuiContext* context = ImGui::CreateContext();
    Result<loc::FontFiles> files = loc::FindUiFonts();
    ASSERT_TRUE(files.ok()) << files.error().message;
    struct Display {
        float diagonal_inch, distance_cm;
        ImVec2 window;
    };
    // A tablet-sized kiosk up close, the default 43" stele, a 55" screen read from a step back, portrait.
    const Display displays[] = {{21.5f, 40, {1920, 1080}},
                                {43, 50, {1920, 1080}},
                                {55, 100, {1920, 1080}},
                                {32, 60, {1080, 1920}},
                                {43, 50, {1280, 720}}};
    for (const Display& d : displays) {
        const float layout_scale = std::min(d.window.x, d.window.y) / ui::kReferenceShortSide;
        const float text_scale = ui::LargeTextScale(d.diagonal_inch, d.distance_cm, d.window,
                                                    ui::units::kFontSmall * layout_scale);
        EXPECT_GE(text_scale, ui::kLargeTextMinScale);
        Result<ui::Fonts> fonts = ui::LoadFonts(*files, layout_scale * text_scale);
        ASSERT_TRUE(fonts.ok()) << fonts.error().message;
        // The smallest text the kiosk draws, measured as drawn: the ink of 'H' in the atlas.
        const ImFontGlyph* h = fonts->small->FindGlyphNoFallback('H');
        ASSERT_NE(h, nullptr);
        const float degrees =
            ui::SubtendedDegrees(h->Y1 - h->Y0, ui::PixelPitchMm(d.diagonal_inch, d.window), d.distance_cm);
        EXPECT_GE(degrees, ui::kMinCapHeightDegrees)
            << d.diagonal_inch << "\" at " << d.distance_cm << " cm, " << d.window.x << "x" << d.window.y
            << ": text scale " << text_scale;
    }
    ImGui::DestroyContext(context);
}

}  // namespace
}  // namespace ck::kiosk
