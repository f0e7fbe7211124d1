#include "participation/geo.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace ck::part {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr std::size_t kMaxVertices = 500;

double SignedArea(const std::vector<GeoPoint>& poly) {
    double a = 0;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        a += poly[j].lon * poly[i].lat - poly[i].lon * poly[j].lat;
    }
    return a / 2;
}

// Shortening of east-west degrees at the map's middle latitude (never zero: bounds stop short of the poles).
double LonFactor(GeoPoint south_west, GeoPoint north_east) {
    const double mid = (south_west.lat + north_east.lat) / 2;
    return std::max(0.01, std::cos(mid * kPi / 180));
}

}  // namespace

bool IsValidPoint(const GeoPoint& p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat) && p.lon >= -180 && p.lon <= 180 && p.lat >= -90 &&
           p.lat <= 90;
}

Status ValidateDistrictMap(const DistrictMap& map, const std::vector<std::string>& districts) {
    if (!HasMap(map)) return {};
    const GeoPoint sw = map.south_west, ne = map.north_east;
    if (!IsValidPoint(sw) || !IsValidPoint(ne) || !(sw.lon < ne.lon) || !(sw.lat < ne.lat)) {
        return MakeError(
            "ideas.map.invalid",
            "ideas.map.bounds: must be [west, south, east, north] in degrees with west < east and "
            "south < north");
    }
    std::set<std::string> seen;
    for (const DistrictOutline& d : map.districts) {
        const std::string where = "ideas.map district \"" + d.district + "\": ";
        if (std::find(districts.begin(), districts.end(), d.district) == districts.end()) {
            return MakeError("ideas.map.invalid", where + "is not one of ideas.districts");
        }
        if (!seen.insert(d.district).second)
            return MakeError("ideas.map.invalid", where + "has two outlines");
        if (d.outline.size() < 3 || d.outline.size() > kMaxVertices) {
            return MakeError("ideas.map.invalid", where + "outline must have 3 to " +
                                                      std::to_string(kMaxVertices) + " [lon, lat] points");
        }
        for (const GeoPoint& p : d.outline) {
            if (!IsValidPoint(p) || p.lon < sw.lon || p.lon > ne.lon || p.lat < sw.lat || p.lat > ne.lat) {
                return MakeError(
                    "ideas.map.invalid",
                    where + "every outline point must be a finite [lon, lat] inside ideas.map.bounds");
            }
        }
        // A line or a repeated point cannot be tapped into; it is always a typo in the file.
        if (std::abs(SignedArea(d.outline)) < 1e-12) {
            return MakeError("ideas.map.invalid", where + "outline encloses no area");
        }
    }
    return {};
}

bool PointInPolygon(const std::vector<GeoPoint>& poly, GeoPoint p) {
    if (poly.size() < 3) return false;
    bool inside = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const GeoPoint a = poly[i], b = poly[j];
        if ((a.lat > p.lat) != (b.lat > p.lat)) {
            const double lon_at = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
            if (p.lon < lon_at) inside = !inside;
        }
    }
    return inside;
}

const DistrictOutline* DistrictAt(const DistrictMap& map, GeoPoint p) {
    for (const DistrictOutline& d : map.districts) {
        if (PointInPolygon(d.outline, p)) return &d;
    }
    return nullptr;
}

GeoPoint Centroid(const std::vector<GeoPoint>& poly) {
    if (poly.empty()) return {};
    const double area = SignedArea(poly);
    if (std::abs(area) < 1e-12) {
        GeoPoint mean;
        for (const GeoPoint& p : poly) mean.lon += p.lon, mean.lat += p.lat;
        return {mean.lon / static_cast<double>(poly.size()), mean.lat / static_cast<double>(poly.size())};
    }
    double cx = 0, cy = 0;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const double cross = poly[j].lon * poly[i].lat - poly[i].lon * poly[j].lat;
        cx += (poly[j].lon + poly[i].lon) * cross;
        cy += (poly[j].lat + poly[i].lat) * cross;
    }
    return {cx / (6 * area), cy / (6 * area)};
}

std::vector<std::array<std::size_t, 3>> TriangulatePolygon(const std::vector<GeoPoint>& poly) {
    std::vector<std::array<std::size_t, 3>> out;
    if (poly.size() < 3) return out;
    const double orientation = SignedArea(poly) >= 0 ? 1 : -1;
    auto cross = [&](std::size_t a, std::size_t b, std::size_t c) {
        return ((poly[b].lon - poly[a].lon) * (poly[c].lat - poly[a].lat) -
                (poly[b].lat - poly[a].lat) * (poly[c].lon - poly[a].lon)) *
               orientation;
    };
    auto inside = [&](std::size_t p, std::size_t a, std::size_t b, std::size_t c) {
        // Strictly inside or on an edge of the (oriented) triangle abc: such a vertex blocks the ear.
        return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
    };
    std::vector<std::size_t> idx(poly.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::size_t guard = 0;
    while (idx.size() > 3 && guard < idx.size()) {
        bool clipped = false;
        for (std::size_t i = 0; i < idx.size(); ++i) {
            const std::size_t a = idx[(i + idx.size() - 1) % idx.size()], b = idx[i],
                              c = idx[(i + 1) % idx.size()];
            if (cross(a, b, c) <= 0) continue;  // reflex or straight corner: not an ear
            bool blocked = false;
            for (std::size_t k : idx) {
                if (k != a && k != b && k != c && inside(k, a, b, c)) {
                    blocked = true;
                    break;
                }
            }
            if (blocked) continue;
            out.push_back({a, b, c});
            idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i));
            clipped = true;
            break;
        }
        guard = clipped ? 0 : guard + 1;
        if (!clipped) break;
    }
    if (idx.size() == 3) out.push_back({idx[0], idx[1], idx[2]});
    return out;
}

MapViewport FitMapViewport(const DistrictMap& map, double x, double y, double width, double height) {
    MapViewport v;
    v.south_west = map.south_west;
    v.north_east = map.north_east;
    const double geo_w =
        (map.north_east.lon - map.south_west.lon) * LonFactor(map.south_west, map.north_east);
    const double geo_h = map.north_east.lat - map.south_west.lat;
    if (!(geo_w > 0) || !(geo_h > 0) || !(width > 0) || !(height > 0)) {
        v.x = x, v.y = y;
        return v;  // zero size: nothing is drawn and no tap lands in it
    }
    const double scale = std::min(width / geo_w, height / geo_h);
    v.width = geo_w * scale;
    v.height = geo_h * scale;
    v.x = x + (width - v.width) / 2;
    v.y = y + (height - v.height) / 2;
    return v;
}

ScreenPoint GeoToScreen(const MapViewport& v, GeoPoint p) {
    const double fx = (p.lon - v.south_west.lon) / (v.north_east.lon - v.south_west.lon);
    const double fy = (v.north_east.lat - p.lat) / (v.north_east.lat - v.south_west.lat);
    return {v.x + fx * v.width, v.y + fy * v.height};
}

GeoPoint ScreenToGeo(const MapViewport& v, ScreenPoint s) {
    if (!(v.width > 0) || !(v.height > 0)) return v.south_west;
    const double fx = (s.x - v.x) / v.width;
    const double fy = (s.y - v.y) / v.height;
    return {v.south_west.lon + fx * (v.north_east.lon - v.south_west.lon),
            v.north_east.lat - fy * (v.north_east.lat - v.south_west.lat)};
}

bool ViewportContains(const MapViewport& v, ScreenPoint s) {
    return v.width > 0 && v.height > 0 && s.x >= v.x && s.x <= v.x + v.width && s.y >= v.y &&
           s.y <= v.y + v.height;
}

}  // namespace ck::part
