#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/on_screen_keyboard.h"

#include <imgui_internal.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include <algorithm>

#include "locales/keyboard.h"
#include "locales/utf8.h"
#include "ui/widgets.h"

namespace ck::ui {
namespace {

constexpr float kKeyHeightUnits = 88;
constexpr float kKeyGapUnits = 10;

// One key: fires on release, never on a drag; records its label so a replay can tap it by text.
bool Key(const char* id, std::string_view label, ImVec2 pos, ImVec2 size, bool highlighted) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const UiFrame& f = Frame();
    const Theme& t = f.theme;
    const ImRect bb(pos, pos + size);
    const ImGuiID gid = window->GetID(id);
    if (!ImGui::ItemAdd(bb, gid)) return false;
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, gid, &hovered, &held, ImGuiButtonFlags_PressedOnClickRelease);
    ImDrawList* dl = window->DrawList;
    const ImU32 fill = highlighted ? t.primary : (held ? t.surface_pressed : t.surface);
    dl->AddRectFilled(bb.Min, bb.Max, fill, LayoutScale(10));
    dl->AddRect(bb.Min, bb.Max, t.border, LayoutScale(10), 0, LayoutScale(2));
    LabelCentered(dl, bb.Min, bb.Max, label, f.fonts.large, highlighted ? t.on_primary : t.text);
    Frame().trace.push_back(TraceEntry{std::string(label), bb.Min, bb.Max, true});
    return pressed && !Frame().gesture.dragging;
}

}  // namespace

void EraseLastCharacter(std::string& text) {
    // A user-perceived character (grapheme cluster): emoji sequences, variation selectors and marks go at once.
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(loc::SanitizeUtf8(text));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || u.isEmpty()) {
        text.clear();
        return;
    }
    it->setText(u);
    const int32_t cut = it->preceding(u.length());
    u.truncate(cut == icu::BreakIterator::DONE ? 0 : cut);
    text.clear();
    u.toUTF8String(text);
}

float KeyboardHeight(float /*width*/) { return LayoutScale(5 * kKeyHeightUnits + 6 * kKeyGapUnits); }

namespace {
// Rows of character keys the layout needs on its fullest level, so the height does not jump between levels.
std::size_t CharacterRows(const loc::KeyboardLayout& l) {
    return std::min<std::size_t>(4, std::max({l.lower.size(), l.shift.size(), l.symbols.size()}));
}
}  // namespace

KeyboardResult OnScreenKeyboard(KeyboardState& state, std::string& text, std::string_view ui_language, float width,
                                const KeyboardLabels& labels, std::size_t max_bytes) {
    KeyboardResult result;
    const auto& all = loc::AllKeyboardLayouts();
    const loc::KeyboardLayout* layout = &loc::KeyboardLayoutFor(ui_language);
    for (const auto& l : all)
        if (l.id == state.layout_id) layout = &l;
    const auto& rows = state.level == 0 ? layout->lower : state.level == 1 ? layout->shift : layout->symbols;

    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 origin = window->DC.CursorPos;
    const float gap = LayoutScale(kKeyGapUnits);
    const std::size_t char_rows = CharacterRows(*layout);
    // Keys shrink to the space left on screen, but never below a comfortable touch target.
    const float avail = ImGui::GetContentRegionAvail().y;
    const float rows_f = static_cast<float>(char_rows + 1);
    const float kh = std::clamp((avail - gap * (rows_f + 1)) / rows_f, LayoutScale(64), LayoutScale(kKeyHeightUnits));
    const ImRect whole(origin, origin + ImVec2(width, kh * rows_f + gap * (rows_f + 1)));
    ImGui::ItemSize(whole);
    window->DrawList->AddRectFilled(whole.Min, whole.Max, Frame().theme.surface_pressed, LayoutScale(14));

    std::size_t widest = 10;
    for (const auto& r : rows) widest = std::max(widest, r.size());
    const float kw = std::min((width - gap * static_cast<float>(widest + 1)) / static_cast<float>(widest), LayoutScale(140));
    float y = origin.y + gap;
    ImGui::PushID("##osk");
    for (std::size_t r = 0; r < rows.size() && r < char_rows; ++r) {
        const float row_w = static_cast<float>(rows[r].size()) * (kw + gap) - gap;
        float x = origin.x + (width - row_w) * 0.5f;
        for (std::size_t k = 0; k < rows[r].size(); ++k) {
            const std::string& key = rows[r][k];
            ImGui::PushID(static_cast<int>(r * 100 + k));
            if (Key("##k", key, ImVec2(x, y), ImVec2(kw, kh), false) && text.size() + key.size() <= max_bytes) {
                text += key;
                result.changed = true;
                if (state.level == 1 && !state.shift_locked) state.level = 0;  // shift applies to one key
            }
            ImGui::PopID();
            x += kw + gap;
        }
        y += kh + gap;
    }
    // The bottom row: level switches, layout switch, space, backspace, done.
    y = origin.y + gap + static_cast<float>(char_rows) * (kh + gap);
    const float unit = (width - gap * 7) / 12.0f;
    float x = origin.x + gap;
    auto place = [&](float units_wide) {
        const ImVec2 p(x, y);
        x += unit * units_wide + gap;
        return std::make_pair(p, ImVec2(unit * units_wide, kh));
    };
    {
        auto [p, s] = place(1.5f);
        if (Key("##shift", labels.shift, p, s, state.level == 1)) {
            state.level = state.level == 1 ? 0 : 1;
        }
    }
    {
        auto [p, s] = place(1.5f);
        if (Key("##level", state.level == 2 ? labels.letters : labels.symbols, p, s, false)) {
            state.level = state.level == 2 ? 0 : 2;
        }
    }
    {
        auto [p, s] = place(1.5f);
        if (Key("##layout", labels.next_layout, p, s, false)) {
            std::size_t idx = 0;
            for (std::size_t i = 0; i < all.size(); ++i)
                if (&all[i] == layout) idx = i;
            state.layout_id = all[(idx + 1) % all.size()].id;
            state.level = 0;
        }
    }
    {
        auto [p, s] = place(4.0f);
        if (Key("##space", labels.space, p, s, false) && text.size() < max_bytes) {
            text += ' ';
            result.changed = true;
        }
    }
    {
        auto [p, s] = place(1.5f);
        if (Key("##backspace", labels.backspace, p, s, false) && !text.empty()) {
            EraseLastCharacter(text);
            result.changed = true;
        }
    }
    {
        auto [p, s] = place(2.0f);
        if (Key("##done", labels.done, p, s, true)) result.done = true;
    }
    ImGui::PopID();
    return result;
}

}  // namespace ck::ui
