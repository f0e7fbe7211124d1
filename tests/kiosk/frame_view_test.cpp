// The preview's mapping between screen and camera pixels: the frame fitted into its area without distortion
// and centred (letterbox at the sides or above and below), a finger's position turned into frame pixels and
// clamped into the frame, and back.
#include <gtest/gtest.h>

#include "ui/frame_view.h"

namespace ck::ui {
namespace {

TEST(FrameView, AWideAreaLetterboxesAtTheSides) {
    // 640x480 into 1000x600: scale 1.25 (the height decides), 800 px wide, 100 px of letterbox each side.
    const FrameView v = FitFrame(ImVec2(100, 50), ImVec2(1000, 600), 640, 480);
    EXPECT_FLOAT_EQ(v.scale, 1.25f);
    EXPECT_FLOAT_EQ(v.origin.x, 200);
    EXPECT_FLOAT_EQ(v.origin.y, 50);
    EXPECT_FLOAT_EQ(v.size().x, 800);
    EXPECT_FLOAT_EQ(v.size().y, 600);
    const hw::Point2 centre = ScreenToFrame(v, ImVec2(600, 350));
    EXPECT_DOUBLE_EQ(centre.x, 320);
    EXPECT_DOUBLE_EQ(centre.y, 240);
    const hw::Point2 p = ScreenToFrame(v, ImVec2(200 + 125, 50 + 250));
    EXPECT_DOUBLE_EQ(p.x, 100);
    EXPECT_DOUBLE_EQ(p.y, 200);
    const ImVec2 back = FrameToScreen(v, p);
    EXPECT_FLOAT_EQ(back.x, 325);
    EXPECT_FLOAT_EQ(back.y, 300);
}

TEST(FrameView, ATallAreaLetterboxesAboveAndBelowAndShrinks) {
    // 1920x1080 into 960x900: scale 0.5 (the width decides), 540 px high, 180 px above and below.
    const FrameView v = FitFrame(ImVec2(0, 100), ImVec2(960, 900), 1920, 1080);
    EXPECT_FLOAT_EQ(v.scale, 0.5f);
    EXPECT_FLOAT_EQ(v.origin.x, 0);
    EXPECT_FLOAT_EQ(v.origin.y, 280);
    const hw::Point2 p = ScreenToFrame(v, ImVec2(480, 280 + 270));
    EXPECT_DOUBLE_EQ(p.x, 960);
    EXPECT_DOUBLE_EQ(p.y, 540);
    const ImVec2 corner = FrameToScreen(v, {1920, 1080});
    EXPECT_FLOAT_EQ(corner.x, 960);
    EXPECT_FLOAT_EQ(corner.y, 820);
}

TEST(FrameView, AFingerOutsideThePictureKeepsTheEndOnItsEdge) {
    const FrameView v = FitFrame(ImVec2(100, 50), ImVec2(1000, 600), 640, 480);
    // In the left letterbox, above the area, beyond the bottom-right corner.
    const hw::Point2 left = ScreenToFrame(v, ImVec2(120, 300));
    EXPECT_DOUBLE_EQ(left.x, 0);
    EXPECT_DOUBLE_EQ(left.y, 200);
    const hw::Point2 above = ScreenToFrame(v, ImVec2(600, -400));
    EXPECT_DOUBLE_EQ(above.x, 320);
    EXPECT_DOUBLE_EQ(above.y, 0);
    const hw::Point2 beyond = ScreenToFrame(v, ImVec2(5000, 5000));
    EXPECT_DOUBLE_EQ(beyond.x, 640);
    EXPECT_DOUBLE_EQ(beyond.y, 480);
}

TEST(FrameView, NoFrameSizeOrNoAreaShowsNothing) {
    EXPECT_EQ(FitFrame(ImVec2(0, 0), ImVec2(800, 600), 0, 0).scale, 0);
    EXPECT_EQ(FitFrame(ImVec2(0, 0), ImVec2(0, 600), 640, 480).scale, 0);
    const hw::Point2 p = ScreenToFrame(FrameView{}, ImVec2(10, 10));
    EXPECT_EQ(p.x, 0);
    EXPECT_EQ(p.y, 0);
}

}  // namespace
}  // namespace ck::ui
