// The rate limit for log messages that repeat in kind (a connector failing, recovering, failing again while
// the network flaps): at most `burst` messages per key and window; the first message of the next window
// learns how many were held back. The caller passes the time, so the sync round's clock (a fake one in
// tests) drives it. Identical texts are also limited by the logger itself (kiosk/src/app/logging.cpp), in
// real time; this is for messages whose text differs each time.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "core/time.h"

namespace ck {

class LogLimiter {
  public:
    LogLimiter(std::chrono::milliseconds window, int burst);
    struct Verdict {
        bool log = false;
        std::int64_t held_back = 0;  // when log: messages of this key not logged since the last one
    };
    Verdict Check(const std::string& key, TimePoint now);

  private:
    struct Slot {
        TimePoint window_start{};
        int logged = 0;
        std::int64_t held_back = 0;
    };
    std::chrono::milliseconds window_;
    int burst_;
    std::map<std::string, Slot> slots_;  // one per key; keys are a small fixed set (per connector)
};

}  // namespace ck
