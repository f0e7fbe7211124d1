#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>

#include "app/config.h"
#include "app/content.h"
#include "core/time.h"
#include "ngsi/entity.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/live_store.h"
#include "opendata/freshness.h"
#include "opendata/live_sync.h"
#include "participation/reference.h"

namespace ck::kiosk {
namespace {

// The demo entities go through the same builder as real ones; they are fixed data, so a failure is a bug
// (every demo screen test would show it).
nlohmann::json Normalized(const ngsi::Entity& e) {
    Result<nlohmann::json> j = ngsi::BuildNormalized(e);
    assert(j.ok());
    return j.ok() ? *j : nlohmann::json::object();
}

ngsi::Entity Observed(const char* type, const char* id, const char* name, TimePoint observed) {
    ngsi::Entity e{std::string("urn:ngsi-ld:") + type + ":" + id, type, {}};
    e.Set("name", ngsi::Text(name)).Set("dateObserved", ngsi::DateTime(observed));
    return e;
}

}  // namespace

std::vector<nlohmann::json> DemoLiveEntities(TimePoint now) {
    auto ago = [now](int minutes) { return now - std::chrono::minutes(minutes); };
    std::vector<ngsi::Entity> entities = {
        Observed("WeatherObserved", "demo-mitte", "Herne-Mitte", ago(4))
            .Set("temperature", ngsi::Number(7.5))
            .Set("precipitation", ngsi::Number(0.4))
            .Set("windSpeed", ngsi::Number(14)),
        Observed("OffStreetParking", "demo-city-center", "Parkhaus City-Center", ago(2))
            .Set("availableSpotNumber", ngsi::WholeNumber(132))
            .Set("totalSpotNumber", ngsi::WholeNumber(420)),
        Observed("OffStreetParking", "demo-wanne", "Parkplatz Wanner Markt", ago(3))
            .Set("availableSpotNumber", ngsi::WholeNumber(12))
            .Set("totalSpotNumber", ngsi::WholeNumber(85)),
        Observed("AirQualityObserved", "demo-mitte", "Messstelle Herne-Mitte", ago(25))
            .Set("airQualityLevel", ngsi::Text("good"))
            .Set("no2", ngsi::Number(23))
            .Set("pm10", ngsi::Number(14)),
        // Older than its tile's limit on purpose: the demo shows what an outdated value looks like.
        Observed("WaterObserved", "demo-kanal", "Rhein-Herne-Kanal", ago(200))
            .Set("height", ngsi::Number(2.41)),
    };
    std::vector<nlohmann::json> out;
    for (const auto& e : entities) out.push_back(Normalized(e));
    return out;
}

namespace {

// A plausible past for each demo value: hourly points over eight days with a daily swing, and a six-hour
// outage two days ago so that the chart shows a gap as a gap.
std::vector<cache::HistoryPoint> DemoHistory(double now_value, double swing, TimePoint observed) {
    std::vector<cache::HistoryPoint> out;
    constexpr int kHours = 8 * 24;
    // Shaped so that it ends at the current value: no jump to the newest point.
    auto shape = [](int h) {
        return std::cos(static_cast<double>(h % 24) / 24.0 * 6.283185307179586) * 0.8 +
               std::sin(static_cast<double>(h) * 0.37) * 0.25;
    };
    for (int h = kHours; h >= 1; --h) {
        if (h >= 44 && h < 50) continue;
        out.push_back({observed - std::chrono::hours(h), now_value + swing * (shape(h) - shape(0))});
    }
    return out;
}

}  // namespace

Status SeedDemoLive(cache::Database& db, const Config& config, TimePoint now) {
    const cache::LiveSettings settings =
        od::MakeLiveSettings(config.live.tiles, config.live.history_days, {});
    const auto entities = DemoLiveEntities(now);
    for (std::size_t i = 0; i < settings.tiles.size(); ++i) {
        std::vector<cache::LiveRow> rows;
        for (const auto& e : entities) {
            if (e.value("type", "") != settings.tiles[i].type) continue;
            if (auto row = settings.parse(i, e, now)) rows.push_back(std::move(*row));
        }
        if (Status s = cache::StoreTilePull(db, settings.tiles[i].tile, rows, now); !s.ok()) return s;
        for (const auto& r : rows) {
            if (!r.chart_value) continue;
            const double swing = std::max(std::fabs(*r.chart_value) * 0.15, 0.1);
            if (Status s = cache::AddHistory(db, r.tile, r.entity_id,
                                             DemoHistory(*r.chart_value, swing, r.observed));
                !s.ok())
                return s;
        }
    }
    // A few open datasets for the datasets list (HTML notes, as portals publish them).
    const char* const kDatasets[][5] = {
        {"demo-parken", "parkhaeuser-belegung", "Parkhäuser: Belegung in Echtzeit",
         "<p>Freie und belegte Stellplätze der <b>städtischen Parkhäuser</b>, alle zwei Minuten "
         "aktualisiert.</p>"
         "<ul><li>Parkhaus City-Center</li><li>Parkplatz Wanner Markt</li></ul>",
         "CSV JSON"},
        {"demo-luft", "luftqualitaet-messstellen", "Luftqualität an den Messstellen",
         "<p>Stundenwerte für Stickstoffdioxid (NO<sub>2</sub>), Feinstaub (PM10) und Ozon.</p>",
         "CSV GeoJSON"},
        {"demo-pegel", "pegel-rhein-herne-kanal", "Pegel Rhein-Herne-Kanal",
         "<p>Wasserstand am Pegel Herne &ndash; 15-Minuten-Werte der letzten 30 Tage.</p>", "JSON"},
        {"demo-baeume", "baumkataster", "Baumkataster",
         "<p>Alle Straßenbäume mit Art, Pflanzjahr und Standort.</p>", "CSV Shapefile"},
    };
    std::vector<cache::CkanRow> datasets;
    for (const auto& d : kDatasets) {
        nlohmann::json resources = nlohmann::json::array();
        std::string formats = d[4];
        for (std::size_t pos = 0; pos < formats.size();) {
            const std::size_t end = std::min(formats.find(' ', pos), formats.size());
            resources.push_back({{"format", formats.substr(pos, end - pos)}});
            pos = end + 1;
        }
        const nlohmann::json p = {{"id", d[0]},
                                  {"name", d[1]},
                                  {"title", d[2]},
                                  {"notes", d[3]},
                                  {"license_title", "Datenlizenz Deutschland – Namensnennung – Version 2.0"},
                                  {"metadata_modified", FormatIsoUtc(now - std::chrono::hours(30))},
                                  {"organization", {{"title", "Stadt " + config.city_name}}},
                                  {"resources", resources}};
        datasets.push_back({d[0], p.dump(), now});
    }
    if (Status s = cache::ReplaceCkanDatasets(db, datasets); !s.ok()) return s;

    // This kiosk's passers-by: today so far and the same weekday of the last four weeks, 15-minute bins.
    const TimePoint today = od::LocalDayStart(now);
    std::vector<cache::CounterBin> bins;
    for (int week = 0; week <= 4; ++week) {
        const TimePoint day =
            od::LocalDayStart(today - std::chrono::hours(24 * 7 * week) + std::chrono::hours(12));
        for (int quarter = 7 * 4; quarter < 20 * 4; ++quarter) {
            const TimePoint start = day + std::chrono::minutes(15 * quarter);
            if (start + std::chrono::minutes(15) > now) break;
            const double hour = quarter / 4.0;
            const double busy = std::exp(-(hour - 12.5) * (hour - 12.5) / 8.0) +
                                0.6 * std::exp(-(hour - 17) * (hour - 17) / 3.0);
            const auto n = static_cast<std::int64_t>(6 + 40 * busy + (week * 3 + quarter) % 5);
            bins.push_back(
                {"entrance", start, start + std::chrono::minutes(15), n / 2 + week % 2, n / 2, false});
        }
    }
    return cache::SaveBins(db, bins);
}

std::vector<nlohmann::json> DemoIdeaEntities(const Config& config, TimePoint now) {
    struct Sample {
        const char* id;
        const char* title;
        const char* text;
        const char* category;
        std::size_t district;
        int supports;
        int days_ago;
    };
    const Sample samples[] = {
        {"0b7c1c52-3f43-4c1e-9a55-000000000001", "Mehr Fahrradbügel am Bahnhof",
         "Am Bahnhof sind morgens alle Bügel belegt. Eine überdachte Abstellanlage würde helfen.", "mobility", 0, 48, 2},
        {"0b7c1c52-3f43-4c1e-9a55-000000000002", "Trinkbrunnen im Stadtgarten",
         "Im Sommer fehlt ein Trinkbrunnen für Kinder und Sportler.", "environment", 0, 31, 6},
        {"0b7c1c52-3f43-4c1e-9a55-000000000003", "Freies WLAN in der Bibliothek Wanne",
         "Stabiles WLAN für Hausaufgaben und Bewerbungen.", "digital", 1, 22, 9},
        {"0b7c1c52-3f43-4c1e-9a55-000000000004", "Bänke an der Cranger Straße",
         "Ältere Menschen brauchen unterwegs Sitzgelegenheiten.", "neighbourhood", 2, 17, 12},
        {"0b7c1c52-3f43-4c1e-9a55-000000000005", "Lesepaten für Grundschulen",
         "Ehrenamtliche lesen einmal pro Woche mit Kindern.", "education", 3, 9, 20},
    };
    std::vector<nlohmann::json> out;
    for (const Sample& s : samples) {
        const std::string district =
            config.ideas.districts.empty() ? "" : config.ideas.districts[s.district % config.ideas.districts.size()];
        ngsi::Entity e{std::string("urn:ngsi-ld:CitizenIdea:") + s.id, "CitizenIdea", {}};
        e.Set("title", ngsi::TextUnrestricted(s.title))
            .Set("description", ngsi::TextUnrestricted(s.text))
            .Set("category", ngsi::Text(s.category))
            .Set("status", ngsi::Text("published"))
            .Set("supportCount", ngsi::WholeNumber(s.supports))
            .Set("dateCreated", ngsi::DateTime(now - std::chrono::hours(24 * s.days_ago)))
            .Set("channel", ngsi::Text("kiosk"));
        if (!district.empty()) e.Set("district", ngsi::Text(district));
        out.push_back(Normalized(e));
    }
    return out;
}

part::DistrictMap DemoDistrictMap(const Config& config) {
    // Schematic outlines of Herne's four districts (Stadtbezirke): neighbours share their edge points, so a
    // tap anywhere in the city lands in exactly one district. Not a survey; see docs/configuration.md.
    part::DistrictMap map;
    map.south_west = {7.13, 51.50};
    map.north_east = {7.31, 51.57};
    map.districts = {
        {"Wanne",
         {{7.14, 51.535}, {7.15, 51.56}, {7.19, 51.565}, {7.205, 51.55}, {7.20, 51.535}, {7.17, 51.53}}},
        {"Eickel",
         {{7.14, 51.535}, {7.17, 51.53}, {7.20, 51.535}, {7.205, 51.515}, {7.18, 51.505}, {7.15, 51.51}}},
        {"Herne-Mitte",
         {{7.20, 51.535}, {7.205, 51.55}, {7.235, 51.56}, {7.25, 51.545}, {7.245, 51.515}, {7.205, 51.515}}},
        {"Sodingen",
         {{7.25, 51.545}, {7.235, 51.56}, {7.27, 51.565}, {7.30, 51.55}, {7.29, 51.52}, {7.245, 51.515}}},
    };
    if (!part::ValidateDistrictMap(map, config.ideas.districts).ok()) return {};
    return map;
}

part::Receipt DemoReceipt(const Config& config) {
    part::Receipt r;
    r.reference_code = "K7P-4XM9";
    r.entity_id = "urn:ngsi-ld:CitizenIdea:00000000-0000-4000-8000-000000000000";
    r.status_url = part::BuildStatusUrl(config.ideas.status_url_template, r.reference_code, config.kiosk_id);
    return r;
}

ContentSnapshot DemoContent(TimePoint) {
    ContentSnapshot c;
    c.demo = true;
    return c;
}

}  // namespace ck::kiosk
