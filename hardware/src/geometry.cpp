#include "hardware/geometry.h"

#include <algorithm>
#include <cmath>

namespace ck::hw {

double Cross(Point2 u, Point2 v) {
    return u.x * v.y - u.y * v.x;
}

double IoU(const Box& a, const Box& b) {
    const double ix = std::max(0.0, std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x));
    const double iy = std::max(0.0, std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y));
    const double inter = ix * iy;
    const double uni = a.w * a.h + b.w * b.h - inter;
    return uni > 0 ? inter / uni : 0.0;
}

double Length(const Segment& s) {
    return std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
}

double SignedDistance(const Segment& line, Point2 p) {
    const double len = Length(line);
    if (len <= 0) return 0;
    return Cross({line.b.x - line.a.x, line.b.y - line.a.y}, {p.x - line.a.x, p.y - line.a.y}) / len;
}

int SideOf(const Segment& line, Point2 p) {
    const double c = Cross({line.b.x - line.a.x, line.b.y - line.a.y}, {p.x - line.a.x, p.y - line.a.y});
    return (c > 0) - (c < 0);
}

std::optional<double> CrossingParameter(const Segment& line, Point2 p, Point2 q) {
    // Solve A + t (B - A) = P + s (Q - P) for t.
    const Point2 d{line.b.x - line.a.x, line.b.y - line.a.y};
    const Point2 m{q.x - p.x, q.y - p.y};
    const double denom = Cross(d, m);
    if (std::abs(denom) < 1e-12) return std::nullopt;
    const Point2 ap{p.x - line.a.x, p.y - line.a.y};
    return Cross(ap, m) / denom;
}

}  // namespace ck::hw
