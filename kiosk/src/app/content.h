// What the screens show that no visitor action loads. Live values are not here (features/live_controller.h),
// nor published ideas (features/ideas_controller.h): their controllers load them off the drawing path.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"
#include "participation/geo.h"
#include "participation/idea.h"

namespace ck::kiosk {

struct Config;

struct ContentSnapshot {
    bool demo = false;
};

// The embedded demo dataset (sample ideas and live values for the configured city; the demo services are
// svc::DemoCatalogue), with observation times relative to `now` so "as of" reads naturally.
ContentSnapshot DemoContent(TimePoint now);
std::vector<nlohmann::json> DemoIdeaEntities(const Config& config, TimePoint now);
std::vector<nlohmann::json> DemoLiveEntities(TimePoint now);
// Fills the demo store's live tiles through the real parser, with eight days of invented history (a gap
// included) and passer-by bins for today and the same weekday of four weeks: only ever in demo mode.
Status SeedDemoLive(cache::Database& db, const Config& config, TimePoint now);
// The demo's stand-in for central.ckan_url (the datasets' QR codes point there).
inline constexpr const char* kDemoPortalUrl = "https://opendata.example.org";
// A schematic map of Herne's four districts (packaging/civic-kiosk.toml has the same outlines) for the demo
// when no map is configured; empty unless every district it draws is among config.ideas.districts.
part::DistrictMap DemoDistrictMap(const Config& config);
// A sample receipt (fixed reference code, the configured status link) for the receipt screen in demo mode,
// so it can be seen and screenshotted without submitting an idea.
part::Receipt DemoReceipt(const Config& config);

}  // namespace ck::kiosk
