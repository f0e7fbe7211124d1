// The touch keyboard: types into a kiosk text field (a std::string), no physical keyboard needed anywhere.
// Keys fire once on release (no auto-repeat surprises); layouts come from locales/keyboard.h.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

namespace ck::ui {

struct KeyboardState {
    std::string layout_id;   // empty = the UI language's layout
    int level = 0;           // 0 letters, 1 shift, 2 digits and symbols
    bool shift_locked = false;
};

struct KeyboardLabels {
    std::string_view space, done, symbols, letters, next_layout, shift, backspace;
};

struct KeyboardResult {
    bool changed = false;    // the text changed
    bool done = false;       // the visitor pressed "done"
};

// Height the keyboard needs for a given width, in pixels.
float KeyboardHeight(float width);
// Draws the keyboard at the cursor; edits text (appending; backspace removes the last character).
// max_bytes protects the field; the domain still counts graphemes.
KeyboardResult OnScreenKeyboard(KeyboardState& state, std::string& text, std::string_view ui_language, float width,
                                const KeyboardLabels& labels, std::size_t max_bytes = 8192);

// Removes the last user-perceived character's code points (base + trailing combining marks) from UTF-8.
void EraseLastCharacter(std::string& text);

}  // namespace ck::ui
