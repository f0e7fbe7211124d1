// UTF-8 helpers for text that comes from outside (catalogues, servers, visitors). Invalid sequences never
// crash anything: they decode to U+FFFD, one per maximal invalid subsequence (the Unicode-recommended way,
// the same as ICU's conversions).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck::loc {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

bool IsValidUtf8(std::string_view utf8);
std::u32string DecodeUtf8(std::string_view utf8);
// Code points above U+10FFFF and surrogates are written as U+FFFD.
std::string EncodeUtf8(std::u32string_view text);
// Valid input comes back unchanged; invalid sequences are replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view utf8);

// Grapheme clusters: what a visitor sees as one character (a base with its combining marks, an emoji ZWJ
// sequence, a flag, a Hangul syllable), ICU's extended clusters for the root locale. Text editing moves,
// erases and counts by these so it never splits a character; offsets are bytes into the UTF-8 text. Invalid
// sequences count like the U+FFFD they decode to. Offsets beyond the text are treated as its end.

// Every boundary, ascending, 0 and utf8.size() included ({0} for empty text).
std::vector<std::size_t> GraphemeBoundaries(std::string_view utf8);
// The last boundary before `offset` (0 when there is none).
std::size_t PreviousGraphemeBoundary(std::string_view utf8, std::size_t offset);
// The first boundary after `offset` (utf8.size() when there is none).
std::size_t NextGraphemeBoundary(std::string_view utf8, std::size_t offset);
// `offset` if it is a boundary, otherwise the next boundary after it.
std::size_t GraphemeBoundaryAtOrAfter(std::string_view utf8, std::size_t offset);
std::size_t CountGraphemeClusters(std::string_view utf8);

}  // namespace ck::loc
