// Layout data for the on-screen keyboard (the widget is the kiosk's): which character keys a language gets on
// each level. Special keys (shift, level switch, space, backspace, cursor, enter, layout switch) are not
// part of the data; the widget places them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "locales/catalogue.h"

namespace ck::loc {

// A row of keys; each key is the UTF-8 text it types (usually one character, "لا" types two).
using KeyRow = std::vector<std::string>;

struct KeyboardLayout {
    std::string id;           // "de-qwertz", "tr-q", ...
    std::string language;     // the language whose case rules make the shift level ("tr": i -> İ)
    std::string native_name;  // for the layout switch: "Deutsch (QWERTZ)"
    Direction direction = Direction::kLtr;
    std::vector<KeyRow> lower;    // the letters
    std::vector<KeyRow> shift;    // upper case (or, for Arabic, the hamza forms and punctuation)
    std::vector<KeyRow> symbols;  // digits and symbols
};

// All layouts, in the order of the language list (de, en, tr, ar, uk, ru, pl). Built once, immutable.
const std::vector<KeyboardLayout>& AllKeyboardLayouts();

// The layout for a UI language ("de", "pt-BR" -> by primary subtag); languages without one get German,
// the kiosk's default.
const KeyboardLayout& KeyboardLayoutFor(std::string_view language_tag);

// Full Unicode case mapping with the language's rules (ICU): ToUpper("i", "tr") == "İ", ToUpper("ß", "de")
// == "SS". Invalid UTF-8 becomes U+FFFD.
std::string ToUpper(std::string_view utf8, std::string_view language_tag);
std::string ToLower(std::string_view utf8, std::string_view language_tag);

}  // namespace ck::loc
