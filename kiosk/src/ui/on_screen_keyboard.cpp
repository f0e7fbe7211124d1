#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/on_screen_keyboard.h"

#include <imgui_internal.h>

#include <algorithm>
#include <span>
#include <vector>

#include "locales/display_text.h"
#include "locales/keyboard.h"
#include "locales/utf8.h"
#include "ui/widgets.h"

namespace ck::ui {
namespace {

constexpr float kKeyHeightUnits = 88;
constexpr float kKeyGapUnits = 10;

// What a key shows: its text, or an arrow drawn with lines (U+2190/U+2192 are not in every bundled Noto
// font, and a drawn arrow looks the same in every script).
enum class KeyFace { kText, kArrowLeft, kArrowRight };

void DrawArrow(ImDrawList* dl, ImVec2 centre, float size, bool left, ImU32 colour) {
    const float d = left ? -1.0f : 1.0f;
    const float h = size * 0.5f;
    const float th = std::max(2.0f, size * 0.1f);
    dl->AddLine(ImVec2(centre.x - d * h, centre.y), ImVec2(centre.x + d * h, centre.y), colour, th);
    dl->AddTriangleFilled(ImVec2(centre.x + d * (h + th), centre.y),
                          ImVec2(centre.x + d * h * 0.2f, centre.y - h * 0.6f),
                          ImVec2(centre.x + d * h * 0.2f, centre.y + h * 0.6f), colour);
}

// One key: fires on release, never on a drag; records its label so a replay can tap it by text (the arrow
// keys as "←" and "→"). A key that fires is echoed with speech on (a character key only once it typed).
bool Key(const char* id, std::string_view label, ImVec2 pos, ImVec2 size, bool highlighted,
         KeyFace face = KeyFace::kText, bool echo = true) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const UiFrame& f = Frame();
    const Theme& t = f.theme;
    const ImRect bb(pos, pos + size);
    const ImGuiID gid = window->GetID(id);
    if (!ImGui::ItemAdd(bb, gid)) return false;
    bool hovered = false, held = false;
    const bool pressed =
        ExploreGate(gid, bb.Min, bb.Max,
                    ImGui::ButtonBehavior(bb, gid, &hovered, &held, ImGuiButtonFlags_PressedOnClickRelease) &&
                        !Frame().gesture.dragging,
                    {label, Role::kKey});
    ImDrawList* dl = window->DrawList;
    const ImU32 fill = highlighted ? t.primary : (held ? t.surface_pressed : t.surface);
    const ImU32 fg = highlighted ? t.on_primary : t.text;
    dl->AddRectFilled(bb.Min, bb.Max, fill, LayoutScale(10));
    dl->AddRect(bb.Min, bb.Max, t.border, LayoutScale(10), 0, LayoutScale(2));
    if (face == KeyFace::kText) {
        LabelCentered(dl, bb.Min, bb.Max, label, f.fonts.large, fg);
    } else {
        DrawArrow(dl, bb.GetCenter(), std::min(size.x, size.y) * 0.42f, face == KeyFace::kArrowLeft, fg);
    }
    Frame().trace.push_back(TraceEntry{std::string(label), bb.Min, bb.Max, true, Frame().keep_order});
    if (pressed && echo) EchoKey(label);
    return pressed;
}

// Moves a caret left on a UTF-8 continuation byte back to the start of its sequence.
std::size_t OffContinuationByte(std::string_view text, std::size_t caret) {
    while (caret > 0 && caret < text.size() && (static_cast<unsigned char>(text[caret]) & 0xC0) == 0x80)
        --caret;
    return caret;
}

}  // namespace

std::size_t& CaretFor(KeyboardState& state, int field, std::string_view text) {
    auto it = std::find_if(state.carets.begin(), state.carets.end(),
                           [&](const FieldCaret& c) { return c.field == field; });
    if (it == state.carets.end()) {
        // A field the visitor comes to for the first time continues at its end.
        state.carets.push_back(FieldCaret{field, text.size()});
        it = state.carets.end() - 1;
    }
    it->caret = OffContinuationByte(text, std::min(it->caret, text.size()));
    return it->caret;
}

bool InsertAtCaret(std::string& text, std::size_t& caret, std::string_view insert, const TextLimit& limit) {
    if (insert.empty()) return false;
    caret = loc::GraphemeBoundaryAtOrAfter(text, OffContinuationByte(text, std::min(caret, text.size())));
    if (text.size() + insert.size() > limit.max_bytes) return false;
    std::string edited = text;
    edited.insert(caret, insert);
    if (limit.max_graphemes > 0) {
        // Counted on the result: a combining mark joins the character before it and costs nothing, and a
        // text already over the limit (typed elsewhere) may still get marks but no new characters.
        const std::size_t after = loc::CountGraphemeClusters(edited);
        if (after > limit.max_graphemes && after > loc::CountGraphemeClusters(text)) return false;
    }
    text = std::move(edited);
    // Behind what was typed; if it merged with the next character (a ZWJ between two emoji), behind that.
    caret = loc::GraphemeBoundaryAtOrAfter(text, caret + insert.size());
    return true;
}

bool EraseBeforeCaret(std::string& text, std::size_t& caret) {
    caret = loc::GraphemeBoundaryAtOrAfter(text, OffContinuationByte(text, std::min(caret, text.size())));
    if (caret == 0) return false;
    const std::size_t from = loc::PreviousGraphemeBoundary(text, caret);
    text.erase(from, caret - from);
    caret = from;
    return true;
}

void MoveCaret(std::string_view text, std::size_t& caret, int clusters) {
    caret = loc::GraphemeBoundaryAtOrAfter(text, OffContinuationByte(text, std::min(caret, text.size())));
    for (; clusters > 0 && caret < text.size(); --clusters) caret = loc::NextGraphemeBoundary(text, caret);
    for (; clusters < 0 && caret > 0; ++clusters) caret = loc::PreviousGraphemeBoundary(text, caret);
}

int LogicalStepForArrow(std::string_view text, std::size_t caret, bool left_arrow, bool rtl_ui) {
    caret = std::min(caret, text.size());
    const std::size_t nl_before = caret == 0 ? std::string_view::npos : text.rfind('\n', caret - 1);
    const std::size_t begin = nl_before == std::string_view::npos ? 0 : nl_before + 1;
    const std::size_t end = std::min(text.find('\n', caret), text.size());
    const bool rtl = loc::IsRightToLeftLine(text.substr(begin, end - begin),
                                            rtl_ui ? loc::Direction::kRtl : loc::Direction::kLtr);
    return (left_arrow != rtl) ? -1 : 1;
}

namespace {
enum class Special { kShift, kLevel, kLayout, kSpace, kLeft, kRight, kBackspace, kDone };
struct SpecialSlot {
    Special key;
    float units;  // share of the row's width
};
using K = Special;
// Constant tables (constexpr, no start-up code): one span per row of special keys.
constexpr SpecialSlot kWide[] = {{K::kShift, 1.5f}, {K::kLevel, 1.5f}, {K::kLayout, 1.5f},    {K::kSpace, 3},
                                 {K::kLeft, 1},     {K::kRight, 1},    {K::kBackspace, 1.5f}, {K::kDone, 2}};
constexpr SpecialSlot kNarrowEditing[] = {{K::kShift, 3}, {K::kLeft, 2}, {K::kRight, 2}, {K::kBackspace, 3}};
constexpr SpecialSlot kNarrowTyping[] = {
    {K::kLevel, 2}, {K::kLayout, 2.5f}, {K::kSpace, 5}, {K::kDone, 2.5f}};
using SlotRow = std::span<const SpecialSlot>;
constexpr SlotRow kWideRows[] = {kWide};
constexpr SlotRow kNarrowRows[] = {kNarrowEditing, kNarrowTyping};
// Below this width (layout units; portrait is about 980) one row of special keys cuts their labels.
constexpr float kTwoRowsBelowUnits = 1400;
}  // namespace

// Five rows at full size: what most layouts need (three rows of letters and two of special keys in portrait,
// four and one in landscape). A layout with more rows shrinks its keys into the space left.
float KeyboardHeight(float /*width*/) {
    return LayoutScale(5 * kKeyHeightUnits + 6 * kKeyGapUnits);
}

namespace {

// Rows of character keys the layout needs on its fullest level, so the height does not jump between levels.
std::size_t CharacterRows(const loc::KeyboardLayout& l) {
    return std::min<std::size_t>(4, std::max({l.lower.size(), l.shift.size(), l.symbols.size()}));
}

KeyboardResult DrawKeyboard(KeyboardState& state, std::string& text, std::size_t& caret,
                            std::string_view ui_language, float width, const KeyboardLabels& labels,
                            const TextLimit& limit) {
    KeyboardResult result;
    const auto& all = loc::AllKeyboardLayouts();
    const loc::KeyboardLayout* layout = &loc::KeyboardLayoutFor(ui_language);
    for (const auto& l : all)
        if (l.id == state.layout_id) layout = &l;
    const auto& rows = state.level == 0 ? layout->lower : state.level == 1 ? layout->shift : layout->symbols;

    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 origin = window->DC.CursorPos;
    const float gap = LayoutScale(kKeyGapUnits);
    const std::size_t char_rows = CharacterRows(*layout);
    // Keys shrink to the space left on screen, but never below a comfortable touch target.
    const float avail = ImGui::GetContentRegionAvail().y;
    const std::span<const SlotRow> special_rows =
        width < LayoutScale(kTwoRowsBelowUnits) ? std::span<const SlotRow>(kNarrowRows) : kWideRows;
    const float rows_f = static_cast<float>(char_rows + special_rows.size());
    const float kh =
        std::clamp((avail - gap * (rows_f + 1)) / rows_f, LayoutScale(64), LayoutScale(kKeyHeightUnits));
    ImGui::ItemSize(ImRect(origin, origin + ImVec2(width, kh * rows_f + gap * (rows_f + 1))));
    // Right to left the keyboard moves to its mirrored place; the letters keep the layout's own order (an
    // Arabic keyboard is laid out like the physical one), the special keys are mirrored below.
    const KeepOrder outer = BeginKeepOrder(origin.x, width);  // for the letters, ended below
    origin.x = ReadingX(origin.x, width);
    const ImRect whole(origin, origin + ImVec2(width, kh * rows_f + gap * (rows_f + 1)));
    window->DrawList->AddRectFilled(whole.Min, whole.Max, Frame().theme.surface_pressed, LayoutScale(14));

    std::size_t widest = 10;
    for (const auto& r : rows) widest = std::max(widest, r.size());
    const float kw = std::min((width - gap * static_cast<float>(widest + 1)) / static_cast<float>(widest),
                              LayoutScale(140));
    float y = origin.y + gap;
    ImGui::PushID("##osk");
    for (std::size_t r = 0; r < rows.size() && r < char_rows; ++r) {
        const float row_w = static_cast<float>(rows[r].size()) * (kw + gap) - gap;
        float x = origin.x + (width - row_w) * 0.5f;
        for (std::size_t k = 0; k < rows[r].size(); ++k) {
            const std::string& key = rows[r][k];
            ImGui::PushID(static_cast<int>(r * 100 + k));
            if (Key("##k", key, ImVec2(x, y), ImVec2(kw, kh), false, KeyFace::kText, /*echo=*/false) &&
                InsertAtCaret(text, caret, key, limit)) {
                EchoKey(key);  // not when the limit refused it: silence, as nothing was typed
                result.changed = true;
                if (state.level == 1 && !state.shift_locked) state.level = 0;  // shift applies to one key
            }
            ImGui::PopID();
            x += kw + gap;
        }
        y += kh + gap;
    }
    EndKeepOrder(outer);
    // The special keys: level switches, layout switch, space, cursor left and right, backspace, done. Wide
    // keyboards (landscape) have them in one row of 13 units, the arrows together next to backspace where a
    // visitor looks for editing keys. Narrow ones (portrait) would have to cut "Tastatur" or "Löschen" to an
    // ellipsis, so they get two rows, editing keys first; portrait screens have the height to spare.
    const bool rtl_ui = Frame().rtl;
    auto special = [&](Special key, ImVec2 p, ImVec2 s) {
        switch (key) {
            case Special::kShift:
                if (Key("##shift", labels.shift, p, s, state.level == 1))
                    state.level = state.level == 1 ? 0 : 1;
                break;
            case Special::kLevel:
                if (Key("##level", state.level == 2 ? labels.letters : labels.symbols, p, s, false)) {
                    state.level = state.level == 2 ? 0 : 2;
                }
                break;
            case Special::kLayout:
                if (Key("##layout", labels.next_layout, p, s, false)) {
                    std::size_t idx = 0;
                    for (std::size_t i = 0; i < all.size(); ++i)
                        if (&all[i] == layout) idx = i;
                    state.layout_id = all[(idx + 1) % all.size()].id;
                    state.level = 0;
                }
                break;
            case Special::kSpace:
                if (Key("##space", labels.space, p, s, false) && InsertAtCaret(text, caret, " ", limit)) {
                    result.changed = true;
                }
                break;
            // The arrows move the caret visually: in a right-to-left paragraph the left arrow goes forward.
            case Special::kLeft:
                if (Key("##left", "\u2190", p, s, false, KeyFace::kArrowLeft)) {
                    MoveCaret(text, caret, LogicalStepForArrow(text, caret, true, rtl_ui));
                }
                break;
            case Special::kRight:
                if (Key("##right", "\u2192", p, s, false, KeyFace::kArrowRight)) {
                    MoveCaret(text, caret, LogicalStepForArrow(text, caret, false, rtl_ui));
                }
                break;
            case Special::kBackspace:
                if (Key("##backspace", labels.backspace, p, s, false) && EraseBeforeCaret(text, caret)) {
                    result.changed = true;
                }
                break;
            case Special::kDone:
                if (Key("##done", labels.done, p, s, true)) result.done = true;
                break;
        }
    };
    y = origin.y + gap + static_cast<float>(char_rows) * (kh + gap);
    for (const auto& span : special_rows) {
        std::vector<SpecialSlot> row(span.begin(), span.end());
        if (rtl_ui) {
            // Reading order: shift and the level keys on the right, done on the left. The two arrows keep
            // their places relative to each other (each points where the caret goes).
            std::reverse(row.begin(), row.end());
            for (std::size_t i = 0; i + 1 < row.size(); ++i)
                if (row[i].key == Special::kRight && row[i + 1].key == Special::kLeft)
                    std::swap(row[i], row[i + 1]);
        }
        float row_units = 0;
        for (const auto& slot : row) row_units += slot.units;
        const float unit = (width - gap * static_cast<float>(row.size() + 1)) / row_units;
        float x = origin.x + gap;
        for (const auto& slot : row) {
            special(slot.key, ImVec2(x, y), ImVec2(unit * slot.units, kh));
            x += unit * slot.units + gap;
        }
        y += kh + gap;
    }
    ImGui::PopID();
    return result;
}

}  // namespace

KeyboardResult OnScreenKeyboard(KeyboardState& state, std::string& text, std::size_t& caret,
                                std::string_view ui_language, float width, const KeyboardLabels& labels,
                                const TextLimit& limit) {
    return DrawKeyboard(state, text, caret, ui_language, width, labels, limit);
}

}  // namespace ck::ui
