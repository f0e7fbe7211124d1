// Where a camera frame is drawn inside an area of the screen, and the mapping between screen and frame
// pixels both ways. The frame is scaled to fit the area without distortion and centred; the rest of the
// area is letterbox. The admin's counting-line set-up draws the preview through it and turns a finger's
// position into camera coordinates. Pure arithmetic (tested in kiosk_tests).
#pragma once

#include <imgui.h>

#include "hardware/geometry.h"

namespace ck::ui {

struct FrameView {
    ImVec2 origin{};  // the frame's top-left corner on the screen
    float scale = 0;  // screen pixels per frame pixel; 0: nothing to show (no frame size yet)
    int frame_width = 0;
    int frame_height = 0;
    ImVec2 size() const { return ImVec2(frame_width * scale, frame_height * scale); }
};

// The largest undistorted fit of a frame_width x frame_height frame into the area, centred.
FrameView FitFrame(ImVec2 area_min, ImVec2 area_size, int frame_width, int frame_height);
// A screen point as frame pixels, clamped into the frame (0..width, 0..height, the borders included as for
// a counting line): a finger dragged past the picture's edge keeps the line's end on that edge.
hw::Point2 ScreenToFrame(const FrameView& view, ImVec2 screen);
ImVec2 FrameToScreen(const FrameView& view, hw::Point2 frame);

}  // namespace ck::ui
