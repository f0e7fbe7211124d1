// Counting people crossing directed line segments, exactly per the counting contract
// (../shared/data/pets2009-s2l1/README.md): a person is its foot point; side(P) = sign(cross(B - A, P - A));
// a crossing is counted when a person last seen at least H px on one side is next seen at least H px on the
// other side and the point where that move meets the line lies on the segment AB. positive = side -1 -> +1.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "hardware/geometry.h"

namespace ck::hw {

struct CountingLine {
    std::string name;
    Segment segment;
};

enum class Direction { kPositive, kNegative };
const char* ToString(Direction d);

struct Crossing {
    std::size_t line_index = 0;
    Direction direction = Direction::kPositive;
    std::int64_t track_id = 0;
};

struct LineTotals {
    std::int64_t positive = 0;
    std::int64_t negative = 0;
};

// A line is usable when it has a length of at least 2 px and both ends lie inside the frame (borders
// included). frame_w/frame_h <= 0: only the length is checked.
Status ValidateLine(const Segment& s, int frame_w, int frame_h);
// Parses "x1,y1,x2,y2" (integers or decimals).
Result<Segment> ParseLine(const std::string& text);

class LineCounter {
  public:
    // hysteresis_px: H of the contract (6 px for the reference counts).
    // confirm_observations: 1 is the contract exactly. With n > 1 a new side is confirmed only after n
    // consecutive observations at least H beyond the line (a band observation or one back on the old side
    // starts over); the counted move is still the one from the last point on the old side to the first point
    // on the new side. Detected feet jitter more than annotated ones; this keeps a person walking along the
    // line from being counted back and forth, at the price of missing a turn-back shorter than n frames.
    // confirm_heights > 0: a new side is also confirmed as soon as the foot is that many person heights
    // (Observe's person_height) beyond the line. Unlike n, a distance means the same at any frame rate: at a
    // low one a short step over the line is seen too few times for n, but still goes that far.
    LineCounter(std::vector<CountingLine> lines, double hysteresis_px, int confirm_observations = 1,
                double confirm_heights = 0);

    // One observation of a track's foot point, in time order per track. Appends the crossings it completes.
    // person_height (px, 0 = unknown) lets a side change be confirmed by distance, see the constructor.
    void Observe(std::int64_t track_id, Point2 foot, std::vector<Crossing>& out, double person_height = 0);
    // The track is gone; its state is dropped (a new id starts with no confirmed side).
    void Forget(std::int64_t track_id);
    // The track is gone for good (dropped by the tracker, or the video ended): a side change still waiting
    // for its confirming observations counts, since the person was last seen beyond H on the new side, which
    // is the contract's rule; the confirmation only guards against jitter while more observations come.
    // Then the state is dropped as by Forget.
    void Finish(std::int64_t track_id, std::vector<Crossing>& out);
    // New geometry (the operator moved a line): a line keeps its totals when the new list has one of the same
    // name. Every track's confirmed sides are dropped, since they were sides of the old segments: a person
    // counts on a new line once seen beyond H on one side and then the other, as if they had just appeared.
    void ReplaceLines(std::vector<CountingLine> lines);

    const std::vector<CountingLine>& lines() const { return lines_; }
    const std::vector<LineTotals>& totals() const { return totals_; }
    double hysteresis_px() const { return hysteresis_px_; }

  private:
    void Count(std::size_t line, int side, std::int64_t track_id, Point2 from, Point2 to,
               std::vector<Crossing>& out);
    struct SideState {
        int side = 0;     // last confirmed side (-1, +1), 0 = none yet
        Point2 where;     // where the track was last seen on that side, at least H px away
        int pending = 0;  // consecutive observations beyond H on the other side
        Point2 pending_first;
    };
    std::vector<CountingLine> lines_;
    double hysteresis_px_;
    int confirm_observations_;
    double confirm_heights_;
    std::vector<LineTotals> totals_;
    std::unordered_map<std::int64_t, std::vector<SideState>> tracks_;
};

}  // namespace ck::hw
