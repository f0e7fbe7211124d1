#include "core/quote.h"

#include <cstdint>
#include <cstdio>

namespace ck {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one (overlong, surrogate, > U+10FFFF).
std::size_t Utf8Length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    return n;
}

}  // namespace

std::optional<std::size_t> FirstInvalidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = Utf8Length(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::string QuoteInput(std::string_view input, std::size_t max_chars) {
    std::string out = "\"";
    std::size_t i = 0;
    for (std::size_t chars = 0; i < input.size() && chars < max_chars; ++chars) {
        const unsigned char c = static_cast<unsigned char>(input[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c == '\n') {
            out += "\\n", ++i;
        } else if (c == '\t') {
            out += "\\t", ++i;
        } else if (c < 0x20 || c == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex, ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c), ++i;
        } else if (const std::size_t n = Utf8Length(input, i); n > 0) {
            out.append(input.substr(i, n));
            i += n;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex, ++i;
        }
    }
    out += '"';
    if (i < input.size()) {
        out.insert(out.size() - 1, "...");
        out += " (" + std::to_string(input.size()) + " bytes)";
    }
    return out;
}

}  // namespace ck
