#include "app/safe_mode.h"

#include <algorithm>

#include "offline_cache/run_history.h"

namespace ck::kiosk {

Result<SafeMode> BeginRun(cache::Database& db, TimePoint now) {
    Result<cache::RunHistory> loaded = cache::LoadRunHistory(db, now);
    if (!loaded) return loaded.error();
    cache::RunHistory history = std::move(*loaded);
    if (history.running) history.abnormal_ends.push_back(now);
    std::erase_if(history.abnormal_ends, [&](TimePoint t) { return now - t > kSafeModeWindow; });
    history.running = true;
    history.started = now;
    if (Status s = cache::SaveRunHistory(db, history); !s) return s.error();

    SafeMode mode;
    mode.started = now;
    mode.abnormal_ends = static_cast<int>(history.abnormal_ends.size());
    mode.active = mode.abnormal_ends >= kSafeModeAfter;
    if (mode.active) {
        mode.reason = std::to_string(mode.abnormal_ends) + " abnormal ends within " +
                      std::to_string(kSafeModeWindow.count()) + " minutes";
    }
    return mode;
}

Status EndRun(cache::Database& db) {
    Result<cache::RunHistory> loaded = cache::LoadRunHistory(db, Now());
    if (!loaded) return loaded.error();
    loaded->running = false;
    return cache::SaveRunHistory(db, *loaded);
}

Result<bool> ClearAfterCleanRun(cache::Database& db, SafeMode& mode, TimePoint now) {
    if (mode.cleared || now - mode.started < kSafeModeWindow) return false;
    Result<cache::RunHistory> loaded = cache::LoadRunHistory(db, now);
    if (!loaded) return loaded.error();
    loaded->abnormal_ends.clear();
    if (Status s = cache::SaveRunHistory(db, *loaded); !s) return s.error();
    mode.cleared = true;
    return true;
}

}  // namespace ck::kiosk
