// What leaves the counter: one person crossed one line in one direction at one time. Nothing else.
#pragma once

#include <string>

#include "core/time.h"
#include "hardware/line_counter.h"

namespace ck::hw {

struct CrossingEvent {
    std::string line;  // the counting line's name
    Direction direction = Direction::kPositive;
    TimePoint time{};
};

}  // namespace ck::hw
