// The PETS 2009 S2.L1 ground-truth boxes (frame,id,x,y,w,h) and the counts the contract gives on them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "hardware/geometry.h"
#include "hardware/line_counter.h"

namespace ck::hw::test {

struct GtBox {
    int frame = 0;
    std::int64_t id = 0;
    Box box;
};

// Rows in file order (sorted by frame). Fails the calling test on a malformed file.
std::vector<GtBox> LoadGroundTruth(const std::filesystem::path& csv);

// Mirrors every box horizontally in a frame of the given width (for the flipped clip).
std::vector<GtBox> MirrorX(std::vector<GtBox> boxes, double frame_w);
// Keeps only frames with frame % step == 0 (for the every-n-th-frame variant).
std::vector<GtBox> EveryNth(const std::vector<GtBox>& boxes, int step);

// Feeds each person's foot point, frame by frame, through a LineCounter.
std::vector<LineTotals> CountGroundTruth(const std::vector<GtBox>& boxes,
                                         const std::vector<CountingLine>& lines, double hysteresis_px = 6.0);

}  // namespace ck::hw::test
