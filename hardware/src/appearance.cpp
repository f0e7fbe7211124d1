#include "hardware/appearance.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace ck::hw {

namespace {

constexpr int kHueBins = 8;  // saturated pixels by hue; the rest (greys, black, white) by brightness
static_assert(kHueBins + 4 == Appearance::kBinsPerPart);

// One body part: the box's central columns (the edges are mostly background) between two heights.
bool DescribePart(const cv::Mat& hsv, double top, double bottom, float* bins) {
    const int y0 = std::clamp(static_cast<int>(std::lround(top * hsv.rows)), 0, hsv.rows);
    const int y1 = std::clamp(static_cast<int>(std::lround(bottom * hsv.rows)), 0, hsv.rows);
    const int x0 = hsv.cols / 5, x1 = hsv.cols - hsv.cols / 5;
    int n = 0;
    for (int y = y0; y < y1; ++y) {
        const cv::Vec3b* row = hsv.ptr<cv::Vec3b>(y);
        for (int x = x0; x < x1; ++x) {
            const cv::Vec3b p = row[x];
            // OpenCV 8-bit HSV: H 0..179, S and V 0..255. Dark or washed-out pixels have no reliable hue.
            const int bin =
                (p[1] >= 60 && p[2] >= 50) ? p[0] * kHueBins / 180 : kHueBins + std::min(3, p[2] / 64);
            bins[bin] += 1.0f;
            ++n;
        }
    }
    if (n < 12) return false;
    for (int i = 0; i < Appearance::kBinsPerPart; ++i) bins[i] /= static_cast<float>(n);
    return true;
}

}  // namespace

void DescribeAppearance(const cv::Mat& bgr, std::vector<Detection>& detections) {
    if (bgr.empty() || bgr.type() != CV_8UC3) return;
    const cv::Rect frame(0, 0, bgr.cols, bgr.rows);
    cv::Mat hsv;
    for (Detection& d : detections) {
        d.appearance = Appearance{};
        const cv::Rect box(static_cast<int>(std::lround(d.box.x)), static_cast<int>(std::lround(d.box.y)),
                           static_cast<int>(std::lround(d.box.w)), static_cast<int>(std::lround(d.box.h)));
        const cv::Rect inside = box & frame;
        // A box mostly outside the frame shows only part of the person: its colours would mislead.
        if (inside.width < 6 || inside.height < 12 || inside.area() < box.area() * 0.6) continue;
        cv::cvtColor(bgr(inside), hsv, cv::COLOR_BGR2HSV);
        // Upper body (below the head) and legs, as fractions of the visible box.
        Appearance a;
        const bool upper = DescribePart(hsv, 0.15, 0.55, a.bins.data());
        const bool lower = DescribePart(hsv, 0.55, 0.95, a.bins.data() + Appearance::kBinsPerPart);
        a.valid = upper && lower;
        if (a.valid) d.appearance = a;
    }
}

}  // namespace ck::hw
