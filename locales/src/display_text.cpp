#include "locales/display_text.h"

#include <unicode/brkiter.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "icu_text.h"

namespace ck::loc {
namespace {

constexpr UChar kArabicLetterMark = 0x061C;  // ICU puts it into Arabic numbers; it has no glyph

bool IsRightToLeft(UChar32 c) {
    switch (u_charDirection(c)) {
        case U_RIGHT_TO_LEFT:
        case U_RIGHT_TO_LEFT_ARABIC:
        case U_ARABIC_NUMBER:
        case U_RIGHT_TO_LEFT_EMBEDDING:
        case U_RIGHT_TO_LEFT_OVERRIDE:
        case U_RIGHT_TO_LEFT_ISOLATE:
            return true;
        default:
            return false;
    }
}

struct BidiDeleter {
    void operator()(UBiDi* b) const { ubidi_close(b); }
};

// One line (no '\n') in logical order -> shaped, visual order.
std::u16string ShapeAndReorderLine(std::u16string_view line, Direction ui_direction) {
    bool has_rtl = false;
    for (std::size_t i = 0; i < line.size() && !has_rtl;) {
        UChar32 c = 0;
        U16_NEXT(line.data(), i, line.size(), c);
        has_rtl = IsRightToLeft(c);
    }
    if (!has_rtl || line.empty()) return std::u16string(line);

    // Shape in logical order first: presentation forms keep the Arabic bidi class, so ubidi orders them the
    // same way. Lam-alef ligatures shrink the text, so the output is never longer than the input.
    const auto length = static_cast<int32_t>(line.size());
    std::u16string shaped(line.size(), u'\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t shaped_length = u_shapeArabic(
        line.data(), length, shaped.data(), length,
        U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_GROW_SHRINK, &status);
    if (U_FAILURE(status)) {
        shaped.assign(line);
    } else {
        shaped.resize(static_cast<std::size_t>(shaped_length));
    }

    std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_open());
    status = U_ZERO_ERROR;
    const UBiDiLevel level = ui_direction == Direction::kRtl ? UBiDiLevel{1} : UBiDiLevel{UBIDI_DEFAULT_LTR};
    ubidi_setPara(bidi.get(), shaped.data(), static_cast<int32_t>(shaped.size()), level, nullptr, &status);
    if (U_FAILURE(status)) return shaped;
    std::u16string visual(shaped.size(), u'\0');
    const int32_t visual_length =
        ubidi_writeReordered(bidi.get(), visual.data(), static_cast<int32_t>(visual.size()),
                             UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
    if (U_FAILURE(status)) return shaped;
    visual.resize(static_cast<std::size_t>(visual_length));
    std::erase(visual, kArabicLetterMark);
    return visual;
}

// A line in UTF-16 for ubidi, with the byte offset of every UTF-16 unit (and of the end) in the UTF-8
// original.
struct Utf16Line {
    std::u16string text;
    std::vector<std::size_t> byte_of;
    bool has_rtl = false;
};

Utf16Line ToUtf16Line(std::string_view utf8) {
    Utf16Line out;
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        const auto start = static_cast<std::size_t>(i);
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) c = 0xFFFD;
        out.has_rtl = out.has_rtl || IsRightToLeft(c);
        const auto units = static_cast<std::size_t>(U16_LENGTH(c));
        UChar buf[2];
        int32_t n = 0;
        U16_APPEND_UNSAFE(buf, n, c);
        out.text.append(reinterpret_cast<const char16_t*>(buf), units);
        out.byte_of.insert(out.byte_of.end(), units, start);
    }
    out.byte_of.push_back(utf8.size());
    return out;
}

// The paragraph ForDisplay would lay out (see ShapeAndReorderLine); null when the line needs no reordering.
std::unique_ptr<UBiDi, BidiDeleter> OpenParagraph(const Utf16Line& line, Direction ui_direction) {
    if (!line.has_rtl) return nullptr;
    std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_open());
    UErrorCode status = U_ZERO_ERROR;
    const UBiDiLevel level = ui_direction == Direction::kRtl ? UBiDiLevel{1} : UBiDiLevel{UBIDI_DEFAULT_LTR};
    ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(line.text.data()),
                  static_cast<int32_t>(line.text.size()), level, nullptr, &status);
    if (U_FAILURE(status)) return nullptr;
    return bidi;
}

}  // namespace

bool IsRightToLeftLine(std::string_view line, Direction ui_direction) {
    if (!NeedsDisplayProcessing(line)) return false;
    const auto bidi = OpenParagraph(ToUtf16Line(line), ui_direction);
    return bidi && (ubidi_getParaLevel(bidi.get()) & 1) != 0;
}

float CaretOffsetInDisplay(std::string_view line, std::size_t caret, Direction ui_direction,
                           const std::function<float(std::string_view)>& display_width) {
    caret = std::min(caret, line.size());
    if (!NeedsDisplayProcessing(line)) return display_width(line.substr(0, caret));
    const Utf16Line u = ToUtf16Line(line);
    const auto bidi = OpenParagraph(u, ui_direction);
    if (!bidi) return display_width(line.substr(0, caret));
    UErrorCode status = U_ZERO_ERROR;
    const int32_t runs = ubidi_countRuns(bidi.get(), &status);
    if (U_FAILURE(status)) return display_width(line.substr(0, caret));
    struct Run {
        std::size_t begin, end;  // bytes
        bool rtl;
    };
    std::vector<Run> visual;  // left to right
    for (int32_t r = 0; r < runs; ++r) {
        int32_t start = 0, length = 0;
        const UBiDiDirection d = ubidi_getVisualRun(bidi.get(), r, &start, &length);
        const auto first = static_cast<std::size_t>(start);
        visual.push_back(
            Run{u.byte_of[first], u.byte_of[first + static_cast<std::size_t>(length)], d == UBIDI_RTL});
    }
    // The run the caret is in; at the very end of the line, the run that ends there.
    std::size_t target = visual.size();
    for (std::size_t r = 0; r < visual.size() && target == visual.size(); ++r)
        if (visual[r].begin <= caret && caret < visual[r].end) target = r;
    for (std::size_t r = 0; r < visual.size() && target == visual.size(); ++r)
        if (visual[r].end == caret) target = r;
    if (target == visual.size()) return display_width(line.substr(0, caret));
    float x = 0;
    for (std::size_t r = 0; r < target; ++r)
        x += display_width(line.substr(visual[r].begin, visual[r].end - visual[r].begin));
    const Run& run = visual[target];
    // In a right-to-left run the logically later part of the run is drawn left of the caret.
    return x + (run.rtl ? display_width(line.substr(caret, run.end - caret))
                        : display_width(line.substr(run.begin, caret - run.begin)));
}

bool NeedsDisplayProcessing(std::string_view utf8) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        if (bytes[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || IsRightToLeft(c)) return true;
    }
    return false;
}

std::string ForDisplay(std::string_view utf8, Direction ui_direction) {
    if (!NeedsDisplayProcessing(utf8)) return std::string(utf8);
    const icu::UnicodeString logical = ToIcu(utf8);
    const std::u16string_view text(reinterpret_cast<const char16_t*>(logical.getBuffer()),
                                   static_cast<std::size_t>(logical.length()));
    std::u16string visual;
    visual.reserve(text.size());
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find(u'\n', start);
        visual += ShapeAndReorderLine(
            text.substr(start, end == std::u16string_view::npos ? end : end - start), ui_direction);
        if (end == std::u16string_view::npos) break;
        visual += u'\n';
        start = end + 1;
    }
    return FromIcu(icu::UnicodeString(visual.data(), static_cast<int32_t>(visual.size())));
}

std::string FitForDisplay(std::string_view utf8, Direction ui_direction,
                          const std::function<bool(std::string_view)>& fits) {
    std::string whole = ForDisplay(utf8, ui_direction);
    if (fits(whole)) return whole;

    const icu::UnicodeString logical = ToIcu(utf8);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> clusters(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    std::vector<int32_t> ends;  // UTF-16 offsets after each cluster, ascending
    if (U_SUCCESS(status)) {
        clusters->setText(logical);
        for (int32_t b = clusters->next(); b != icu::BreakIterator::DONE; b = clusters->next())
            ends.push_back(b);
    }
    auto candidate = [&](std::size_t count) {
        icu::UnicodeString cut = logical.tempSubString(0, count == 0 ? 0 : ends[count - 1]);
        int32_t length = cut.length();
        while (length > 0 && u_isWhitespace(cut.charAt(length - 1))) --length;  // no "word …"
        cut.truncate(length);
        cut.append(static_cast<UChar>(0x2026));
        return ForDisplay(FromIcu(cut), ui_direction);
    };
    // Longest prefix that fits; widths grow with the number of clusters, so bisect.
    std::size_t lo = 0, hi = ends.empty() ? 0 : ends.size() - 1;
    std::string best = candidate(0);
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        std::string shown = candidate(mid);
        if (fits(shown)) {
            lo = mid;
            best = std::move(shown);
        } else {
            hi = mid - 1;
        }
    }
    return best;
}

DisplayTextCache::DisplayTextCache(std::size_t capacity) : capacity_(capacity < 2 ? 2 : capacity) {}

void DisplayTextCache::SetDirection(Direction ui_direction) {
    if (ui_direction == direction_) return;
    direction_ = ui_direction;
    Clear();
}

void DisplayTextCache::Clear() {
    index_.clear();
    entries_.clear();
}

std::string_view DisplayTextCache::Get(std::string_view utf8) {
    if (!NeedsDisplayProcessing(utf8)) return utf8;
    if (const auto it = index_.find(utf8); it != index_.end()) {
        ++hits_;
        entries_.splice(entries_.begin(), entries_, it->second);
        return it->second->visual;
    }
    ++misses_;
    if (entries_.size() >= capacity_) {
        index_.erase(entries_.back().logical);
        entries_.pop_back();
    }
    entries_.push_front(Entry{std::string(utf8), ForDisplay(utf8, direction_)});
    index_.emplace(entries_.front().logical, entries_.begin());
    return entries_.front().visual;
}

}  // namespace ck::loc
