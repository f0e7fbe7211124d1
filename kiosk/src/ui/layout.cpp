#include "ui/layout.h"

#include <cmath>

#include <algorithm>

#include "ui/ui_frame.h"

namespace ck::ui {

Layout ComputeLayout(ImVec2 window_size, float text_scale) {
    Layout l;
    l.size = window_size;
    l.portrait = window_size.y > window_size.x;
    l.scale = std::max(0.25f, std::min(window_size.x, window_size.y) / kReferenceShortSide);
    l.text_scale = text_scale;
    return l;
}

const Layout& CurrentLayout() {
    return Frame().layout;
}
float LayoutScale(float units) {
    return units * Frame().layout.scale;
}
ImVec2 BurnInDrift(double time_s) {
    // Two sines with periods of 17 and 13 minutes: the path repeats only after 221 minutes, each minute's
    // step is at most 2*pi/13 of the amplitude (about 12 units).
    constexpr double kTwoPi = 6.283185307179586;
    const double minute = std::floor(time_s / 60.0);
    return ImVec2(static_cast<float>(units::kBurnInDrift * std::sin(minute * kTwoPi / 17.0)),
                  static_cast<float>(units::kBurnInDrift * std::sin(minute * kTwoPi / 13.0)));
}

ImVec2 LayoutScale(float x, float y) {
    return ImVec2(x * Frame().layout.scale, y * Frame().layout.scale);
}

}  // namespace ck::ui
