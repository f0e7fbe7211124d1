#include "ui/text_size.h"

#include <algorithm>
#include <cmath>

namespace ck::ui {
namespace {
constexpr float kPi = 3.14159265358979f;
}

float PixelPitchMm(float diagonal_inch, ImVec2 window_px) {
    return diagonal_inch * 25.4f / std::hypot(window_px.x, window_px.y);
}

float SubtendedDegrees(float height_px, float pixel_pitch_mm, float viewing_distance_cm) {
    return 2.0f * std::atan(height_px * pixel_pitch_mm * 0.5f / (viewing_distance_cm * 10.0f)) * 180.0f / kPi;
}

float LargeTextScale(float diagonal_inch, float viewing_distance_cm, ImVec2 window_px,
                     float smallest_font_px) {
    const float pitch = PixelPitchMm(diagonal_inch, window_px);
    const float cap_mm =
        2.0f * viewing_distance_cm * 10.0f * std::tan(kMinCapHeightDegrees * 0.5f * kPi / 180.0f);
    const float needed_font_px = cap_mm / pitch / kCapHeightPerFontSize;
    // Fonts are baked at whole pixels (rounded): a little margin keeps the rounded size above the need.
    const float scale = (needed_font_px + 0.5f) / smallest_font_px;
    return std::clamp(scale, kLargeTextMinScale, kLargeTextMaxScale);
}

}  // namespace ck::ui
