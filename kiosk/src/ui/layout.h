// The reference canvas: every size on screen is given in layout units of a 1920x1080 (or 1080x1920) design
// and scaled by LayoutScale(). Screens use these constants, never pixel literals.
#pragma once

#include <imgui.h>

namespace ck::ui {

// The short side of the design; the layout scale maps it to the short side of the real window.
inline constexpr float kReferenceShortSide = 1080.0f;

struct Layout {
    float scale = 1.0f;        // window short side / 1080
    float text_scale = 1.0f;   // 1.0, or larger in large-text mode (fonts are rebuilt for it)
    ImVec2 size{1920, 1080};   // window size in pixels
    bool portrait = false;
};

// Sizes in layout units.
namespace units {
inline constexpr float kStatusBarHeight = 96;
inline constexpr float kNavBarHeight = 132;
inline constexpr float kMargin = 48;
inline constexpr float kGap = 28;
inline constexpr float kTileHeight = 250;
inline constexpr float kButtonHeight = 112;     // >= 48 px at every supported size
inline constexpr float kSmallButtonHeight = 96;
inline constexpr float kListRowHeight = 150;
inline constexpr float kRounding = 18;
inline constexpr float kDragThreshold = 18;     // finger travel before a press becomes a scroll
inline constexpr float kFontSmall = 28;
inline constexpr float kFontBody = 34;
inline constexpr float kFontLarge = 44;
inline constexpr float kFontTitle = 64;
inline constexpr float kFontHuge = 96;
// Services and service detail.
inline constexpr float kQrSizeLandscape = 420;   // the hand-off QR: large enough for an older phone at arm's length
inline constexpr float kQrSizePortrait = 360;
inline constexpr float kDetailColumnGap = 56;    // between the detail text and the QR column
inline constexpr float kBulletIndent = 40;       // per list level in a service's texts
inline constexpr float kSectionGap = 20;
inline constexpr float kMinResultListHeight = 300;  // two result rows stay visible above the keyboard
inline constexpr float kHandOffTextHeight = 260;   // portrait: heading, link and notes around the QR
}  // namespace units

Layout ComputeLayout(ImVec2 window_size, float text_scale);

// Layout units -> pixels for the current frame's layout (read from the UiFrame of the current ImGui context).
float LayoutScale(float units);
ImVec2 LayoutScale(float x, float y);
const Layout& CurrentLayout();

}  // namespace ck::ui
