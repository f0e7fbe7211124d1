#include <filesystem>

#include "core/quote.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include "hardware/detector.h"

namespace ck::hw {

namespace fs = std::filesystem;

namespace {

struct ModelFiles {
    fs::path cfg, weights;
};

Result<ModelFiles> FindModelFiles(const std::string& model_path) {
    if (model_path.empty()) {
        const std::string bundled = BundledModelDir();
        if (bundled.empty()) return MakeError("counter.model_missing", "no DNN model path configured and no bundled model");
        return FindModelFiles(bundled);
    }
    std::error_code ec;
    const fs::path p(model_path);
    ModelFiles files;
    if (fs::is_directory(p, ec)) {
        for (const auto& entry : fs::directory_iterator(p, ec)) {
            const auto ext = entry.path().extension();
            if (ext == ".cfg" && (files.cfg.empty() || entry.path() < files.cfg)) files.cfg = entry.path();
        }
        if (files.cfg.empty()) {
            return MakeError("counter.model_missing", "no .cfg file in model folder " + model_path);
        }
    } else if (fs::is_regular_file(p, ec)) {
        files.cfg = p;
    } else {
        return MakeError("counter.model_missing", "model path does not exist: " + model_path);
    }
    files.weights = files.cfg;
    files.weights.replace_extension(".weights");
    if (!fs::is_regular_file(files.weights, ec)) {
        return MakeError("counter.model_missing",
                         "weights file not found beside the cfg: " + files.weights.string());
    }
    return files;
}

class DnnDetector final : public Detector {
  public:
    DnnDetector(cv::dnn::Net net, DnnParams params) : net_(std::move(net)), params_(std::move(params)) {
        out_names_ = net_.getUnconnectedOutLayersNames();
    }

    Result<std::vector<Detection>> Detect(const cv::Mat& bgr) override {
        try {
            cv::dnn::blobFromImage(bgr, blob_, 1.0 / 255.0,
                                   cv::Size(params_.input_width, params_.input_height), cv::Scalar(),
                                   /*swapRB=*/true, /*crop=*/false, CV_32F);
            net_.setInput(blob_);
            net_.forward(outs_, out_names_);
        } catch (const cv::Exception& e) {
            return MakeError("counter.dnn_failed", std::string("DNN inference failed: ") + e.what());
        }
        boxes_.clear();
        scores_.clear();
        const float fw = static_cast<float>(bgr.cols), fh = static_cast<float>(bgr.rows);
        for (const cv::Mat& out : outs_) {
            // Region output rows: cx, cy, w, h (relative), objectness, one score per class (one: person).
            for (int r = 0; r < out.rows; ++r) {
                const float* row = out.ptr<float>(r);
                const float score = out.cols > 5 ? row[5] : row[4];
                if (score < params_.score_threshold) continue;
                const float w = row[2] * fw, h = row[3] * fh;
                boxes_.emplace_back(cv::Rect2d(row[0] * fw - w / 2, row[1] * fh - h / 2, w, h));
                scores_.push_back(score);
            }
        }
        std::vector<int> keep;
        cv::dnn::NMSBoxes(boxes_, scores_, params_.score_threshold, params_.nms_threshold, keep);
        std::sort(keep.begin(), keep.end());  // deterministic order for the tracker
        std::vector<Detection> dets;
        dets.reserve(keep.size());
        for (int k : keep) {
            const cv::Rect2d& b = boxes_[k];
            dets.push_back({{b.x, b.y, b.width, b.height}, scores_[k]});
        }
        return dets;
    }

    std::string Name() const override { return "dnn"; }

  private:
    cv::dnn::Net net_;
    DnnParams params_;
    std::vector<std::string> out_names_;
    cv::Mat blob_;
    std::vector<cv::Mat> outs_;
    std::vector<cv::Rect2d> boxes_;
    std::vector<float> scores_;
};

}  // namespace

Result<std::unique_ptr<Detector>> MakeDnnDetector(const DnnParams& params) {
    if (params.input_width < 32 || params.input_height < 32 || params.input_width % 32 != 0 ||
        params.input_height % 32 != 0 || params.input_width > 1024 || params.input_height > 1024) {
        return MakeError("counter.dnn_input", "DNN input size must be multiples of 32 from 32 to 1024");
    }
    auto files = FindModelFiles(params.model_path);
    if (!files) return files.error();
    try {
        cv::dnn::Net net = cv::dnn::readNetFromDarknet(files->cfg.string(), files->weights.string());
        if (net.empty()) {
            return MakeError("counter.model_invalid", "the DNN model did not load: " + files->cfg.string());
        }
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        if (params.threads > 0) cv::setNumThreads(params.threads);
        auto detector = std::make_unique<DnnDetector>(std::move(net), params);
        // One dry run: a model whose layers do not fit together fails here, not in the counting loop.
        cv::Mat probe(params.input_height, params.input_width, CV_8UC3, cv::Scalar(0, 0, 0));
        auto probed = detector->Detect(probe);
        if (!probed)
            return MakeError("counter.model_invalid",
                             "the DNN model does not run: " + probed.error().message);
        return std::unique_ptr<Detector>(std::move(detector));
    } catch (const cv::Exception& e) {
        return MakeError("counter.model_invalid",
                         "the DNN model did not load (" + files->cfg.filename().string() + "): " + e.err);
    } catch (const std::exception& e) {
        return MakeError("counter.model_invalid", std::string("the DNN model did not load: ") + e.what());
    }
}

Result<DetectorChoice> MakeDetector(const DetectorConfig& config, bool allow_fallback) {
    if (config.kind == "motion") return DetectorChoice{MakeMotionDetector(config.motion), ""};
    if (config.kind != "dnn") {
        return MakeError("counter.detector",
                         "detector must be \"dnn\" or \"motion\", got " + QuoteInput(config.kind));
    }
    auto dnn = MakeDnnDetector(config.dnn);
    if (dnn) return DetectorChoice{std::move(dnn.value()), ""};
    if (!allow_fallback) return dnn.error();
    return DetectorChoice{MakeMotionDetector(config.motion), dnn.error().message};
}

}  // namespace ck::hw
