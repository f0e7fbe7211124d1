// Conversions between UTF-8 std::string and ICU's UTF-16 UnicodeString (module-private).
#pragma once

#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace ck::loc {

// Invalid UTF-8 becomes U+FFFD (UnicodeString::fromUTF8 substitutes).
inline icu::UnicodeString ToIcu(std::string_view utf8) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

inline std::string FromIcu(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace ck::loc
