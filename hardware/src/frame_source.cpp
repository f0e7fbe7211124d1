#include "hardware/frame_source.h"

#include <filesystem>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/videoio.hpp>

namespace ck::hw {

namespace fs = std::filesystem;

FrameSource::FrameSource(FrameSource&&) noexcept = default;
FrameSource& FrameSource::operator=(FrameSource&&) noexcept = default;
FrameSource::~FrameSource() = default;

Result<FrameSource> FrameSource::Open(const FrameSourceConfig& config) {
    // OpenCV's own warnings about unreadable files would duplicate our one clear message.
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
    FrameSource src;
    src.capture_ = std::make_unique<cv::VideoCapture>();
    try {
        if (config.kind == FrameSourceConfig::Kind::kFile) {
            std::error_code ec;
            if (config.path.empty()) return MakeError("video.missing", "no video file given");
            if (!fs::exists(config.path, ec))
                return MakeError("video.missing", "video file not found: " + config.path);
            if (!fs::is_regular_file(config.path, ec)) {
                return MakeError("video.missing", "not a regular file: " + config.path);
            }
            if (fs::file_size(config.path, ec) == 0)
                return MakeError("video.empty", "video file is empty: " + config.path);
            // FFmpeg only: GStreamer, tried next by CAP_ANY, floods stderr on corrupt files and adds nothing here.
            if (!src.capture_->open(config.path, cv::CAP_FFMPEG)) {
                return MakeError("video.corrupt", "not a readable video file: " + config.path);
            }
        } else {
            if (config.device < 0 || config.device > 63) {
                return MakeError("camera.device",
                                 "camera device must be 0..63, got " + std::to_string(config.device));
            }
            if (!src.capture_->open(config.device, cv::CAP_V4L2)) {
                return MakeError("camera.unavailable",
                                 "camera /dev/video" + std::to_string(config.device) + " cannot be opened");
            }
            src.camera_ = true;
            src.capture_->set(cv::CAP_PROP_FRAME_WIDTH, config.width);
            src.capture_->set(cv::CAP_PROP_FRAME_HEIGHT, config.height);
            src.capture_->set(cv::CAP_PROP_FPS, config.fps);
            src.capture_->set(cv::CAP_PROP_BUFFERSIZE, 1);  // latest frame, not a backlog
        }
        // A file whose container opens but whose stream does not decode is corrupt: find out now.
        if (!src.capture_->read(src.first_) || src.first_.empty()) {
            return MakeError(src.camera_ ? "camera.no_frames" : "video.corrupt",
                             src.camera_ ? "camera delivers no frames"
                                         : "no decodable frame in video file: " + config.path);
        }
        src.first_pending_ = true;
        src.width_ = src.first_.cols;
        src.height_ = src.first_.rows;
        src.fps_ = src.capture_->get(cv::CAP_PROP_FPS);
    } catch (const cv::Exception& e) {
        return MakeError("video.open_failed", std::string("video source failed: ") + e.err);
    }
    return src;
}

ReadResult FrameSource::Read(cv::Mat& frame) {
    if (first_pending_) {
        first_pending_ = false;
        frame = first_;
        first_.release();
        return ReadResult::kFrame;
    }
    try {
        if (!capture_ || !capture_->read(frame) || frame.empty()) {
            return camera_ ? ReadResult::kError : ReadResult::kEnd;
        }
    } catch (const cv::Exception&) {
        return camera_ ? ReadResult::kError : ReadResult::kEnd;
    }
    return ReadResult::kFrame;
}

}  // namespace ck::hw
