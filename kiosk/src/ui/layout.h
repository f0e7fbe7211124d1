// The reference canvas: every size on screen is given in layout units of a 1920x1080 (or 1080x1920) design
// and scaled by LayoutScale(). Screens use these constants, never pixel literals.
#pragma once

#include <imgui.h>

namespace ck::ui {

// The short side of the design; the layout scale maps it to the short side of the real window.
inline constexpr float kReferenceShortSide = 1080.0f;

struct Layout {
    float scale = 1.0f;       // window short side / 1080
    float text_scale = 1.0f;  // 1.0, or larger in large-text mode (fonts are rebuilt for it)
    ImVec2 size{1920, 1080};  // window size in pixels
    bool portrait = false;
};

// Sizes in layout units.
namespace units {
// The frame every screen shares.
inline constexpr float kStatusBarHeight = 96;
inline constexpr float kNavBarHeight = 132;
inline constexpr float kNavButtonWidth = 340;  // back, home, language (narrower when the screen is)
inline constexpr float kMargin = 48;
inline constexpr float kAdminCornerWidth = 360;  // the status bar's hidden target for the admin taps
inline constexpr float kStatusDotRadius = 10;    // the connection indicator, and its distance from the label
inline constexpr float kBadgePaddingX = 18;      // the "demo" badge

// Vertical rhythm between stacked items, smallest to largest.
inline constexpr float kGapTight = 4;     // rows of tiles; a row that wraps in portrait
inline constexpr float kGapSmall = 8;     // a label and what it labels; rows of facts
inline constexpr float kGapMedium = 12;   // a title and the body; list rows
inline constexpr float kGapLarge = 16;    // stacked buttons; a group and the next
inline constexpr float kGapSection = 24;  // a section and the next
inline constexpr float kGapBlock = 32;    // blocks of a screen that stand apart (the receipt's parts)
inline constexpr float kGapWide = 40;     // a separate group beside or below (the sort chips)
// Horizontal gaps.
inline constexpr float kGap = 28;          // between tiles and cards, and between columns
inline constexpr float kButtonGap = 24;    // between buttons side by side
inline constexpr float kChipGap = 16;      // between chips, which sit closer than buttons
inline constexpr float kScrollInset = 24;  // what a scroll area keeps free at its side for the finger

// Controls.
inline constexpr float kTileHeight = 250;
inline constexpr float kTileMaxHeight = 420;  // home tiles grow with the screen up to this
inline constexpr float kButtonHeight = 112;   // >= 48 px at every supported size
inline constexpr float kSmallButtonHeight = 96;
inline constexpr float kCompactButtonHeight = 80;  // rows that must fit six to a screen (the review)
inline constexpr float kMinTouchTarget = 72;  // keys may shrink to this: still 48 px at a 720 px short side
inline constexpr float kActionButtonWidth = 360;  // a screen's main action (next, previous, done)
inline constexpr float kListRowHeight = 150;
inline constexpr float kChoiceTileHeight = 150;  // a choice of the wizard (category, district, place)
inline constexpr float kRounding = 18;
inline constexpr float kRoundingSmall = 12;  // badges and notices
inline constexpr float kBorder = 2;
inline constexpr float kBorderThick = 3;
inline constexpr float kDragThreshold = 18;  // finger travel before a press becomes a scroll
inline constexpr float kPinKeyWidth = 160;
inline constexpr float kPinKeyGap = 16;
inline constexpr float kFocusRing = 8;  // explore by touch: the ring around the element last named

// Cards and dialogs.
inline constexpr float kCardPadding = 28;
inline constexpr float kLiveCardHeight = 300;
// Live data: the detail chart, the attract screen's tile and the datasets list.
inline constexpr float kChartHeight = 560;
inline constexpr float kChartHeightPortrait = 760;
inline constexpr float kChartAxisWidth = 150;  // the y labels left of the plot
inline constexpr float kChartAxisHeight = 64;  // the time labels under the plot
inline constexpr float kChartLine = 4;
inline constexpr float kChartGrid = 1;
inline constexpr float kChartDot = 6;  // a lone point between two gaps
inline constexpr float kChartTick = 10;
inline constexpr float kAttractTileWidth = 760;
inline constexpr float kAttractTileHeight = 250;
inline constexpr float kAttractTileWidthBeside = 560;  // landscape: the live tile's column beside the text
inline constexpr float kDatasetQrSize = 360;
inline constexpr float kDialogInset = 96;  // a dialog keeps this from the screen's sides and its text
                                           // this from the card's sides (half on each)
inline constexpr float kDialogWidth = 1000;
inline constexpr float kLanguageDialogWidth = 900;
inline constexpr float kAccessibilityDialogHeight = 720;  // the least; the card grows to its content
inline constexpr float kIdleDialogHeight = 520;
inline constexpr float kIdeaDetailMaxWidth = 1300;
inline constexpr float kIdeaDetailMarginY = 160;  // the idea card keeps this from the screen's top and bottom
inline constexpr float kIdeaDetailBaseHeight = 560;  // the card without its description
inline constexpr float kIdeaDetailFixedHeight =
    420;  // title, facts, count and buttons around the description

// The attract screen.
inline constexpr float kAttractSubtitleGap = 56;
inline constexpr float kBurnInDrift = 24;  // the attract screen's content wanders this far each way
inline constexpr float kPillPaddingX = 96;  // the "touch the screen" pill around its text
inline constexpr float kPillPaddingY = 48;
inline constexpr float kNoticePadding = 48;  // the counting notice
inline constexpr float kNoticeIconSize = 52;

// The idea wizard and its receipt.
inline constexpr float kReviewLabelWidth = 320;
inline constexpr float kReviewEditWidth = 240;
inline constexpr float kPlaceChoicesMinWidth = 440;  // the place choices beside the map (landscape)
inline constexpr float kDescriptionFieldHeight = 190;
inline constexpr float kDescriptionFieldHeightPortrait = 520;
inline constexpr float kReceiptQrSize = 440;
inline constexpr float kReceiptQrSizePortrait = 520;
inline constexpr float kQrGap = 80;  // between a text and its QR code

// The admin screen.
inline constexpr float kPreviewMaxWidth = 960;  // the counter's camera preview
inline constexpr float kLineHandleRadius = 30;  // a counting line's end: a 60-unit disc for one finger
inline constexpr float kLineHandleReach = 72;   // a press this close to an end takes it
inline constexpr float kLineWidth = 6;
inline constexpr float kLineArrowLength = 90;          // the "towards" arrow from the line's middle
inline constexpr float kPreviewPortraitShare = 0.62f;  // portrait: the line set-up's share of the body height

// Fonts.
inline constexpr float kFontSmall = 28;
inline constexpr float kFontBody = 34;
inline constexpr float kFontLarge = 44;
inline constexpr float kFontTitle = 64;
inline constexpr float kFontHuge = 96;
// Services and service detail.
inline constexpr float kQrSizeLandscape = 420;   // the hand-off QR: large enough for an older phone at arm's length
inline constexpr float kQrSizePortrait = 360;
inline constexpr float kQrSizeMin = 280;  // landscape, when the notes under the QR need the room
inline constexpr float kDetailColumnGap = 56;    // between the detail text and the QR column
inline constexpr float kBulletIndent = 40;       // per list level in a service's texts
inline constexpr float kSectionGap = 20;
inline constexpr float kMinResultListHeight = 300;  // two result rows stay visible above the keyboard
}  // namespace units

Layout ComputeLayout(ImVec2 window_size, float text_scale);

// Layout units -> pixels for the current frame's layout (read from the UiFrame of the current ImGui context).
float LayoutScale(float units);
ImVec2 LayoutScale(float x, float y);
// Against burn-in: an offset in layout units within +-kBurnInDrift that moves a few units once a minute
// (on the frame the status clock draws anyway) along a slow closed path. Pure function of the wall clock.
ImVec2 BurnInDrift(double time_s);
const Layout& CurrentLayout();

}  // namespace ck::ui
