// Large text sized from the display (EN 301 549 5.1.4 / 11.7): in large-text mode a capital H of the smallest
// text the kiosk shows subtends at least 0.7 degrees at the visitor's viewing distance. Pure arithmetic, so
// the test computes the same numbers from the font atlas.
#pragma once

#include <imgui.h>

namespace ck::ui {

inline constexpr float kMinCapHeightDegrees = 0.7f;
inline constexpr float kLargeTextMinScale = 1.3f;  // large text is always visibly larger
inline constexpr float kLargeTextMaxScale = 2.0f;  // beyond this the layouts cannot hold the text
// Capital height of Noto Sans per Dear ImGui font size (ImGui sizes a font by its line height, 1.362 em;
// the capital H is 0.714 em).
inline constexpr float kCapHeightPerFontSize = 0.714f / 1.362f;

// Millimetres per pixel of a screen with this diagonal showing window_px full-screen.
float PixelPitchMm(float diagonal_inch, ImVec2 window_px);
// The angle a height (in pixels) subtends at the viewing distance.
float SubtendedDegrees(float height_px, float pixel_pitch_mm, float viewing_distance_cm);
// The text scale of large-text mode: at least kLargeTextMinScale, enough for the smallest font size
// (smallest_font_px at text scale 1) to reach kMinCapHeightDegrees, at most kLargeTextMaxScale.
float LargeTextScale(float diagonal_inch, float viewing_distance_cm, ImVec2 window_px,
                     float smallest_font_px);

}  // namespace ck::ui
