#include "hardware/bin_aggregator.h"

#include <algorithm>

namespace ck::hw {

namespace {
constexpr std::int64_t kMinuteMs = 60'000;
constexpr int kDayMinutes = 1440;
}  // namespace

Status ValidateBinMinutes(int bin_minutes) {
    if (bin_minutes < 1 || bin_minutes > kDayMinutes || kDayMinutes % bin_minutes != 0) {
        return MakeError("counter.bin_minutes",
                         "counter.bin_minutes must divide a day (1..1440, e.g. 5, 10, 15, 30, 60), got " +
                             std::to_string(bin_minutes));
    }
    return {};
}

TimePoint BinStart(TimePoint t, int bin_minutes) {
    const std::int64_t len = std::int64_t{bin_minutes} * kMinuteMs;
    const std::int64_t ms = ToUnixMs(t);
    // Floor division, also for times before 1970.
    const std::int64_t q = ms / len - ((ms % len) < 0 ? 1 : 0);
    return FromUnixMs(q * len);
}

BinAggregator::BinAggregator(std::vector<std::string> line_names, int bin_minutes)
    : lines_(std::move(line_names)), bin_minutes_(ValidateBinMinutes(bin_minutes) ? bin_minutes : 15) {}

BinCounts& BinAggregator::BinFor(std::size_t line_index, TimePoint start) {
    auto [it, inserted] = bins_.try_emplace({ToUnixMs(start), line_index});
    if (inserted) {
        it->second.line = lines_[line_index];
        it->second.start = start;
        it->second.end = start + std::chrono::minutes(bin_minutes_);
    }
    return it->second;
}

void BinAggregator::Tick(TimePoint now) {
    const TimePoint start = BinStart(now, bin_minutes_);
    for (std::size_t i = 0; i < lines_.size(); ++i) BinFor(i, start);
}

bool BinAggregator::Add(const CrossingEvent& event) {
    const auto it = std::find(lines_.begin(), lines_.end(), event.line);
    if (it == lines_.end()) return false;
    BinCounts& bin =
        BinFor(static_cast<std::size_t>(it - lines_.begin()), BinStart(event.time, bin_minutes_));
    (event.direction == Direction::kPositive ? bin.positive : bin.negative) += 1;
    return true;
}

void BinAggregator::Restore(const BinCounts& restored) {
    const auto it = std::find(lines_.begin(), lines_.end(), restored.line);
    if (it == lines_.end()) return;
    BinCounts& bin =
        BinFor(static_cast<std::size_t>(it - lines_.begin()), BinStart(restored.start, bin_minutes_));
    bin.positive += restored.positive;
    bin.negative += restored.negative;
}

std::vector<BinCounts> BinAggregator::TakeClosed(TimePoint now) {
    std::vector<BinCounts> closed;
    for (auto it = bins_.begin(); it != bins_.end();) {
        if (it->second.end <= now) {
            closed.push_back(std::move(it->second));
            it = bins_.erase(it);
        } else {
            ++it;
        }
    }
    return closed;
}

std::vector<BinCounts> BinAggregator::Open() const {
    std::vector<BinCounts> open;
    open.reserve(bins_.size());
    for (const auto& [key, bin] : bins_) open.push_back(bin);
    return open;
}

}  // namespace ck::hw
