#include "core/log_limit.h"

#include <algorithm>

namespace ck {

LogLimiter::LogLimiter(std::chrono::milliseconds window, int burst)
    : window_(window), burst_(std::max(1, burst)) {}

LogLimiter::Verdict LogLimiter::Check(const std::string& key, TimePoint now) {
    Slot& s = slots_[key];
    if (s.logged == 0 || now - s.window_start >= window_ || now < s.window_start) {
        s.window_start = now;
        s.logged = 0;
    }
    if (s.logged >= burst_) {
        ++s.held_back;
        return {};
    }
    ++s.logged;
    Verdict v{true, s.held_back};
    s.held_back = 0;
    return v;
}

}  // namespace ck
