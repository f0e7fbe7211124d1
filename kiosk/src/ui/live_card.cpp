#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/live_card.h"

#include <imgui_internal.h>

#include <string>

#include "ui/layout.h"
#include "ui/widgets.h"

namespace ck::ui {
namespace {

ImFont* ValueFont(std::string_view value, float width) {
    const UiFrame& f = Frame();
    return MeasureText(value, f.fonts.title).x > width ? f.fonts.large : f.fonts.title;
}

// Wrapped lines at 1.25 line height, without the spacing under the last line.
float TextBlockHeight(std::string_view text, ImFont* font, float width) {
    return MeasureText(text, font, width).y - font->FontSize * 0.25f;
}

}  // namespace

float LiveCardHeight(const LiveCardText& text, float width) {
    const UiFrame& f = Frame();
    const float pad = LayoutScale(units::kCardPadding);
    const float w = width - 2 * pad;
    const float body = f.fonts.body->FontSize;
    float h = pad + body * 2.8f + MeasureText(text.value, ValueFont(text.value, w), w).y;
    if (!text.detail.empty()) h += MeasureText(text.detail, f.fonts.small, w).y;
    return h + LayoutScale(units::kGapSmall) + TextBlockHeight(text.age, f.fonts.body, w) + pad;
}

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
    // A value too wide for one line in the title size (Leichte Sprache writes units out, "800 Personen heute"
    // in portrait) takes the large size rather than wrap or run out.
    ImFont* value_font = ValueFont(text.value, w);
    LabelAt(dl, p + ImVec2(pad, pad + body * 2.8f), text.value, value_font,
            stale ? f.theme.text_muted : f.theme.primary, w);
    const float value_h = MeasureText(text.value, value_font, w).y;
    if (!text.detail.empty())
        LabelAt(dl, p + ImVec2(pad, pad + body * 2.8f + value_h * 0.88f), text.detail, f.fonts.small,
                f.theme.text, w);
    // The age at the bottom, all its lines inside the card.
    LabelAt(dl, p + ImVec2(pad, size.y - pad - TextBlockHeight(text.age, f.fonts.body, w)), text.age,
            f.fonts.body, stale ? f.theme.warn : f.theme.text_muted, w);
    // Traced as far as it is visible: a card scrolled half out of its list ends at the list's edge.
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const ImVec2 shown_min = ImMax(p, clip.Min), shown_max = ImMin(p + size, clip.Max);
    if (shown_min.x >= shown_max.x || shown_min.y >= shown_max.y) return tapped;
    for (std::string_view t : {text.title, text.name, text.value, text.detail, text.age})
        if (!t.empty())
            Frame().trace.push_back(TraceEntry{std::string(t), shown_min, shown_max, id != nullptr});
    return tapped;
}

}  // namespace ck::ui
