// The wizard's simple district map: outlines filled and named, the chosen district highlighted, a pin, and
// the whole map one large touch target. Geometry (projection, which district) is participation/geo.h's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

#include "participation/geo.h"

namespace ck::ui {

struct MapTap {
    bool tapped = false;
    part::GeoPoint point;  // the tapped place (valid only when tapped)
};

// Draws the map scaled into `size` at the cursor and reports a tap (a press released without dragging).
// `selected_district` is highlighted; `pin`, if any, is drawn. District names are traced, so replays can
// tap a district by its name. In explore by touch each district is an element named by its name;
// `outside_label` names the margin beside the city.
MapTap DistrictMapPicker(const char* id, const part::DistrictMap& map, std::string_view selected_district,
                         const std::optional<part::GeoPoint>& pin, ImVec2 size,
                         std::string_view outside_label);

}  // namespace ck::ui
