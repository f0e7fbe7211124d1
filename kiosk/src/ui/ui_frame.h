// Per-frame UI state of the widget layer. Owned by the app, reached through ImGui's io.UserData so that widgets
// need no globals of their own; only the UI thread touches it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/explore.h"
#include "ui/layout.h"
#include "ui/theme.h"

namespace ck::ui {

struct Fonts {
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* large = nullptr;
    ImFont* title = nullptr;
    ImFont* huge = nullptr;
};

// What a widget showed this frame: replay steps find widgets by their visible text ("tap_text",
// "expect_text"), and tests check layouts (touch target sizes) through it.
struct TraceEntry {
    std::string text;      // logical text (before bidi reordering)
    ImVec2 min, max;       // screen rectangle
    bool tappable = false;
    bool keeps_order = false;  // inside a keep-order block: not mirrored right to left (keyboard letters)
};

// A text the widget layer could not show whole (it had to cut it, or it runs out of its widget) or with a
// character the font has no glyph for. Collected per frame; the fit test asserts there are none.
struct TextProblem {
    std::string text;  // logical text
    std::string what;
    ImVec2 min, max;   // the widget's rectangle
};

// Finger gesture state shared by all scroll areas: a press that travels more than kDragThreshold becomes a
// scroll and no longer counts as a tap.
struct Gesture {
    bool pressed = false;
    bool dragging = false;      // this press became a drag: buttons must not fire on release
    ImVec2 press_pos{};
    ImGuiID drag_owner = 0;     // the scroll area that owns the drag
    float velocity = 0;         // px per second, for inertia after release
    ImGuiID fling_owner = 0;
    int drag_frame = -1;        // the frame the drag began (a nested scroll area may still take it then)
};

struct UiFrame {
    Layout layout;
    Fonts fonts;
    Theme theme;
    std::vector<TraceEntry> trace;
    std::vector<TextProblem> text_problems;
    Gesture gesture;
    double time_s = 0;          // frame time (fixed in screenshots)
    float delta_s = 0;
    bool rtl = false;           // the UI language is right-to-left
    // Inside a keep-order block (see ui::BeginKeepOrder) items are shifted by keep_order_dx instead of
    // mirrored one by one.
    bool keep_order = false;
    float keep_order_dx = 0;
    bool wants_animation = false;  // a widget is animating: the loop must render another frame soon
    bool reduced_motion = false;   // the visitor asked for less motion: no scroll inertia
    // Logical UTF-8 -> what ImGui should draw (Arabic shaped and reordered). Set by the app.
    std::function<std::string(std::string_view)> display_text;
    // Explore by touch (ui/explore.h): the gate's state and what it wants spoken after this frame.
    ExploreState explore;
    // The last heading drawn this frame (a Label in the title font): the app speaks it when it changes.
    std::string heading;
};

UiFrame& Frame();                         // the UiFrame of the current ImGui context
void BindFrame(UiFrame* frame);           // sets io.UserData of the current context

}  // namespace ck::ui
