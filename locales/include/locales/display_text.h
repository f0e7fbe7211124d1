// Text for display with Dear ImGui 1.86, which draws glyphs left to right one by one without shaping:
// right-to-left text must arrive already shaped (Arabic presentation forms) and in visual order.
//
// Paragraph direction: in a right-to-left UI every line that contains right-to-left characters is laid out
// as a right-to-left paragraph; in a left-to-right UI the first strong character decides (so an Arabic idea
// title shown in the German UI still reads correctly). Text without right-to-left characters is returned
// unchanged in both. Lines ('\n') are processed separately; wrapping must happen on the logical text first.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

#include "locales/catalogue.h"

namespace ck::loc {

// True if ForDisplay would change the text: it contains right-to-left characters (Hebrew, Arabic, Arabic
// digits, RTL marks/embeddings) or invalid UTF-8. Cheap: a byte scan for ASCII, a table lookup otherwise.
bool NeedsDisplayProcessing(std::string_view utf8);

// Shapes Arabic (u_shapeArabic, letters to presentation forms, lam-alef ligatures) and reorders for display
// (ubidi with mirroring: '(' in right-to-left runs becomes ')'). Bidi control characters are dropped since
// they have no glyph; invalid UTF-8 becomes U+FFFD. Text that needs nothing comes back unchanged.
std::string ForDisplay(std::string_view utf8, Direction ui_direction);

// For a label that may not fit: the display form of `utf8`, cut at its logical end by whole user-perceived
// characters (grapheme clusters) with "…" appended, the longest that satisfies fits(display_form). Cutting
// the logical text, not the display form, keeps the beginning of right-to-left text and puts the ellipsis on
// the left where the cut is. Returns "…" alone if nothing fits. Costs a few ForDisplay calls: cache the
// result.
std::string FitForDisplay(std::string_view utf8, Direction ui_direction,
                          const std::function<bool(std::string_view display_form)>& fits);

// True when ForDisplay lays out `line` (no '\n') as a right-to-left paragraph: it starts on the right.
bool IsRightToLeftLine(std::string_view line, Direction ui_direction);

// Where a caret at byte offset `caret` of one logical line (no '\n') appears in the line's display form, as a
// distance from its left edge. display_width(piece) returns the drawn width of ForDisplay(piece). The line is
// split into bidi runs as ForDisplay orders it (ubidi, same paragraph level) and the runs are measured one by
// one, so within a run the caret sits exactly between its neighbours; only shaping across the cut (contextual
// Arabic forms, a caret between lam and alef of a ligature) is approximated by the isolated pieces' widths.
float CaretOffsetInDisplay(std::string_view line, std::size_t caret, Direction ui_direction,
                           const std::function<float(std::string_view piece)>& display_width);

// ForDisplay for every label of every frame: text that needs nothing is passed through without allocation;
// the rest is computed once and kept in a small LRU cache. UI thread only (not thread-safe).
class DisplayTextCache {
  public:
    explicit DisplayTextCache(std::size_t capacity = 512);
    DisplayTextCache(const DisplayTextCache&) = delete;
    DisplayTextCache& operator=(const DisplayTextCache&) = delete;

    // Clears the cache when the direction changes (language switch).
    void SetDirection(Direction ui_direction);
    Direction direction() const { return direction_; }

    // The returned view is the input itself or points into the cache. It stays valid while fewer than
    // `capacity` other distinct texts have been looked up since (so: for the rest of the widget call).
    std::string_view Get(std::string_view utf8);

    std::size_t size() const { return entries_.size(); }
    std::size_t capacity() const { return capacity_; }
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }
    void Clear();

  private:
    struct Entry {
        std::string logical;
        std::string visual;
    };
    using Lru = std::list<Entry>;  // front = most recently used; node addresses are stable

    std::size_t capacity_;
    Direction direction_ = Direction::kLtr;
    Lru entries_;
    std::unordered_map<std::string_view, Lru::iterator> index_;  // views into Entry::logical
    std::size_t hits_ = 0;
    std::size_t misses_ = 0;
};

}  // namespace ck::loc
