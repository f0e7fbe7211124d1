// Places on the simple district map of the idea wizard: the configured map (district outlines in lon/lat),
// which district a point lies in, and the projection between the map's geographic bounds and a screen
// rectangle. Pure functions on plain numbers, so the UI's tap-to-point conversion is unit-tested without
// ImGui.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace ck::part {

struct GeoPoint {
    double lon = 0;
    double lat = 0;
};

// One district of the map: its name (a key of IdeaSettings::districts) and its outline, a simple polygon
// whose last vertex connects back to the first.
struct DistrictOutline {
    std::string district;
    std::vector<GeoPoint> outline;
};

// A schematic map, not a survey: enough for a visitor to say "about here". Empty `districts` = no map
// configured, and the wizard does not offer "a point on the map".
struct DistrictMap {
    GeoPoint south_west;  // the map's bounds; every vertex lies inside them
    GeoPoint north_east;
    std::vector<DistrictOutline> districts;
};

inline bool HasMap(const DistrictMap& map) {
    return !map.districts.empty();
}

bool IsValidPoint(const GeoPoint& p);  // finite, lon in [-180, 180], lat in [-90, 90]

// Bounds finite and non-empty (west < east, south < north); every district configured (in `districts`),
// named once, with 3 to 500 finite vertices inside the bounds and a non-zero area. Errors
// "ideas.map.invalid" whose message names the district and what is wrong.
Status ValidateDistrictMap(const DistrictMap& map, const std::vector<std::string>& districts);

// Even-odd rule; a point exactly on an edge may fall on either side (taps are never that exact).
bool PointInPolygon(const std::vector<GeoPoint>& polygon, GeoPoint p);
// The first district containing `p`, or nullptr (outside every district: the UI refuses the tap).
const DistrictOutline* DistrictAt(const DistrictMap& map, GeoPoint p);
// The area centroid of a polygon (where the UI puts the district's name); the vertex mean if degenerate.
GeoPoint Centroid(const std::vector<GeoPoint>& polygon);

// Triangles (vertex indices) covering a simple polygon of either orientation, by ear clipping: ImGui fills
// only convex shapes, and a district rarely is one. A self-intersecting outline yields the triangles found
// before clipping got stuck (drawn partly, never a crash).
std::vector<std::array<std::size_t, 3>> TriangulatePolygon(const std::vector<GeoPoint>& polygon);

// Where the map sits on screen: the bounds scaled uniformly into a rectangle and centred in it. East-west
// degrees are shortened by cos(latitude) so districts keep their shape (equirectangular projection; at city
// scale its error is far below what a finger can point at).
struct ScreenPoint {
    double x = 0;
    double y = 0;  // down, as on screen
};
struct MapViewport {
    double x = 0, y = 0, width = 0,
           height = 0;  // the drawn map, inside the rectangle passed to FitMapViewport
    GeoPoint south_west, north_east;
};
MapViewport FitMapViewport(const DistrictMap& map, double x, double y, double width, double height);
ScreenPoint GeoToScreen(const MapViewport& view, GeoPoint p);
GeoPoint ScreenToGeo(const MapViewport& view, ScreenPoint s);
bool ViewportContains(const MapViewport& view, ScreenPoint s);

}  // namespace ck::part
