// The passer-by counting service: runs the counter thread, sums crossings into wall-clock bins, checkpoints
// open bins (a crash loses at most one save interval, <= 1 minute), closes finished bins into the outbox as
// CrowdFlowObserved entities and saves the counter's health. Failures of the counter never reach the UI:
// they show in the health.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "hardware/bin_aggregator.h"
#include "hardware/counter_thread.h"

namespace ck::cache {
class Database;
}

namespace ck::counting {

struct CountingLineSettings {
    hw::CountingLine line;            // its name becomes part of entity ids: [A-Za-z0-9_-]{1,64}
    bool towards_is_positive = true;  // which crossing direction CrowdFlowObserved calls "towards"
};

struct CountingSettings {
    std::string kiosk_id;
    std::string database_path;
    int bin_minutes = 15;
    std::vector<CountingLineSettings> lines;
    hw::CounterThreadConfig thread;  // source and detector; its lines and clock are set by Start
};

struct CountingServiceOptions {
    double save_interval_s = 30;       // checkpoint period of open bins (capped at 60)
    std::function<TimePoint()> clock;  // default ck::Now; tests drive bins with their own
    // Test seam: runs inside every commit of the service's store connection (a slow disk).
    std::function<void()> store_commit_hook;
};

class CountingService {
  public:
    // Validates the settings ("counter.bin_minutes", "counter.lines", "counter.kiosk_id",
    // "counter.line_name", "counter.line_invalid"), opens its own store connection, restores open bins and
    // starts the counter thread and the checkpoint thread.
    static Result<std::unique_ptr<CountingService>> Start(CountingSettings settings,
                                                          CountingServiceOptions options = {});
    ~CountingService();  // Stop()
    CountingService(const CountingService&) = delete;
    CountingService& operator=(const CountingService&) = delete;

    // Stops the counter and saves the open bins one last time. Idempotent.
    void Stop();
    // One checkpoint now (also runs every save interval): closes finished bins into the outbox, saves open
    // ones and the health. Returns the first store error, if any; a bin whose close failed stays in memory
    // and is closed by a later checkpoint.
    Status Checkpoint();
    // What the counter thread calls for each crossing: counts it in its bin. Takes one short lock that no
    // disk write ever holds.
    void RecordCrossing(const hw::CrossingEvent& event);

    // Moves one configured line (the operator set it up on the kiosk): the counter thread counts with the new
    // segment from its next frame on; bins and totals of the line continue, nothing is restarted.
    // "counter.line_unknown" for a name that is not one of the service's lines, "counter.line_invalid" for a
    // line shorter than 2 px, "counter.line_outside" when the source's frame is known and the line leaves it.
    Status SetLineGeometry(const std::string& name, const hw::Segment& segment);

    std::shared_ptr<const hw::CounterStatus> Snapshot() const;
    void SetPreviewEnabled(bool enabled);
    bool LatestPreview(hw::PreviewImage& out) const;

  private:
    CountingService(CountingSettings settings, CountingServiceOptions options);
    void CheckpointLoop();

    CountingSettings settings_;
    CountingServiceOptions options_;
    std::unique_ptr<cache::Database> db_;  // the service's own connection; used by checkpoints only
    std::mutex checkpoint_mutex_;          // one checkpoint at a time (the loop, Stop, a caller)
    std::mutex bins_mutex_;                // guards aggregator_ only; never held across I/O
    hw::BinAggregator aggregator_;
    std::mutex wake_mutex_;
    std::condition_variable wake_;
    std::atomic<bool> stopping_{false};
    std::mutex lines_mutex_;                       // guards line_geometry_
    std::vector<hw::CountingLine> line_geometry_;  // what the counter thread was last given
    std::unique_ptr<hw::CounterThread> thread_;
    std::thread checkpoint_thread_;
};

}  // namespace ck::counting
