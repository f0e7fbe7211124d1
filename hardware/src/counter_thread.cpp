#include "hardware/counter_thread.h"

#include <algorithm>
#include <chrono>

#include <opencv2/imgproc.hpp>

namespace ck::hw {

namespace {
constexpr int kPreviewWidth = 320;
using SteadyClock = std::chrono::steady_clock;

// Names, geometry and totals of the lines the pipeline counts with now.
void FillLines(CounterStatus& status, const CountingPipeline& pipeline) {
    status.lines.resize(pipeline.lines().size());
    for (std::size_t i = 0; i < status.lines.size(); ++i) {
        status.lines[i].name = pipeline.lines()[i].name;
        status.lines[i].segment = pipeline.lines()[i].segment;
        status.lines[i].positive = pipeline.totals()[i].positive;
        status.lines[i].negative = pipeline.totals()[i].negative;
    }
}

}  // namespace

const char* ToString(CounterState s) {
    switch (s) {
        case CounterState::kStarting:
            return "starting";
        case CounterState::kRunning:
            return "running";
        case CounterState::kRetrying:
            return "retrying";
        case CounterState::kError:
            return "error";
        case CounterState::kStopped:
            return "stopped";
    }
    return "unknown";
}

CounterThread::CounterThread(CounterThreadConfig config, EventSink sink)
    : config_(std::move(config)), sink_(std::move(sink)), status_(std::make_shared<const CounterStatus>()) {
    if (!config_.clock) config_.clock = [] { return ck::Now(); };
    thread_ = std::thread([this] { Run(); });
}

CounterThread::~CounterThread() {
    Stop();
}

void CounterThread::Stop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

std::shared_ptr<const CounterStatus> CounterThread::Status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void CounterThread::Publish(CounterStatus status) {
    auto snapshot = std::make_shared<const CounterStatus>(std::move(status));
    std::lock_guard lock(mutex_);
    status_ = std::move(snapshot);
}

void CounterThread::SetPreviewEnabled(bool enabled) {
    preview_enabled_ = enabled;
    if (!enabled) {
        std::lock_guard lock(mutex_);
        preview_ = PreviewImage{};
    }
}

bool CounterThread::LatestPreview(PreviewImage& out) const {
    std::lock_guard lock(mutex_);
    if (!preview_enabled_ || preview_.bgr.empty()) return false;
    out.bgr = preview_.bgr.clone();
    out.frame = preview_.frame;
    return true;
}

void CounterThread::SetLines(std::vector<CountingLine> lines) {
    {
        std::lock_guard lock(mutex_);
        pending_lines_ = std::move(lines);
        lines_pending_ = true;
    }
    wake_.notify_all();
}

bool CounterThread::TakeNewLines(CountingPipeline& pipeline) {
    if (!lines_pending_) return false;
    std::vector<CountingLine> lines;
    {
        std::lock_guard lock(mutex_);
        lines = std::move(pending_lines_);
        pending_lines_.clear();
        lines_pending_ = false;
    }
    config_.lines = lines;  // a source opened again (a looping file, a camera back) checks these
    pipeline.ReplaceLines(std::move(lines));
    return true;
}

bool CounterThread::WaitForNewLines() {
    std::unique_lock lock(mutex_);
    while (!stop_ && !lines_pending_) {
        const auto step = SteadyClock::now() +
                          (config_.heartbeat ? config_.heartbeat->interval() : std::chrono::seconds(1));
        wake_.wait_until(lock, step, [this] { return stop_.load() || lines_pending_.load(); });
        Beat();
    }
    return !stop_;
}

bool CounterThread::WaitFor(double seconds) {
    const auto until = SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                                                std::chrono::duration<double>(seconds));
    std::unique_lock lock(mutex_);
    // Under a watchdog a long wait (camera backoff) is cut into beats.
    while (!stop_ && SteadyClock::now() < until) {
        const auto step =
            config_.heartbeat ? std::min(until, SteadyClock::now() + config_.heartbeat->interval()) : until;
        wake_.wait_until(lock, step, [this] { return stop_.load(); });
        Beat();
    }
    return !stop_;
}

void CounterThread::Beat() {
    if (config_.heartbeat) config_.heartbeat->Beat();
}

void CounterThread::UpdatePreview(const cv::Mat& frame, const CountingPipeline& pipeline,
                                  std::int64_t index) {
    const double scale = frame.cols > kPreviewWidth ? double(kPreviewWidth) / frame.cols : 1.0;
    cv::Mat small;
    cv::resize(frame, small, {}, scale, scale, cv::INTER_AREA);
    auto pt = [scale](Point2 p) { return cv::Point(cvRound(p.x * scale), cvRound(p.y * scale)); };
    // The lines are not drawn into the image: the admin screen draws them over it, with their handles, names
    // and direction, and a line being dragged would otherwise show twice.
    for (const auto& t : pipeline.tracks()) {
        const cv::Scalar colour = t.confirmed ? cv::Scalar(0, 200, 0) : cv::Scalar(160, 160, 160);
        cv::rectangle(small, pt({t.box.x, t.box.y}), pt({t.box.x + t.box.w, t.box.y + t.box.h}), colour, 1);
        cv::circle(small, pt(FootPoint(t.box)), 2, colour, cv::FILLED);
    }
    std::lock_guard lock(mutex_);
    if (!preview_enabled_) return;
    preview_.bgr = std::move(small);
    preview_.frame = index;
}

void CounterThread::Run() {
    Beat();
    RunCounting();
    // Ended on its own (stopped, or nothing it can count): no longer a thread that must show progress.
    if (config_.heartbeat) config_.heartbeat->Retire();
}

void CounterThread::RunCounting() {
    CounterStatus status;
    for (const auto& line : config_.lines) status.lines.push_back({line.name, 0, 0, line.segment});
    auto choice = MakeDetector(config_.detector, /*allow_fallback=*/true);
    if (!choice) {
        status.state = CounterState::kError;
        status.message = choice.error().message;
        Publish(status);
        return;
    }
    const std::string fallback_reason = choice->fallback_reason;
    CountingPipeline pipeline(std::move(choice->detector), config_.lines, config_.pipeline);
    status.detector = pipeline.detector_name();
    status.message = fallback_reason.empty() ? "" : "DNN unavailable, using motion: " + fallback_reason;
    Publish(status);

    double backoff = config_.retry_initial_s;
    int retries = 0;
    bool wait_for_lines = false;
    while (!stop_) {
        Beat();
        if (wait_for_lines && !WaitForNewLines()) break;
        wait_for_lines = false;
        if (TakeNewLines(pipeline)) {
            CounterStatus moved = *Status();
            FillLines(moved, pipeline);
            Publish(std::move(moved));
        }
        auto source = FrameSource::Open(config_.source);
        if (source) {
            CounterStatus opened = *Status();
            opened.frame_width = source->width();
            opened.frame_height = source->height();
            bool lines_fit = true;
            for (const auto& line : config_.lines) {
                auto valid = ValidateLine(line.segment, source->width(), source->height());
                if (!valid) {
                    opened.state = CounterState::kError;
                    opened.message = "line \"" + line.name + "\": " + valid.error().message;
                    lines_fit = false;
                }
            }
            Publish(opened);
            if (!lines_fit) {
                // A misplaced line needs an operator, not a retry: the counter waits (without holding the
                // source) for one to move it.
                wait_for_lines = true;
                continue;
            }
            backoff = config_.retry_initial_s;
            RunSource(source.value(), pipeline, fallback_reason);
            pipeline.Reset();
            if (stop_) break;
            if (!source->is_camera() && !config_.pace_file) break;  // a file counted once is done
            if (!source->is_camera()) continue;                     // replay loop
        }
        // The camera is missing, was unplugged or stopped delivering: report, wait, try again.
        ++retries;
        auto current = Status();
        CounterStatus retrying = *current;
        retrying.state = CounterState::kRetrying;
        retrying.retries = retries;
        retrying.fps = 0;
        retrying.message = source ? "camera stopped delivering frames" : source.error().message;
        Publish(retrying);
        if (!WaitFor(backoff)) break;
        backoff = std::min(config_.retry_max_s, backoff * 2);
    }
    auto last = *Status();
    last.state = CounterState::kStopped;
    last.fps = 0;
    Publish(std::move(last));
}

void CounterThread::RunSource(FrameSource& source, CountingPipeline& pipeline,
                              const std::string& fallback_reason) {
    CounterStatus status = *Status();
    status.state = CounterState::kRunning;
    status.message = fallback_reason.empty() ? "" : "DNN unavailable, using motion: " + fallback_reason;
    Publish(status);

    const bool paced = !source.is_camera() && config_.pace_file;
    const double fps_nominal = source.fps() > 0 && source.fps() < 240 ? source.fps() : 15.0;
    const auto frame_period =
        std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(1.0 / fps_nominal));
    auto next_due = SteadyClock::now();
    auto window_start = SteadyClock::now();
    std::int64_t window_frames = 0;
    cv::Mat frame;  // the one frame buffer: overwritten each iteration, never stored elsewhere
    std::vector<Crossing> crossings;
    while (!stop_) {
        Beat();
        if (TakeNewLines(pipeline)) {
            FillLines(status, pipeline);
            Publish(status);
        }
        const ReadResult read = source.Read(frame);
        if (read != ReadResult::kFrame) break;
        crossings.clear();
        auto processed = pipeline.ProcessFrame(frame, crossings);
        if (!processed) {
            status.message = processed.error().message;  // one bad frame is skipped, not fatal
            continue;
        }
        const TimePoint now = config_.clock();
        for (const Crossing& c : crossings) {
            const CountingLine& line = pipeline.lines()[c.line_index];
            if (sink_) sink_(CrossingEvent{line.name, c.direction, now});
        }
        ++status.frames;
        ++window_frames;
        if (preview_enabled_) UpdatePreview(frame, pipeline, status.frames);
        const auto elapsed = SteadyClock::now() - window_start;
        if (elapsed >= std::chrono::seconds(1) || !crossings.empty()) {
            const double secs = std::chrono::duration<double>(elapsed).count();
            if (secs >= 1.0) {
                status.fps = window_frames / secs;
                window_start = SteadyClock::now();
                window_frames = 0;
            }
            FillLines(status, pipeline);
            Publish(status);
        }
        if (paced) {
            next_due += frame_period;
            const auto now_steady = SteadyClock::now();
            if (next_due > now_steady) {
                if (!WaitFor(std::chrono::duration<double>(next_due - now_steady).count())) break;
            } else {
                next_due = now_steady;  // behind: do not try to catch up in a burst
            }
        }
    }
    frame.release();
    // The source ended (file done, camera gone): people last seen just over a line, still waiting for their
    // confirming observations, count now; the tracks cannot continue on whatever source comes next.
    crossings.clear();
    pipeline.Finish(crossings);
    const TimePoint ended = config_.clock();
    for (const Crossing& c : crossings) {
        if (sink_) sink_(CrossingEvent{pipeline.lines()[c.line_index].name, c.direction, ended});
    }
    FillLines(status, pipeline);
    Publish(status);
}

}  // namespace ck::hw
