// Config -> the sync engine's settings, shared by `civic-kiosk sync` and the kiosk's background worker.
#pragma once

#include "app/config.h"
#include "offline_cache/sync.h"

namespace ck::kiosk {

cache::SyncSettings ToSyncSettings(const Config& config);

}  // namespace ck::kiosk
