#include <cassert>
#include <string>

#include "app/config.h"
#include "app/content.h"
#include "core/time.h"
#include "ngsi/entity.h"
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
        Observed("WeatherObserved", "demo-mitte", "Herne-Mitte", ago(4)).Set("temperature", ngsi::Number(7.5)),
        Observed("OffStreetParking", "demo-city-center", "Parkhaus City-Center", ago(2))
            .Set("availableSpotNumber", ngsi::WholeNumber(132))
            .Set("totalSpotNumber", ngsi::WholeNumber(420)),
        Observed("OffStreetParking", "demo-wanne", "Parkplatz Wanner Markt", ago(3))
            .Set("availableSpotNumber", ngsi::WholeNumber(12))
            .Set("totalSpotNumber", ngsi::WholeNumber(85)),
        Observed("AirQualityObserved", "demo-mitte", "Messstelle Herne-Mitte", ago(25)).Set("no2", ngsi::Number(23)),
        Observed("WaterObserved", "demo-kanal", "Rhein-Herne-Kanal", ago(95)).Set("height", ngsi::Number(2.41)),
    };
    ngsi::Entity crowd{"urn:ngsi-ld:CrowdFlowObserved:demo-forum", "CrowdFlowObserved", {}};
    crowd.Set("name", ngsi::Text("Digitaloforum"))
        .Set("peopleCount", ngsi::WholeNumber(148))
        .Set("dateObservedTo", ngsi::DateTime(ago(9)));
    entities.push_back(std::move(crowd));
    std::vector<nlohmann::json> out;
    for (const auto& e : entities) out.push_back(Normalized(e));
    return out;
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

ContentSnapshot DemoContent(TimePoint now) {
    ContentSnapshot c;
    c.demo = true;
    for (const auto& e : DemoLiveEntities(now)) {
        if (auto v = od::ParseLiveEntity(e); v.ok()) c.live.push_back(*v);
    }
    return c;
}

}  // namespace ck::kiosk
