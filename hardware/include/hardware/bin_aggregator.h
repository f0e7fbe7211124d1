// Crossing events summed into wall-clock bins (UTC, aligned to midnight: a 15-minute bin starts at :00, :15,
// :30, :45). Pure: time comes in as a parameter. While the counter runs every line has a bin for every
// period, zeros included (nobody passing is a figure too); periods when it did not run have no bin.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "hardware/crossing_event.h"

namespace ck::hw {

struct BinCounts {
    std::string line;
    TimePoint start{}, end{};
    std::int64_t positive = 0;
    std::int64_t negative = 0;
};

// bin_minutes must divide a day (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, ..., 1440).
Status ValidateBinMinutes(int bin_minutes);
TimePoint BinStart(TimePoint t, int bin_minutes);

class BinAggregator {
  public:
    // bin_minutes is assumed valid (ValidateBinMinutes); an invalid value is clamped to 15.
    BinAggregator(std::vector<std::string> line_names, int bin_minutes);

    // Opens the current period's bins (zeros) for every line; call regularly and at start.
    void Tick(TimePoint now);
    // Counts the event in its bin; an event for an unknown line is ignored (and reported false).
    bool Add(const CrossingEvent& event);
    // Continues a bin persisted before a restart (its counts are added to the bin in memory).
    void Restore(const BinCounts& bin);
    // Removes and returns every bin whose end <= now, ordered by start, then line order.
    std::vector<BinCounts> TakeClosed(TimePoint now);
    // The bins still open, same order.
    std::vector<BinCounts> Open() const;
    int bin_minutes() const { return bin_minutes_; }

  private:
    BinCounts& BinFor(std::size_t line_index, TimePoint start);
    std::vector<std::string> lines_;
    int bin_minutes_;
    std::map<std::pair<std::int64_t, std::size_t>, BinCounts> bins_;  // (start ms, line index)
};

}  // namespace ck::hw
