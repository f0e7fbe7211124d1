// One frame through the counter: detector -> tracker -> line counters. The frame is only read here, never
// kept: what survives a frame is boxes, track states and totals.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/result.h"
#include "hardware/detector.h"
#include "hardware/line_counter.h"
#include "hardware/tracker.h"

namespace ck::hw {

struct PipelineParams {
    double hysteresis_px = 9.0;  // H; the contract counts with 6 on annotated feet, detected ones jitter more
    // A new side is confirmed after this many observations beyond H (see LineCounter; 1 = the contract)...
    int confirm_observations = 5;
    // ...or as soon as the foot is this many person heights beyond the line. Jitter of a detected foot is a
    // small fraction of the person's height, a real step over the line soon goes farther; and a distance,
    // unlike an observation count, means the same at 25, 10 or 5 frames per second.
    double confirm_heights = 0.3;
    TrackerParams tracker;
};

class CountingPipeline {
  public:
    CountingPipeline(std::unique_ptr<Detector> detector, std::vector<CountingLine> lines,
                     PipelineParams params);

    // Appends this frame's crossings to `out`.
    Status ProcessFrame(const cv::Mat& bgr, std::vector<Crossing>& out);
    // The source ended: every track ends, and a side change still waiting for confirmation counts (see
    // LineCounter::Finish); appends those crossings to `out`. The pipeline is then as new.
    void Finish(std::vector<Crossing>& out);
    // The source restarts: every track ends and nothing more is counted (a new source starts fresh).
    void Reset();
    // The operator moved a line: see LineCounter::ReplaceLines. Tracks keep going.
    void ReplaceLines(std::vector<CountingLine> lines) { counter_.ReplaceLines(std::move(lines)); }

    const std::vector<CountingLine>& lines() const { return counter_.lines(); }
    const std::vector<LineTotals>& totals() const { return counter_.totals(); }
    std::vector<TrackView> tracks() const { return tracker_.Tracks(); }
    const std::vector<Detection>& last_detections() const { return detections_; }
    std::string detector_name() const { return detector_->Name(); }

  private:
    std::unique_ptr<Detector> detector_;
    Tracker tracker_;
    bool describe_appearance_ = false;
    LineCounter counter_;
    std::vector<Detection> detections_;
};

// Counting a whole video file (the `count` command, tests and benchmarks).
struct VideoCountOptions {
    DetectorConfig detector;
    bool allow_fallback = false;  // dnn that does not load -> motion instead of an error
    std::vector<CountingLine> lines;
    PipelineParams pipeline;
    int frame_step = 1;  // process every n-th frame
    // Applied to each frame before detection (tests: mirror, noise); in place, in memory.
    std::function<void(cv::Mat&)> transform;
};

struct VideoCountResult {
    std::vector<LineTotals> totals;  // in the order of options.lines
    std::int64_t frames = 0;         // frames processed
    double seconds = 0;              // wall time of decoding + processing
    double fps = 0;                  // frames / seconds
    int width = 0, height = 0;
    std::string detector;         // the detector that ran
    std::string fallback_reason;  // why dnn was replaced by motion, if it was
};

// Error codes: "video.*" (missing, empty, corrupt), "counter.line_*" (lines not fitting the frame),
// "counter.model_*" / "counter.detector" (detector), "counter.*_failed" (a failure mid-run).
Result<VideoCountResult> CountVideoFile(const std::string& path, const VideoCountOptions& options);

}  // namespace ck::hw
