#include "app/counter_service.h"

#include <algorithm>
#include <cmath>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "hardware/crowd_flow.h"
#include "offline_cache/content_cache.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/database.h"

namespace ck::kiosk {

struct CounterService::Impl {
    explicit Impl(cache::Database database) : db(std::move(database)) {}
    cache::Database db;
};

namespace {

std::vector<std::string> LineNames(const std::vector<CountingLineConfig>& lines) {
    std::vector<std::string> names;
    for (const auto& l : lines) names.push_back(l.name);
    return names;
}

cache::CounterBin ToStoreBin(const hw::BinCounts& b) {
    cache::CounterBin bin;
    bin.line = b.line;
    bin.start = b.start;
    bin.end = b.end;
    bin.positive = b.positive;
    bin.negative = b.negative;
    return bin;
}

}  // namespace

hw::CounterThreadConfig MakeCounterThreadConfig(const CounterConfig& counter) {
    hw::CounterThreadConfig c;
    if (counter.source == "file") {
        c.source.kind = hw::FrameSourceConfig::Kind::kFile;
        c.source.path = counter.video_file;
    } else {
        c.source.kind = hw::FrameSourceConfig::Kind::kCamera;
        c.source.device = counter.device;
    }
    c.source.width = counter.width;
    c.source.height = counter.height;
    c.source.fps = counter.fps;
    c.detector.kind = counter.detector;
    c.detector.dnn.model_path = counter.model_path;
    for (const auto& l : counter.lines)
        c.lines.push_back({l.name, {{double(l.x1), double(l.y1)}, {double(l.x2), double(l.y2)}}});
    c.pace_file = true;  // a file source replays like a camera (demo and soak runs)
    return c;
}

Result<std::unique_ptr<CounterService>> CounterService::Start(const Config& config,
                                                              CounterServiceOptions options) {
    const CounterConfig& counter = config.counter;
    if (auto bins = hw::ValidateBinMinutes(counter.bin_minutes); !bins) return bins.error();
    if (counter.lines.empty())
        return MakeError("counter.lines", "counter.lines: at least one counting line is needed");
    if (!hw::IsValidNameToken(config.kiosk_id))
        return MakeError("counter.kiosk_id", "kiosk_id must be 1..64 of [A-Za-z0-9_-]");
    for (const auto& l : counter.lines) {
        if (!hw::IsValidNameToken(l.name)) {
            return MakeError("counter.line_name", "counter.lines name must be 1..64 of [A-Za-z0-9_-]");
        }
        // Only the length here: the frame size is known once the source delivers (the thread checks it then).
        auto valid = hw::ValidateLine({{double(l.x1), double(l.y1)}, {double(l.x2), double(l.y2)}}, 0, 0);
        if (!valid)
            return MakeError(valid.error().code, "counter line \"" + l.name + "\": " + valid.error().message);
    }
    auto db = cache::Database::Open(config.database_path);
    if (!db) return db.error();
    if (!options.clock) options.clock = [] { return ck::Now(); };
    options.save_interval_s = std::clamp(options.save_interval_s, 0.01, 60.0);

    std::unique_ptr<CounterService> service(new CounterService(config, std::move(options)));
    service->impl_ = std::make_unique<Impl>(std::move(db.value()));

    // Bins left open by the last run: the current period continues, earlier ones are closed now with what
    // they had (the counter was down for part of them; the figure is a lower bound, not invented).
    auto open = cache::ListOpenBins(service->impl_->db);
    if (!open) return open.error();
    for (const auto& b : open.value()) {
        service->aggregator_.Restore({b.line, b.start, b.end, b.positive, b.negative});
    }
    service->aggregator_.Tick(service->options_.clock());
    if (auto st = service->Checkpoint(); !st)
        spdlog::warn("counter: first checkpoint failed: {}", st.error().message);

    CounterService* self = service.get();
    hw::CounterThreadConfig thread_config = MakeCounterThreadConfig(counter);
    thread_config.clock = service->options_.clock;  // events and bins on one clock
    service->thread_ =
        std::make_unique<hw::CounterThread>(std::move(thread_config), [self](const hw::CrossingEvent& e) {
            std::lock_guard lock(self->mutex_);
            self->aggregator_.Add(e);
        });
    service->checkpoint_thread_ = std::thread([self] { self->CheckpointLoop(); });
    return service;
}

CounterService::CounterService(const Config& config, CounterServiceOptions options)
    : kiosk_id_(config.kiosk_id),
      lines_(config.counter.lines),
      options_(std::move(options)),
      aggregator_(LineNames(config.counter.lines), config.counter.bin_minutes) {}

CounterService::~CounterService() {
    Stop();
}

void CounterService::Stop() {
    if (stopping_.exchange(true)) return;
    { std::lock_guard lock(wake_mutex_); }
    wake_.notify_all();
    if (thread_) thread_->Stop();
    if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
    if (auto st = Checkpoint(); !st) spdlog::warn("counter: final checkpoint failed: {}", st.error().message);
}

void CounterService::CheckpointLoop() {
    std::unique_lock lock(wake_mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::duration<double>(options_.save_interval_s),
                       [this] { return stopping_.load(); });
        if (stopping_) break;
        lock.unlock();
        if (auto st = Checkpoint(); !st) spdlog::warn("counter: checkpoint failed: {}", st.error().message);
        lock.lock();
    }
}

ck::Status CounterService::Checkpoint() {
    const TimePoint now = options_.clock();
    std::lock_guard lock(mutex_);
    ck::Status first_error;
    auto note = [&first_error](const ck::Status& st) {
        if (!st && first_error.ok()) first_error = st;
    };
    if (!stopping_) aggregator_.Tick(now);
    for (const hw::BinCounts& bin : aggregator_.TakeClosed(now)) {
        const auto line =
            std::find_if(lines_.begin(), lines_.end(), [&](const auto& l) { return l.name == bin.line; });
        const bool towards_is_positive = line == lines_.end() || line->towards_is_positive;
        auto entity = hw::BuildCrowdFlowObserved(kiosk_id_, bin, towards_is_positive);
        if (!entity) {
            note(ck::Status(entity.error()));
            continue;
        }
        cache::NewOutboxItem item;
        item.entity_id = entity.value()["id"].get<std::string>();
        item.entity_type = "CrowdFlowObserved";
        item.payload = entity.value().dump();
        auto st = cache::CloseBin(impl_->db, ToStoreBin(bin), item, now);
        // A bin already closed (e.g. by a previous run that crashed after the commit) is not an error.
        if (!st && st.error().code != "counter.already_closed") note(st);
    }
    for (const hw::BinCounts& bin : aggregator_.Open()) note(cache::SaveBin(impl_->db, ToStoreBin(bin)));
    if (thread_)
        note(cache::PutSetting(impl_->db, options_.counter_state_key, StateJson(*thread_->Status(), now)));
    return first_error;
}

std::string CounterService::StateJson(const hw::CounterStatus& status, TimePoint now) const {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : status.lines)
        lines.push_back({{"name", l.name}, {"positive", l.positive}, {"negative", l.negative}});
    nlohmann::json j = {{"state", hw::ToString(status.state)},
                        {"detector", status.detector},
                        {"fps", std::round(status.fps * 10) / 10},
                        {"frames", status.frames},
                        {"retries", status.retries},
                        {"message", status.message},
                        {"lines", lines},
                        {"updated", FormatIsoUtc(now)}};
    return j.dump();
}

}  // namespace ck::kiosk
