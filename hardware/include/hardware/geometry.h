// Image-plane geometry of the passer-by counter. Pixels, y grows downwards (image coordinates).
#pragma once

#include <optional>

namespace ck::hw {

struct Point2 {
    double x = 0, y = 0;
};

// Axis-aligned box: top-left corner, width, height.
struct Box {
    double x = 0, y = 0, w = 0, h = 0;
};

// The point where a person stands: bottom centre of the box (the counting contract's "foot point").
inline Point2 FootPoint(const Box& b) {
    return {b.x + b.w / 2, b.y + b.h};
}
inline Point2 Centre(const Box& b) {
    return {b.x + b.w / 2, b.y + b.h / 2};
}

double Cross(Point2 u, Point2 v);
double IoU(const Box& a, const Box& b);

// A directed segment A -> B.
struct Segment {
    Point2 a, b;
};

double Length(const Segment& s);
// cross(B - A, P - A) / |B - A|: signed distance of P from the infinite line; > 0 is side +1.
double SignedDistance(const Segment& line, Point2 p);
// -1, 0 or +1 (the sign of the cross product).
int SideOf(const Segment& line, Point2 p);
// Where the move p -> q meets the infinite line through `line`, as the parameter t along A -> B
// (0 at A, 1 at B); nullopt when the move is parallel to the line.
std::optional<double> CrossingParameter(const Segment& line, Point2 p, Point2 q);

}  // namespace ck::hw
