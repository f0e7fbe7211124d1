// What the screens show that no visitor action loads: built off the drawing path (at start, and at every
// session reset from the cached live entities), never fetched while a frame is drawn. Published ideas are not
// here: the ideas controller loads them when the ideas screen opens (features/ideas_controller.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/time.h"
#include "opendata/live_values.h"
#include "participation/geo.h"
#include "participation/idea.h"

namespace ck::kiosk {

struct Config;

struct ContentSnapshot {
    bool demo = false;
    std::vector<od::LiveValue> live;
};

// The embedded demo dataset (sample ideas and live values for the configured city; the demo services are
// svc::DemoCatalogue), with observation times relative to `now` so "as of" reads naturally.
ContentSnapshot DemoContent(TimePoint now);
std::vector<nlohmann::json> DemoIdeaEntities(const Config& config, TimePoint now);
std::vector<nlohmann::json> DemoLiveEntities(TimePoint now);
// A schematic map of Herne's four districts (packaging/civic-kiosk.toml has the same outlines) for the demo
// when no map is configured; empty unless every district it draws is among config.ideas.districts.
part::DistrictMap DemoDistrictMap(const Config& config);
// A sample receipt (fixed reference code, the configured status link) for the receipt screen in demo mode,
// so it can be seen and screenshotted without submitting an idea.
part::Receipt DemoReceipt(const Config& config);

}  // namespace ck::kiosk
