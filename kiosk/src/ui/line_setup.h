// The counting-line set-up on the camera preview (admin screen): the picture letterboxed into an area, every
// line with its name and an arrow towards the side that counts as "towards", and on the selected line two
// large handles that one finger drags. The caller owns every state; the widget only draws and reports the
// drag. The picture is not mirrored right to left (a camera has no reading direction), and the handles are
// not gated by explore by touch (like the district map, the preview is a surface, not a button).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "hardware/geometry.h"
#include "ui/frame_view.h"

namespace ck::ui {

struct SetupLine {
    std::string name;
    hw::Segment segment;  // camera pixels
    bool towards_is_positive = true;
};

struct LineSetupInput {
    ImTextureID texture = nullptr;  // the preview picture; null: a dark area with `waiting` on it
    int frame_width = 0;            // the camera frame; 0: nothing to set up yet
    int frame_height = 0;
    std::string_view towards_label;  // beside the arrow
    std::string_view waiting;        // while there is no picture
};

// Draws the set-up in `size` at the cursor. A press within reach of an end of lines[selected] takes that end
// (*dragging_end = 0 for A, 1 for B) and moves it with the finger, clamped into the frame, until release.
// Returns true when lines[selected].segment moved this frame. *view is where the frame was drawn.
bool LineSetupView(const char* id, const LineSetupInput& in, std::vector<SetupLine>& lines,
                   std::size_t selected, int* dragging_end, ImVec2 size, FrameView* view);

}  // namespace ck::ui
