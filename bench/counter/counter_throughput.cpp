// Counter throughput on the PETS clip (480x360): frames per second with OpenCV limited to one thread and
// to two, and the CPU the counter uses while replaying the clip at a camera's 15 fps (getrusage over the
// run). Usage: counter_throughput [--detector dnn|motion] [--input WxH] [--paced-seconds S]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include <opencv2/core/utility.hpp>

#include "hardware/frame_source.h"
#include "hardware/pipeline.h"

namespace {

using namespace ck::hw;
using Clock = std::chrono::steady_clock;

std::filesystem::path Shared() {
    const char* env = std::getenv("CK_SHARED_DIR");
    return std::filesystem::path(env && *env ? env : CK_SHARED_DIR_DEFAULT);
}

double CpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::vector<CountingLine> Lines() {
    return {{"vertical", {{240, 0}, {240, 360}}}, {"horizontal", {{0, 180}, {480, 180}}}};
}

}  // namespace

int main(int argc, char** argv) {
    DetectorConfig det;
    det.kind = "dnn";
    det.dnn.model_path = (Shared() / "models/yolo-fastest-1.1-body").string();
    double paced_seconds = 30;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--detector")) det.kind = argv[i + 1];
        if (!std::strcmp(argv[i], "--input"))
            std::sscanf(argv[i + 1], "%dx%d", &det.dnn.input_width, &det.dnn.input_height);
        if (!std::strcmp(argv[i], "--paced-seconds")) paced_seconds = std::atof(argv[i + 1]);
    }
    const std::string video = (Shared() / "data/pets2009-s2l1/pets2009-s2l1-view001-480x360.mp4").string();
    std::printf("detector %s, input %dx%d, clip %s\n", det.kind.c_str(), det.dnn.input_width,
                det.dnn.input_height, video.c_str());

    // Decoding is part of the counter's real cost, so it is measured along with detection and tracking.
    for (int threads : {1, 2}) {
        det.dnn.threads = threads;
        cv::setNumThreads(threads);
        VideoCountOptions options;
        options.detector = det;
        options.lines = Lines();
        const double cpu0 = CpuSeconds();
        auto result = CountVideoFile(video, options);
        const double cpu = CpuSeconds() - cpu0;
        if (!result) {
            std::fprintf(stderr, "count failed: %s\n", result.error().message.c_str());
            return 1;
        }
        // frames per CPU second: what the counter gets from a core of its own; on a machine loaded by other
        // work the wall-clock fps understates that, so both are printed.
        std::printf(
            "threads=%d: %lld frames in %.2f s = %.1f fps (CPU %.2f s, %.0f%% of one core, %.1f frames "
            "per CPU second)\n",
            threads, static_cast<long long>(result->frames), result->seconds, result->fps, cpu,
            100.0 * cpu / result->seconds, cpu > 0 ? result->frames / cpu : 0.0);
    }

    // Replay at 15 fps like a camera, one thread: the share of one core the counter takes.
    det.dnn.threads = 1;
    cv::setNumThreads(1);
    auto choice = MakeDetector(det, false);
    if (!choice) {
        std::fprintf(stderr, "%s\n", choice.error().message.c_str());
        return 1;
    }
    CountingPipeline pipeline(std::move(choice->detector), Lines(), {});
    FrameSourceConfig source_config;
    source_config.path = video;
    const auto period = std::chrono::microseconds(1'000'000 / 15);
    const double cpu0 = CpuSeconds();
    const auto start = Clock::now();
    auto next = start;
    long frames = 0;
    std::vector<Crossing> crossings;
    cv::Mat frame;
    while (std::chrono::duration<double>(Clock::now() - start).count() < paced_seconds) {
        auto source = FrameSource::Open(source_config);
        if (!source) return 1;
        while (source->Read(frame) == ReadResult::kFrame) {
            crossings.clear();
            if (!pipeline.ProcessFrame(frame, crossings)) return 1;
            ++frames;
            next += period;
            std::this_thread::sleep_until(next);
            if (std::chrono::duration<double>(Clock::now() - start).count() >= paced_seconds) break;
        }
        pipeline.Reset();
    }
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    const double cpu = CpuSeconds() - cpu0;
    std::printf("paced 15 fps, threads=1: %ld frames in %.1f s, CPU %.2f s = %.1f%% of one core\n", frames,
                wall, cpu, 100.0 * cpu / wall);
    return 0;
}
