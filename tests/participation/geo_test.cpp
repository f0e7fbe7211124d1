// The district map's geometry: validation of a configured map, which district a point lies in, the
// screen <-> geo projection the wizard's tap goes through, and the triangles the UI fills.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "participation/geo.h"

namespace ck::part {
namespace {

// Two districts side by side sharing the edge lon = 7.2, inside bounds 7.1..7.3 / 51.5..51.6.
DistrictMap TwoDistricts() {
    DistrictMap m;
    m.south_west = {7.1, 51.5};
    m.north_east = {7.3, 51.6};
    m.districts = {
        {"West", {{7.1, 51.5}, {7.2, 51.5}, {7.2, 51.6}, {7.1, 51.6}}},
        // An L shape (not convex), clockwise: both orientations must work.
        {"East", {{7.2, 51.5}, {7.2, 51.6}, {7.25, 51.6}, {7.25, 51.55}, {7.3, 51.55}, {7.3, 51.5}}}};
    return m;
}

TEST(Geo, ValidMapPasses) {
    EXPECT_TRUE(ValidateDistrictMap(TwoDistricts(), {"West", "East", "Other"}).ok());
}

TEST(Geo, NoMapIsValid) {
    EXPECT_TRUE(ValidateDistrictMap(DistrictMap{}, {}).ok());
}

TEST(Geo, InvalidMapsNameWhatIsWrong) {
    const std::vector<std::string> names{"West", "East"};
    auto message = [&](const DistrictMap& m) {
        const Status s = ValidateDistrictMap(m, names);
        EXPECT_FALSE(s.ok());
        return s.ok() ? std::string() : s.error().message;
    };
    DistrictMap m = TwoDistricts();
    m.districts[0].outline.resize(2);
    EXPECT_NE(message(m).find("\"West\": outline must have 3"), std::string::npos);

    m = TwoDistricts();
    m.districts[1].outline[2].lat = 51.7;  // outside the bounds
    EXPECT_NE(message(m).find("\"East\": every outline point"), std::string::npos);

    m = TwoDistricts();
    m.districts[1].outline[0].lon = std::numeric_limits<double>::quiet_NaN();
    EXPECT_NE(message(m).find("finite"), std::string::npos);

    m = TwoDistricts();
    m.districts[0].district = "Nowhere";
    EXPECT_NE(message(m).find("\"Nowhere\": is not one of ideas.districts"), std::string::npos);

    m = TwoDistricts();
    m.districts[1].district = "West";
    EXPECT_NE(message(m).find("two outlines"), std::string::npos);

    m = TwoDistricts();
    m.north_east.lon = 7.0;  // east of west
    EXPECT_NE(message(m).find("ideas.map.bounds"), std::string::npos);

    m = TwoDistricts();
    m.districts[0].outline = {{7.1, 51.5}, {7.15, 51.55}, {7.2, 51.6}};  // a line
    EXPECT_NE(message(m).find("no area"), std::string::npos);
}

TEST(Geo, PointInPolygonHandlesConcaveOutlines) {
    const DistrictMap m = TwoDistricts();
    const auto& east = m.districts[1].outline;
    EXPECT_TRUE(PointInPolygon(east, {7.22, 51.58}));   // the upright of the L
    EXPECT_TRUE(PointInPolygon(east, {7.28, 51.52}));   // its foot
    EXPECT_FALSE(PointInPolygon(east, {7.28, 51.58}));  // the notch
    EXPECT_FALSE(PointInPolygon(east, {7.15, 51.55}));
    EXPECT_FALSE(PointInPolygon({{7.1, 51.5}, {7.2, 51.5}}, {7.15, 51.5}));  // not a polygon
}

TEST(Geo, DistrictAtFindsTheDistrictOrNone) {
    const DistrictMap m = TwoDistricts();
    ASSERT_NE(DistrictAt(m, {7.15, 51.55}), nullptr);
    EXPECT_EQ(DistrictAt(m, {7.15, 51.55})->district, "West");
    ASSERT_NE(DistrictAt(m, {7.22, 51.55}), nullptr);
    EXPECT_EQ(DistrictAt(m, {7.22, 51.55})->district, "East");
    EXPECT_EQ(DistrictAt(m, {7.28, 51.58}), nullptr);  // in the bounds, in no district
    EXPECT_EQ(DistrictAt(m, {8.0, 52.0}), nullptr);
}

TEST(Geo, CentroidOfASquareIsItsMiddle) {
    const GeoPoint c = Centroid({{0, 0}, {2, 0}, {2, 2}, {0, 2}});
    EXPECT_DOUBLE_EQ(c.lon, 1);
    EXPECT_DOUBLE_EQ(c.lat, 1);
    const DistrictMap m = TwoDistricts();
    EXPECT_TRUE(PointInPolygon(m.districts[0].outline, Centroid(m.districts[0].outline)));
}

TEST(Geo, ViewportKeepsShapeAndIsCentred) {
    const DistrictMap m = TwoDistricts();
    // 0.2 deg of longitude at 51.55 N is about 0.124 "lat degrees" wide; the map is 0.1 high.
    const MapViewport v = FitMapViewport(m, 100, 50, 1000, 1000);
    const double aspect = 0.2 * std::cos(51.55 * 3.14159265358979 / 180) / 0.1;
    EXPECT_NEAR(v.width / v.height, aspect, 1e-9);
    EXPECT_NEAR(v.width, 1000, 1e-9);                    // width-limited
    EXPECT_NEAR(v.y - 50, (1000 - v.height) / 2, 1e-9);  // centred vertically
    EXPECT_NEAR(v.x, 100, 1e-9);
}

TEST(Geo, ScreenAndGeoRoundTrip) {
    const DistrictMap m = TwoDistricts();
    for (const auto& [w, h] : {std::pair{1920.0, 700.0}, std::pair{1000.0, 1300.0}}) {
        const MapViewport v = FitMapViewport(m, 20, 300, w, h);
        // Corners: north-west is top-left, south-east bottom-right.
        const ScreenPoint nw = GeoToScreen(v, {7.1, 51.6});
        EXPECT_NEAR(nw.x, v.x, 1e-6);
        EXPECT_NEAR(nw.y, v.y, 1e-6);
        const ScreenPoint se = GeoToScreen(v, {7.3, 51.5});
        EXPECT_NEAR(se.x, v.x + v.width, 1e-6);
        EXPECT_NEAR(se.y, v.y + v.height, 1e-6);
        for (const GeoPoint g : {GeoPoint{7.15, 51.55}, GeoPoint{7.2871, 51.5012}, GeoPoint{7.1, 51.6}}) {
            const GeoPoint back = ScreenToGeo(v, GeoToScreen(v, g));
            EXPECT_NEAR(back.lon, g.lon, 1e-9);
            EXPECT_NEAR(back.lat, g.lat, 1e-9);
        }
        EXPECT_TRUE(ViewportContains(v, GeoToScreen(v, {7.2, 51.55})));
        EXPECT_FALSE(ViewportContains(v, ScreenPoint{v.x - 1, v.y + 1}));
    }
    // A tap in the middle of the drawn West district lands in West.
    const MapViewport v = FitMapViewport(m, 0, 0, 800, 600);
    const GeoPoint tapped = ScreenToGeo(v, ScreenPoint{v.x + v.width * 0.25, v.y + v.height * 0.5});
    ASSERT_NE(DistrictAt(m, tapped), nullptr);
    EXPECT_EQ(DistrictAt(m, tapped)->district, "West");
}

TEST(Geo, ZeroSizedViewportTakesNoTaps) {
    const MapViewport v = FitMapViewport(TwoDistricts(), 0, 0, 0, 500);
    EXPECT_FALSE(ViewportContains(v, ScreenPoint{0, 0}));
}

double TriangleArea(const std::vector<GeoPoint>& p, const std::array<std::size_t, 3>& t) {
    return std::abs((p[t[1]].lon - p[t[0]].lon) * (p[t[2]].lat - p[t[0]].lat) -
                    (p[t[1]].lat - p[t[0]].lat) * (p[t[2]].lon - p[t[0]].lon)) /
           2;
}

TEST(Geo, TrianglesCoverConcavePolygonsExactly) {
    const DistrictMap m = TwoDistricts();
    for (const auto& d : m.districts) {
        const auto tris = TriangulatePolygon(d.outline);
        EXPECT_EQ(tris.size(), d.outline.size() - 2) << d.district;
        double area = 0;
        for (const auto& t : tris) area += TriangleArea(d.outline, t);
        // West: 0.1 x 0.1; East: the L = 0.1 x 0.05 + 0.05 x 0.05.
        EXPECT_NEAR(area, d.district == "West" ? 0.01 : 0.0075, 1e-12) << d.district;
    }
    EXPECT_TRUE(TriangulatePolygon({{0, 0}, {1, 1}}).empty());
}

}  // namespace
}  // namespace ck::part
