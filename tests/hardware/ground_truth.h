// The PETS 2009 S2.L1 ground-truth boxes (frame,id,x,y,w,h), the clip variants the counter is judged on
// (mirrored, every second frame, noisy re-compressed) and the contract's truth for each. Shared by the
// accuracy tests and bench/counter's accuracy table; no GoogleTest in here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include <opencv2/core.hpp>

#include "hardware/geometry.h"
#include "hardware/line_counter.h"

namespace ck::hw::test {

struct GtBox {
    int frame = 0;
    std::int64_t id = 0;
    Box box;
};

// Rows in file order (sorted by frame); empty when the file is missing or malformed.
std::vector<GtBox> LoadGroundTruth(const std::filesystem::path& csv);

// Mirrors every box horizontally in a frame of the given width (for the flipped clip).
std::vector<GtBox> MirrorX(std::vector<GtBox> boxes, double frame_w);
// Keeps only frames with frame % step == 0 (for the every-n-th-frame variant).
std::vector<GtBox> EveryNth(const std::vector<GtBox>& boxes, int step);

// Feeds each person's foot point, frame by frame, through a LineCounter.
std::vector<LineTotals> CountGroundTruth(const std::vector<GtBox>& boxes,
                                         const std::vector<CountingLine>& lines, double hysteresis_px = 6.0);

enum class Variant { kPlain, kMirrored, kEverySecond, kNoisy };
const char* ToString(Variant v);
inline constexpr Variant kAllVariants[] = {Variant::kPlain, Variant::kMirrored, Variant::kEverySecond,
                                           Variant::kNoisy};

// The line as it must be placed on the variant's frames (mirrored: x -> W - x).
CountingLine LineFor(Variant v, CountingLine line, double frame_w);
// The truth for the variant: the annotated boxes, transformed like the frames, through the same rule.
std::vector<LineTotals> TruthFor(Variant v, const std::vector<GtBox>& boxes,
                                 const std::vector<CountingLine>& lines, double frame_w);
// In-memory frame transform of the variant (mirror; Gaussian noise + JPEG quality 25, fixed seed).
std::function<void(cv::Mat&)> TransformFor(Variant v);
int FrameStepFor(Variant v);

// The lines the counter is judged on: the two documented ones and others (off-centre, diagonal, partial).
std::vector<CountingLine> JudgedLines();

}  // namespace ck::hw::test
