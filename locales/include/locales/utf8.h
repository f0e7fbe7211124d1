// UTF-8 helpers for text that comes from outside (catalogues, servers, visitors). Invalid sequences never
// crash anything: they decode to U+FFFD, one per maximal invalid subsequence (the Unicode-recommended way,
// the same as ICU's conversions).
#pragma once

#include <string>
#include <string_view>

namespace ck::loc {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

bool IsValidUtf8(std::string_view utf8);
std::u32string DecodeUtf8(std::string_view utf8);
// Code points above U+10FFFF and surrogates are written as U+FFFD.
std::string EncodeUtf8(std::u32string_view text);
// Valid input comes back unchanged; invalid sequences are replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view utf8);

}  // namespace ck::loc
