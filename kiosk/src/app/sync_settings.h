// Config -> the sync engine's settings, shared by `civic-kiosk sync` and the kiosk's background worker.
#pragma once

#include "app/config.h"
#include "offline_cache/sync.h"

namespace ck::kiosk {

cache::SyncSettings ToSyncSettings(const Config& config);
// Where the kiosk's city is, for telling swapped coordinates: the kiosk's position, else the centre of the
// district map, else none.
od::ParseContext LiveReference(const Config& config);

}  // namespace ck::kiosk
