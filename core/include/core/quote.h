// Quoting input inside error messages: a message must stay short and printable whatever it echoes; and
// where input is not UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ck {

// Characters of input quoted in an error message (or a log line) at most.
inline constexpr std::size_t kMaxQuotedChars = 80;

// `"text"` with at most max_chars characters (code points) of the input: control characters, invalid
// UTF-8 and the quote itself are shown as escapes (\n, \x01, \"), and a longer input ends in
// `..." (N bytes)`, so a 10 MB input gives a message of a line.
std::string QuoteInput(std::string_view input, std::size_t max_chars = kMaxQuotedChars);

// Byte offset (from 0) of the first invalid UTF-8 sequence (truncated, overlong, a surrogate, above
// U+10FFFF), or nullopt for valid UTF-8: so a parser can say where the encoding is wrong.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view text);

}  // namespace ck
