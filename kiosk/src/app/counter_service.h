// The app's side of the passer-by counter: runs the counter thread from the configuration, sums crossing
// events into wall-clock bins, checkpoints open bins in the store (a crash loses at most the last save
// interval, <= 1 minute), closes finished bins into the outbox as CrowdFlowObserved entities, and writes a
// one-line JSON status to the setting "counter.state" for `civic-kiosk status`. Failures of the counter
// never reach the UI: they show in the status.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/config.h"
#include "core/result.h"
#include "core/time.h"
#include "hardware/bin_aggregator.h"
#include "hardware/counter_thread.h"

namespace ck::kiosk {

// Where the counter's status lives in the store's settings (read by `status` and the Device heartbeat).
inline constexpr char kCounterStateKey[] = "counter.state";

struct CounterServiceOptions {
    double save_interval_s = 30;       // checkpoint period of open bins (capped at 60)
    std::function<TimePoint()> clock;  // default ck::Now; tests drive bins with their own
    std::string counter_state_key = kCounterStateKey;
};

class CounterService {
  public:
    // Validates the counter configuration (lines, bin size, ids), opens its own store connection, restores
    // open bins and starts the counter thread and the checkpoint thread.
    static Result<std::unique_ptr<CounterService>> Start(const Config& config,
                                                         CounterServiceOptions options = {});
    ~CounterService();  // Stop()
    CounterService(const CounterService&) = delete;
    CounterService& operator=(const CounterService&) = delete;

    // Stops the counter, saves the open bins one last time. Idempotent.
    void Stop();
    // One checkpoint round now (also runs every save interval): closes finished bins, saves open ones,
    // writes the status setting. Returns the first store error, if any.
    ck::Status Checkpoint();

    std::shared_ptr<const hw::CounterStatus> Snapshot() const { return thread_->Status(); }
    void SetPreviewEnabled(bool enabled) { thread_->SetPreviewEnabled(enabled); }
    bool LatestPreview(hw::PreviewImage& out) const { return thread_->LatestPreview(out); }

  private:
    CounterService(const Config& config, CounterServiceOptions options);
    void CheckpointLoop();
    std::string StateJson(const hw::CounterStatus& status, TimePoint now) const;

    struct Impl;  // the store connection (offline_cache types stay out of this header)
    std::unique_ptr<Impl> impl_;
    std::string kiosk_id_;
    std::vector<CountingLineConfig> lines_;
    CounterServiceOptions options_;
    mutable std::mutex mutex_;  // guards aggregator_ and the store connection
    hw::BinAggregator aggregator_;
    std::mutex wake_mutex_;
    std::condition_variable wake_;
    std::atomic<bool> stopping_{false};
    std::unique_ptr<hw::CounterThread> thread_;
    std::thread checkpoint_thread_;
};

// The counter thread's configuration from the kiosk's (exposed for tests and the count command).
hw::CounterThreadConfig MakeCounterThreadConfig(const CounterConfig& counter);

}  // namespace ck::kiosk
