#include "participation/text.h"

#include <unicode/bytestream.h>
#include <unicode/idna.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "locales/utf8.h"
#include "wordlists_builtin.h"

namespace ck::part {
namespace {

constexpr UChar32 kZwj = 0x200D;
constexpr UChar32 kBlackFlag = 0x1F3F4;  // base of emoji tag sequences (flags of England, Scotland, Wales)
constexpr UChar32 kCancelTag = 0xE007F;
constexpr int kMaxFlagTags = 6;

std::string Code(const char* field, const char* what) {
    return std::string("ideas.") + field + "." + what;
}

// Decodes strict UTF-8. On failure, *bad_offset is the byte offset of the first bad sequence.
bool DecodeUtf8(std::string_view s, std::vector<UChar32>* out, std::size_t* bad_offset) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        int len = 0;
        UChar32 cp = 0;
        UChar32 min = 0;
        if (b0 < 0x80) {
            len = 1, cp = b0;
        } else if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2, cp = b0 & 0x1F, min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3, cp = b0 & 0x0F, min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4, cp = b0 & 0x07, min = 0x10000;
        } else {
            *bad_offset = i;  // continuation byte without a lead, C0/C1 overlong leads, F5..FF
            return false;
        }
        if (i + static_cast<std::size_t>(len) > s.size()) {
            *bad_offset = i;  // truncated
            return false;
        }
        for (int k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((b & 0xC0) != 0x80) {
                *bad_offset = i;
                return false;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            *bad_offset = i;  // overlong, out of range, or a UTF-16 surrogate
            return false;
        }
        if (out) out->push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return true;
}

bool IsLineBreak(UChar32 c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool IsMark(UChar32 c) {
    return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool IsPictographic(UChar32 c) {
    return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
}

// What may precede a ZWJ that we keep: the end of an emoji (the pictograph itself, its skin tone, VS16).
bool EndsEmoji(UChar32 c) {
    return IsPictographic(c) || u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) || c == 0xFE0F;
}

bool IsTag(UChar32 c) {
    return c >= 0xE0020 && c <= 0xE007F;
}

// Invisible characters that are letters by category but are used to fake blank or spoofed names.
bool IsInvisibleFiller(UChar32 c) {
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x034F /* CGJ */;
}

const icu::Normalizer2* Nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
}

std::string ToUtf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

}  // namespace

TextLimits TitleLimits() {
    TextLimits l;
    l.field = "title";
    l.max_graphemes = 120;
    l.max_bytes = 4 * 1024;  // 120 of the longest standard emoji sequences (about 35 bytes each) still fit
    return l;
}

TextLimits DescriptionLimits() {
    TextLimits l;
    l.field = "description";
    l.max_graphemes = 1000;
    l.max_bytes = 16 * 1024;
    l.allow_newlines = true;
    return l;
}

bool IsValidUtf8(std::string_view text) {
    std::size_t bad = 0;
    return DecodeUtf8(text, nullptr, &bad);
}

Result<std::string> SanitizeText(std::string_view input, const TextLimits& limits) {
    // The cap comes first so an absurd input costs nothing beyond its length check.
    if (input.size() > limits.max_input_bytes) {
        return MakeError("ideas.text.too_large", std::string(limits.field) + ": input of " +
                                                     std::to_string(input.size()) + " bytes exceeds the " +
                                                     std::to_string(limits.max_input_bytes) + "-byte cap");
    }
    std::vector<UChar32> cps;
    cps.reserve(input.size());
    std::size_t bad_offset = 0;
    if (!DecodeUtf8(input, &cps, &bad_offset)) {
        return MakeError(
            "ideas.text.invalid_utf8",
            std::string(limits.field) + ": invalid UTF-8 sequence at byte " + std::to_string(bad_offset));
    }

    // One pass: drop invisible/control characters, fold whitespace, bound combining marks. Removal comes
    // before NFC so that characters brought together by a removal are composed as well.
    icu::UnicodeString kept;
    enum class Last { kNothing, kSpace, kNewline, kText } last = Last::kNothing;
    int newline_run = 0;
    int marks_on_base = 0;
    int joined_emoji = 1;   // emoji in the current ZWJ sequence
    int flag_tags = 0;      // tag characters in the current flag sequence
    UChar32 prev_kept = 0;  // last kept non-space code point

    auto emit_space = [&] {
        if (last == Last::kText) last = Last::kSpace;  // materialised lazily, so trailing spaces vanish
    };
    auto emit_newline = [&] {
        if (last == Last::kNothing) return;  // leading line breaks are trimmed
        newline_run = (last == Last::kNewline) ? newline_run + 1 : 1;
        last = Last::kNewline;
    };
    auto emit_char = [&](UChar32 c) {
        if (last == Last::kSpace) {
            kept.append(static_cast<UChar32>(' '));
        } else if (last == Last::kNewline) {
            for (int k = 0; k < std::min(newline_run, 2); ++k) kept.append(static_cast<UChar32>('\n'));
        }
        newline_run = 0;
        kept.append(c);
        last = Last::kText;
        prev_kept = c;
    };

    for (std::size_t i = 0; i < cps.size(); ++i) {
        const UChar32 c = cps[i];
        if (IsLineBreak(c)) {
            if (c == '\r' && i + 1 < cps.size() && cps[i + 1] == '\n') continue;  // CRLF is one break
            if (limits.allow_newlines) {
                emit_newline();
            } else {
                emit_space();
            }
            continue;
        }
        if (c == '\t' || u_isUWhiteSpace(c)) {
            if (last != Last::kNewline) emit_space();
            continue;
        }
        const int8_t type = u_charType(c);
        // Private-use characters have no meaning on a public kiosk and render as boxes in our fonts.
        if (type == U_CONTROL_CHAR || type == U_PRIVATE_USE_CHAR || U_IS_UNICODE_NONCHAR(c) ||
            IsInvisibleFiller(c)) {
            continue;
        }
        if (c == kZwj) {
            // Kept only inside an emoji ZWJ sequence (family, profession, rainbow flag): elsewhere it is an
            // invisible character that can split or disguise words.
            const bool joins_emoji = last == Last::kText && EndsEmoji(prev_kept) && i + 1 < cps.size() &&
                                     IsPictographic(cps[i + 1]);
            if (joins_emoji && joined_emoji < limits.max_joined_emoji) {
                ++joined_emoji;
                emit_char(c);
            }
            continue;
        }
        if (IsTag(c)) {
            // Tag characters are invisible ASCII look-alikes ("ASCII smuggling"); they only belong in the
            // subdivision flag sequences that start with U+1F3F4.
            const bool in_flag = last == Last::kText &&
                                 (prev_kept == kBlackFlag || (IsTag(prev_kept) && prev_kept != kCancelTag));
            if (prev_kept == kBlackFlag) flag_tags = 0;
            // Subdivision flags need at most 6 tags and the cancel tag; a longer run is one "character" of
            // any length.
            if (in_flag && (c == kCancelTag || flag_tags < kMaxFlagTags)) {
                ++flag_tags;
                emit_char(c);
            }
            continue;
        }
        if (type == U_FORMAT_CHAR) continue;  // bidi controls and marks, ZWSP/ZWNJ, WJ, BOM, soft hyphen, ...
        if (IsMark(c)) {
            // A mark needs a base in the text; after a space or at the start it would stack on nothing.
            if (last != Last::kText) continue;
            if (++marks_on_base > limits.max_combining_marks) continue;
            emit_char(c);
            continue;
        }
        marks_on_base = 0;
        // A new ZWJ sequence starts at anything but what a kept ZWJ just joined on or a skin tone.
        if (prev_kept != kZwj && !u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER)) joined_emoji = 1;
        emit_char(c);
    }

    const icu::Normalizer2* nfc = Nfc();
    if (!nfc) return MakeError("ideas.text.internal", "ICU NFC normaliser unavailable");
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfc->normalize(kept, status);
    if (U_FAILURE(status)) return MakeError("ideas.text.internal", "NFC normalisation failed");

    std::string out = ToUtf8(normalized);
    if (out.empty()) {
        if (limits.required)
            return MakeError(Code(limits.field, "required"), std::string(limits.field) + ": required");
        return out;
    }
    if (out.size() > limits.max_bytes) {
        return MakeError(Code(limits.field, "too_long"), std::string(limits.field) + ": " +
                                                             std::to_string(out.size()) + " bytes, at most " +
                                                             std::to_string(limits.max_bytes) + " allowed");
    }
    const std::size_t graphemes = loc::CountGraphemeClusters(out);
    if (graphemes > limits.max_graphemes) {
        return MakeError(Code(limits.field, "too_long"),
                         std::string(limits.field) + ": " + std::to_string(graphemes) +
                             " characters, at most " + std::to_string(limits.max_graphemes) + " allowed");
    }
    return out;
}

// ---- word list ----

namespace {

// Case-folded, diacritics removed, split into runs of letters and digits. Turkish dotless ı is folded to i
// so that "gerizekali" and "gerizekalı" are the same word.
std::vector<std::string> FoldTokens(std::string_view utf8) {
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    s.foldCase(U_FOLD_CASE_DEFAULT);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_SUCCESS(status) && nfd) {
        icu::UnicodeString decomposed = nfd->normalize(s, status);
        if (U_SUCCESS(status)) s = decomposed;
    }
    std::vector<std::string> tokens;
    icu::UnicodeString token;
    auto flush = [&] {
        if (!token.isEmpty()) tokens.push_back(ToUtf8(token));
        token.remove();
    };
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        if (IsMark(c)) continue;  // diacritics: "göt" == "got", "şerefsiz" == "serefsiz"
        if (c == 0x0131) c = 'i';
        if (u_isalnum(c)) {
            token.append(c);
        } else {
            flush();
        }
    }
    flush();
    return tokens;
}

}  // namespace

Result<WordList> ParseWordList(std::string_view file_text, const std::string& source_name) {
    WordList list;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= file_text.size()) {
        const std::size_t end = std::min(file_text.find('\n', pos), file_text.size());
        std::string_view line = file_text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!IsValidUtf8(line)) {
            return MakeError("ideas.wordlist.invalid",
                             source_name + ":" + std::to_string(line_no) + ": invalid UTF-8");
        }
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#') continue;
        std::vector<std::string> tokens = FoldTokens(line);
        if (!tokens.empty()) list.entries.push_back(std::move(tokens));
    }
    return list;
}

WordList BuiltInWordList() {
    WordList all;
    for (std::size_t i = 0; i < kBuiltInWordListFileCount; ++i) {
        Result<WordList> one = ParseWordList(kBuiltInWordListFiles[i].text, kBuiltInWordListFiles[i].name);
        if (!one) continue;  // a test checks that every built-in list parses
        for (auto& e : one->entries) all.entries.push_back(std::move(e));
    }
    return all;
}

Result<WordList> LoadWordLists(const std::string& dir) {
    if (dir.empty()) return BuiltInWordList();
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return MakeError("ideas.wordlist.missing", "word list folder not found: " + dir);
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    if (ec)
        return MakeError("ideas.wordlist.missing",
                         "cannot read word list folder " + dir + ": " + ec.message());
    std::sort(files.begin(), files.end());
    WordList all;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) return MakeError("ideas.wordlist.invalid", "cannot read " + path.string());
        Result<WordList> one = ParseWordList(text.str(), path.string());
        if (!one) return one.error();
        for (auto& e : one->entries) all.entries.push_back(std::move(e));
    }
    return all;
}

bool ContainsListedWord(const WordList& list, std::string_view text) {
    if (list.entries.empty()) return false;
    const std::vector<std::string> tokens = FoldTokens(text);
    for (const auto& entry : list.entries) {
        if (entry.size() > tokens.size()) continue;
        for (std::size_t start = 0; start + entry.size() <= tokens.size(); ++start) {
            if (std::equal(entry.begin(), entry.end(), tokens.begin() + static_cast<std::ptrdiff_t>(start))) {
                return true;
            }
        }
    }
    return false;
}

// ---- e-mail ----

namespace {

bool IsAtext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

Error InvalidEmail(const std::string& why) {
    return MakeError("ideas.email.invalid", "e-mail address: " + why);
}

}  // namespace

Result<std::string> ValidateEmail(std::string_view input) {
    if (input.size() > 1024) return InvalidEmail("too long");
    const std::size_t first = input.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return InvalidEmail("empty");
    const std::size_t last = input.find_last_not_of(" \t\r\n");
    const std::string_view address = input.substr(first, last - first + 1);
    if (!IsValidUtf8(address)) return InvalidEmail("invalid UTF-8");
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos) {
        return InvalidEmail("needs exactly one @");
    }
    const std::string_view local = address.substr(0, at);
    const std::string_view domain = address.substr(at + 1);
    if (local.empty() || local.size() > 64) return InvalidEmail("local part must have 1 to 64 characters");
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
        return InvalidEmail("misplaced dot in the local part");
    }
    for (char c : local) {
        if (c != '.' && !IsAtext(c))
            return InvalidEmail("local part may only use letters, digits and !#$%&'*+/=?^_`{|}~.-");
    }
    if (domain.empty()) return InvalidEmail("missing domain");

    UErrorCode status = U_ZERO_ERROR;
    const uint32_t options = UIDNA_USE_STD3_RULES | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ |
                             UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE;
    std::unique_ptr<icu::IDNA> idna(icu::IDNA::createUTS46Instance(options, status));
    if (U_FAILURE(status) || !idna) return MakeError("ideas.text.internal", "ICU IDNA unavailable");
    const icu::StringPiece domain_piece(domain.data(), static_cast<int32_t>(domain.size()));
    std::string ascii;
    icu::StringByteSink<std::string> ascii_sink(&ascii);
    icu::IDNAInfo info;
    idna->nameToASCII_UTF8(domain_piece, ascii_sink, info, status);
    if (U_FAILURE(status) || info.hasErrors()) return InvalidEmail("invalid domain");
    if (ascii.size() > 253 || address.size() > kMaxEmailBytes ||
        local.size() + 1 + ascii.size() > kMaxEmailBytes) {
        return InvalidEmail("too long");
    }
    std::size_t labels = 0;
    std::string_view tld;
    for (std::size_t pos = 0; pos <= ascii.size();) {
        const std::size_t dot = std::min(ascii.find('.', pos), ascii.size());
        const std::string_view label = std::string_view(ascii).substr(pos, dot - pos);
        if (label.empty() || label.size() > 63) return InvalidEmail("invalid domain label");
        ++labels;
        tld = label;
        pos = dot + 1;
    }
    if (labels < 2) return InvalidEmail("domain needs a dot");
    if (std::all_of(tld.begin(), tld.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return InvalidEmail("numeric top-level domain");
    }
    std::string unicode;
    icu::StringByteSink<std::string> unicode_sink(&unicode);
    icu::IDNAInfo info2;
    idna->nameToUnicodeUTF8(domain_piece, unicode_sink, info2, status);
    if (U_FAILURE(status) || info2.hasErrors()) return InvalidEmail("invalid domain");
    return std::string(local) + "@" + unicode;
}

}  // namespace ck::part
