#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/widgets.h"

#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include <imgui_internal.h>

#include "locales/display_text.h"
#include "locales/utf8.h"

namespace ck::ui {
namespace {

std::string Display(std::string_view text) {
    const UiFrame& f = Frame();
    return f.display_text ? f.display_text(text) : std::string(text);
}

// The rectangle an item laid out at `ltr` is drawn in (mirrored within its window right to left).
ImRect Mirrored(const ImRect& ltr) {
    const float x = ReadingX(ltr.Min.x, ltr.GetWidth());
    return ImRect(ImVec2(x, ltr.Min.y), ImVec2(x + ltr.GetWidth(), ltr.Max.y));
}

void Trace(std::string_view text, ImVec2 min, ImVec2 max, bool tappable) {
    if (text.empty()) return;
    // Only what is visible counts: clipped by the current window's clip rectangle.
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    if (max.x <= clip.Min.x || min.x >= clip.Max.x || max.y <= clip.Min.y || min.y >= clip.Max.y) return;
    Frame().trace.push_back(TraceEntry{std::string(text), ImMax(min, clip.Min), ImMin(max, clip.Max),
                                       tappable, Frame().keep_order});
}

void Problem(std::string_view text, std::string what, ImVec2 min, ImVec2 max) {
    Frame().text_problems.push_back(TextProblem{std::string(text), std::move(what), min, max});
}

// Every character of the display form has a glyph in `font` (Dear ImGui would draw '?' without a word).
void CheckGlyphs(ImFont* font, std::string_view logical, std::string_view shown, ImVec2 min, ImVec2 max) {
    for (const char* p = shown.data(); p < shown.data() + shown.size();) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, shown.data() + shown.size());
        if (n <= 0) break;
        p += n;
        if (c < 0x20) continue;  // line breaks are layout
        if (c <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", c);
        Problem(logical, std::string("no glyph for ") + hex, min, max);
        return;
    }
}

float DisplayWidth(std::string_view logical, ImFont* font) {
    const std::string shown = Display(logical);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str(), shown.c_str() + shown.size()).x;
}

TextWidthFn WidthIn(ImFont* font) {
    return [font](std::string_view logical) { return DisplayWidth(logical, font); };
}

// The end of the longest run of whole grapheme clusters from `begin` that fits (at least one cluster, so a
// too narrow field still makes progress).
std::size_t LongestFit(std::string_view text, std::size_t begin, std::size_t end, float wrap_width,
                       const TextWidthFn& width) {
    const std::vector<std::size_t> b = loc::GraphemeBoundaries(text.substr(begin, end - begin));
    std::size_t lo = 1, hi = b.size() - 1;  // widths grow with the number of clusters: bisect
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (width(text.substr(begin, b[mid])) <= wrap_width) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return begin + b[lo];
}

}  // namespace

float ReadingX(float x, float width) {
    const UiFrame& f = Frame();
    if (!f.rtl) return x;
    if (f.keep_order) return x + f.keep_order_dx;
    // Mirrored about the window's own axis: nested windows (scroll areas) are mirrored themselves, so an item
    // ends up mirrored about the screen's axis wherever it is.
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float left = w->Pos.x + w->WindowPadding.x;
    const float right = w->Pos.x + w->Size.x - w->WindowPadding.x;
    return left + right - x - width;
}

KeepOrder BeginKeepOrder(float x, float width) {
    UiFrame& f = Frame();
    const KeepOrder previous{f.keep_order, f.keep_order_dx};
    const float shown = ReadingX(x, width);
    f.keep_order = f.rtl;
    f.keep_order_dx = shown - x;
    return previous;
}

void EndKeepOrder(const KeepOrder& previous) {
    UiFrame& f = Frame();
    f.keep_order = previous.active;
    f.keep_order_dx = previous.dx;
}

std::vector<TextLine> WrapTextLines(std::string_view text, float wrap_width, const TextWidthFn& width,
                                    bool break_long_words) {
    // Wrapping happens on the logical string (so a right-to-left paragraph keeps its line order); each line
    // is converted for display when it is drawn.
    std::vector<TextLine> lines;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t para_end = std::min(nl, text.size());
        if (wrap_width <= 0) {
            lines.push_back(TextLine{start, para_end});
        } else {
            TextLine line{start, start};
            bool has_words = false;
            for (std::size_t pos = start;;) {
                const std::size_t sp = std::min(text.find(' ', pos), para_end);
                if (has_words && width(text.substr(line.begin, sp - line.begin)) > wrap_width) {
                    lines.push_back(line);  // the space before `pos` is where it breaks
                    line.begin = pos;
                }
                has_words = true;
                line.end = sp;
                while (break_long_words && line.begin == pos && line.end > line.begin &&
                       width(text.substr(line.begin, line.end - line.begin)) > wrap_width) {
                    const std::size_t cut = LongestFit(text, line.begin, line.end, wrap_width, width);
                    if (cut >= line.end) break;
                    lines.push_back(TextLine{line.begin, cut});
                    line.begin = pos = cut;
                }
                if (sp >= para_end) break;
                pos = sp + 1;
            }
            lines.push_back(line);
        }
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

CaretSpot LocateCaret(std::string_view text, const std::vector<TextLine>& lines, std::size_t caret,
                      bool rtl_ui, const TextWidthFn& width) {
    CaretSpot spot;
    if (lines.empty()) return spot;
    // At a cut inside a long word the caret could be at the end of one line or the start of the next: the
    // next line, where typing continues.
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].begin <= caret) spot.line = i;
    const TextLine& l = lines[spot.line];
    const std::size_t in_line = std::min(caret, l.end) - std::min(l.begin, l.end);
    spot.x = loc::CaretOffsetInDisplay(text.substr(l.begin, l.end - l.begin), in_line,
                                       rtl_ui ? loc::Direction::kRtl : loc::Direction::kLtr, width);
    return spot;
}

std::size_t CaretFromPoint(std::string_view text, const std::vector<TextLine>& lines, std::size_t line,
                           float x, bool rtl_ui, const TextWidthFn& width) {
    if (lines.empty()) return 0;
    const TextLine& l = lines[std::min(line, lines.size() - 1)];
    const std::string_view s = text.substr(l.begin, l.end - l.begin);
    const loc::Direction dir = rtl_ui ? loc::Direction::kRtl : loc::Direction::kLtr;
    std::size_t best = l.begin;
    float best_distance = FLT_MAX;
    for (const std::size_t b : loc::GraphemeBoundaries(s)) {
        const float d = std::fabs(loc::CaretOffsetInDisplay(s, b, dir, width) - x);
        if (d < best_distance) {
            best_distance = d;
            best = l.begin + b;
        }
    }
    return best;
}

namespace {

// A tappable rectangle of `size` at the cursor, laid out and registered with ImGui. Shared by every
// button-like widget: ImGui's press behaviour plus "a drag is not a tap".
struct Press {
    ImRect bb;
    bool pressed = false;
    bool held = false;
};

// In explore mode (ui/explore.h) the press goes through the gate: a first tap names the element instead.
Press Pressable(const char* id_str, ImVec2 size, const Accessible& accessible) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    Press p;
    p.bb = ImRect(window->DC.CursorPos, window->DC.CursorPos + size);
    ImGui::ItemSize(p.bb);
    p.bb = Mirrored(p.bb);
    const ImGuiID id = window->GetID(id_str);
    if (!ImGui::ItemAdd(p.bb, id)) return p;
    bool hovered = false;
    const bool pressed =
        ImGui::ButtonBehavior(p.bb, id, &hovered, &p.held, ImGuiButtonFlags_PressedOnClickRelease);
    const bool dragging = Frame().gesture.dragging;
    p.held = p.held && !dragging;
    p.pressed = ExploreGate(id, p.bb.Min, p.bb.Max, pressed && !dragging, accessible);
    return p;
}

ImVec2 ButtonSize(std::string_view label, ImVec2 size, ImFont* font, bool has_icon) {
    if (size.x <= 0) {
        const std::string shown = Display(label);
        size.x =
            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str(), shown.c_str() + shown.size()).x +
            LayoutScale(96) + (has_icon ? LayoutScale(64) : 0);
    }
    if (size.y <= 0) size.y = LayoutScale(units::kButtonHeight);
    return size;
}

bool FilledButton(const char* id_str, std::string_view label, ImVec2 size, Icon icon, ImU32 fill,
                  ImU32 fill_held, ImU32 fg, ImU32 border) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    UiFrame& f = Frame();
    size = ButtonSize(label, size, f.fonts.large, icon != Icon::kNone);
    const auto [bb, pressed, held] = Pressable(id_str, size, {label});
    ImDrawList* dl = window->DrawList;
    const float r = LayoutScale(units::kRounding);
    dl->AddRectFilled(bb.Min, bb.Max, held ? fill_held : fill, r);
    if (border) dl->AddRect(bb.Min, bb.Max, border, r, 0, LayoutScale(3));
    if (f.theme.high_contrast) dl->AddRect(bb.Min, bb.Max, f.theme.border, r, 0, LayoutScale(3));
    ImVec2 text_min = bb.Min, text_max = bb.Max;
    if (icon != Icon::kNone) {
        const float s = LayoutScale(44);
        const std::string shown = Display(label);
        const float tw = f.fonts.large->CalcTextSizeA(f.fonts.large->FontSize, FLT_MAX, 0, shown.c_str()).x;
        const float total = s + LayoutScale(16) + tw;
        const float x0 = bb.Min.x + std::max(LayoutScale(16), (size.x - total) * 0.5f);
        text_min.x = x0 + s + LayoutScale(16);
        text_max.x = std::min(bb.Max.x - LayoutScale(8), text_min.x + tw + LayoutScale(4));
        float icon_x = x0 + s * 0.5f;
        if (f.rtl) {  // the icon leads in reading order: on the right
            icon_x = bb.Min.x + bb.Max.x - icon_x;
            const float mirrored_min = bb.Min.x + bb.Max.x - text_max.x;
            text_max.x = bb.Min.x + bb.Max.x - text_min.x;
            text_min.x = mirrored_min;
        }
        DrawIcon(dl, icon, ImVec2(icon_x, bb.GetCenter().y), s, fg);
    }
    LabelCentered(dl, text_min, text_max, label, f.fonts.large, fg);
    Trace(label, bb.Min, bb.Max, true);
    return pressed;
}

}  // namespace

UiFrame& Frame() {
    return *static_cast<UiFrame*>(ImGui::GetIO().UserData);
}
void BindFrame(UiFrame* frame) {
    ImGui::GetIO().UserData = frame;
}

void BeginGestureFrame() {
    const ImGuiIO& io = ImGui::GetIO();
    Gesture& g = Frame().gesture;
    if (io.MouseClicked[0]) {
        g.pressed = true;
        g.dragging = false;
        g.press_pos = io.MousePos;
        g.drag_owner = 0;
        g.fling_owner = 0;  // a new touch stops any fling
        g.velocity = 0;
    } else if (!io.MouseDown[0]) {
        g.pressed = false;
    }
}

ImVec2 MeasureText(std::string_view text, ImFont* font, float wrap_width, bool break_long_words) {
    const auto lines = WrapTextLines(text, wrap_width, WidthIn(font), break_long_words);
    float w = 0;
    for (const auto& l : lines) w = std::max(w, DisplayWidth(text.substr(l.begin, l.end - l.begin), font));
    return ImVec2(w, static_cast<float>(lines.size()) * font->FontSize * 1.25f);
}

void LabelAt(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 colour, float wrap_width,
             bool break_long_words) {
    const bool rtl = Frame().rtl;
    float y = pos.y;
    for (const auto& l : WrapTextLines(text, wrap_width, WidthIn(font), break_long_words)) {
        const std::string shown = Display(text.substr(l.begin, l.end - l.begin));
        const float w =
            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str(), shown.c_str() + shown.size()).x;
        float x = pos.x;
        if (rtl && wrap_width > 0) x = pos.x + wrap_width - w;
        const ImVec2 line_max(pos.x + std::max(w, wrap_width), y + font->FontSize);
        CheckGlyphs(font, text, shown, ImVec2(pos.x, y), line_max);
        // A word longer than the line (without break_long_words) runs out of the widget.
        if (wrap_width > 0 && w > wrap_width + 0.5f)
            Problem(text, "a word is wider than the line", pos, line_max);
        dl->AddText(font, font->FontSize, ImVec2(x, y), colour, shown.c_str(), shown.c_str() + shown.size());
        y += font->FontSize * 1.25f;
    }
}

float Label(std::string_view text, ImFont* font, ImU32 colour, float wrap_width, bool break_long_words) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 pos = window->DC.CursorPos;
    const ImVec2 size = MeasureText(text, font, wrap_width, break_long_words);
    if (font == Frame().fonts.title) Frame().heading.assign(text);  // what speech announces as the heading
    ImRect bb(pos, pos + ImVec2(wrap_width > 0 ? wrap_width : size.x, size.y));
    ImGui::ItemSize(bb);
    bb = Mirrored(bb);
    if (!ImGui::ItemAdd(bb, 0)) return size.y;
    LabelAt(window->DrawList, bb.Min, text, font, colour, wrap_width, break_long_words);
    Trace(text, bb.Min, bb.Max, false);
    return size.y;
}

void LabelCentered(ImDrawList* dl, ImVec2 min, ImVec2 max, std::string_view text, ImFont* font,
                   ImU32 colour) {
    std::string shown = Display(text);
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str(), shown.c_str() + shown.size());
    const float avail = max.x - min.x;
    if (ts.x > avail && avail > 0) {
        // Too wide for one line: wrapped within the rectangle, in a smaller size of the UI's fonts when the
        // lines do not fit its height. A label is never cut while any of these fits.
        const UiFrame& f = Frame();
        for (ImFont* candidate : {font, f.fonts.body, f.fonts.small}) {
            if (!candidate || candidate->FontSize > font->FontSize) continue;
            const std::vector<TextLine> lines = WrapTextLines(text, avail, WidthIn(candidate));
            const float line_h = candidate->FontSize * 1.15f;
            const float h = candidate->FontSize + line_h * static_cast<float>(lines.size() - 1);
            bool fits = h <= max.y - min.y + 0.5f;
            for (const TextLine& l : lines)
                fits = fits && DisplayWidth(text.substr(l.begin, l.end - l.begin), candidate) <= avail + 0.5f;
            if (!fits) continue;
            float y = min.y + (max.y - min.y - h) * 0.5f;
            for (const TextLine& l : lines) {
                const std::string line = Display(text.substr(l.begin, l.end - l.begin));
                const float w = candidate
                                    ->CalcTextSizeA(candidate->FontSize, FLT_MAX, 0, line.c_str(),
                                                    line.c_str() + line.size())
                                    .x;
                CheckGlyphs(candidate, text, line, min, max);
                dl->AddText(candidate, candidate->FontSize, ImVec2(min.x + (avail - w) * 0.5f, y), colour,
                            line.c_str(), line.c_str() + line.size());
                y += line_h;
            }
            return;
        }
        // Nothing fits: cut the logical text (so right-to-left labels keep their beginning) and report it.
        Problem(text, "cut: too long for its widget even wrapped and smaller", min, max);
        auto fits = [&](std::string_view display_form) {
            return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, display_form.data(),
                                       display_form.data() + display_form.size())
                       .x <= avail;
        };
        shown = loc::FitForDisplay(text, f.rtl ? loc::Direction::kRtl : loc::Direction::kLtr, fits);
        ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str(), shown.c_str() + shown.size());
    }
    CheckGlyphs(font, text, shown, min, max);
    const ImVec2 p(min.x + std::max(0.0f, (avail - ts.x) * 0.5f), min.y + (max.y - min.y - ts.y) * 0.5f);
    dl->AddText(font, font->FontSize, p, colour, shown.c_str(), shown.c_str() + shown.size());
}

bool PrimaryButton(const char* id, std::string_view label, ImVec2 size, Icon icon) {
    const Theme& t = Frame().theme;
    return FilledButton(id, label, size, icon, t.primary, (t.primary & 0x00FFFFFF) | 0xCC000000, t.on_primary,
                        0);
}

bool SecondaryButton(const char* id, std::string_view label, ImVec2 size, Icon icon) {
    const Theme& t = Frame().theme;
    return FilledButton(id, label, size, icon, t.surface, t.surface_pressed, t.text, t.border);
}

float ChipButtonWidth(std::string_view label) {
    return ButtonSize(label, ImVec2(0, LayoutScale(units::kSmallButtonHeight)), Frame().fonts.large, false).x;
}

bool ChipRowButton(ChipRow& row, const char* id, std::string_view label, bool selected) {
    const float gap = LayoutScale(units::kChipGap);
    const float w = ChipButtonWidth(label);
    if (row.x > 0 && row.x + w <= row.width) {
        ImGui::SameLine(0, gap);
    } else {
        row.x = 0;
    }
    row.x += w + gap;
    return ChipButton(id, label, selected);
}

bool ChipButton(const char* id, std::string_view label, bool selected) {
    const Theme& t = Frame().theme;
    const ImVec2 size(ChipButtonWidth(label), LayoutScale(units::kSmallButtonHeight));
    return FilledButton(id, label, size, selected ? Icon::kCheck : Icon::kNone,
                        selected ? t.primary : t.surface, selected ? t.primary : t.surface_pressed,
                        selected ? t.on_primary : t.text, t.border);
}

bool TileButton(const char* id_str, std::string_view title, std::string_view subtitle, Icon icon,
                ImVec2 size) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const UiFrame& f = Frame();
    const Theme& t = f.theme;
    const auto [bb, pressed, held] = Pressable(id_str, size, {title});
    ImDrawList* dl = window->DrawList;
    const float r = LayoutScale(units::kRounding);
    dl->AddRectFilled(bb.Min + LayoutScale(0, 6), bb.Max + LayoutScale(0, 6), IM_COL32(0, 0, 0, 28), r);
    dl->AddRectFilled(bb.Min, bb.Max, held ? t.surface_pressed : t.surface, r);
    dl->AddRectFilled(bb.Min, ImVec2(bb.Max.x, bb.Min.y + LayoutScale(12)), t.primary, r,
                      ImDrawFlags_RoundCornersTop);
    if (t.high_contrast) dl->AddRect(bb.Min, bb.Max, t.border, r, 0, LayoutScale(3));
    const float icon_size = std::min(size.y * 0.36f, LayoutScale(110));
    DrawIcon(dl, icon, ImVec2(bb.GetCenter().x, bb.Min.y + LayoutScale(40) + icon_size * 0.5f), icon_size,
             t.primary);
    const float ty = bb.Min.y + LayoutScale(64) + icon_size;
    LabelCentered(dl, ImVec2(bb.Min.x + LayoutScale(16), ty),
                  ImVec2(bb.Max.x - LayoutScale(16), ty + f.fonts.title->FontSize * 0.8f), title,
                  f.fonts.large, t.text);
    if (!subtitle.empty()) {
        const float sy = ty + f.fonts.large->FontSize * 1.15f;
        // Up to two lines where the tile has the room (a long subtitle wraps rather than being cut).
        const float sub_h = std::max(f.fonts.body->FontSize,
                                     std::min(bb.Max.y - LayoutScale(8) - sy, f.fonts.body->FontSize * 2.2f));
        LabelCentered(dl, ImVec2(bb.Min.x + LayoutScale(16), sy),
                      ImVec2(bb.Max.x - LayoutScale(16), sy + sub_h), subtitle, f.fonts.body, t.text_muted);
    }
    Trace(title, bb.Min, bb.Max, true);
    return pressed;
}

bool ListRow(const char* id_str, std::string_view title, std::string_view subtitle,
             std::string_view right_text, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const UiFrame& f = Frame();
    const Theme& t = f.theme;
    const float pad = LayoutScale(28);
    // The figure on the side takes at most a third of the row (it wraps within it); the title keeps the rest.
    const float right_w =
        right_text.empty() ? 0 : std::min(MeasureText(right_text, f.fonts.large).x + pad, width / 3);
    const float text_w = width - 2 * pad - right_w;
    const ImVec2 title_size = MeasureText(title, f.fonts.large, text_w);
    const ImVec2 sub_size = subtitle.empty() ? ImVec2(0, 0) : MeasureText(subtitle, f.fonts.body, text_w);
    const float h = std::max(LayoutScale(units::kListRowHeight), title_size.y + sub_size.y + 2 * pad);
    const auto [bb, pressed, held] = Pressable(id_str, ImVec2(width, h), {title});
    ImDrawList* dl = window->DrawList;
    dl->AddRectFilled(bb.Min, bb.Max, held ? t.surface_pressed : t.surface, LayoutScale(units::kRounding));
    if (t.high_contrast)
        dl->AddRect(bb.Min, bb.Max, t.border, LayoutScale(units::kRounding), 0, LayoutScale(2));
    const bool rtl = f.rtl;
    const float text_x = rtl ? bb.Min.x + pad + right_w : bb.Min.x + pad;
    LabelAt(dl, ImVec2(text_x, bb.Min.y + pad), title, f.fonts.large, t.text, text_w);
    if (!subtitle.empty()) {
        LabelAt(dl, ImVec2(text_x, bb.Min.y + pad + title_size.y), subtitle, f.fonts.body, t.text_muted,
                text_w);
    }
    if (!right_text.empty()) {
        const float rx = rtl ? bb.Min.x + pad : bb.Max.x - right_w;
        LabelCentered(dl, ImVec2(rx, bb.Min.y), ImVec2(rx + right_w - pad, bb.Max.y), right_text,
                      f.fonts.large, t.primary);
    }
    Trace(title, bb.Min, bb.Max, true);
    if (!subtitle.empty()) Trace(subtitle, bb.Min, bb.Max, true);
    return pressed;
}

bool CheckBox(const char* id_str, std::string_view label, bool* value, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const UiFrame& f = Frame();
    const Theme& t = f.theme;
    const float box = LayoutScale(72);
    const float pad = LayoutScale(24);
    // pad | box | pad | text, mirrored right to left (the text may run to the far edge: narrow panels need it).
    const float text_w = width - box - 2 * pad;
    const ImVec2 text_size = MeasureText(label, f.fonts.body, text_w);
    const float h = std::max(LayoutScale(units::kButtonHeight), text_size.y + 2 * pad);
    const auto [bb, pressed, held] = Pressable(id_str, ImVec2(width, h), {label, Role::kCheckBox, *value});
    if (pressed) *value = !*value;
    ImDrawList* dl = window->DrawList;
    dl->AddRectFilled(bb.Min, bb.Max, held ? t.surface_pressed : t.surface, LayoutScale(units::kRounding));
    // The box leads in reading order: on the right in a right-to-left UI.
    const ImVec2 bmin(f.rtl ? bb.Max.x - pad - box : bb.Min.x + pad, bb.GetCenter().y - box * 0.5f);
    dl->AddRectFilled(bmin, bmin + ImVec2(box, box), *value ? t.primary : t.surface, LayoutScale(10));
    dl->AddRect(bmin, bmin + ImVec2(box, box), *value ? t.primary : t.text_muted, LayoutScale(10), 0,
                LayoutScale(4));
    if (*value) DrawIcon(dl, Icon::kCheck, bmin + ImVec2(box, box) * 0.5f, box * 0.7f, t.on_primary);
    LabelAt(dl, ImVec2(f.rtl ? bb.Min.x : bmin.x + box + pad, bb.GetCenter().y - text_size.y * 0.5f),
            label, f.fonts.body, t.text, text_w);
    Trace(label, bb.Min, bb.Max, true);
    return pressed;
}

void DrawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col) {
    const float h = s * 0.5f;
    const float th = std::max(2.0f, s * 0.08f);
    switch (icon) {
        case Icon::kNone:
            break;
        case Icon::kServices:  // a document with lines
            dl->AddRect(ImVec2(c.x - h * 0.7f, c.y - h), ImVec2(c.x + h * 0.7f, c.y + h), col, s * 0.06f, 0,
                        th);
            for (int i = 0; i < 3; ++i) {
                const float y = c.y - h * 0.45f + i * h * 0.45f;
                dl->AddLine(ImVec2(c.x - h * 0.4f, y), ImVec2(c.x + h * 0.4f, y), col, th);
            }
            break;
        case Icon::kIdeas:  // a light bulb
            dl->AddCircle(ImVec2(c.x, c.y - h * 0.25f), h * 0.6f, col, 32, th);
            dl->AddRectFilled(ImVec2(c.x - h * 0.28f, c.y + h * 0.45f),
                              ImVec2(c.x + h * 0.28f, c.y + h * 0.62f), col);
            dl->AddRectFilled(ImVec2(c.x - h * 0.2f, c.y + h * 0.72f),
                              ImVec2(c.x + h * 0.2f, c.y + h * 0.86f), col);
            break;
        case Icon::kLive:  // bar chart
            for (int i = 0; i < 4; ++i) {
                const float x = c.x - h * 0.8f + i * h * 0.45f;
                const float top = c.y + h * 0.8f - h * (0.5f + 0.35f * static_cast<float>((i * 7) % 4));
                dl->AddRectFilled(ImVec2(x, top), ImVec2(x + h * 0.3f, c.y + h * 0.8f), col, s * 0.03f);
            }
            break;
        case Icon::kLanguage:  // globe
            dl->AddCircle(c, h * 0.85f, col, 40, th);
            dl->AddLine(ImVec2(c.x - h * 0.85f, c.y), ImVec2(c.x + h * 0.85f, c.y), col, th);
            dl->AddBezierCubic(ImVec2(c.x, c.y - h * 0.85f), ImVec2(c.x - h * 0.6f, c.y - h * 0.3f),
                               ImVec2(c.x - h * 0.6f, c.y + h * 0.3f), ImVec2(c.x, c.y + h * 0.85f), col, th);
            dl->AddBezierCubic(ImVec2(c.x, c.y - h * 0.85f), ImVec2(c.x + h * 0.6f, c.y - h * 0.3f),
                               ImVec2(c.x + h * 0.6f, c.y + h * 0.3f), ImVec2(c.x, c.y + h * 0.85f), col, th);
            break;
        case Icon::kAccessibility:  // person in a circle
            dl->AddCircle(c, h * 0.9f, col, 40, th);
            dl->AddCircleFilled(ImVec2(c.x, c.y - h * 0.45f), h * 0.14f, col);
            dl->AddLine(ImVec2(c.x - h * 0.5f, c.y - h * 0.2f), ImVec2(c.x + h * 0.5f, c.y - h * 0.2f), col,
                        th);
            dl->AddLine(ImVec2(c.x, c.y - h * 0.2f), ImVec2(c.x, c.y + h * 0.15f), col, th);
            dl->AddLine(ImVec2(c.x, c.y + h * 0.15f), ImVec2(c.x - h * 0.3f, c.y + h * 0.6f), col, th);
            dl->AddLine(ImVec2(c.x, c.y + h * 0.15f), ImVec2(c.x + h * 0.3f, c.y + h * 0.6f), col, th);
            break;
        case Icon::kPrivacy:  // shield
            dl->PathLineTo(ImVec2(c.x, c.y - h * 0.9f));
            dl->PathLineTo(ImVec2(c.x + h * 0.75f, c.y - h * 0.6f));
            dl->PathBezierCubicCurveTo(ImVec2(c.x + h * 0.75f, c.y + h * 0.2f),
                                       ImVec2(c.x + h * 0.3f, c.y + h * 0.7f), ImVec2(c.x, c.y + h * 0.9f));
            dl->PathBezierCubicCurveTo(ImVec2(c.x - h * 0.3f, c.y + h * 0.7f),
                                       ImVec2(c.x - h * 0.75f, c.y + h * 0.2f),
                                       ImVec2(c.x - h * 0.75f, c.y - h * 0.6f));
            dl->PathStroke(col, ImDrawFlags_Closed, th);
            break;
        case Icon::kBack: {
            const float d = Frame().rtl ? -1.0f : 1.0f;  // points against the reading direction
            dl->AddLine(ImVec2(c.x - d * h * 0.6f, c.y), ImVec2(c.x + d * h * 0.6f, c.y), col, th * 1.5f);
            dl->AddLine(ImVec2(c.x - d * h * 0.6f, c.y), ImVec2(c.x - d * h * 0.1f, c.y - h * 0.5f), col,
                        th * 1.5f);
            dl->AddLine(ImVec2(c.x - d * h * 0.6f, c.y), ImVec2(c.x - d * h * 0.1f, c.y + h * 0.5f), col,
                        th * 1.5f);
            break;
        }
        case Icon::kHome:
            dl->AddTriangle(ImVec2(c.x, c.y - h * 0.8f), ImVec2(c.x - h * 0.8f, c.y),
                            ImVec2(c.x + h * 0.8f, c.y), col, th * 1.5f);
            dl->AddRect(ImVec2(c.x - h * 0.55f, c.y), ImVec2(c.x + h * 0.55f, c.y + h * 0.75f), col, 0, 0,
                        th * 1.5f);
            break;
        case Icon::kPlus:
            dl->AddLine(ImVec2(c.x - h * 0.6f, c.y), ImVec2(c.x + h * 0.6f, c.y), col, th * 1.8f);
            dl->AddLine(ImVec2(c.x, c.y - h * 0.6f), ImVec2(c.x, c.y + h * 0.6f), col, th * 1.8f);
            break;
        case Icon::kHeart:
            dl->AddCircleFilled(ImVec2(c.x - h * 0.3f, c.y - h * 0.2f), h * 0.35f, col);
            dl->AddCircleFilled(ImVec2(c.x + h * 0.3f, c.y - h * 0.2f), h * 0.35f, col);
            dl->AddTriangleFilled(ImVec2(c.x - h * 0.64f, c.y - h * 0.1f),
                                  ImVec2(c.x + h * 0.64f, c.y - h * 0.1f), ImVec2(c.x, c.y + h * 0.7f), col);
            break;
        case Icon::kCheck:
            dl->AddLine(ImVec2(c.x - h * 0.6f, c.y), ImVec2(c.x - h * 0.15f, c.y + h * 0.45f), col,
                        th * 1.8f);
            dl->AddLine(ImVec2(c.x - h * 0.15f, c.y + h * 0.45f), ImVec2(c.x + h * 0.65f, c.y - h * 0.5f),
                        col, th * 1.8f);
            break;
        case Icon::kAdmin:  // a gear-like circle
            dl->AddCircle(c, h * 0.45f, col, 24, th * 1.5f);
            for (int i = 0; i < 8; ++i) {
                const float a = static_cast<float>(i) * 3.14159265f / 4.0f;
                dl->AddLine(ImVec2(c.x + std::cos(a) * h * 0.55f, c.y + std::sin(a) * h * 0.55f),
                            ImVec2(c.x + std::cos(a) * h * 0.85f, c.y + std::sin(a) * h * 0.85f), col,
                            th * 2);
            }
            break;
        case Icon::kSpeech: {                            // a loudspeaker with two sound waves
            const float d = Frame().rtl ? -1.0f : 1.0f;  // sounds go in the reading direction
            const ImVec2 body[] = {
                ImVec2(c.x - d * h * 0.8f, c.y - h * 0.25f),  ImVec2(c.x - d * h * 0.45f, c.y - h * 0.25f),
                ImVec2(c.x - d * h * 0.05f, c.y - h * 0.65f), ImVec2(c.x - d * h * 0.05f, c.y + h * 0.65f),
                ImVec2(c.x - d * h * 0.45f, c.y + h * 0.25f), ImVec2(c.x - d * h * 0.8f, c.y + h * 0.25f)};
            ImVec2 ordered[6];  // clockwise in both directions, or the anti-aliased edge is drawn inside out
            for (int i = 0; i < 6; ++i) ordered[i] = body[d > 0 ? i : 5 - i];
            dl->AddConvexPolyFilled(ordered, 6, col);
            for (int i = 1; i <= 2; ++i) {
                const float r = h * (0.25f + 0.3f * static_cast<float>(i));
                const float a0 = d > 0 ? -0.9f : 3.14159265f - 0.9f;
                dl->PathArcTo(ImVec2(c.x - d * h * 0.05f, c.y), r, a0, a0 + 1.8f, 16);
                dl->PathStroke(col, 0, th);
            }
            break;
        }
    }
}

void BeginScrollArea(const char* id, ImVec2 size, bool only_when_needed) {
    const ImVec2 laid_out = ImGui::GetCursorScreenPos();
    if (Frame().rtl) {
        // The area is an item of its parent: it goes to its mirrored place, and its rows are mirrored
        // within it.
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const float w = size.x > 0 ? size.x : std::max(avail.x + size.x, 4.0f);
        ImGui::SetNextWindowPos(ImVec2(ReadingX(laid_out.x, w), laid_out.y));
    }
    // No ImGui scroll bar: it would stand on the right in both directions and clip mirrored rows.
    // EndScrollArea draws a thin indicator on the trailing side instead.
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    // BeginChild moved the parent's cursor to where the child stands; the parent's flow goes on from the
    // left-to-right place (as every mirrored item's does).
    if (w->ParentWindow) w->ParentWindow->DC.CursorPos = laid_out;
    UiFrame& f = Frame();
    Gesture& g = f.gesture;
    const ImGuiIO& io = ImGui::GetIO();
    const ImRect r = w->Rect();
    // A nested area under the finger takes a drag its parent began in this same frame: the innermost area
    // that can scroll is the one the finger means.
    const bool may_take = !g.dragging || (g.drag_frame == ImGui::GetFrameCount() && g.drag_owner != w->ID &&
                                          w->ScrollMax.y > 0);
    if (g.pressed && may_take && r.Contains(g.press_pos) && (!only_when_needed || w->ScrollMax.y > 0) &&
        std::fabs(io.MousePos.y - g.press_pos.y) > LayoutScale(units::kDragThreshold)) {
        g.dragging = true;  // from now on this press scrolls; the button under the finger must not fire
        g.drag_owner = w->ID;
        g.drag_frame = ImGui::GetFrameCount();
        ImGui::ClearActiveID();
    }
    const float dt = std::max(1e-3f, f.delta_s);
    if (g.dragging && g.drag_owner == w->ID && g.pressed) {
        ImGui::SetScrollY(w, std::clamp(w->Scroll.y - io.MouseDelta.y, 0.0f, w->ScrollMax.y));
        g.velocity = 0.7f * g.velocity + 0.3f * (-io.MouseDelta.y / dt);
    } else if (g.dragging && g.drag_owner == w->ID && !g.pressed && g.fling_owner == 0 && !f.reduced_motion &&
               std::fabs(g.velocity) > 50) {
        g.fling_owner = w->ID;  // release: continue with the finger's speed and let it decay
    }
    if (g.fling_owner == w->ID) {
        const float next = std::clamp(w->Scroll.y + g.velocity * dt, 0.0f, w->ScrollMax.y);
        ImGui::SetScrollY(w, next);
        g.velocity *= std::exp(-dt / 0.325f);  // iOS-like deceleration time constant
        if (std::fabs(g.velocity) < 30 || next <= 0 || next >= w->ScrollMax.y) {
            g.fling_owner = 0;
            g.velocity = 0;
        } else {
            f.wants_animation = true;
        }
    }
}

void EndScrollArea() {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (w->ScrollMax.y > 0) {
        // Where the list stands and how much more there is, in the strip the rows leave free for the finger.
        const UiFrame& f = Frame();
        const float bar = ImGui::GetStyle().ScrollbarSize;
        const float track = w->Size.y;
        const float grab =
            std::max(track * track / (track + w->ScrollMax.y), LayoutScale(units::kMinTouchTarget));
        const float y = w->Pos.y + (track - grab) * (w->Scroll.y / w->ScrollMax.y);
        const float x = f.rtl ? w->Pos.x : w->Pos.x + w->Size.x - bar;
        w->DrawList->AddRectFilled(ImVec2(x, y), ImVec2(x + bar, y + grab), f.theme.border,
                                   ImGui::GetStyle().ScrollbarRounding);
    }
    ImGui::EndChild();
}

void BeginDialog(const char* id, ImVec2 card_size) {
    const UiFrame& f = Frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::GetForegroundDrawList();  // keeps ordering obvious: dialogs are top-level windows
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(f.theme.overlay));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    // The card grows to what its content took last frame (large text, a long translation), up to the screen.
    const float pad = LayoutScale(48);
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const float content_h = storage->GetFloat(ImGui::GetID("##content_h"), 0);
    card_size.y =
        std::min(std::max(card_size.y, content_h + 2 * pad), vp->Size.y - LayoutScale(units::kGapBlock));
    storage->SetFloat(ImGui::GetID("##card_h"), card_size.y);
    const ImVec2 origin = vp->Pos + (vp->Size - card_size) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(origin, origin + card_size, f.theme.surface,
                                              LayoutScale(units::kRounding));
    if (f.theme.high_contrast) {
        ImGui::GetWindowDrawList()->AddRect(origin, origin + card_size, f.theme.border,
                                            LayoutScale(units::kRounding), 0, LayoutScale(3));
    }
    ImGui::SetCursorScreenPos(origin + ImVec2(pad, pad));
    ImGui::BeginGroup();
}

void EndDialog() {
    ImGui::EndGroup();
    const float pad = LayoutScale(48);
    const float content_h = ImGui::GetItemRectSize().y;
    ImGuiStorage* storage = ImGui::GetStateStorage();
    storage->SetFloat(ImGui::GetID("##content_h"), content_h);
    const float card_h = storage->GetFloat(ImGui::GetID("##card_h"), 0);
    if (content_h + 2 * pad > card_h + 1.5f && ImGui::GetFrameCount() > 1) {  // ImGui rounds positions
        Problem(ImGui::GetCurrentWindow()->Name, "the dialog's content runs past its card",
                ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    ImGui::End();
}

bool QrCode(const std::string& text, float size_px) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M),
                                                       &QRcode_free);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImRect bb(window->DC.CursorPos, window->DC.CursorPos + ImVec2(size_px, size_px));
    ImGui::ItemSize(bb);
    bb = Mirrored(bb);
    const ImVec2 pos = bb.Min;
    if (!ImGui::ItemAdd(bb, 0)) return qr != nullptr;
    ImDrawList* dl = window->DrawList;
    dl->AddRectFilled(bb.Min, bb.Max, IM_COL32_WHITE);  // always dark on white: phones need the contrast
    if (!qr) return false;
    const int n = qr->width;
    const float quiet = 4;  // modules of quiet zone, as the standard asks
    const float m = size_px / (static_cast<float>(n) + 2 * quiet);
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            if (qr->data[y * n + x] & 1) {
                const ImVec2 a = pos + ImVec2((x + quiet) * m, (y + quiet) * m);
                dl->AddRectFilled(ImFloor(a), ImFloor(a + ImVec2(m, m)) + ImVec2(0.5f, 0.5f), IM_COL32_BLACK);
            }
        }
    }
    return true;
}

bool TextField(const char* id_str, const std::string& text, std::string_view placeholder, bool focused,
               ImVec2 size, bool multiline, std::size_t* caret, bool personal) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const UiFrame& f = Frame();
    const Theme& t = f.theme;
    const Accessible accessible =
        personal ? Accessible{placeholder, Role::kTextField, false, !text.empty()}
                 : Accessible{text.empty() ? placeholder : std::string_view(text), Role::kTextField};
    const auto [bb, pressed, held] = Pressable(id_str, size, accessible);
    ImDrawList* dl = window->DrawList;
    dl->AddRectFilled(bb.Min, bb.Max, t.surface, LayoutScale(12));
    dl->AddRect(bb.Min, bb.Max, focused ? t.primary : t.border, LayoutScale(12), 0,
                LayoutScale(focused ? 5 : 3));
    const float pad = LayoutScale(24);
    const float inner_w = size.x - 2 * pad;
    ImFont* font = f.fonts.large;
    const float line_h = font->FontSize * 1.25f;
    const ImVec2 origin = bb.Min + ImVec2(pad, pad * 0.8f);
    const TextWidthFn width = WidthIn(font);
    dl->PushClipRect(bb.Min, bb.Max, true);
    if (text.empty()) {
        LabelAt(dl, origin, placeholder, font, t.text_muted, inner_w);
        if (MeasureText(placeholder, font, inner_w).y > size.y - pad * 0.8f + 0.5f)
            Problem(placeholder, "the placeholder is taller than its field", bb.Min, bb.Max);
    }

    // Lines as byte ranges, so the caret can be drawn at and tapped to any character (wrapped lines too).
    const std::vector<TextLine> lines = WrapTextLines(text, multiline ? inner_w : 0, width, multiline);
    const std::size_t at = caret ? std::min(*caret, text.size()) : text.size();
    const CaretSpot spot = LocateCaret(text, lines, at, f.rtl, width);
    // Scroll (without state) so the caret's line is the last visible one when it would be below the field.
    const auto visible = static_cast<std::size_t>(std::max(1.0f, std::floor((size.y - pad * 0.8f) / line_h)));
    const std::size_t first = spot.line + 1 > visible ? spot.line + 1 - visible : 0;
    std::vector<float> left(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line =
            std::string_view(text).substr(lines[i].begin, lines[i].end - lines[i].begin);
        const float lw = width(line);
        left[i] = origin.x + (f.rtl ? inner_w - lw : 0);  // right-to-left UI: lines start on the right
        if (i == spot.line && lw > inner_w) {
            // A single line longer than the field slides sideways just enough to show the caret.
            const float cx = left[i] + spot.x;
            if (cx > origin.x + inner_w) left[i] -= cx - (origin.x + inner_w);
            if (cx < origin.x) left[i] += origin.x - cx;
        }
        if (i < first || line.empty()) continue;
        const std::string shown = Display(line);
        dl->AddText(font, font->FontSize, ImVec2(left[i], origin.y + static_cast<float>(i - first) * line_h),
                    t.text, shown.c_str(), shown.c_str() + shown.size());
    }
    if (focused && !lines.empty()) {
        const float cx = std::clamp(left[spot.line] + spot.x, origin.x - LayoutScale(2), origin.x + inner_w);
        const float cy = origin.y + static_cast<float>(spot.line - first) * line_h;
        dl->AddRectFilled(ImVec2(cx - LayoutScale(2), cy),
                          ImVec2(cx + LayoutScale(2), cy + font->FontSize * 1.1f), t.primary);
    }
    dl->PopClipRect();
    if (pressed && caret && !lines.empty()) {
        // The tap's line by its height, then the character boundary nearest to the finger on that line.
        const ImVec2 tap = ImGui::GetIO().MousePos;
        const float row = std::floor((tap.y - origin.y) / line_h);
        const std::size_t line =
            std::min(first + static_cast<std::size_t>(std::max(0.0f, row)), lines.size() - 1);
        *caret = CaretFromPoint(text, lines, line, tap.x - left[line], f.rtl, width);
    }
    Trace(text.empty() ? placeholder : std::string_view(text), bb.Min, bb.Max, true);
    return pressed;
}

void Badge(std::string_view text, ImU32 background, ImU32 foreground) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const UiFrame& f = Frame();
    const ImVec2 ts = MeasureText(text, f.fonts.small);
    const ImVec2 pad = LayoutScale(16, 6);
    const ImVec2 pos = window->DC.CursorPos;
    ImRect bb(pos, pos + ts + pad * 2);
    ImGui::ItemSize(bb);
    bb = Mirrored(bb);
    if (!ImGui::ItemAdd(bb, 0)) return;
    window->DrawList->AddRectFilled(bb.Min, bb.Max, background, LayoutScale(10));
    LabelCentered(window->DrawList, bb.Min, bb.Max, text, f.fonts.small, foreground);
    Trace(text, bb.Min, bb.Max, false);
}

void Spacing(float units) {
    ImGui::Dummy(ImVec2(1, LayoutScale(units)));
}

}  // namespace ck::ui
