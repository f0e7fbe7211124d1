// The visitor session's idle timer as pure logic: the app feeds it input and time, it says what to show.
#pragma once

namespace ck::kiosk {

enum class IdlePhase { kActive, kWarning, kExpired };

struct IdleTimer {
    double timeout_s = 90;   // reset after this long without input
    double warning_s = 20;   // warn this long before the reset
    double last_input_s = 0;
    bool armed = false;      // only a visitor session can expire (not the attract screen)

    void Arm(double now_s) {
        armed = true;
        last_input_s = now_s;
    }
    void Disarm() { armed = false; }
    // Any touch extends the session, also during the warning.
    void Touch(double now_s) { last_input_s = now_s; }

    IdlePhase Phase(double now_s) const {
        if (!armed) return IdlePhase::kActive;
        const double idle = now_s - last_input_s;
        if (idle >= timeout_s) return IdlePhase::kExpired;
        if (idle >= timeout_s - warning_s) return IdlePhase::kWarning;
        return IdlePhase::kActive;
    }
    double SecondsLeft(double now_s) const { return timeout_s - (now_s - last_input_s); }
    // When the loop must wake up next to show the warning or to reset, even with no input.
    double NextDeadline(double now_s) const {
        if (!armed) return 1e300;
        const double warn_at = last_input_s + timeout_s - warning_s;
        if (now_s < warn_at) return warn_at;
        // During the warning, the countdown shows whole seconds: wake each second.
        const double expire_at = last_input_s + timeout_s;
        const double next_second = now_s + 1.0 - (now_s - warn_at - static_cast<long>(now_s - warn_at));
        return next_second < expire_at ? next_second : expire_at;
    }
};

}  // namespace ck::kiosk
