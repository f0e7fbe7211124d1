// The kiosk's configuration: one TOML file, validated completely at start. Every module gets its own plain
// settings struct from here; no module reads the file itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "opendata/tiles.h"
#include "participation/geo.h"

namespace ck::kiosk {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

struct ThemeConfig {
    Rgb primary{0x00, 0x5c, 0xa9};     // Herne blue by default; a city sets its own
    Rgb accent{0xe3, 0x00, 0x0f};
    Rgb background{0xf4, 0xf6, 0xf8};
    Rgb text{0x10, 0x18, 0x20};
};

struct CentralConfig {
    std::string orion_url;           // e.g. "https://orion.example.org"; empty = no NGSI sync
    std::string fiware_service;      // tenant
    std::string fiware_servicepath = "/";
    std::string auth_token;          // optional X-Auth-Token (PEP proxy)
    std::string ca_bundle;           // optional CA file; verification is always on
    std::string ckan_url;            // open data catalogue (CKAN), without /api/3; empty = no datasets
    std::string pvog_url;            // service directory (later issue)
    double connect_timeout_s = 5;
    double total_timeout_s = 20;
};

struct SyncConfig {
    double interval_s = 30;          // a round when nothing is pending
    double backoff_min_s = 2;
    double backoff_max_s = 600;
    double heartbeat_interval_s = 300;
    double retention_days = 7;       // delivered outbox items are pruned after this
    double pull_interval_s = 300;
};

struct CountingLineConfig {
    std::string name;                // stable id used in entity ids, [A-Za-z0-9_-]
    int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    bool towards_is_positive = true; // maps positive/negative to peopleCountTowards/Away
};

struct CounterConfig {
    bool enabled = false;
    std::string source = "camera";   // "camera" or "file"
    int device = 0;
    std::string video_file;
    int width = 640, height = 480, fps = 15;
    std::string detector = "dnn";    // "dnn" or "motion"; dnn without a loadable model counts with motion
    std::string model_path;          // folder or .cfg of the DNN detector; empty: the bundled model
    int bin_minutes = 15;
    std::vector<CountingLineConfig> lines;
};

struct IdeasConfig {
    std::vector<std::string> categories{"mobility", "environment", "digital", "neighbourhood", "education", "other"};
    std::vector<std::string> districts{"Herne-Mitte", "Wanne", "Eickel", "Sodingen"};
    part::DistrictMap map;  // [ideas.map]; empty = no "point on the map" place
    std::string status_url_template = "https://www.herne.de/ideen/status?ref={ref}";
    int max_per_session = 3;
    int max_per_hour = 30;
    std::string wordlist_dir;        // empty = the built-in lists
};

struct PrivacyConfig {
    std::string controller = "Stadt Herne";
    std::string contact = "datenschutz@herne.de";
    std::string legal_basis = "Art. 6 (1) e DSGVO";
};

// A way into the catalogue by life situation: a catalogue key for its name and the services it groups, by
// LeiKa key prefix ("99041" = every Kindergeld service) or by PVOG service id.
struct LifeSituationConfig {
    std::string name_key;  // "kiosk.services.situation.<name>"
    std::vector<std::string> leika;
    std::vector<std::string> ids;
};

struct ServicesConfig {
    std::string ars;                      // empty = city.ars: the region whose PVOG catalogue is shown
    double catalogue_interval_s = 86400;  // how often the catalogue CSV is fetched
    int details_per_round = 40;           // service descriptions fetched per sync round (one at a time)
    std::string appointment_url = "https://www.herne.de/termine";  // QR when a service has no online link
    // The office visitors go to for a service without an online service, shown on its detail:
    // name, address, opening hours, one line each (empty: none shown).
    std::vector<std::string> office;
    // PVOG ids (these federal services are in every region's catalogue); only those in the catalogue are
    // shown.
    std::vector<std::string> most_asked{"B100019.LB.576986",    "B100019.LB.577649",
                                        "B100019.LB.102730320", "B100019.LB.102769453",
                                        "B100019.LB.102837920", "B100019.LB.574959"};
    std::vector<LifeSituationConfig> life_situations{
        {"kiosk.services.situation.family", {"99041", "99107016", "99107018", "99148028"}, {}},
        {"kiosk.services.situation.work", {"99038", "99007", "99107002"}, {}},
        {"kiosk.services.situation.moving", {"99115", "99125", "99011", "99097", "99122019"}, {}},
        {"kiosk.services.situation.vehicle", {"99154", "99102015", "99036"}, {}},
        {"kiosk.services.situation.retirement", {"99114", "99158"}, {}},
    };
};

// [live.ckan]: which datasets of the portal (central.ckan_url) the kiosk lists.
struct CkanConfig {
    std::string organization;  // CKAN organisation name (fq=organization:<name>); empty = the whole portal
    int page_size = 100;       // rows per package_search
    double interval_s = 86400;
    int max_datasets = 1000;
};

// [live] and [[live.tiles]]: the live screen. Without configured tiles the built-in ones (od::DefaultTiles).
struct LiveConfig {
    std::vector<od::TileSpec> tiles = od::DefaultTiles();
    double history_days = 8;  // chart history kept in the store
    CkanConfig ckan;
};

// The display as the visitor sees it: large-text mode is sized from it (ui/text_size.h).
struct DisplayConfig {
    double diagonal_inch = 43;         // the visible diagonal of the screen
    double viewing_distance_cm = 50;   // eyes to screen of a visitor standing at the kiosk (arm's length)
};

// The PIN every fresh installation ships with. It opens the admin screen only in demo mode, so a kiosk in a
// public place is never one well-known PIN away from its settings.
inline constexpr std::string_view kFactoryAdminPin = "0000";

struct Config {
    std::string kiosk_id = "herne-demo-01";   // [A-Za-z0-9_-], 1..64 (goes into NGSI ids)
    std::string site_name = "Digitaloforum Wanne";
    std::string city_name = "Herne";
    std::string city_ars = "059160000000";    // 12-digit Amtlicher Regionalschlüssel
    std::string time_zone = "Europe/Berlin";  // IANA id: the clock and "as of" times on screen
    std::optional<double> latitude, longitude;  // where the kiosk stands ("here at this kiosk" ideas)
    std::string default_language = "de";
    std::vector<std::string> languages{"de", "de-x-ls", "en", "tr", "ar", "uk", "ru", "pl"};
    double idle_timeout_s = 90;
    double idle_warning_s = 20;
    // Only read to migrate an older configuration's plain PIN into the store (app/admin_pin.h), and as the
    // demo's PIN. The kiosk's PIN is set with `civic-kiosk admin set-pin` and stored as a hash.
    std::string admin_pin = std::string(kFactoryAdminPin);
    std::string database_path = "civic-kiosk.db";
    std::string log_dir;                      // empty = stderr only
    std::uint64_t log_max_bytes = 5 * 1024 * 1024;
    int log_max_files = 3;
    ThemeConfig theme;
    CentralConfig central;
    SyncConfig sync;
    CounterConfig counter;
    IdeasConfig ideas;
    PrivacyConfig privacy;
    ServicesConfig services;
    LiveConfig live;
    DisplayConfig display;

    // The region of the service catalogue: services.ars, else the city's.
    const std::string& ServicesArs() const { return services.ars.empty() ? city_ars : services.ars; }
    std::string source_path;  // the file this was read from; empty for the built-in defaults
};

// Parses and validates. Unknown keys and invalid values give an Error whose message names the key and the
// allowed values ("session.idle_timeout_s: must be a number from 15 to 3600, got -3").
Result<Config> ParseConfig(const std::string& toml_text);
Result<Config> LoadConfig(const std::string& path);
// path empty: the defaults (City of Herne). Otherwise LoadConfig(path).
Result<Config> LoadConfigOrDefault(const std::string& path);

}  // namespace ck::kiosk
