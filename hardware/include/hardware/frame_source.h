// Where frames come from: a V4L2 camera or a video file, through cv::VideoCapture. Never throws; a file that
// is missing, empty or not a video gives a clear Error at Open(), before any frame is read.
#pragma once

#include <memory>
#include <string>

#include <opencv2/core.hpp>

#include "core/result.h"

namespace cv {
class VideoCapture;
}

namespace ck::hw {

struct FrameSourceConfig {
    enum class Kind { kCamera, kFile };
    Kind kind = Kind::kFile;
    int device = 0;                           // /dev/video<device>
    std::string path;                         // video file
    int width = 640, height = 480, fps = 15;  // requested from a camera; a file has its own
};

enum class ReadResult { kFrame, kEnd, kError };

class FrameSource {
  public:
    static Result<FrameSource> Open(const FrameSourceConfig& config);

    FrameSource(FrameSource&&) noexcept;
    FrameSource& operator=(FrameSource&&) noexcept;
    ~FrameSource();

    // Overwrites `frame` (the caller's one buffer). kEnd: a file is finished; kError: a camera went away.
    ReadResult Read(cv::Mat& frame);
    int width() const { return width_; }
    int height() const { return height_; }
    double fps() const { return fps_; }  // nominal; 0 when unknown
    bool is_camera() const { return camera_; }

  private:
    FrameSource() = default;
    std::unique_ptr<cv::VideoCapture> capture_;
    cv::Mat first_;  // the probe frame read at Open(), handed out by the first Read()
    bool first_pending_ = false;
    bool camera_ = false;
    int width_ = 0, height_ = 0;
    double fps_ = 0;
};

}  // namespace ck::hw
