#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/line_setup.h"

#include <cmath>

#include <imgui_internal.h>

#include "ui/layout.h"
#include "ui/ui_frame.h"
#include "ui/widgets.h"

namespace ck::ui {
namespace {

// Over any picture: a dark halo under every stroke and a plate under every text, so both read on a bright
// wall or a dark floor alike.
constexpr ImU32 kHalo = IM_COL32(0, 0, 0, 190);
constexpr ImU32 kLetterbox = IM_COL32(24, 24, 24, 255);
constexpr ImU32 kOnLetterbox = IM_COL32(235, 235, 235, 255);

float Distance(ImVec2 a, ImVec2 b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// A text on a plate centred at `centre`, traced (not tappable) so that a test can find the line's name.
void Plate(ImDrawList* dl, ImVec2 centre, std::string_view text, ImFont* font) {
    const UiFrame& f = Frame();
    const ImVec2 ts = MeasureText(text, font);
    const ImVec2 pad(LayoutScale(10), LayoutScale(4));
    const ImVec2 min = centre - ts * 0.5f - pad, max = centre + ts * 0.5f + pad;
    dl->AddRectFilled(min, max, f.theme.surface, LayoutScale(units::kRoundingSmall));
    LabelCentered(dl, min, max, text, font, f.theme.text);
    Frame().trace.push_back(TraceEntry{std::string(text), min, max, false, false});
}

void Arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 colour, float width) {
    const ImVec2 d = to - from;
    const float len = std::max(1.0f, std::hypot(d.x, d.y));
    const ImVec2 u = d / len, n(-u.y, u.x);
    const float head = width * 3.5f;
    const ImVec2 base = to - u * head;
    for (const auto& [c, w] : {std::pair{kHalo, width + LayoutScale(4)}, std::pair{colour, width}}) {
        dl->AddLine(from, base, c, w);
    }
    dl->AddTriangleFilled(to + u * LayoutScale(3), base + n * (head * 0.75f), base - n * (head * 0.75f),
                          kHalo);
    dl->AddTriangleFilled(to, base + n * (head * 0.55f), base - n * (head * 0.55f), colour);
}

}  // namespace

bool LineSetupView(const char* id, const LineSetupInput& in, std::vector<SetupLine>& lines,
                   std::size_t selected, int* dragging_end, ImVec2 size, FrameView* view_out) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    UiFrame& f = Frame();
    // The area moves to its mirrored place right to left; the picture inside is never mirrored.
    const float x = ReadingX(window->DC.CursorPos.x, size.x);
    const ImRect bb(ImVec2(x, window->DC.CursorPos.y), ImVec2(x + size.x, window->DC.CursorPos.y + size.y));
    ImGui::ItemSize(size);
    const ImGuiID gid = window->GetID(id);
    if (!ImGui::ItemAdd(bb, gid)) return false;
    // The frame is inset by a handle's radius, so that an end on the frame's edge is a whole disc to take.
    const float inset = LayoutScale(units::kLineHandleRadius) * 1.3f;
    const FrameView view = FitFrame(bb.Min + ImVec2(inset, inset), size - ImVec2(2 * inset, 2 * inset),
                                    in.frame_width, in.frame_height);
    if (view_out) *view_out = view;

    bool hovered = false, held = false;
    ImGui::ButtonBehavior(bb, gid, &hovered, &held, ImGuiButtonFlags_PressedOnClick);
    const ImGuiIO& io = ImGui::GetIO();
    bool moved = false;
    SetupLine* edited = selected < lines.size() && view.scale > 0 ? &lines[selected] : nullptr;
    if (edited && hovered && io.MouseClicked[0]) {
        // The nearer end within a finger's reach; a press elsewhere on the picture moves nothing.
        const float da = Distance(io.MousePos, FrameToScreen(view, edited->segment.a));
        const float db = Distance(io.MousePos, FrameToScreen(view, edited->segment.b));
        const float reach = LayoutScale(units::kLineHandleReach);
        *dragging_end = std::min(da, db) > reach ? -1 : (da <= db ? 0 : 1);
    }
    if (!held || !edited) *dragging_end = -1;
    if (*dragging_end >= 0) {
        // This press moves a line end, never the screen: no scroll area may take it as a scroll.
        f.gesture.dragging = true;
        f.gesture.drag_owner = gid;
        f.gesture.drag_frame = -1;
        hw::Point2& end = *dragging_end == 0 ? edited->segment.a : edited->segment.b;
        const hw::Point2 to = ScreenToFrame(view, io.MousePos);
        moved = to.x != end.x || to.y != end.y;
        end = to;
        f.wants_animation = true;
    }

    ImDrawList* dl = window->DrawList;
    dl->AddRectFilled(bb.Min, bb.Max, kLetterbox, LayoutScale(units::kRoundingSmall));
    if (in.texture && view.scale > 0) {
        dl->AddImage(in.texture, view.origin, view.origin + view.size());
    } else {
        const float pad = LayoutScale(units::kGap);
        LabelCentered(dl, bb.Min + ImVec2(pad, pad), bb.Max - ImVec2(pad, pad), in.waiting, f.fonts.body,
                      kOnLetterbox);
        Frame().trace.push_back(TraceEntry{std::string(in.waiting), bb.Min, bb.Max, false, false});
    }
    if (view.scale <= 0) return moved;
    dl->PushClipRect(bb.Min, bb.Max, true);
    const float width = LayoutScale(units::kLineWidth);
    // The selected line last, so that its arrow, name and handles are on top where lines cross.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (i != selected) order.push_back(i);
    if (selected < lines.size()) order.push_back(selected);
    for (const std::size_t i : order) {
        const SetupLine& l = lines[i];
        const bool is_selected = i == selected;
        const ImVec2 a = FrameToScreen(view, l.segment.a), b = FrameToScreen(view, l.segment.b);
        const ImU32 colour = is_selected ? f.theme.accent : kOnLetterbox;
        dl->AddLine(a, b, kHalo, width + LayoutScale(4));
        dl->AddLine(a, b, colour, width);
        // Side +1 of A -> B is where cross(B - A, P - A) > 0: the normal (-dy, dx) in image coordinates,
        // which the screen keeps (scaled, not flipped). "Towards" is the side a positive crossing goes to,
        // unless the line says otherwise.
        const ImVec2 d = b - a;
        const float len = std::hypot(d.x, d.y);
        if (len >= 1.0f) {
            ImVec2 n(-d.y / len, d.x / len);
            if (!l.towards_is_positive) n = n * -1.0f;
            // The arrow from the middle, the name a quarter along from A on the other side: lines crossing in
            // the middle keep their names apart.
            const ImVec2 mid = (a + b) * 0.5f;
            const float arrow = LayoutScale(units::kLineArrowLength);
            Arrow(dl, mid, mid + n * arrow, colour, width);
            Plate(dl, mid + n * (arrow + f.fonts.small->FontSize), in.towards_label, f.fonts.small);
            Plate(dl, a + d * 0.25f - n * f.fonts.body->FontSize * 1.2f, l.name, f.fonts.body);
        }
        if (!is_selected) continue;
        const float r = LayoutScale(units::kLineHandleRadius);
        for (int end = 0; end < 2; ++end) {
            const ImVec2 c = end == 0 ? a : b;
            const float grow = *dragging_end == end ? 1.25f : 1.0f;
            dl->AddCircleFilled(c, r * grow + LayoutScale(3), kHalo, 32);
            dl->AddCircleFilled(c, r * grow, f.theme.accent, 32);
            dl->AddCircle(c, r * grow, f.theme.on_accent, 32, LayoutScale(4));
        }
    }
    dl->PopClipRect();
    return moved;
}

}  // namespace ck::ui
