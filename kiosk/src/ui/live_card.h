// One live value on a card: what it is, where it was measured, the figure, and its age. An outdated value
// keeps its figure but greys it out and says so in the age line, so nobody mistakes it for a current one.
#pragma once

#include <string_view>

#include <imgui.h>

namespace ck::ui {

struct LiveCardText {
    std::string_view title;   // the kind of value ("Weather")
    std::string_view name;    // the station or car park
    std::string_view value;   // the formatted figure
    std::string_view detail;  // the second line ("precipitation 0.4 mm · wind 14 km/h"), may be empty
    std::string_view age;     // "as of 14:05, 12 min ago" or "Outdated – as of ..."
};

// Draws the card at the cursor with `size` (pixels) and advances the cursor; every text goes into the trace
// with the card's rectangle. With an id the card is a button (fires on release, not after a drag).
bool LiveCard(const char* id, const LiveCardText& text, bool stale, ImVec2 size, ImU32 background = 0);
// The height a card of `width` pixels needs for these texts (a long value or age wraps), in pixels.
float LiveCardHeight(const LiveCardText& text, float width);

}  // namespace ck::ui
