#include "locales/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace ck::loc {
namespace {

// Decodes the code point at `i` and advances `i`; returns a negative value for an invalid sequence.
UChar32 NextCodePoint(std::string_view s, int32_t& i) {
    UChar32 c = 0;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    U8_NEXT(bytes, i, length, c);
    return c;
}

void Append(std::string& out, char32_t c) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacementChar;
    uint8_t buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));  // c is a valid scalar value here, buf big enough
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace

bool IsValidUtf8(std::string_view utf8) {
    int32_t i = 0;
    while (i < static_cast<int32_t>(utf8.size())) {
        if (NextCodePoint(utf8, i) < 0) return false;
    }
    return true;
}

std::u32string DecodeUtf8(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    int32_t i = 0;
    while (i < static_cast<int32_t>(utf8.size())) {
        const UChar32 c = NextCodePoint(utf8, i);
        out.push_back(c < 0 ? kReplacementChar : static_cast<char32_t>(c));
    }
    return out;
}

std::string EncodeUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : text) Append(out, c);
    return out;
}

std::string SanitizeUtf8(std::string_view utf8) {
    if (IsValidUtf8(utf8)) return std::string(utf8);
    std::string out;
    out.reserve(utf8.size() + 8);
    int32_t i = 0;
    while (i < static_cast<int32_t>(utf8.size())) {
        const int32_t start = i;
        const UChar32 c = NextCodePoint(utf8, i);
        if (c < 0) {
            Append(out, kReplacementChar);
        } else {
            out.append(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
        }
    }
    return out;
}

}  // namespace ck::loc
