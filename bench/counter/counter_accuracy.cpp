// Prints the counter's accuracy table on the PETS clip: every judged line, every variant (plain, mirrored,
// every second frame, noisy), truth from the annotated boxes vs. the DNN and motion detectors.
// Usage: counter_accuracy [--detector dnn|motion|both] [--input WxH] [--score S] [--variant NAME]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ground_truth.h"
#include "hardware/pipeline.h"

namespace {

using namespace ck::hw;
using namespace ck::hw::test;

std::filesystem::path Shared() {
    const char* env = std::getenv("CK_SHARED_DIR");
    return std::filesystem::path(env && *env ? env : CK_SHARED_DIR_DEFAULT);
}

double RelErr(std::int64_t got, std::int64_t truth) {
    if (truth == 0) return got == 0 ? 0.0 : 100.0;
    return 100.0 * std::abs(double(got - truth)) / double(truth);
}

}  // namespace

int main(int argc, char** argv) {
    std::string which = "both", only_variant;
    DnnParams dnn;
    dnn.model_path = (Shared() / "models/yolo-fastest-1.1-body").string();
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--detector")) which = argv[i + 1];
        if (!std::strcmp(argv[i], "--input"))
            std::sscanf(argv[i + 1], "%dx%d", &dnn.input_width, &dnn.input_height);
        if (!std::strcmp(argv[i], "--score")) dnn.score_threshold = std::strtof(argv[i + 1], nullptr);
        if (!std::strcmp(argv[i], "--variant")) only_variant = argv[i + 1];
    }
    const auto video = Shared() / "data/pets2009-s2l1/pets2009-s2l1-view001-480x360.mp4";
    const auto boxes = LoadGroundTruth(Shared() / "data/pets2009-s2l1/groundtruth-boxes-480x360.csv");
    if (boxes.empty()) {
        std::fprintf(stderr, "ground truth not found under %s\n", Shared().c_str());
        return 1;
    }
    const auto lines = JudgedLines();
    std::vector<std::string> detectors;
    if (which == "both" || which == "dnn") detectors.push_back("dnn");
    if (which == "both" || which == "motion") detectors.push_back("motion");

    std::printf("| detector | variant | line | truth +/- | counted +/- | error +%% / -%% | fps |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    double worst = 0;
    for (const auto& det : detectors) {
        for (Variant v : kAllVariants) {
            if (!only_variant.empty() && only_variant != ToString(v)) continue;
            VideoCountOptions options;
            options.detector.kind = det;
            options.detector.dnn = dnn;
            for (const auto& l : lines) options.lines.push_back(LineFor(v, l, 480));
            options.frame_step = FrameStepFor(v);
            options.transform = TransformFor(v);
            auto result = CountVideoFile(video.string(), options);
            if (!result) {
                std::fprintf(stderr, "%s: %s\n", det.c_str(), result.error().message.c_str());
                return 1;
            }
            const auto truth = TruthFor(v, boxes, lines, 480);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const double ep = RelErr(result->totals[i].positive, truth[i].positive);
                const double en = RelErr(result->totals[i].negative, truth[i].negative);
                if (det == "dnn") worst = std::max(worst, std::max(ep, en));
                std::printf("| %s | %s | %s | %lld / %lld | %lld / %lld | %.0f / %.0f | %.1f |\n",
                            det.c_str(), ToString(v), lines[i].name.c_str(), (long long)truth[i].positive,
                            (long long)truth[i].negative, (long long)result->totals[i].positive,
                            (long long)result->totals[i].negative, ep, en, result->fps);
            }
            std::fflush(stdout);
        }
    }
    if (!detectors.empty() && detectors[0] == "dnn")
        std::printf("\nworst DNN error per direction: %.1f%%\n", worst);
    return 0;
}
