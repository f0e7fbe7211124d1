#include "app/sync_settings.h"

#include "opendata/live_sync.h"
#include "services/catalogue_store.h"

namespace ck::kiosk {

// The content the kiosk shows: published ideas (the live tiles have a connector of their own).
namespace {

std::vector<cache::NgsiPullSpec> DefaultPulls() {
    return {{"CitizenIdea", "status==published"}};
}

}  // namespace

od::ParseContext LiveReference(const Config& config) {
    od::ParseContext ctx;
    if (config.latitude && config.longitude) {
        ctx.reference_lon = config.longitude, ctx.reference_lat = config.latitude;
    } else if (part::HasMap(config.ideas.map)) {
        const auto& m = config.ideas.map;
        ctx.reference_lon = (m.south_west.lon + m.north_east.lon) / 2;
        ctx.reference_lat = (m.south_west.lat + m.north_east.lat) / 2;
    }
    return ctx;
}

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
    s.live = od::MakeLiveSettings(config.live.tiles, config.live.history_days, LiveReference(config));
    if (!config.central.ckan_url.empty()) {
        s.ckan.base_url = config.central.ckan_url;
        s.ckan.organization = config.live.ckan.organization;
        s.ckan.page_size = config.live.ckan.page_size;
        s.ckan.interval_s = config.live.ckan.interval_s;
        s.ckan.max_datasets = static_cast<std::size_t>(config.live.ckan.max_datasets);
    }
    return s;
}

}  // namespace ck::kiosk
