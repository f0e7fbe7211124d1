#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/live_card.h"

#include <imgui_internal.h>

#include <string>

#include "ui/layout.h"
#include "ui/widgets.h"

namespace ck::ui {

bool LiveCard(const char* id, const LiveCardText& text, bool stale, ImVec2 size, ImU32 background) {
    const UiFrame& f = Frame();
    const ImVec2 laid_out = ImGui::GetCursorScreenPos();
    bool tapped = false;
    if (id) {
        tapped = ImGui::InvisibleButton(id, size) && !f.gesture.dragging;
    } else {
        ImGui::Dummy(size);
    }
    const bool pressed = id && ImGui::IsItemActive() && !f.gesture.dragging;
    const ImVec2 p(ReadingX(laid_out.x, size.x), laid_out.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = LayoutScale(units::kRounding);
    dl->AddRectFilled(p, p + size,
                      background ? background
                      : pressed  ? f.theme.surface_pressed
                                 : f.theme.surface,
                      rounding);
    if (f.theme.high_contrast || stale)
        dl->AddRect(p, p + size, stale ? f.theme.warn : f.theme.border, rounding, 0,
                    LayoutScale(units::kBorder));
    const float pad = LayoutScale(units::kCardPadding);
    const float w = size.x - 2 * pad;
    const float body = f.fonts.body->FontSize;
    // Lines are placed in multiples of the body font's size, so large text moves them apart with the text.
    // LabelAt starts right-to-left lines at the right edge of the wrap width.
    LabelAt(dl, p + ImVec2(pad, pad), text.title, f.fonts.body, f.theme.text_muted, w);
    LabelAt(dl, p + ImVec2(pad, pad + body * 1.3f), text.name, f.fonts.body, f.theme.text, w);
    // A value with a long word (Leichte Sprache writes units out) takes the large size rather than run out.
    ImFont* value_font = f.fonts.title;
    for (const TextLine& l :
         WrapTextLines(text.value, w, [&](std::string_view s) { return MeasureText(s, f.fonts.title).x; })) {
        if (MeasureText(text.value.substr(l.begin, l.end - l.begin), f.fonts.title).x > w)
            value_font = f.fonts.large;
    }
    LabelAt(dl, p + ImVec2(pad, pad + body * 2.8f), text.value, value_font,
            stale ? f.theme.text_muted : f.theme.primary, w);
    if (!text.detail.empty())
        LabelAt(dl, p + ImVec2(pad, pad + body * 2.8f + f.fonts.title->FontSize * 1.1f), text.detail,
                f.fonts.small, f.theme.text, w);
    LabelAt(dl, p + ImVec2(pad, size.y - pad - body), text.age, f.fonts.body,
            stale ? f.theme.warn : f.theme.text_muted, w);
    for (std::string_view t : {text.title, text.name, text.value, text.detail, text.age})
        if (!t.empty()) Frame().trace.push_back(TraceEntry{std::string(t), p, p + size, id != nullptr});
    return tapped;
}

}  // namespace ck::ui
