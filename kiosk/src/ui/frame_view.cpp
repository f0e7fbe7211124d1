#include "ui/frame_view.h"

#include <algorithm>

namespace ck::ui {

FrameView FitFrame(ImVec2 area_min, ImVec2 area_size, int frame_width, int frame_height) {
    FrameView v;
    if (frame_width <= 0 || frame_height <= 0 || area_size.x <= 0 || area_size.y <= 0) return v;
    v.frame_width = frame_width;
    v.frame_height = frame_height;
    v.scale = std::min(area_size.x / static_cast<float>(frame_width),
                       area_size.y / static_cast<float>(frame_height));
    const ImVec2 shown = v.size();
    v.origin =
        ImVec2(area_min.x + (area_size.x - shown.x) * 0.5f, area_min.y + (area_size.y - shown.y) * 0.5f);
    return v;
}

hw::Point2 ScreenToFrame(const FrameView& view, ImVec2 screen) {
    if (view.scale <= 0) return {};
    const double x = (screen.x - view.origin.x) / view.scale;
    const double y = (screen.y - view.origin.y) / view.scale;
    return {std::clamp(x, 0.0, static_cast<double>(view.frame_width)),
            std::clamp(y, 0.0, static_cast<double>(view.frame_height))};
}

ImVec2 FrameToScreen(const FrameView& view, hw::Point2 frame) {
    return ImVec2(view.origin.x + static_cast<float>(frame.x) * view.scale,
                  view.origin.y + static_cast<float>(frame.y) * view.scale);
}

}  // namespace ck::ui
