#include "hardware/pipeline.h"

#include <chrono>

#include "hardware/appearance.h"
#include "hardware/frame_source.h"

namespace ck::hw {

namespace {

// The motion detector cuts wide blobs into person-wide columns itself, so a new box stepping out of a wide
// one is there mostly a blob breaking up differently, not a hidden person reappearing: handing on the
// track's past (TrackerParams::inherit_frames) made its counts worse (docs/counting.md). DNN boxes only.
TrackerParams TrackerParamsFor(TrackerParams params, const Detector& detector) {
    if (detector.Name() == "motion") params.inherit_frames = 0;
    return params;
}

}  // namespace

CountingPipeline::CountingPipeline(std::unique_ptr<Detector> detector, std::vector<CountingLine> lines,
                                   PipelineParams params)
    : detector_(std::move(detector)),
      tracker_(TrackerParamsFor(params.tracker, *detector_)),
      describe_appearance_(params.tracker.appearance_weight > 0),
      counter_(std::move(lines), params.hysteresis_px, params.confirm_observations, params.confirm_heights) {}

Status CountingPipeline::ProcessFrame(const cv::Mat& bgr, std::vector<Crossing>& out) {
    auto dets = detector_->Detect(bgr);
    if (!dets) return dets.error();
    detections_ = std::move(dets.value());
    if (describe_appearance_) DescribeAppearance(bgr, detections_);
    const TrackerStep step = tracker_.Update(detections_);
    for (const TrackPoint& p : step.points) counter_.Observe(p.track_id, p.foot, out, p.height);
    for (std::int64_t id : step.ended) counter_.Finish(id, out);
    return {};
}

void CountingPipeline::Finish(std::vector<Crossing>& out) {
    for (std::int64_t id : tracker_.Clear()) counter_.Finish(id, out);
    detections_.clear();
}

void CountingPipeline::Reset() {
    for (std::int64_t id : tracker_.Clear()) counter_.Forget(id);
    detections_.clear();
}

Result<VideoCountResult> CountVideoFile(const std::string& path, const VideoCountOptions& options) {
    if (options.lines.empty())
        return MakeError("counter.line_missing", "at least one counting line is needed");
    if (options.frame_step < 1 || options.frame_step > 100) {
        return MakeError("counter.frame_step", "frame step must be 1..100");
    }
    FrameSourceConfig source_config;
    source_config.kind = FrameSourceConfig::Kind::kFile;
    source_config.path = path;
    auto source = FrameSource::Open(source_config);
    if (!source) return source.error();
    for (const auto& line : options.lines) {
        auto valid = ValidateLine(line.segment, source->width(), source->height());
        if (!valid)
            return MakeError(valid.error().code, "line \"" + line.name + "\": " + valid.error().message);
    }
    auto choice = MakeDetector(options.detector, options.allow_fallback);
    if (!choice) return choice.error();

    VideoCountResult result;
    result.width = source->width();
    result.height = source->height();
    result.fallback_reason = choice->fallback_reason;
    CountingPipeline pipeline(std::move(choice->detector), options.lines, options.pipeline);
    result.detector = pipeline.detector_name();

    const auto started = std::chrono::steady_clock::now();
    cv::Mat frame;
    std::vector<Crossing> crossings;
    for (std::int64_t index = 0;; ++index) {
        if (source->Read(frame) != ReadResult::kFrame) break;
        if (index % options.frame_step != 0) continue;
        if (options.transform) options.transform(frame);
        crossings.clear();
        auto processed = pipeline.ProcessFrame(frame, crossings);
        if (!processed) return processed.error();
        ++result.frames;
    }
    crossings.clear();
    pipeline.Finish(crossings);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.fps = result.seconds > 0 ? result.frames / result.seconds : 0;
    result.totals = pipeline.totals();
    return result;
}

}  // namespace ck::hw
