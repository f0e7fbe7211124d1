// The operator's PIN pad: the digits entered so far as dots (never the digits), and twelve keys 1-9, delete,
// 0, OK. The keys take the height that is left below the cursor, down to a comfortable touch target, so the
// last row is on screen in landscape and portrait alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ck::ui {

struct PinPadLabels {
    std::string_view erase;   // the delete key
    std::string_view submit;  // the OK key
};

struct PinPadResult {
    bool submitted = false;  // OK was tapped: check `pin`, then clear it
    bool changed = false;    // a digit was added or erased
};

PinPadResult PinPad(const char* id, std::string& pin, std::size_t max_digits, const PinPadLabels& labels);

}  // namespace ck::ui
