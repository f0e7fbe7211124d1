#include "counting/counting_service.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "core/quote.h"
#include "counting/crowd_flow.h"
#include "ngsi/rules.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/counter_health.h"
#include "offline_cache/database.h"

namespace ck::counting {
namespace {

std::vector<std::string> LineNames(const std::vector<CountingLineSettings>& lines) {
    std::vector<std::string> names;
    names.reserve(lines.size());
    for (const auto& l : lines) names.push_back(l.line.name);
    return names;
}

cache::CounterBin ToStoreBin(const hw::BinCounts& b) {
    return cache::CounterBin{b.line, b.start, b.end, b.positive, b.negative, false};
}

cache::CounterRunState ToStoreState(hw::CounterState s) {
    switch (s) {
        case hw::CounterState::kStarting:
            return cache::CounterRunState::kStarting;
        case hw::CounterState::kRunning:
            return cache::CounterRunState::kRunning;
        case hw::CounterState::kRetrying:
            return cache::CounterRunState::kRetrying;
        case hw::CounterState::kError:
            return cache::CounterRunState::kError;
        case hw::CounterState::kStopped:
            return cache::CounterRunState::kStopped;
    }
    return cache::CounterRunState::kError;
}

cache::CounterHealth ToHealth(const hw::CounterStatus& status, TimePoint now) {
    cache::CounterHealth h;
    h.state = ToStoreState(status.state);
    h.detector = status.detector;
    h.fps = status.fps;
    h.frames = status.frames;
    h.retries = status.retries;
    h.message = status.message;
    for (const auto& l : status.lines) h.lines.push_back({l.name, l.positive, l.negative});
    h.frame_width = status.frame_width;
    h.frame_height = status.frame_height;
    h.updated = now;
    return h;
}

Status ValidateSettings(const CountingSettings& s) {
    if (auto bins = hw::ValidateBinMinutes(s.bin_minutes); !bins) return bins.error();
    if (s.lines.empty())
        return MakeError("counter.lines", "counter.lines: at least one counting line is needed");
    if (Status id = ngsi::CheckToken("kiosk_id", s.kiosk_id); !id)
        return MakeError("counter.kiosk_id", id.error().message);
    for (const auto& l : s.lines) {
        if (Status name = ngsi::CheckToken("counter.lines name", l.line.name); !name)
            return MakeError("counter.line_name", name.error().message);
        // Only the length here: the frame size is known once the source delivers (the thread checks it then).
        if (auto valid = hw::ValidateLine(l.line.segment, 0, 0); !valid) {
            return MakeError(valid.error().code,
                             "counter line \"" + l.line.name + "\": " + valid.error().message);
        }
    }
    return {};
}

}  // namespace

Result<std::unique_ptr<CountingService>> CountingService::Start(CountingSettings settings,
                                                                CountingServiceOptions options) {
    if (Status valid = ValidateSettings(settings); !valid) return valid.error();
    auto db = cache::Database::Open(settings.database_path);
    if (!db) return db.error();
    if (options.store_commit_hook) db->SetCommitHookForTesting(options.store_commit_hook);
    if (!options.clock) options.clock = [] { return ck::Now(); };
    options.save_interval_s = std::clamp(options.save_interval_s, 0.01, 60.0);

    std::unique_ptr<CountingService> service(new CountingService(std::move(settings), std::move(options)));
    service->db_ = std::make_unique<cache::Database>(std::move(*db));

    // Bins left open by the last run: the current period continues, earlier ones are closed now with what
    // they had (the counter was down for part of them; the figure is a lower bound, not invented).
    auto open = cache::ListOpenBins(*service->db_);
    if (!open) return open.error();
    for (const auto& b : *open)
        service->aggregator_.Restore({b.line, b.start, b.end, b.positive, b.negative});
    service->aggregator_.Tick(service->options_.clock());
    if (Status st = service->Checkpoint(); !st)
        spdlog::warn("counter: first checkpoint failed: {}", st.error().message);

    CountingService* self = service.get();
    hw::CounterThreadConfig thread_config = service->settings_.thread;
    thread_config.lines.clear();
    for (const auto& l : service->settings_.lines) thread_config.lines.push_back(l.line);
    service->line_geometry_ = thread_config.lines;
    thread_config.clock = service->options_.clock;  // events and bins on one clock
    service->thread_ = std::make_unique<hw::CounterThread>(
        std::move(thread_config), [self](const hw::CrossingEvent& e) { self->RecordCrossing(e); });
    service->checkpoint_thread_ = std::thread([self] { self->CheckpointLoop(); });
    return service;
}

CountingService::CountingService(CountingSettings settings, CountingServiceOptions options)
    : settings_(std::move(settings)),
      options_(std::move(options)),
      aggregator_(LineNames(settings_.lines), settings_.bin_minutes) {}

CountingService::~CountingService() {
    Stop();
}

void CountingService::Stop() {
    if (stopping_.exchange(true)) return;
    { std::lock_guard lock(wake_mutex_); }
    wake_.notify_all();
    if (thread_) thread_->Stop();
    if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
    if (Status st = Checkpoint(); !st)
        spdlog::warn("counter: final checkpoint failed: {}", st.error().message);
}

void CountingService::RecordCrossing(const hw::CrossingEvent& event) {
    std::lock_guard lock(bins_mutex_);
    aggregator_.Add(event);
}

Status CountingService::SetLineGeometry(const std::string& name, const hw::Segment& segment) {
    const auto status = Snapshot();
    if (Status valid = hw::ValidateLine(segment, status->frame_width, status->frame_height); !valid)
        return MakeError(valid.error().code,
                         "counter line " + QuoteInput(name) + ": " + valid.error().message);
    std::vector<hw::CountingLine> lines;
    {
        std::lock_guard lock(lines_mutex_);
        const auto it = std::find_if(line_geometry_.begin(), line_geometry_.end(),
                                     [&](const hw::CountingLine& l) { return l.name == name; });
        if (it == line_geometry_.end())
            return MakeError("counter.line_unknown", "no counting line is named " + QuoteInput(name));
        it->segment = segment;
        lines = line_geometry_;
    }
    if (thread_) thread_->SetLines(std::move(lines));
    spdlog::info("counter: line \"{}\" moved to {:.0f},{:.0f} -> {:.0f},{:.0f}", name, segment.a.x,
                 segment.a.y, segment.b.x, segment.b.y);
    return {};
}

std::shared_ptr<const hw::CounterStatus> CountingService::Snapshot() const {
    return thread_ ? thread_->Status() : std::make_shared<const hw::CounterStatus>();
}

void CountingService::SetPreviewEnabled(bool enabled) {
    if (thread_) thread_->SetPreviewEnabled(enabled);
}

bool CountingService::LatestPreview(hw::PreviewImage& out) const {
    return thread_ && thread_->LatestPreview(out);
}

void CountingService::CheckpointLoop() {
    std::unique_lock lock(wake_mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::duration<double>(options_.save_interval_s),
                       [this] { return stopping_.load(); });
        if (stopping_) break;
        lock.unlock();
        if (Status st = Checkpoint(); !st) spdlog::warn("counter: checkpoint failed: {}", st.error().message);
        lock.lock();
    }
}

Status CountingService::Checkpoint() {
    std::lock_guard checkpoint(checkpoint_mutex_);
    const TimePoint now = options_.clock();
    std::vector<hw::BinCounts> closed, open;
    {
        // Only copies under the lock the counter thread needs: every fsync below happens without it.
        std::lock_guard lock(bins_mutex_);
        if (!stopping_) aggregator_.Tick(now);
        closed = aggregator_.TakeClosed(now);
        open = aggregator_.Open();
    }
    Status first_error;
    auto note = [&first_error](const Status& st) {
        if (!st && first_error.ok()) first_error = st;
    };
    for (const hw::BinCounts& bin : closed) {
        const auto line = std::find_if(settings_.lines.begin(), settings_.lines.end(),
                                       [&](const auto& l) { return l.line.name == bin.line; });
        const bool towards_is_positive = line == settings_.lines.end() || line->towards_is_positive;
        Result<ngsi::Entity> entity = CrowdFlowObserved(settings_.kiosk_id, bin, towards_is_positive);
        Result<std::string> payload =
            entity ? ngsi::BuildPayload(*entity) : Result<std::string>(entity.error());
        if (!payload) {
            note(Status(payload.error()));  // a bin that can never become an entity is dropped, loudly
            continue;
        }
        cache::NewOutboxItem item;
        item.entity_id = entity->id;
        item.entity_type = entity->type;
        item.payload = std::move(*payload);
        Status st = cache::CloseBin(*db_, ToStoreBin(bin), item, now);
        // A bin already closed (e.g. by a run that crashed after the commit) is not an error.
        if (!st && st.error().code != "counter.already_closed") {
            note(st);
            std::lock_guard lock(bins_mutex_);
            aggregator_.Restore(bin);  // not lost: the next checkpoint closes it again
        }
    }
    for (const hw::BinCounts& bin : open) note(cache::SaveBin(*db_, ToStoreBin(bin)));
    if (thread_) note(cache::SaveCounterHealth(*db_, ToHealth(*thread_->Status(), now)));
    return first_error;
}

}  // namespace ck::counting
