// `civic-kiosk count`: counts people crossing one or more lines in a video file with the same pipeline the
// kiosk's counter thread runs, and prints the totals. Frames stay in memory; nothing is written.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/config.h"
#include "cli/commands.h"
#include "hardware/detector.h"
#include "hardware/pipeline.h"

namespace ck::kiosk {

namespace {

struct CountArgs {
    std::string video;
    std::vector<std::string> lines;
    std::string detector;  // empty: dnn when a model path is known, else motion
    std::string model;
    std::string config;
    bool json = false;
};

int ExitCodeFor(const Error& e) {
    const std::string& c = e.code;
    if (c.rfind("video.", 0) == 0 || c.rfind("counter.model_", 0) == 0 || c == "counter.dnn_input")
        return kExitInput;
    if (c.rfind("counter.line_", 0) == 0 || c == "counter.detector" || c == "counter.frame_step")
        return kExitUsage;
    return kExitFailure;
}

int RunCount(const CountArgs& args) {
    // FFmpeg would add its own lines ("moov atom not found") to our one clear message; an operator who wants
    // them sets the variable.
    setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", /*overwrite=*/0);
    auto config = LoadConfigOrDefault(args.config);
    if (!config) {
        std::cerr << "civic-kiosk count: configuration: " << config.error().message << "\n";
        return kExitUsage;
    }
    hw::VideoCountOptions options;
    for (std::size_t i = 0; i < args.lines.size(); ++i) {
        auto segment = hw::ParseLine(args.lines[i]);
        if (!segment) {
            std::cerr << "civic-kiosk count: --line: " << segment.error().message << "\n";
            return kExitUsage;
        }
        options.lines.push_back({"line" + std::to_string(i + 1), segment.value()});
    }
    // The model: --model, else counter.model_path, else the bundled one (hw::BundledModelDir).
    std::string model = !args.model.empty() ? args.model : config->counter.model_path;
    if (model.empty()) model = hw::BundledModelDir();
    std::string detector = args.detector;
    if (detector.empty()) detector = model.empty() ? "motion" : "dnn";
    if (detector == "dnn" && model.empty()) {
        std::cerr << "civic-kiosk count: --detector dnn needs --model PATH or counter.model_path in the "
                     "configuration (no bundled model was found)\n";
        return kExitUsage;
    }
    options.detector.kind = detector;
    options.detector.dnn.model_path = model;

    auto result = hw::CountVideoFile(args.video, options);
    if (!result) {
        std::cerr << "civic-kiosk count: " << result.error().message << "\n";
        return ExitCodeFor(result.error());
    }
    const double fps = std::round(result->fps * 10) / 10;
    if (args.json) {
        nlohmann::json out;
        if (options.lines.size() == 1) {
            out = {{"positive", result->totals[0].positive},
                   {"negative", result->totals[0].negative},
                   {"frames", result->frames},
                   {"fps", fps}};
        } else {
            nlohmann::json lines = nlohmann::json::array();
            for (std::size_t i = 0; i < options.lines.size(); ++i) {
                lines.push_back({{"line", args.lines[i]},
                                 {"positive", result->totals[i].positive},
                                 {"negative", result->totals[i].negative}});
            }
            out = {{"lines", lines}, {"frames", result->frames}, {"fps", fps}};
        }
        std::cout << out.dump() << "\n";
    } else {
        std::printf("%-24s %10s %10s\n", "line (x1,y1,x2,y2)", "positive", "negative");
        for (std::size_t i = 0; i < options.lines.size(); ++i) {
            std::printf("%-24s %10lld %10lld\n", args.lines[i].substr(0, 24).c_str(),
                        static_cast<long long>(result->totals[i].positive),
                        static_cast<long long>(result->totals[i].negative));
        }
        std::printf("%lld frames, %.1f fps, detector %s (%dx%d video)\n",
                    static_cast<long long>(result->frames), fps, result->detector.c_str(), result->width,
                    result->height);
    }
    return kExitOk;
}

}  // namespace

void RegisterCountCommand(CLI::App& app, int* exit_code) {
    auto args = std::make_shared<CountArgs>();
    auto* cmd =
        app.add_subcommand("count", "Count people crossing lines in a video file (nothing is stored)");
    cmd->add_option("--video", args->video, "video file to count")->check(NonEmptyPath())->required();
    cmd->add_option("--line", args->lines, "directed counting line x1,y1,x2,y2 in pixels (repeatable)")
        ->required()
        ->take_all();
    cmd->add_option("--detector", args->detector, "dnn or motion (default: dnn with the bundled model, or --model)")
        ->check(CLI::IsMember({"dnn", "motion"}));
    cmd->add_option("--model", args->model, "DNN model folder or .cfg (default: counter.model_path)")
        ->check(NonEmptyPath());
    cmd->add_option("--config", args->config, "configuration file")->check(NonEmptyPath());
    cmd->add_flag("--json", args->json, "print one JSON object");
    cmd->callback([args, exit_code] {
        try {
            *exit_code = RunCount(*args);
        } catch (const std::exception& e) {
            std::cerr << "civic-kiosk count: unexpected failure: " << e.what() << "\n";
            *exit_code = kExitFailure;
        }
    });
}

}  // namespace ck::kiosk
