#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/district_map.h"

#include <algorithm>
#include <cfloat>

#include <imgui_internal.h>

#include "ui/explore.h"
#include "ui/layout.h"
#include "ui/ui_frame.h"
#include "ui/widgets.h"

namespace ck::ui {
namespace {

ImVec2 ToImVec(part::ScreenPoint p) {
    return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y));
}

// An opaque mix of two colours: translucent fills would show the triangle seams where neighbouring
// triangles' anti-aliased fringes overlap.
ImU32 Mix(ImU32 over, ImU32 under, float amount) {
    const ImVec4 a = ImGui::ColorConvertU32ToFloat4(over), b = ImGui::ColorConvertU32ToFloat4(under);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(b.x + (a.x - b.x) * amount, b.y + (a.y - b.y) * amount, b.z + (a.z - b.z) * amount, 1.0f));
}

// A map pin: a round head above the point, tapering to the point itself, outlined so it reads on any fill.
void DrawPin(ImDrawList* dl, ImVec2 at, ImU32 fill, ImU32 outline) {
    const float r = LayoutScale(22);
    const ImVec2 head(at.x, at.y - r * 2.2f);
    dl->AddTriangleFilled(ImVec2(head.x - r * 0.8f, head.y + r * 0.5f),
                          ImVec2(head.x + r * 0.8f, head.y + r * 0.5f), at, fill);
    dl->AddCircleFilled(head, r, fill, 24);
    dl->AddCircle(head, r, outline, 24, LayoutScale(3));
    dl->AddCircleFilled(head, r * 0.38f, outline, 16);
    dl->AddCircleFilled(at, LayoutScale(5), outline, 12);
}

}  // namespace

MapTap DistrictMapPicker(const char* id, const part::DistrictMap& map, std::string_view selected_district,
                         const std::optional<part::GeoPoint>& pin, ImVec2 size,
                         std::string_view outside_label) {
    MapTap tap;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems || !part::HasMap(map)) return tap;
    UiFrame& f = Frame();
    // The map moves to its mirrored place right to left, but is never drawn mirrored itself.
    const ImRect bb(
        ImVec2(ReadingX(window->DC.CursorPos.x, size.x), window->DC.CursorPos.y),
        ImVec2(ReadingX(window->DC.CursorPos.x, size.x) + size.x, window->DC.CursorPos.y + size.y));
    ImGui::ItemSize(size);
    const ImGuiID gid = window->GetID(id);
    if (!ImGui::ItemAdd(bb, gid)) return tap;
    bool hovered = false, held = false;
    const bool pressed =
        ImGui::ButtonBehavior(bb, gid, &hovered, &held, ImGuiButtonFlags_PressedOnClickRelease) &&
        !f.gesture.dragging;

    ImDrawList* dl = window->DrawList;
    const float r = LayoutScale(units::kRounding);
    dl->AddRectFilled(bb.Min, bb.Max, f.theme.surface, r);
    dl->AddRect(bb.Min, bb.Max, f.theme.border, r, 0, LayoutScale(2));
    const float pad = LayoutScale(24);
    const part::MapViewport view =
        part::FitMapViewport(map, bb.Min.x + pad, bb.Min.y + pad, size.x - 2 * pad, size.y - 2 * pad);

    // Fills first, then outlines and names on top, so a neighbour's fill never hides a shared edge.
    // Without anti-aliasing the triangles of one district meet without a visible seam; the outlines drawn
    // next are anti-aliased and hide the polygon's own jagged edge.
    std::vector<ImVec2> pts;
    const ImDrawListFlags flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (const part::DistrictOutline& d : map.districts) {
        const bool selected = d.district == selected_district;
        pts.clear();
        for (const part::GeoPoint& g : d.outline) pts.push_back(ToImVec(part::GeoToScreen(view, g)));
        const ImU32 fill = Mix(f.theme.primary, f.theme.surface, selected ? 0.38f : 0.10f);
        for (const auto& t : part::TriangulatePolygon(d.outline)) {
            dl->AddTriangleFilled(pts[t[0]], pts[t[1]], pts[t[2]], fill);
        }
    }
    dl->Flags = flags;
    for (const part::DistrictOutline& d : map.districts) {
        const bool selected = d.district == selected_district;
        pts.clear();
        for (const part::GeoPoint& g : d.outline) pts.push_back(ToImVec(part::GeoToScreen(view, g)));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()),
                        selected ? f.theme.primary : f.theme.text_muted, ImDrawFlags_Closed,
                        LayoutScale(selected ? 6.0f : 3.0f));
    }
    for (const part::DistrictOutline& d : map.districts) {
        const ImVec2 c = ToImVec(part::GeoToScreen(view, part::Centroid(d.outline)));
        const ImVec2 half(LayoutScale(150), f.fonts.body->FontSize * 0.75f);
        const ImRect label(c - half, c + half);
        LabelCentered(dl, label.Min, label.Max, d.district, f.fonts.body, f.theme.text);
        // Traced as tappable: its centre lies in the district, so a replay's tap_text places a pin there.
        // The text's own extent (not the label box), so tests see what a visitor sees.
        const float tw = std::min(MeasureText(d.district, f.fonts.body).x * 0.5f, half.x);
        f.trace.push_back(TraceEntry{d.district, ImVec2(c.x - tw, label.Min.y), ImVec2(c.x + tw, label.Max.y),
                                     true, f.rtl});
    }
    if (pin) DrawPin(dl, ToImVec(part::GeoToScreen(view, *pin)), f.theme.accent, f.theme.on_accent);

    // Explore by touch: the map is one element per district. A first touch names the district under the
    // finger; a second tap on the same district, or the activate bar, places the pin. While the map holds
    // the focus, the point that named it stands for the finger (the activate bar's tap is elsewhere).
    const ExploreState& e = f.explore;
    const ImVec2 at = e.enabled && e.focus == gid && !pressed ? e.focus_point : ImGui::GetIO().MousePos;
    const part::GeoPoint geo = part::ScreenToGeo(view, part::ScreenPoint{at.x, at.y});
    const part::DistrictOutline* district = part::DistrictAt(map, geo);
    ImRect focus = bb;
    if (district) {
        focus = ImRect(ImVec2(FLT_MAX, FLT_MAX), ImVec2(-FLT_MAX, -FLT_MAX));
        for (const part::GeoPoint& g : district->outline) focus.Add(ToImVec(part::GeoToScreen(view, g)));
    }
    // A tap in the margin beside the city is still reported: the caller refuses it with a hint, which helps
    // more than a tap that silently does nothing.
    if (ExploreGate(gid, focus.Min, focus.Max, pressed,
                    {district ? std::string_view(district->district) : outside_label, Role::kButton})) {
        tap.tapped = true;
        tap.point = geo;
    }
    return tap;
}

}  // namespace ck::ui
