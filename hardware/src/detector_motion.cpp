#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>
#include <opencv2/video/background_segm.hpp>

#include "hardware/detector.h"

namespace ck::hw {

namespace {

class MotionDetector final : public Detector {
  public:
    explicit MotionDetector(const MotionParams& params) : params_(params) {
        subtractor_ = cv::createBackgroundSubtractorMOG2(params_.history, params_.var_threshold,
                                                         /*detectShadows=*/true);
        open_kernel_ = cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3});
        // Taller than wide: joins a person's head, torso and legs without merging neighbours side by side.
        close_kernel_ = cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 11});
    }

    Result<std::vector<Detection>> Detect(const cv::Mat& bgr) override {
        std::vector<Detection> dets;
        if (bgr.empty()) return dets;
        try {
            const double scale = bgr.cols > params_.work_width ? double(params_.work_width) / bgr.cols : 1.0;
            if (scale < 1.0) {
                cv::resize(bgr, small_, {}, scale, scale, cv::INTER_AREA);
            } else {
                small_ = bgr;
            }
            subtractor_->apply(small_, mask_);
            if (++frames_ <= params_.warmup_frames) return dets;
            // MOG2 marks shadows 127: they are not people.
            cv::threshold(mask_, mask_, 200, 255, cv::THRESH_BINARY);
            cv::morphologyEx(mask_, mask_, cv::MORPH_OPEN, open_kernel_);
            cv::morphologyEx(mask_, mask_, cv::MORPH_CLOSE, close_kernel_);
            contours_.clear();
            cv::findContours(mask_, contours_, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
            const double area = double(small_.cols) * small_.rows;
            for (const auto& contour : contours_) {
                const cv::Rect r = cv::boundingRect(contour);
                const double blob_area = cv::contourArea(contour);
                if (blob_area < params_.min_area_frac * area || blob_area > params_.max_area_frac * area)
                    continue;
                // Wide, low blobs are cars, bags or remains of shadows; even a group of people stays tall.
                if (r.height < params_.min_aspect * r.width) continue;
                SplitBlob(r, scale, dets);
            }
        } catch (const cv::Exception& e) {
            return MakeError("counter.motion_failed", std::string("motion detection failed: ") + e.what());
        }
        std::sort(dets.begin(), dets.end(), [](const Detection& a, const Detection& b) {
            return a.box.x != b.box.x ? a.box.x < b.box.x : a.box.y < b.box.y;
        });
        return dets;
    }

    std::string Name() const override { return "motion"; }

  private:
    // People walking side by side merge into one wide blob; split it into as many person-wide columns as
    // its aspect suggests, each column trimmed to the rows that hold foreground.
    void SplitBlob(const cv::Rect& r, double scale, std::vector<Detection>& out) const {
        const double expected_w = r.height / params_.person_aspect;
        const int parts =
            std::clamp(static_cast<int>(std::lround(r.width / std::max(1.0, expected_w))), 1, 6);
        const double part_w = double(r.width) / parts;
        for (int k = 0; k < parts; ++k) {
            cv::Rect col(r.x + static_cast<int>(std::lround(k * part_w)), r.y,
                         std::max(1, static_cast<int>(std::lround(part_w))), r.height);
            col &= cv::Rect(0, 0, mask_.cols, mask_.rows);
            if (parts > 1) {
                const cv::Mat sub = mask_(col);
                int top = -1, bottom = -1;
                for (int y = 0; y < sub.rows; ++y) {
                    if (cv::countNonZero(sub.row(y)) > 0) {
                        if (top < 0) top = y;
                        bottom = y;
                    }
                }
                if (top < 0 || bottom - top < r.height / 3) continue;
                col.y += top;
                col.height = bottom - top + 1;
            }
            out.push_back({{col.x / scale, col.y / scale, col.width / scale, col.height / scale}, 1.0f});
        }
    }

    MotionParams params_;
    cv::Ptr<cv::BackgroundSubtractorMOG2> subtractor_;
    cv::Mat open_kernel_, close_kernel_;
    cv::Mat small_, mask_;
    std::vector<std::vector<cv::Point>> contours_;
    int frames_ = 0;
};

}  // namespace

std::unique_ptr<Detector> MakeMotionDetector(const MotionParams& params) {
    return std::make_unique<MotionDetector>(params);
}

}  // namespace ck::hw
