#include "features/admin_controller.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <ctime>
#include <fstream>

#include <spdlog/spdlog.h>

#include "app/count_export.h"
#include "offline_cache/counter_bins.h"

namespace ck::kiosk {
namespace {

// Local midnight in the city's zone (the process time zone is the city's, see CreateApp).
TimePoint StartOfLocalDay(TimePoint now) {
    const std::time_t t = static_cast<std::time_t>(ToUnixMs(now) / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    local.tm_isdst = -1;
    return FromUnixMs(static_cast<std::int64_t>(std::mktime(&local)) * 1000);
}

std::uint64_t ResidentBytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0, resident = 0;
    if (!(statm >> size >> resident)) return 0;
    return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

std::vector<std::filesystem::path> FindExportTargets(const std::vector<std::filesystem::path>& roots) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    auto consider = [&](const fs::path& p) {
        if (access(p.c_str(), W_OK) == 0) out.push_back(p);
    };
    for (const fs::path& root : roots) {
        std::error_code ec;
        for (const auto& level1 : fs::directory_iterator(root, ec)) {
            if (!level1.is_directory(ec)) continue;
            bool has_children = false;
            std::error_code ec2;
            for (const auto& level2 : fs::directory_iterator(level1.path(), ec2)) {
                if (!level2.is_directory(ec2)) continue;
                has_children = true;
                consider(level2.path());
            }
            if (!has_children) consider(level1.path());  // /media/<stick> without a user folder
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void RefreshAdminOverview(AdminController& c, cache::Database* db, const cache::SyncWorker* sync,
                          const Config& config, TimePoint now,
                          const std::vector<std::filesystem::path>& media_roots) {
    AdminOverview o;
    o.loaded = true;
    if (sync) {
        const cache::SyncSnapshot snap = sync->Snapshot();
        o.outbox = snap.outbox;
        o.connectors = snap.connectors;
    } else if (db) {
        if (auto counts = cache::CountOutbox(*db)) o.outbox = *counts;
        if (auto saved = cache::LoadConnectorStatuses(*db)) o.connectors = *saved;
    }
    if (db) {
        if (auto bins = cache::ListBins(*db, StartOfLocalDay(now))) {
            for (const cache::CounterBin& b : *bins) {
                bool towards_is_positive = true;
                for (const auto& l : config.counter.lines)
                    if (l.name == b.line) towards_is_positive = l.towards_is_positive;
                auto it = std::find_if(o.today.begin(), o.today.end(),
                                       [&](const auto& t) { return t.line == b.line; });
                if (it == o.today.end()) it = o.today.insert(o.today.end(), AdminLineCount{b.line, 0, 0});
                it->towards += towards_is_positive ? b.positive : b.negative;
                it->away += towards_is_positive ? b.negative : b.positive;
            }
        }
    }
    const std::filesystem::path store_dir = std::filesystem::absolute(config.database_path).parent_path();
    struct statvfs fs {};
    if (statvfs(store_dir.c_str(), &fs) == 0) {
        o.disk_free_bytes = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
        o.disk_total_bytes = static_cast<std::uint64_t>(fs.f_blocks) * fs.f_frsize;
    }
    o.memory_rss_bytes = ResidentBytes();
    o.export_targets = FindExportTargets(media_roots);
    if (auto lines = ActiveCounterLines(config, db)) o.lines = std::move(*lines);
    c.overview = std::move(o);
    if (c.draft.selected >= c.overview.lines.size()) c.draft = LineDraft{};
}

namespace {

bool SameSegment(const hw::Segment& x, const hw::Segment& y) {
    return x.a.x == y.a.x && x.a.y == y.a.y && x.b.x == y.b.x && x.b.y == y.b.y;
}

void Fail(AdminController& c, const std::string& key, const std::string& detail) {
    c.message_key = key;
    c.message_arg = detail;
    c.message_is_error = true;
}

}  // namespace

void SaveLineDraft(AdminController& c, cache::Database* db, counting::CountingService* counter,
                   const Config& config, TimePoint now) {
    if (!c.draft.moved || c.draft.selected >= c.overview.lines.size()) {
        c.message_key = "kiosk.admin.line_unchanged";
        c.message_arg.clear();
        c.message_is_error = false;
        return;
    }
    if (!db) return Fail(c, "kiosk.admin.line_save_failed", "no store");
    const std::string name = c.overview.lines[c.draft.selected].name;
    const auto status = counter ? counter->Snapshot() : nullptr;
    const Result<hw::Segment> stored =
        SetCounterLine(*db, config, name, *c.draft.moved, status ? status->frame_width : 0,
                       status ? status->frame_height : 0, now);
    if (!stored) return Fail(c, "kiosk.admin.line_save_failed", stored.error().message);
    if (counter) {
        if (Status applied = counter->SetLineGeometry(name, *stored); !applied)
            return Fail(c, "kiosk.admin.line_save_failed", applied.error().message);
    }
    if (auto lines = ActiveCounterLines(config, db)) c.overview.lines = std::move(*lines);
    c.draft.moved.reset();
    c.message_key = "kiosk.admin.line_saved";
    c.message_arg = name;
    c.message_is_error = false;
}

void ResetLinesToConfig(AdminController& c, cache::Database* db, counting::CountingService* counter,
                        const Config& config) {
    c.draft.moved.reset();
    if (!db) return Fail(c, "kiosk.admin.line_save_failed", "no store");
    if (Status st = ResetCounterLines(*db, config); !st)
        return Fail(c, "kiosk.admin.line_save_failed", st.error().message);
    if (auto lines = ActiveCounterLines(config, db)) c.overview.lines = std::move(*lines);
    ApplyStoredLines(c, counter);
    c.message_key = "kiosk.admin.line_reset_done";
    c.message_arg.clear();
    c.message_is_error = false;
}

void ApplyStoredLines(const AdminController& c, counting::CountingService* counter) {
    if (!counter) return;
    const auto status = counter->Snapshot();
    for (const ActiveCounterLine& l : c.overview.lines) {
        const auto running = std::find_if(status->lines.begin(), status->lines.end(),
                                          [&](const auto& s) { return s.name == l.name; });
        if (running != status->lines.end() && SameSegment(running->segment, l.segment)) continue;
        if (Status st = counter->SetLineGeometry(l.name, l.segment); !st)
            spdlog::warn("counter: line {} not applied: {}", l.name, st.error().message);
    }
}

void ExportCountsTo(AdminController& c, cache::Database* db, const Config& config,
                    const std::filesystem::path& dir, TimePoint now) {
    c.message_is_error = true;
    if (!db) {
        c.message_key = "kiosk.admin.export_failed";
        c.message_arg = "no store";
        return;
    }
    const std::string day = FormatIsoUtc(now).substr(0, 10);
    const std::filesystem::path out = dir / ("counts-" + config.kiosk_id + "-" + day + ".csv");
    Result<std::size_t> rows = ExportCountBins(*db, config, now - std::chrono::hours(24 * 31), now, out);
    if (!rows) {
        c.message_key = "kiosk.admin.export_failed";
        c.message_arg = rows.error().message;
        return;
    }
    c.message_is_error = false;
    c.message_key = "kiosk.admin.export_done";
    c.message_arg = out.string();
}

}  // namespace ck::kiosk
