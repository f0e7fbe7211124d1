// The touch keyboard: types into a kiosk text field (a std::string), no physical keyboard needed anywhere.
// Keys fire once on release (no auto-repeat surprises); layouts come from locales/keyboard.h. Typing, erasing
// and the two cursor keys act at the field's caret, a byte offset kept on a grapheme-cluster boundary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace ck::ui {

// The caret of one text field. Fields are told apart by a number their screen chooses (a wizard uses its
// step).
struct FieldCaret {
    int field = 0;
    std::size_t caret = 0;
};

struct KeyboardState {
    std::string layout_id;  // empty = the UI language's layout
    int level = 0;          // 0 letters, 1 shift, 2 digits and symbols
    bool shift_locked = false;
    // One caret per field this keyboard has typed into, so going back to a field finds the caret where the
    // visitor left it. Lives with the keyboard in the visitor session: a reset forgets it with the text.
    std::vector<FieldCaret> carets;
};

struct KeyboardLabels {
    std::string_view space, done, symbols, letters, next_layout, shift, backspace;
};

struct KeyboardResult {
    bool changed = false;  // the text changed
    bool done = false;     // the visitor pressed "done"
};

// What typing may not exceed. max_graphemes is the field's own limit in user-perceived characters (the
// wizard's); max_bytes only protects memory against pathological input.
struct TextLimit {
    std::size_t max_graphemes = 0;  // 0 = no limit
    std::size_t max_bytes = 8192;
};

// ---- The editing model (no ImGui; tested in tests/kiosk/keyboard_cursor_test.cpp) ----

// The caret of `field`: created at the end of `text` on first use, then clamped into `text` (the text may
// have been cleared or replaced since) and moved off any UTF-8 continuation byte. Cheap enough for every
// frame; the edits below put it on a cluster boundary. The reference stays valid until CaretFor meets a new
// field.
std::size_t& CaretFor(KeyboardState& state, int field, std::string_view text);

// Inserts at the caret and moves the caret behind the insertion. Refused (returns false, nothing changes)
// when the result would have more grapheme clusters than the limit allows and more than before, or more bytes
// than max_bytes: the limit holds wherever the caret is.
bool InsertAtCaret(std::string& text, std::size_t& caret, std::string_view insert, const TextLimit& limit);
// Erases the grapheme cluster before the caret (a base with its marks, a whole emoji sequence); false at the
// start of the text.
bool EraseBeforeCaret(std::string& text, std::size_t& caret);
// Moves the caret by whole clusters in logical order: +1 forward, -1 back; stops at both ends.
void MoveCaret(std::string_view text, std::size_t& caret, int clusters);
// Which logical way a visual arrow moves: in a right-to-left paragraph (Arabic) the left arrow goes forward.
// The paragraph is the '\n'-separated part of text around the caret, as locales/display_text.h lays it out.
int LogicalStepForArrow(std::string_view text, std::size_t caret, bool left_arrow, bool rtl_ui);

// ---- The widget ----

// Height to reserve for the keyboard, in pixels: five rows of keys at full size. Keys shrink (not below a
// comfortable touch target) when a layout needs more rows than fit in the space left.
float KeyboardHeight(float width);
// Draws the keyboard at the cursor; inserts and erases at `caret` (from CaretFor), moves it with the arrow
// keys.
KeyboardResult OnScreenKeyboard(KeyboardState& state, std::string& text, std::size_t& caret,
                                std::string_view ui_language, float width, const KeyboardLabels& labels,
                                const TextLimit& limit = {});

}  // namespace ck::ui
