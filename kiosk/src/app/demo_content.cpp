#include <string>

#include "app/config.h"
#include "app/content.h"
#include "core/time.h"

namespace ck::kiosk {
namespace {

nlohmann::json Attr(const char* type, nlohmann::json value) { return {{"type", type}, {"value", std::move(value)}}; }

std::string Ago(TimePoint now, int minutes) { return FormatIsoUtc(now - std::chrono::minutes(minutes)); }

}  // namespace

std::vector<nlohmann::json> DemoLiveEntities(TimePoint now) {
    return {
        {{"id", "urn:ngsi-ld:WeatherObserved:demo-mitte"}, {"type", "WeatherObserved"},
         {"name", Attr("Text", "Herne-Mitte")}, {"temperature", Attr("Number", 7.5)},
         {"dateObserved", Attr("DateTime", Ago(now, 4))}},
        {{"id", "urn:ngsi-ld:OffStreetParking:demo-city-center"}, {"type", "OffStreetParking"},
         {"name", Attr("Text", "Parkhaus City-Center")}, {"availableSpotNumber", Attr("Number", 132)},
         {"totalSpotNumber", Attr("Number", 420)}, {"dateObserved", Attr("DateTime", Ago(now, 2))}},
        {{"id", "urn:ngsi-ld:OffStreetParking:demo-wanne"}, {"type", "OffStreetParking"},
         {"name", Attr("Text", "Parkplatz Wanner Markt")}, {"availableSpotNumber", Attr("Number", 12)},
         {"totalSpotNumber", Attr("Number", 85)}, {"dateObserved", Attr("DateTime", Ago(now, 3))}},
        {{"id", "urn:ngsi-ld:AirQualityObserved:demo-mitte"}, {"type", "AirQualityObserved"},
         {"name", Attr("Text", "Messstelle Herne-Mitte")}, {"no2", Attr("Number", 23)},
         {"dateObserved", Attr("DateTime", Ago(now, 25))}},
        {{"id", "urn:ngsi-ld:WaterObserved:demo-kanal"}, {"type", "WaterObserved"},
         {"name", Attr("Text", "Rhein-Herne-Kanal")}, {"height", Attr("Number", 2.41)},
         {"dateObserved", Attr("DateTime", Ago(now, 95))}},
        {{"id", "urn:ngsi-ld:CrowdFlowObserved:demo-forum"}, {"type", "CrowdFlowObserved"},
         {"name", Attr("Text", "Digitaloforum")}, {"peopleCount", Attr("Number", 148)},
         {"dateObservedTo", Attr("DateTime", Ago(now, 9))}},
    };
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
        nlohmann::json e = {
            {"id", std::string("urn:ngsi-ld:CitizenIdea:") + s.id},
            {"type", "CitizenIdea"},
            {"title", Attr("TextUnrestricted", s.title)},
            {"description", Attr("TextUnrestricted", s.text)},
            {"category", Attr("Text", s.category)},
            {"status", Attr("Text", "published")},
            {"supportCount", Attr("Number", s.supports)},
            {"dateCreated", Attr("DateTime", FormatIsoUtc(now - std::chrono::hours(24 * s.days_ago)))},
            {"channel", Attr("Text", "kiosk")},
        };
        if (!district.empty()) e["district"] = Attr("Text", district);
        out.push_back(std::move(e));
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

ContentSnapshot DemoContent(const Config& config, TimePoint now) {
    ContentSnapshot c;
    c.demo = true;
    for (const auto& e : DemoLiveEntities(now)) {
        if (auto v = od::ParseLiveEntity(e); v.ok()) c.live.push_back(*v);
    }
    c.published_ideas = DemoIdeaEntities(config, now);
    return c;
}

}  // namespace ck::kiosk
