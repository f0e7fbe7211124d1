// The operator's admin screen apart from its drawing: what it shows that needs the store or the system
// (outbox by state, each connector's last sync and error, today's counts, disk and memory, the counting
// lines and where they come from) is read in one go when the screen unlocks and after each action, never
// per frame; the actions (sync now, export the count bins to a USB stick, save or reset a counting line,
// leave the kiosk) are calls made when the operator taps.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/counter_lines.h"
#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"
#include "offline_cache/outbox.h"
#include "offline_cache/sync.h"

namespace ck::kiosk {

struct AdminLineCount {
    std::string line;
    std::int64_t towards = 0;
    std::int64_t away = 0;
};

struct AdminOverview {
    bool loaded = false;
    cache::OutboxCounts outbox;
    std::vector<cache::ConnectorStatus> connectors;
    std::vector<AdminLineCount> today;  // since local midnight, per counting line
    std::uint64_t disk_free_bytes = 0;  // on the store's file system
    std::uint64_t disk_total_bytes = 0;
    std::uint64_t memory_rss_bytes = 0;                 // this process
    std::vector<std::filesystem::path> export_targets;  // writable folders on removable media
    std::vector<ActiveCounterLine> lines;               // the counting lines and where they come from
};

// The line the operator is setting up on the preview.
struct LineDraft {
    std::size_t selected = 0;          // index into AdminOverview::lines
    std::optional<hw::Segment> moved;  // the selected line as dragged, not saved yet
};

struct AdminController {
    AdminOverview overview;
    std::string message_key;  // the outcome of the last action, for the screen
    std::string message_arg;  // its {detail}: a path or an error text
    bool message_is_error = false;
    LineDraft draft;
};

// Where removable media appear on Debian (udisks and the like).
inline const std::vector<std::filesystem::path> kRemovableMediaRoots = {"/media", "/run/media"};

// Reads everything the overview shows. sync null: outbox and connector health from the store (what the
// worker last saved). db null: only disk and memory.
void RefreshAdminOverview(AdminController& c, cache::Database* db, const cache::SyncWorker* sync,
                          const Config& config, TimePoint now,
                          const std::vector<std::filesystem::path>& media_roots = kRemovableMediaRoots);
// Writable folders up to two levels below the roots (/media/<user>/<stick>, /media/<stick>).
std::vector<std::filesystem::path> FindExportTargets(const std::vector<std::filesystem::path>& roots);
// The bins of the last 31 days into <dir>/counts-<kiosk id>-<date>.csv (app/count_export.h, the same code as
// `civic-kiosk counts export`); the outcome goes into the controller's message.
// Saves the dragged line (the frame size from the running counter) and hands it to the counter, which counts
// with it from its next frame; the outcome goes into the controller's message. Nothing dragged: a hint.
void SaveLineDraft(AdminController& c, cache::Database* db, counting::CountingService* counter,
                   const Config& config, TimePoint now);
// Forgets the lines set on the kiosk and hands the configured ones back to the counter.
void ResetLinesToConfig(AdminController& c, cache::Database* db, counting::CountingService* counter,
                        const Config& config);
// A line stored while the kiosk ran (`counter line set` over SSH) reaches the counter when the admin screen
// reads the overview: every line whose active segment differs from what the counter counts with is handed
// to it.
void ApplyStoredLines(const AdminController& c, counting::CountingService* counter);
void ExportCountsTo(AdminController& c, cache::Database* db, const Config& config,
                    const std::filesystem::path& dir, TimePoint now);

}  // namespace ck::kiosk
