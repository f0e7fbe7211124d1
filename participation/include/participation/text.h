// Safe text for everything a visitor types: one sanitiser, grapheme-based limits, a review word list and
// e-mail validation. Error codes are stable identifiers ("ideas.<field>.too_long"); the UI maps them to
// message keys.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ck::part {

struct TextLimits {
    const char* field = "text";               // goes into error codes: "ideas.<field>.too_long"
    std::size_t max_graphemes = 120;          // user-perceived characters after sanitising
    bool allow_newlines = false;              // descriptions keep line breaks; everything else gets spaces
    bool required = true;                     // empty after sanitising -> "ideas.<field>.required"
    std::size_t max_input_bytes = 64 * 1024;  // checked before any processing: "ideas.text.too_large"
    int max_combining_marks = 4;              // per base character; the rest of a mark flood is dropped
    // Emoji joined by U+200D into one sequence (the longest standard ones, families, join 4); a ZWJ beyond
    // that is dropped, so a 4,000-emoji chain becomes 4,000 characters instead of one.
    int max_joined_emoji = 4;
    // UTF-8 bytes of the result: the grapheme limit alone lets a few characters carry kilobytes.
    std::size_t max_bytes = 4 * 1024;
};

TextLimits TitleLimits();        // "title", 120 graphemes and 4 KiB, one line
TextLimits DescriptionLimits();  // "description", 1000 graphemes and 16 KiB, line breaks kept

// Rejects invalid UTF-8 ("ideas.text.invalid_utf8") and oversized input; then removes control, bidi,
// zero-width, private-use and other invisible format characters (a ZWJ survives only between two emoji, tag
// characters only inside an emoji tag sequence such as the flag of England), collapses whitespace (in
// descriptions: at most one blank line), normalises to NFC, cuts combining-mark floods and trims. The result
// is valid NFC UTF-8 within the limits, or an Error with a stable code.
Result<std::string> SanitizeText(std::string_view input, const TextLimits& limits);

// Limits count grapheme clusters with loc::CountGraphemeClusters (locales/utf8.h), like the keyboard does.

// Strict UTF-8 check (no overlongs, surrogates, code points above U+10FFFF, truncated sequences).
bool IsValidUtf8(std::string_view text);

// The review word list: whole words or phrases, matched case-folded and without diacritics.
struct WordList {
    std::vector<std::vector<std::string>> entries;  // each entry: folded tokens of one word or phrase
};

// Files are UTF-8, one word or phrase per line, '#' starts a comment line. LoadWordLists reads every
// "*.txt" in dir; an empty dir means the lists built into the binary (participation/wordlists/).
Result<WordList> ParseWordList(std::string_view file_text, const std::string& source_name);
Result<WordList> LoadWordLists(const std::string& dir);
WordList BuiltInWordList();
// True when text contains an entry as whole word(s): "Idiot!" matches "idiot", "Idioten" does not.
bool ContainsListedWord(const WordList& list, std::string_view text);

// The longest address ValidateEmail accepts, in bytes (RFC 5321's path limit); the contact field's limit.
inline constexpr std::size_t kMaxEmailBytes = 254;

// Practical RFC 5322 subset for the optional contact: dot-atom local part (ASCII, <= 64 bytes) '@' a domain
// of at least two labels (IDN allowed as UTF-8, checked with UTS #46; <= 253 bytes in ASCII form).
// Surrounding whitespace is trimmed; the domain is returned lower-cased. Error code "ideas.email.invalid".
Result<std::string> ValidateEmail(std::string_view input);

}  // namespace ck::part
