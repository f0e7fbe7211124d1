#include "app/sync_settings.h"

#include "services/catalogue_store.h"

namespace ck::kiosk {

// The content the kiosk shows: published ideas and the live data types of the "Live data" screen.
namespace {

std::vector<cache::NgsiPullSpec> DefaultPulls() {
    return {{"CitizenIdea", "status==published"},
            {"WeatherObserved", ""},
            {"OffStreetParking", ""},
            {"AirQualityObserved", ""},
            {"WaterObserved", ""}};
}

}  // namespace

cache::SyncSettings ToSyncSettings(const Config& config) {
    cache::SyncSettings s;
    s.orion_url = config.central.orion_url;
    s.fiware_service = config.central.fiware_service;
    s.fiware_servicepath = config.central.fiware_servicepath;
    s.auth_token = config.central.auth_token;
    s.ca_bundle = config.central.ca_bundle;
    s.connect_timeout_s = config.central.connect_timeout_s;
    s.total_timeout_s = config.central.total_timeout_s;
    s.backoff_min_s = config.sync.backoff_min_s;
    s.backoff_max_s = config.sync.backoff_max_s;
    s.interval_s = config.sync.interval_s;
    s.pull_interval_s = config.sync.pull_interval_s;
    s.heartbeat_interval_s = config.sync.heartbeat_interval_s;
    s.retention_days = config.sync.retention_days;
    s.pulls = DefaultPulls();
    s.kiosk_id = config.kiosk_id;
    s.site_name = config.site_name;
    s.software_version = CK_VERSION;
    s.counter_enabled = config.counter.enabled;
    if (!config.central.pvog_url.empty()) {
        s.pvog = svc::MakePvogSettings(config.central.pvog_url, config.ServicesArs(),
                                       config.services.catalogue_interval_s,
                                       static_cast<std::size_t>(config.services.details_per_round));
    }
    return s;
}

}  // namespace ck::kiosk
