// Person detectors behind one small interface: a DNN detector (Yolo-Fastest body through OpenCV DNN, CPU)
// and a model-free motion detector (background subtraction). Both take a BGR frame that lives only in the
// caller's loop and return boxes in that frame's pixels; neither keeps the frame.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/result.h"
#include "hardware/tracker.h"

namespace ck::hw {

struct DnnParams {
    // A folder holding one *.cfg + *.weights, or the .cfg (weights beside it); empty: the bundled model.
    std::string model_path;
    // Network input; multiples of 32. 416x320 (not 320x256) finds the people partly hidden in the crowd
    // that a smaller input misses or merges, and still runs far above 30 fps on one core (docs/counting.md).
    int input_width = 416;
    int input_height = 320;
    float score_threshold = 0.35f;
    float nms_threshold = 0.3f;
    int threads = 1;  // cv::setNumThreads for the process (OpenCV's pool is global)
};

struct MotionParams {
    int work_width = 320;  // the frame is scaled to this width first (speed; noise suppression)
    int history = 300;     // MOG2 history, frames
    double var_threshold = 24;
    double min_area_frac = 0.0015;  // blob area limits as fractions of the work frame area
    double max_area_frac = 0.25;
    double min_aspect = 0.5;     // height / width below this is no person (nor a group of them)
    double person_aspect = 2.4;  // typical height / width; wider blobs are split into that many people
    int warmup_frames = 10;      // the background model learns first; no detections before
};

struct DetectorConfig {
    std::string kind = "dnn";  // "dnn" or "motion"
    DnnParams dnn;
    MotionParams motion;
};

class Detector {
  public:
    virtual ~Detector() = default;
    // Never throws; an OpenCV failure becomes an Error.
    virtual Result<std::vector<Detection>> Detect(const cv::Mat& bgr) = 0;
    virtual std::string Name() const = 0;
};

// The person detector shipped with the product (Yolo-Fastest 1.1 body, public domain, hardware/models/): the
// folder named by CK_MODEL_DIR if set; else, for an installed binary (<prefix>/bin), the one installed beside
// it (<prefix>/share/civic-kiosk/models/yolo-fastest-1.1-body); else the source tree's copy the binary was built
// from. Empty when none of them holds a .cfg.
std::string BundledModelDir();

// Fails with a clear message when the model files are missing or do not load.
Result<std::unique_ptr<Detector>> MakeDnnDetector(const DnnParams& params);
std::unique_ptr<Detector> MakeMotionDetector(const MotionParams& params);

struct DetectorChoice {
    std::unique_ptr<Detector> detector;
    std::string fallback_reason;  // non-empty when "dnn" was asked for and motion was used instead
};
// "dnn" with a model that does not load: allow_fallback ? the motion detector (reason given) : the error.
Result<DetectorChoice> MakeDetector(const DetectorConfig& config, bool allow_fallback);

}  // namespace ck::hw
