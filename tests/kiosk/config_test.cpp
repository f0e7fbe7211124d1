// The configuration file: defaults, a complete valid file, and for every validated key an invalid value whose
// error names the key and what is allowed (an operator fixing a kiosk has nothing else to go by).
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "app/config.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

TEST(ConfigTest, EmptyTextGivesTheDefaults) {
    Result<Config> c = ParseConfig("");
    ASSERT_TRUE(c.ok()) << c.error().message;
    const Config defaults;
    EXPECT_EQ(c->kiosk_id, defaults.kiosk_id);
    EXPECT_EQ(c->city_ars, "059160000000");
    EXPECT_EQ(c->default_language, "de");
    EXPECT_EQ(c->languages.size(), 8u);  // with Leichte Sprache (de-x-ls)
    EXPECT_DOUBLE_EQ(c->idle_timeout_s, 90);
    EXPECT_DOUBLE_EQ(c->idle_warning_s, 20);
    EXPECT_FALSE(c->counter.enabled);
    EXPECT_TRUE(c->counter.lines.empty());
    EXPECT_FALSE(c->latitude.has_value()) << "no coordinates unless configured";
    EXPECT_EQ(c->ideas.categories.size(), 6u);
}

TEST(ConfigTest, EmptySectionsGiveTheDefaults) {
    Result<Config> c = ParseConfig(
        "[kiosk]\n[city]\n[locale]\n[session]\n[theme]\n[central]\n[sync]\n[logging]\n[counter]\n[ideas]\n"
        "[privacy]\n");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->site_name, Config{}.site_name);
    EXPECT_EQ(c->central.fiware_servicepath, "/");
}

TEST(ConfigTest, PackagedDefaultFileParses) {
    const std::string path = (test::SourceDir() / "packaging" / "civic-kiosk.toml").string();
    Result<Config> c = LoadConfig(path);
    ASSERT_TRUE(c.ok()) << c.error().message;
    // The shipped example carries Herne's schematic district map, one outline per district.
    ASSERT_EQ(c->ideas.map.districts.size(), c->ideas.districts.size());
    EXPECT_TRUE(part::ValidateDistrictMap(c->ideas.map, c->ideas.districts).ok());
    // The shipped tiles are the built-in ones, written out.
    const auto defaults = od::DefaultTiles();
    ASSERT_EQ(c->live.tiles.size(), defaults.size());
    for (std::size_t i = 0; i < defaults.size(); ++i) {
        const od::TileSpec &a = c->live.tiles[i], &b = defaults[i];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.title_key, b.title_key);
        EXPECT_EQ(a.type, b.type);
        EXPECT_EQ(a.attribute, b.attribute);
        EXPECT_EQ(a.Attrs(), b.Attrs()) << a.id;
        EXPECT_EQ(a.refresh, b.refresh) << a.id;
        EXPECT_EQ(a.stale_after, b.stale_after) << a.id;
        EXPECT_EQ(a.decimals, b.decimals) << a.id;
        EXPECT_EQ(a.normal_low, b.normal_low) << a.id;
        EXPECT_EQ(a.normal_high, b.normal_high) << a.id;
    }
    // The water level is read against its normal range (issue #11).
    EXPECT_TRUE(defaults[3].normal_low && defaults[3].normal_high);
}

TEST(ConfigTest, NoDistrictMapUnlessConfigured) {
    EXPECT_FALSE(part::HasMap(Config{}.ideas.map));
}

TEST(ConfigTest, DistrictMapIsRead) {
    Result<Config> c = ParseConfig(
        "[ideas]\ndistricts = [\"Nord\", \"Süd\"]\n[ideas.map]\nbounds = [7, 51, 8, 52]\n"
        "[[ideas.map.districts]]\nname = \"Nord\"\noutline = [[7, 51.5], [8, 51.5], [8, 52], [7, 52]]\n"
        "[[ideas.map.districts]]\nname = \"Süd\"\noutline = [[7, 51], [8, 51], [7.5, 51.5]]\n");
    ASSERT_TRUE(c.ok()) << c.error().message;
    const part::DistrictMap& m = c->ideas.map;
    EXPECT_DOUBLE_EQ(m.south_west.lon, 7);
    EXPECT_DOUBLE_EQ(m.north_east.lat, 52);
    ASSERT_EQ(m.districts.size(), 2u);
    EXPECT_EQ(m.districts[1].district, "Süd");
    ASSERT_EQ(m.districts[1].outline.size(), 3u);
    EXPECT_DOUBLE_EQ(m.districts[1].outline[2].lon, 7.5);
}

TEST(ConfigTest, CompleteValidFileIsReadIntoEveryField) {
    const char* text = R"toml(
# A complete configuration, every key set to something other than its default.
[kiosk]
id = "wanne-02"
site = "Rathaus Wanne"
admin_pin = "482913"
database = "/var/lib/civic-kiosk/kiosk.db"
latitude = 51.5386
longitude = 7.2234

[city]
name = "Bochum"
ars = "059110000000"

[locale]
default = "en"
languages = ["en", "de", "ar"]

[session]
idle_timeout_s = 120
idle_warning_s = 15.5

[theme]
primary = "#112233"
accent = "#AbCdEf"
background = "#ffffff"
text = "#000000"

[central]
orion_url = "https://orion.example.org"
fiware_service = "herne_kiosk"
fiware_servicepath = "/kiosks/wanne"
auth_token = "secret-token"
ca_bundle = "/etc/ssl/city.pem"
ckan_url = "http://127.0.0.1:8080"
pvog_url = "https://pvog.example.org"
connect_timeout_s = 3
total_timeout_s = 45.5

[sync]
interval_s = 60
backoff_min_s = 0.5
backoff_max_s = 900
heartbeat_interval_s = 600
retention_days = 0
pull_interval_s = 3600

[logging]
dir = "/var/log/civic-kiosk"
max_bytes = 1048576
max_files = 5

[counter]
enabled = true
source = "file"
device = 2
video_file = "/srv/video.mp4"
width = 1280
height = 720
fps = 25
detector = "dnn"
model_path = "/srv/model"
bin_minutes = 5

[[counter.lines]]
name = "door_in"
line = [10, 20, 630, 20]
towards = "negative"

[[counter.lines]]
name = "street-2"
line = [0, 0, 0, 479]

[ideas]
categories = ["mobility", "green_spaces"]
districts = []
status_url_template = "https://example.org/s/{ref}"
max_per_session = 5
max_per_hour = 100
wordlist_dir = "/etc/civic-kiosk/words"

[privacy]
controller = "Stadt Bochum"
contact = "dsb@bochum.de"
legal_basis = "Art. 6 (1) e DSGVO, § 3 DSG NRW"
)toml";
    Result<Config> r = ParseConfig(text);
    ASSERT_TRUE(r.ok()) << r.error().message;
    const Config& c = *r;
    EXPECT_EQ(c.kiosk_id, "wanne-02");
    EXPECT_EQ(c.site_name, "Rathaus Wanne");
    EXPECT_EQ(c.admin_pin, "482913");
    EXPECT_EQ(c.database_path, "/var/lib/civic-kiosk/kiosk.db");
    ASSERT_TRUE(c.latitude.has_value() && c.longitude.has_value());
    EXPECT_DOUBLE_EQ(*c.latitude, 51.5386);
    EXPECT_DOUBLE_EQ(*c.longitude, 7.2234);
    EXPECT_EQ(c.city_name, "Bochum");
    EXPECT_EQ(c.city_ars, "059110000000");
    EXPECT_EQ(c.default_language, "en");
    EXPECT_EQ(c.languages, (std::vector<std::string>{"en", "de", "ar"}));
    EXPECT_DOUBLE_EQ(c.idle_timeout_s, 120);
    EXPECT_DOUBLE_EQ(c.idle_warning_s, 15.5);
    EXPECT_EQ(c.theme.primary.r, 0x11);
    EXPECT_EQ(c.theme.primary.g, 0x22);
    EXPECT_EQ(c.theme.primary.b, 0x33);
    EXPECT_EQ(c.theme.accent.r, 0xab);
    EXPECT_EQ(c.theme.accent.g, 0xcd);
    EXPECT_EQ(c.theme.accent.b, 0xef);
    EXPECT_EQ(c.theme.background.g, 0xff);
    EXPECT_EQ(c.theme.text.r, 0);
    EXPECT_EQ(c.central.orion_url, "https://orion.example.org");
    EXPECT_EQ(c.central.fiware_service, "herne_kiosk");
    EXPECT_EQ(c.central.fiware_servicepath, "/kiosks/wanne");
    EXPECT_EQ(c.central.auth_token, "secret-token");
    EXPECT_EQ(c.central.ca_bundle, "/etc/ssl/city.pem");
    EXPECT_EQ(c.central.ckan_url, "http://127.0.0.1:8080");
    EXPECT_EQ(c.central.pvog_url, "https://pvog.example.org");
    EXPECT_DOUBLE_EQ(c.central.connect_timeout_s, 3);
    EXPECT_DOUBLE_EQ(c.central.total_timeout_s, 45.5);
    EXPECT_DOUBLE_EQ(c.sync.interval_s, 60);
    EXPECT_DOUBLE_EQ(c.sync.backoff_min_s, 0.5);
    EXPECT_DOUBLE_EQ(c.sync.backoff_max_s, 900);
    EXPECT_DOUBLE_EQ(c.sync.heartbeat_interval_s, 600);
    EXPECT_DOUBLE_EQ(c.sync.retention_days, 0);
    EXPECT_DOUBLE_EQ(c.sync.pull_interval_s, 3600);
    EXPECT_EQ(c.log_dir, "/var/log/civic-kiosk");
    EXPECT_EQ(c.log_max_bytes, 1048576u);
    EXPECT_EQ(c.log_max_files, 5);
    EXPECT_TRUE(c.counter.enabled);
    EXPECT_EQ(c.counter.source, "file");
    EXPECT_EQ(c.counter.device, 2);
    EXPECT_EQ(c.counter.video_file, "/srv/video.mp4");
    EXPECT_EQ(c.counter.width, 1280);
    EXPECT_EQ(c.counter.height, 720);
    EXPECT_EQ(c.counter.fps, 25);
    EXPECT_EQ(c.counter.detector, "dnn");
    EXPECT_EQ(c.counter.model_path, "/srv/model");
    EXPECT_EQ(c.counter.bin_minutes, 5);
    ASSERT_EQ(c.counter.lines.size(), 2u);
    EXPECT_EQ(c.counter.lines[0].name, "door_in");
    EXPECT_EQ(c.counter.lines[0].x1, 10);
    EXPECT_EQ(c.counter.lines[0].y1, 20);
    EXPECT_EQ(c.counter.lines[0].x2, 630);
    EXPECT_EQ(c.counter.lines[0].y2, 20);
    EXPECT_FALSE(c.counter.lines[0].towards_is_positive);
    EXPECT_EQ(c.counter.lines[1].name, "street-2");
    EXPECT_EQ(c.counter.lines[1].y2, 479);
    EXPECT_TRUE(c.counter.lines[1].towards_is_positive);
    EXPECT_EQ(c.ideas.categories, (std::vector<std::string>{"mobility", "green_spaces"}));
    EXPECT_TRUE(c.ideas.districts.empty());
    EXPECT_EQ(c.ideas.status_url_template, "https://example.org/s/{ref}");
    EXPECT_EQ(c.ideas.max_per_session, 5);
    EXPECT_EQ(c.ideas.max_per_hour, 100);
    EXPECT_EQ(c.ideas.wordlist_dir, "/etc/civic-kiosk/words");
    EXPECT_EQ(c.privacy.controller, "Stadt Bochum");
    EXPECT_EQ(c.privacy.contact, "dsb@bochum.de");
    EXPECT_EQ(c.privacy.legal_basis, "Art. 6 (1) e DSGVO, § 3 DSG NRW");
}

// One invalid value: the TOML, and pieces the message must contain (the key first, then what is allowed).
struct InvalidCase {
    std::string toml;
    std::string key;
    std::string allowed;
};

std::ostream& operator<<(std::ostream& os, const InvalidCase& c) {
    return os << c.key << " <- " << c.toml;
}

std::string Repeat(char c, std::size_t n) {
    return std::string(n, c);
}

std::string ListOf(std::size_t n, const std::string& prefix) {
    std::string out = "[";
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", \"" : "\"") + prefix + std::to_string(i) + "\"";
    return out + "]";
}

std::string Lines(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += "[[counter.lines]]\nname = \"l" + std::to_string(i) + "\"\nline = [0, 0, 10, 10]\n";
    }
    return out;
}

std::vector<InvalidCase> InvalidCases() {
    return {
        // [kiosk]
        {"[kiosk]\nid = \"bad id!\"", "kiosk.id", "letters, digits, '-' or '_'"},
        {"[kiosk]\nid = \"\"", "kiosk.id", "1-64 letters"},
        {"[kiosk]\nid = \"" + Repeat('a', 65) + "\"", "kiosk.id", "at most 64 bytes"},
        {"[kiosk]\nid = 17", "kiosk.id", "must be a text in quotes"},
        {"[kiosk]\nsite = \"" + Repeat('s', 121) + "\"", "kiosk.site", "at most 120 bytes"},
        {"[kiosk]\nadmin_pin = \"12a4\"", "kiosk.admin_pin", "4 to 12 digits"},
        {"[kiosk]\nadmin_pin = \"123\"", "kiosk.admin_pin", "4 to 12 digits"},
        {"[kiosk]\nadmin_pin = \"1234567890123\"", "kiosk.admin_pin", "at most 12 bytes"},
        {"[kiosk]\nadmin_pin = 1234", "kiosk.admin_pin", "text in quotes"},
        {"[kiosk]\ndatabase = \"\"", "kiosk.database", "must be a file path"},
        {"[kiosk]\ndatabase = \"" + Repeat('d', 1025) + "\"", "kiosk.database", "at most 1024 bytes"},
        {"[kiosk]\nlatitude = 91\nlongitude = 7", "kiosk.latitude", "from -90 to 90, got 91"},
        {"[kiosk]\nlatitude = 51.5\nlongitude = -181", "kiosk.longitude", "from -180 to 180"},
        {"[kiosk]\nlatitude = \"51.5\"\nlongitude = 7.2", "kiosk.latitude", "from -90 to 90"},
        {"[kiosk]\nlatitude = 51.5", "kiosk.longitude", "latitude and longitude go together"},
        {"[kiosk]\nlongitude = 7.2", "kiosk.latitude", "latitude and longitude go together"},
        // [city]
        {"[city]\nname = \"" + Repeat('n', 121) + "\"", "city.name", "at most 120 bytes"},
        {"[city]\nars = \"05916\"", "city.ars", "12-digit"},
        {"[city]\nars = \"05916000000x\"", "city.ars", "12-digit"},
        // [locale]
        {"[locale]\ndefault = \"fr\"", "locale.default", "de, de-x-ls, en, tr, ar, uk, ru, pl, got \"fr\""},
        {"[locale]\ndefault = \"tr\"\nlanguages = [\"de\", \"en\"]", "locale.default",
         "one of locale.languages"},
        {"[locale]\nlanguages = [\"de\", \"fr\"]", "locale.languages", "\"fr\" is not available"},
        {"[locale]\nlanguages = [\"de\", \"en\", \"de\"]", "locale.languages", "\"de\" is listed twice"},
        {"[locale]\nlanguages = []", "locale.languages", "from 1 to 8 entries, got 0"},
        {"[locale]\nlanguages = \"de\"", "locale.languages", "list of texts"},
        {"[locale]\nlanguages = [\"de\", 5]", "locale.languages", "non-empty texts"},
        {"[locale]\nlanguages = [\"de\",\"de-x-ls\",\"en\",\"tr\",\"ar\",\"uk\",\"ru\",\"pl\",\"de\"]",
         "locale.languages", "from 1 to 8 entries, got 9"},
        // [session]
        {"[session]\nidle_timeout_s = -3", "session.idle_timeout_s", "from 15 to 3600, got -3"},
        {"[session]\nidle_timeout_s = 3601", "session.idle_timeout_s", "from 15 to 3600"},
        {"[session]\nidle_timeout_s = \"90\"", "session.idle_timeout_s", "from 15 to 3600, got \"90\""},
        {"[session]\nidle_timeout_s = nan", "session.idle_timeout_s", "from 15 to 3600"},
        {"[session]\nidle_timeout_s = inf", "session.idle_timeout_s", "from 15 to 3600"},
        {"[session]\nidle_warning_s = 4", "session.idle_warning_s", "from 5 to 120"},
        {"[session]\nidle_warning_s = 121", "session.idle_warning_s", "from 5 to 120"},
        {"[session]\nidle_timeout_s = 30\nidle_warning_s = 30", "session.idle_warning_s",
         "shorter than idle_timeout_s"},
        // [theme]
        {"[theme]\nprimary = \"#12345\"", "theme.primary", "colour like \"#005ca9\""},
        {"[theme]\naccent = \"red\"", "theme.accent", "colour like"},
        {"[theme]\nbackground = \"#GG0000\"", "theme.background", "colour like"},
        {"[theme]\ntext = 0x101820", "theme.text", "text in quotes"},
        // [central]
        {"[central]\norion_url = \"ftp://orion\"", "central.orion_url", "must start with https://"},
        {"[central]\nckan_url = \"ckan.example.org\"", "central.ckan_url", "must start with https://"},
        {"[central]\npvog_url = \"file:///etc/passwd\"", "central.pvog_url", "must start with https://"},
        {"[central]\norion_url = \"https://" + Repeat('o', 1020) + "\"", "central.orion_url", "at most 1024"},
        {"[central]\nfiware_service = \"Herne\"", "central.fiware_service", "lower-case letters"},
        {"[central]\nfiware_service = \"" + Repeat('h', 51) + "\"", "central.fiware_service", "at most 50"},
        {"[central]\nfiware_servicepath = \"kiosks\"", "central.fiware_servicepath", "must start with '/'"},
        {"[central]\nfiware_servicepath = \"\"", "central.fiware_servicepath", "must start with '/'"},
        {"[central]\nauth_token = \"" + Repeat('t', 4097) + "\"", "central.auth_token", "at most 4096"},
        {"[central]\nca_bundle = \"" + Repeat('c', 1025) + "\"", "central.ca_bundle", "at most 1024"},
        {"[central]\nconnect_timeout_s = 0", "central.connect_timeout_s", "from 1 to 120"},
        {"[central]\nconnect_timeout_s = 121", "central.connect_timeout_s", "from 1 to 120"},
        {"[central]\ntotal_timeout_s = 601", "central.total_timeout_s", "from 1 to 600"},
        {"[central]\ntotal_timeout_s = false", "central.total_timeout_s", "from 1 to 600, got false"},
        // [sync]
        {"[sync]\ninterval_s = 0", "sync.interval_s", "from 1 to 86400"},
        {"[sync]\nbackoff_min_s = 0.05", "sync.backoff_min_s", "from 0.1 to 3600"},
        {"[sync]\nbackoff_max_s = 0.5", "sync.backoff_max_s", "from 1 to 86400"},
        {"[sync]\nbackoff_min_s = 100\nbackoff_max_s = 50", "sync.backoff_max_s",
         "not be below backoff_min_s"},
        {"[sync]\nheartbeat_interval_s = 5", "sync.heartbeat_interval_s", "from 10 to 86400"},
        {"[sync]\nretention_days = -1", "sync.retention_days", "from 0 to 365"},
        {"[sync]\nretention_days = 366", "sync.retention_days", "from 0 to 365"},
        {"[sync]\npull_interval_s = 86401", "sync.pull_interval_s", "from 10 to 86400"},
        // [logging]
        {"[logging]\ndir = \"" + Repeat('l', 1025) + "\"", "logging.dir", "at most 1024"},
        {"[logging]\nmax_bytes = 1000", "logging.max_bytes", "from 65536 to 1073741824, got 1000"},
        {"[logging]\nmax_bytes = 1e6", "logging.max_bytes", "whole number from 65536"},
        {"[logging]\nmax_files = 0", "logging.max_files", "whole number from 1 to 20"},
        {"[logging]\nmax_files = 21", "logging.max_files", "from 1 to 20, got 21"},
        // [counter]
        {"[counter]\nenabled = \"yes\"", "counter.enabled", "true or false, got \"yes\""},
        {"[counter]\nsource = \"usb\"", "counter.source", "one of camera, file, got \"usb\""},
        {"[counter]\ndevice = 64", "counter.device", "from 0 to 63"},
        {"[counter]\ndevice = -1", "counter.device", "from 0 to 63"},
        {"[counter]\nvideo_file = \"" + Repeat('v', 1025) + "\"", "counter.video_file", "at most 1024"},
        {"[counter]\nenabled = true\nsource = \"file\"", "counter.video_file",
         "required when source = \"file\""},
        {"[counter]\nwidth = 159", "counter.width", "from 160 to 3840"},
        {"[counter]\nheight = 2161", "counter.height", "from 120 to 2160"},
        {"[counter]\nfps = 0", "counter.fps", "from 1 to 60"},
        {"[counter]\nfps = 61", "counter.fps", "from 1 to 60"},
        {"[counter]\ndetector = \"yolo\"", "counter.detector", "one of dnn, motion"},
        {"[counter]\nmodel_path = \"" + Repeat('m', 1025) + "\"", "counter.model_path", "at most 1024"},
        {"[counter]\nbin_minutes = 7", "counter.bin_minutes", "divide an hour"},
        {"[counter]\nbin_minutes = 0", "counter.bin_minutes", "from 1 to 60"},
        {"[counter]\nbin_minutes = 90", "counter.bin_minutes", "from 1 to 60"},
        {"[counter]\nlines = 5", "counter.lines", "up to 8 [[counter.lines]]"},
        {Lines(9), "counter.lines", "up to 8"},
        {"[counter]\nlines = [5]", "counter.lines", "entry 0 must be a table"},
        {"[[counter.lines]]\nname = \"a b\"\nline = [0, 0, 1, 1]", "counter.lines[0].name",
         "letters, digits"},
        {"[[counter.lines]]\nline = [0, 0, 1, 1]", "counter.lines[0].name", "1-64 letters"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, 0, 1]", "counter.lines[0].line", "four whole pixel"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, 0, 1, 10001]", "counter.lines[0].line",
         "from 0 to 10000"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, -1, 1, 1]", "counter.lines[0].line", "from 0 to 10000"},
        // A float far beyond any integer: toml++'s own conversion was undefined here (found by tests/fuzz).
        {"[[counter.lines]]\nname = \"a\"\nline = [320, 40, 320, 4e40]", "counter.lines[0].line",
         "four whole pixel"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, 0, 1.0, 1]", "counter.lines[0].line",
         "four whole pixel"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, 0.5, 1, 1]", "counter.lines[0].line", "whole pixel"},
        {"[[counter.lines]]\nname = \"a\"\nline = [5, 5, 5, 5]", "counter.lines[0].line",
         "two different end"},
        {"[[counter.lines]]\nname = \"a\"", "counter.lines[0].line", "is required"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, 0, 1, 1]\ntowards = \"up\"", "counter.lines[0].towards",
         "one of positive, negative"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, 0, 1, 1]\n[[counter.lines]]\nname = \"b\"\nline = [0, "
         "0, 1]",
         "counter.lines[1].line", "four whole"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, 0, 1, 1]\n[[counter.lines]]\nname = \"a\"\nline = [1, "
         "1, 2, 2]",
         "counter.lines", "two lines are called \"a\""},
        // [ideas]
        {"[ideas]\ncategories = []", "ideas.categories", "from 1 to 12 entries"},
        {"[ideas]\ncategories = " + ListOf(13, "c"), "ideas.categories", "from 1 to 12 entries, got 13"},
        {"[ideas]\ncategories = [\"green spaces\"]", "ideas.categories", "key of letters, digits"},
        {"[ideas]\ncategories = [\"" + Repeat('c', 41) + "\"]", "ideas.categories", "at most 40 bytes"},
        {"[ideas]\ndistricts = " + ListOf(41, "d"), "ideas.districts", "from 0 to 40 entries, got 41"},
        {"[ideas]\ndistricts = [\"\"]", "ideas.districts", "non-empty texts of at most 80"},
        {"[ideas]\ndistricts = [\"Wanne (Nord)\"]", "ideas.districts", "must not contain < > \" ' = ; ( )"},
        {"[ideas]\ndistricts = [\"a<b\"]", "ideas.districts", "must not contain"},
        {"[ideas]\nstatus_url_template = \"https://example.org/status\"", "ideas.status_url_template",
         "must contain {ref}"},
        {"[ideas]\nmax_per_session = 0", "ideas.max_per_session", "from 1 to 100"},
        {"[ideas]\nmax_per_session = 101", "ideas.max_per_session", "from 1 to 100"},
        {"[ideas]\nmax_per_hour = 10001", "ideas.max_per_hour", "from 1 to 10000"},
        {"[ideas]\nwordlist_dir = \"" + Repeat('w', 1025) + "\"", "ideas.wordlist_dir", "at most 1024"},
        // [privacy]
        {"[privacy]\ncontroller = \"" + Repeat('p', 201) + "\"", "privacy.controller", "at most 200"},
        {"[privacy]\ncontact = \"" + Repeat('p', 201) + "\"", "privacy.contact", "at most 200"},
        {"[privacy]\nlegal_basis = \"" + Repeat('p', 201) + "\"", "privacy.legal_basis", "at most 200"},
        // Unknown keys and sections, in every section.
        {"[kiosk]\nidd = \"x\"", "kiosk.idd", "unknown key (allowed here: "},
        {"[city]\nzip = \"44623\"", "city.zip", "unknown key"},
        {"[locale]\nfallback = \"de\"", "locale.fallback", "unknown key"},
        {"[session]\nidle_timeout = 90", "session.idle_timeout",
         "allowed here: idle_timeout_s, idle_warning_s"},
        {"[theme]\nprimery = \"#000000\"", "theme.primery", "unknown key"},
        {"[central]\norion = \"https://x\"", "central.orion", "unknown key"},
        {"[sync]\ninterval = 5", "sync.interval", "unknown key"},
        {"[logging]\nlevel = \"debug\"", "logging.level", "unknown key"},
        {"[counter]\ncamera = 0", "counter.camera", "unknown key"},
        {"[[counter.lines]]\nname = \"a\"\nline = [0, 0, 1, 1]\ncolour = \"red\"", "counter.lines[0].colour",
         "unknown key"},
        {"[ideas]\ncategory = [\"a\"]", "ideas.category", "unknown key"},
        // The district map: shape of the TOML here, geometry in part::ValidateDistrictMap.
        {"[ideas]\nmap = 3", "ideas.map", "must be a [ideas.map] table"},
        {"[ideas.map]\n[[ideas.map.districts]]\nname = \"Wanne\"\noutline = [[7.1, 51.5], [7.2, 51.5], [7.2, "
         "51.6]]",
         "ideas.map.bounds", "is required"},
        {"[ideas.map]\nbounds = [7.1, 51.5, 7.3]", "ideas.map.bounds",
         "four numbers [west, south, east, north]"},
        {"[ideas.map]\nbounds = [7.3, 51.5, 7.1, 51.6]\n[[ideas.map.districts]]\nname = \"Wanne\"\n"
         "outline = [[7.1, 51.5], [7.2, 51.5], [7.2, 51.6]]",
         "ideas.map.bounds", "west < east"},
        {"[ideas.map]\nbounds = [7.1, 51.5, 7.3, 51.6]", "ideas.map.districts", "is required"},
        {"[ideas.map]\nbounds = [7.1, 51.5, 7.3, 51.6]\nscale = 2\n[[ideas.map.districts]]\nname = "
         "\"Wanne\"\n"
         "outline = [[7.1, 51.5], [7.2, 51.5], [7.2, 51.6]]",
         "ideas.map.scale", "unknown key"},
        {"[ideas.map]\nbounds = [7.1, 51.5, 7.3, 51.6]\n[[ideas.map.districts]]\nname = \"Wanne\"\n"
         "outline = [[7.1, 51.5], [7.2, 51.5]]",
         "ideas.map district \"Wanne\"", "3 to 500 [lon, lat] points"},
        {"[ideas.map]\nbounds = [7.1, 51.5, 7.3, 51.6]\n[[ideas.map.districts]]\nname = \"Wanne\"\n"
         "outline = [[7.1, 51.5], [7.2, 51.5], [7.2, 51.9]]",
         "ideas.map district \"Wanne\"", "inside ideas.map.bounds"},
        {"[ideas.map]\nbounds = [7.1, 51.5, 7.3, 51.6]\n[[ideas.map.districts]]\nname = \"Wanne\"\n"
         "outline = [[7.1, 51.5], [7.2, \"x\"], [7.2, 51.6]]",
         "ideas.map.districts[0].outline", "point 1 must be [lon, lat]"},
        {"[ideas.map]\nbounds = [7.1, 51.5, 7.3, 51.6]\n[[ideas.map.districts]]\nname = \"Crange\"\n"
         "outline = [[7.1, 51.5], [7.2, 51.5], [7.2, 51.6]]",
         "ideas.map district \"Crange\"", "not one of ideas.districts"},
        {"[ideas.map]\nbounds = [7.1, 51.5, 7.3, 51.6]\n[[ideas.map.districts]]\noutline = [[7.1, 51.5], "
         "[7.2, 51.5], "
         "[7.2, 51.6]]",
         "ideas.map.districts[0].name", "is required"},
        {"[privacy]\nemail = \"x@y\"", "privacy.email", "unknown key"},
        {"[screen]\nwidth = 1920", "screen", "unknown section (allowed: "},
        {"[display]\nwidth = 1920", "display.width",
         "unknown key (allowed here: diagonal_inch, viewing_distance_cm)"},
        {"[display]\ndiagonal_inch = 3", "display.diagonal_inch", "from 7 to 120, got 3"},
        {"[display]\nviewing_distance_cm = 1000", "display.viewing_distance_cm", "from 20 to 400, got 1000"},
        {"idle_timeout_s = 90", "idle_timeout_s", "unknown section"},
        {"kiosk = \"herne\"", "kiosk", "must be a [section]"},
    };
}

class InvalidConfigTest : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidConfigTest, ErrorNamesTheKeyAndWhatIsAllowed) {
    const InvalidCase& c = GetParam();
    Result<Config> r = ParseConfig(c.toml);
    ASSERT_FALSE(r.ok()) << "accepted: " << c.toml;
    EXPECT_EQ(r.error().code, "config.invalid");
    const std::string& m = r.error().message;
    // The message starts with the key, so an operator can search the file for it.
    EXPECT_EQ(m.rfind(c.key + ":", 0), 0u) << m;
    EXPECT_NE(m.find(c.allowed), std::string::npos) << m;
}

INSTANTIATE_TEST_SUITE_P(EveryKey, InvalidConfigTest, ::testing::ValuesIn(InvalidCases()));

TEST(ConfigTest, ValuesAtTheLimitsAreAccepted) {
    Result<Config> r =
        ParseConfig("[kiosk]\nid = \"" + Repeat('k', 64) +
                    "\"\nadmin_pin = \"000000000000\"\n"
                    "[session]\nidle_timeout_s = 15\nidle_warning_s = 5\n"
                    "[counter]\nbin_minutes = 60\nfps = 60\nwidth = 3840\nheight = 2160\ndevice = 63\n" +
                    Lines(8));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_DOUBLE_EQ(r->idle_timeout_s, 15);
    EXPECT_EQ(r->counter.lines.size(), 8u);
    EXPECT_EQ(r->admin_pin, "000000000000");
}

TEST(ConfigTest, InvalidTomlNamesLineAndColumn) {
    Result<Config> r = ParseConfig("[kiosk]\nid = \"ok\"\nsite = \"unterminated\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "config.syntax");
    EXPECT_NE(r.error().message.find("line 3"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("column "), std::string::npos) << r.error().message;

    Result<Config> r2 = ParseConfig("[session]\n\n\nidle_timeout_s = = 90\n");
    ASSERT_FALSE(r2.ok());
    EXPECT_NE(r2.error().message.find("line 4, column "), std::string::npos) << r2.error().message;

    Result<Config> r3 = ParseConfig("[kiosk\n");
    ASSERT_FALSE(r3.ok());
    EXPECT_NE(r3.error().message.find("line 1"), std::string::npos) << r3.error().message;
}

TEST(ConfigTest, DuplicateKeyIsASyntaxError) {
    Result<Config> r = ParseConfig("[kiosk]\nid = \"a\"\nid = \"b\"\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "config.syntax");
    EXPECT_NE(r.error().message.find("line 3"), std::string::npos) << r.error().message;
}

TEST(ConfigTest, ANulInAnyTextIsRefusedNamingTheKey) {
    for (const auto& [toml, key] : std::vector<std::pair<std::string, std::string>>{
             {"[kiosk]\ndatabase = \"x\\u0000y.db\"\n", "kiosk.database"},
             {"[kiosk]\nsite = \"a\\u0000\"\n", "kiosk.site"},
             {"[central]\nauth_token = \"t\\u0000k\"\n", "central.auth_token"},
             {"[ideas]\ncategories = [\"a\\u0000b\"]\n", "ideas.categories"},
             {"[privacy]\ncontroller = \"\\u0000\"\n", "privacy.controller"}}) {
        Result<Config> r = ParseConfig(toml);
        ASSERT_FALSE(r.ok()) << toml;
        EXPECT_EQ(r.error().code, "config.invalid");
        EXPECT_EQ(r.error().message.rfind(key + ": ", 0), 0u) << r.error().message;
        EXPECT_NE(r.error().message.find("NUL"), std::string::npos) << r.error().message;
    }
}

TEST(ConfigTest, OnlyARegularFileIsReadAsConfiguration) {
    test::TempDir dir;
    for (const std::string& path :
         {dir.path().string(), std::string("/dev/zero"), std::string("/dev/null")}) {
        Result<Config> r = LoadConfig(path);
        ASSERT_FALSE(r.ok()) << path;
        EXPECT_EQ(r.error().code, "config.invalid") << path;
        EXPECT_NE(r.error().message.find(path), std::string::npos) << r.error().message;
    }
    Result<Config> empty = LoadConfig("");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, "config.missing");
}

TEST(ConfigTest, LoadConfigOnAMissingFileNamesThePath) {
    test::TempDir dir;
    const std::string path = (dir / "nope.toml").string();
    Result<Config> r = LoadConfig(path);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "config.missing");
    EXPECT_NE(r.error().message.find(path), std::string::npos) << r.error().message;
    // LoadConfigOrDefault only falls back to the defaults without a path, never for a wrong one.
    EXPECT_FALSE(LoadConfigOrDefault(path).ok());
    Result<Config> defaults = LoadConfigOrDefault("");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->kiosk_id, Config{}.kiosk_id);
}

TEST(ConfigTest, LoadConfigReadsAFileAndPrefixesErrorsWithItsPath) {
    test::TempDir dir;
    const std::string good = (dir / "good.toml").string();
    std::ofstream(good) << "[city]\nname = \"Witten\"\n";
    Result<Config> r = LoadConfig(good);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->city_name, "Witten");

    const std::string bad = (dir / "bad.toml").string();
    std::ofstream(bad) << "[session]\nidle_timeout_s = 5\n";
    Result<Config> b = LoadConfig(bad);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().message.rfind("\"" + bad + "\": session.idle_timeout_s:", 0), 0u)
        << b.error().message;

    const std::string huge = (dir / "huge.toml").string();
    std::ofstream(huge) << "# " << Repeat('x', 1024 * 1024) << "\n";
    Result<Config> h = LoadConfig(huge);
    ASSERT_FALSE(h.ok());
    EXPECT_NE(h.error().message.find("larger than 1 MiB"), std::string::npos) << h.error().message;
}

TEST(ConfigTest, LiveTilesDefaultToTheBuiltInOnes) {
    Result<Config> c = ParseConfig("");
    ASSERT_TRUE(c.ok());
    ASSERT_EQ(c->live.tiles.size(), od::DefaultTiles().size());
    EXPECT_EQ(c->live.tiles[0].type, "WeatherObserved");
    EXPECT_EQ(c->live.history_days, 8);
}

TEST(ConfigTest, LiveTilesAreRead) {
    Result<Config> c = ParseConfig(
        "[live]\nhistory_days = 5\n[live.ckan]\norganization = \"stadt-witten\"\npage_size = 50\n"
        "[[live.tiles]]\nid = \"pegel\"\ntitle_key = \"kiosk.live.tile.water\"\ntype = \"WaterObserved\"\n"
        "id_pattern = \"^urn:ngsi-ld:WaterObserved:ruhr\"\nservice_path = \"/umwelt\"\nattribute = "
        "\"height\"\n"
        "unit = \"CMT\"\ndecimals = 0\nnormal_range = [180, 260]\nrefresh_s = 600\nstale_after_s = 3600\n"
        "extras = [{ attribute = \"flow\", unit = \"MQS\", decimals = 1 }]\n"
        "[[live.tiles]]\nid = \"count\"\ntitle_key = \"kiosk.live.tile.passers_by\"\nsource = \"counter\"\n");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->live.history_days, 5);
    EXPECT_EQ(c->live.ckan.organization, "stadt-witten");
    ASSERT_EQ(c->live.tiles.size(), 2u);
    const od::TileSpec& t = c->live.tiles[0];
    EXPECT_EQ(t.id_pattern, "^urn:ngsi-ld:WaterObserved:ruhr");
    EXPECT_EQ(t.service_path, "/umwelt");
    EXPECT_EQ(*t.normal_low, 180);
    EXPECT_EQ(t.refresh.count(), 600);
    ASSERT_EQ(t.extras.size(), 1u);
    EXPECT_EQ(t.extras[0].unit, "MQS");
    EXPECT_EQ(c->live.tiles[1].source, od::TileSource::kCounter);
}

TEST(ConfigTest, BadLiveValuesNameTheKey) {
    const std::string tile =
        "[[live.tiles]]\nid = \"t\"\ntitle_key = \"kiosk.live.tile.weather\"\n"
        "type = \"WeatherObserved\"\nattribute = \"temperature\"\n";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"[live]\nhistory_days = 0\n", "live.history_days"},
        {"[live]\nwhat = 1\n", "live.what"},
        {"[live.ckan]\npage_size = 5000\n", "live.ckan.page_size"},
        {"[live.ckan]\norganization = \"a b\"\n", "live.ckan.organization"},
        {tile + "refresh_s = 5\n", "live.tiles[0].refresh_s"},
        {tile + "refresh_s = 600\nstale_after_s = 300\n", "live.tiles[0].stale_after_s"},
        {tile + "decimals = 9\n", "live.tiles[0].decimals"},
        {tile + "display = \"gauge\"\n", "live.tiles[0].display"},
        {tile + "entity_id = \"a\"\nid_pattern = \"b\"\n", "live.tiles[0].id_pattern"},
        {tile + "normal_range = [3, 1]\n", "live.tiles[0].normal_range"},
        {tile + "service_path = \"umwelt\"\n", "live.tiles[0].service_path"},
        {tile + "extras = [{ attribute = \"a b\" }]\n", "live.tiles[0].extras[0].attribute"},
        {tile + "colour = 1\n", "live.tiles[0].colour"},
        {"[[live.tiles]]\nid = \"t\"\ntitle_key = \"kiosk.live.tile.x\"\nattribute = \"temperature\"\n",
         "live.tiles[0].type"},
        {"[[live.tiles]]\nid = \"t\"\ntitle_key = \"other.key\"\ntype = \"X\"\nattribute = \"y\"\n",
         "live.tiles[0].title_key"},
        {tile + tile, "live.tiles[1].id"},
    };
    for (const auto& [text, key] : cases) {
        Result<Config> c = ParseConfig(text);
        ASSERT_FALSE(c.ok()) << text;
        EXPECT_EQ(c.error().message.rfind(key + ":", 0), 0u) << c.error().message;
    }
}

}  // namespace
}  // namespace ck::kiosk
