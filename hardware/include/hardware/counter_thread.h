// The counter thread: frame source -> detector -> tracker -> line counters, on its own std::thread. It hands
// out crossing events through a callback and an immutable status snapshot; it never throws into its owner,
// retries a missing camera with capped backoff, and keeps no frame beyond the one being processed. The
// optional preview (downscaled frame with boxes and lines) lives in memory only while it is enabled.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <opencv2/core.hpp>

#include "core/heartbeat.h"
#include "core/time.h"
#include "hardware/crossing_event.h"
#include "hardware/detector.h"
#include "hardware/frame_source.h"
#include "hardware/pipeline.h"

namespace ck::hw {

struct CounterThreadConfig {
    FrameSourceConfig source;
    DetectorConfig detector;  // "dnn" that does not load falls back to motion (reported in status)
    std::vector<CountingLine> lines;
    PipelineParams pipeline;
    double retry_initial_s = 1.0;  // camera missing/unplugged: wait, doubling up to retry_max_s
    double retry_max_s = 30.0;
    bool pace_file = true;             // a file plays at its own frame rate (like a camera), looping
    std::function<TimePoint()> clock;  // event time stamps; default ck::Now
    // Beaten per frame and while waiting (the watchdog); retired when the thread ends on its own.
    std::shared_ptr<Heartbeat> heartbeat;
};

enum class CounterState { kStarting, kRunning, kRetrying, kError, kStopped };
const char* ToString(CounterState s);

struct CounterLineStatus {
    std::string name;
    std::int64_t positive = 0;
    std::int64_t negative = 0;
    Segment segment;  // the geometry the counter uses now (camera pixels)
};

struct CounterStatus {
    CounterState state = CounterState::kStarting;
    std::string message;   // why retrying / error; the fallback reason while running
    std::string detector;  // the detector that runs
    double fps = 0;        // processed frames per second, recent
    std::int64_t frames = 0;
    int retries = 0;
    std::vector<CounterLineStatus> lines;  // totals since start
    int frame_width = 0;                   // of the source, once it has opened; 0 before
    int frame_height = 0;
};

struct PreviewImage {
    cv::Mat bgr;  // downscaled, boxes and lines drawn; a copy owned by the caller
    std::int64_t frame = 0;
};

class CounterThread {
  public:
    using EventSink = std::function<void(const CrossingEvent&)>;  // called on the counter thread

    // Starts the thread at once.
    CounterThread(CounterThreadConfig config, EventSink sink);
    ~CounterThread();  // Stop()
    CounterThread(const CounterThread&) = delete;
    CounterThread& operator=(const CounterThread&) = delete;

    // Returns once the thread has finished its current frame (or wait) and ended.
    void Stop();
    std::shared_ptr<const CounterStatus> Status() const;

    // The admin screen turns the preview on while it is shown; off drops the image at once.
    void SetPreviewEnabled(bool enabled);
    // Latest preview, if enabled and one exists.
    bool LatestPreview(PreviewImage& out) const;
    // New line geometry (the operator moved a line), taken by the counter thread between two frames: the
    // tracks keep going and a line of the same name keeps its totals (LineCounter::ReplaceLines). The caller
    // has validated the lines. A counter that stopped on a line outside the frame starts again with them.
    void SetLines(std::vector<CountingLine> lines);

  private:
    void Run();
    void RunCounting();  // Run without the heartbeat's bookkeeping
    void Beat();
    void RunSource(FrameSource& source, CountingPipeline& pipeline, const std::string& fallback_reason);
    bool WaitFor(double seconds);  // false when stopping
    void Publish(CounterStatus status);
    void UpdatePreview(const cv::Mat& frame, const CountingPipeline& pipeline, std::int64_t index);
    // On the counter thread: takes lines handed in by SetLines, if any; true when it did.
    bool TakeNewLines(CountingPipeline& pipeline);
    bool WaitForNewLines();  // false when stopping

    CounterThreadConfig config_;
    EventSink sink_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> preview_enabled_{false};
    std::atomic<bool> lines_pending_{false};
    mutable std::mutex mutex_;  // guards status_, preview_, pending_lines_
    std::condition_variable wake_;
    std::shared_ptr<const CounterStatus> status_;
    PreviewImage preview_;
    std::vector<CountingLine> pending_lines_;
    std::thread thread_;  // last: starts after everything above exists
};

}  // namespace ck::hw
