// What a detected person looks like, for the tracker: coarse colour histograms of the upper and the lower
// body. Computed from the frame in the counting loop and kept only as these few numbers per box.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "hardware/tracker.h"

namespace ck::hw {

// Fills each detection's `appearance` from the BGR frame it was detected in. A box too small or mostly
// outside the frame gets none (valid = false).
void DescribeAppearance(const cv::Mat& bgr, std::vector<Detection>& detections);

}  // namespace ck::hw
