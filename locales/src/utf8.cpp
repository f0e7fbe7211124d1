#include "locales/utf8.h"

#include <unicode/brkiter.h>
#include <unicode/localpointer.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>

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

// A character break iterator reading the UTF-8 text in place, so its positions are byte offsets (no UTF-16
// copy and no index mapping). Null when ICU cannot provide one; callers then fall back to code points.
struct GraphemeIterator {
    icu::LocalUTextPointer text;
    std::unique_ptr<icu::BreakIterator> breaks;

    explicit GraphemeIterator(std::string_view utf8) {
        UErrorCode status = U_ZERO_ERROR;
        text.adoptInstead(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
        breaks.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
        if (U_SUCCESS(status) && breaks) breaks->setText(text.getAlias(), status);
        if (U_FAILURE(status)) breaks.reset();
    }
};

std::size_t Clamp(std::string_view utf8, std::size_t offset) {
    return std::min(offset, utf8.size());
}

// Code point boundaries, for the unlikely case that ICU has no break iterator.
std::size_t NextCodePointBoundary(std::string_view utf8, std::size_t offset) {
    auto i = static_cast<int32_t>(offset);
    (void)NextCodePoint(utf8, i);
    return static_cast<std::size_t>(i);
}

}  // namespace

std::vector<std::size_t> GraphemeBoundaries(std::string_view utf8) {
    std::vector<std::size_t> out{0};
    if (utf8.empty()) return out;
    GraphemeIterator it(utf8);
    if (!it.breaks) {
        for (std::size_t i = 0; i < utf8.size();) out.push_back(i = NextCodePointBoundary(utf8, i));
        return out;
    }
    for (int32_t b = it.breaks->next(); b != icu::BreakIterator::DONE; b = it.breaks->next())
        out.push_back(static_cast<std::size_t>(b));
    return out;
}

std::size_t PreviousGraphemeBoundary(std::string_view utf8, std::size_t offset) {
    offset = Clamp(utf8, offset);
    if (offset == 0) return 0;
    GraphemeIterator it(utf8);
    if (!it.breaks) {
        std::size_t prev = 0;
        for (std::size_t i = 0; i < offset; i = NextCodePointBoundary(utf8, i)) prev = i;
        return prev;
    }
    const int32_t b = it.breaks->preceding(static_cast<int32_t>(offset));
    return b == icu::BreakIterator::DONE ? 0 : static_cast<std::size_t>(b);
}

std::size_t NextGraphemeBoundary(std::string_view utf8, std::size_t offset) {
    offset = Clamp(utf8, offset);
    if (offset == utf8.size()) return offset;
    GraphemeIterator it(utf8);
    if (!it.breaks) return NextCodePointBoundary(utf8, offset);
    const int32_t b = it.breaks->following(static_cast<int32_t>(offset));
    return b == icu::BreakIterator::DONE ? utf8.size() : static_cast<std::size_t>(b);
}

std::size_t GraphemeBoundaryAtOrAfter(std::string_view utf8, std::size_t offset) {
    offset = Clamp(utf8, offset);
    if (offset == 0 || offset == utf8.size()) return offset;
    GraphemeIterator it(utf8);
    if (!it.breaks) {
        std::size_t i = 0;
        while (i < offset) i = NextCodePointBoundary(utf8, i);
        return i;
    }
    // isBoundary leaves the iterator on `offset` or, when it is not a boundary, on the next one.
    (void)it.breaks->isBoundary(static_cast<int32_t>(offset));
    return static_cast<std::size_t>(it.breaks->current());
}

std::size_t CountGraphemeClusters(std::string_view utf8) {
    return GraphemeBoundaries(utf8).size() - 1;
}

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
