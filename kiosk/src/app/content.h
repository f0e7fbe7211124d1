// What the screens show, as an immutable snapshot: built off the drawing path (at start, and when the store
// reports new data), never fetched while a frame is drawn.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/time.h"
#include "opendata/live_values.h"
#include "participation/geo.h"

namespace ck::kiosk {

struct Config;

struct ContentSnapshot {
    bool demo = false;
    std::vector<od::LiveValue> live;
    std::vector<nlohmann::json> published_ideas;  // CitizenIdea entities with status "published"
};

// The embedded demo dataset (sample ideas and live values for the configured city; the demo services are
// svc::DemoCatalogue), with observation times relative to `now` so "as of" reads naturally.
ContentSnapshot DemoContent(const Config& config, TimePoint now);
std::vector<nlohmann::json> DemoIdeaEntities(const Config& config, TimePoint now);
std::vector<nlohmann::json> DemoLiveEntities(TimePoint now);
// A schematic map of Herne's four districts (packaging/civic-kiosk.toml has the same outlines) for the demo
// when no map is configured; empty unless every district it draws is among config.ideas.districts.
part::DistrictMap DemoDistrictMap(const Config& config);

}  // namespace ck::kiosk
