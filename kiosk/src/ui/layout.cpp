#include "ui/layout.h"

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

const Layout& CurrentLayout() { return Frame().layout; }
float LayoutScale(float units) { return units * Frame().layout.scale; }
ImVec2 LayoutScale(float x, float y) { return ImVec2(x * Frame().layout.scale, y * Frame().layout.scale); }

}  // namespace ck::ui
