#include "app/config.h"

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

#include "app/input_file.h"
#include "core/quote.h"

#include "ngsi/rules.h"

namespace ck::kiosk {
namespace {

constexpr std::size_t kMaxConfigBytes = 1024 * 1024;

// A key as the file wrote it: a bare key (letters, digits, '_', '-') plainly, anything else quoted and cut.
std::string ShowKey(const std::string& key) {
    const bool bare = !key.empty() && key.size() <= kMaxQuotedChars &&
                      std::all_of(key.begin(), key.end(),
                                  [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-'; });
    return bare ? key : QuoteInput(key);
}

// Reads one TOML table against a fixed set of keys. Every key read is remembered, so whatever is left over
// is unknown and rejected by Finish(): typos must never be silently ignored on a kiosk nobody watches.
class TableReader {
public:
    TableReader(const toml::table* table, std::string prefix) : table_(table), prefix_(std::move(prefix)) {}

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    void String(const char* key, std::string& out, std::size_t max_len = 4096) {
        const toml::node* n = Take(key);
        if (!n) return;
        if (auto v = n->value<std::string>()) {
            if (v->size() > max_len) return Fail(key, "must be a text of at most " + std::to_string(max_len) + " bytes");
            // A NUL would silently cut the value wherever it becomes a C string (a file name, a header).
            if (v->find('\0') != std::string::npos)
                return Fail(key, "must not contain a NUL character (\\u0000)");
            out = *v;
        } else {
            Fail(key, "must be a text in quotes");
        }
    }

    void Number(const char* key, double& out, double lo, double hi) {
        const toml::node* n = Take(key);
        if (!n) return;
        std::optional<double> v = n->value<double>();
        if (!v || !std::isfinite(*v) || *v < lo || *v > hi) {
            return Fail(key, "must be a number from " + Fmt(lo) + " to " + Fmt(hi) + ", got " + Show(*n));
        }
        out = *v;
    }

    template <typename Int>
    void Integer(const char* key, Int& out, std::int64_t lo, std::int64_t hi) {
        const toml::node* n = Take(key);
        if (!n) return;
        std::optional<std::int64_t> v = n->is_integer() ? n->value<std::int64_t>() : std::nullopt;
        if (!v || *v < lo || *v > hi) {
            return Fail(key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                                 ", got " + Show(*n));
        }
        out = static_cast<Int>(*v);
    }

    void Bool(const char* key, bool& out) {
        const toml::node* n = Take(key);
        if (!n) return;
        if (auto v = n->value<bool>()) {
            out = *v;
        } else {
            Fail(key, "must be true or false, got " + Show(*n));
        }
    }

    void OneOf(const char* key, std::string& out, const std::vector<std::string>& allowed) {
        std::string v = out;
        String(key, v);
        if (!ok()) return;
        for (const auto& a : allowed)
            if (a == v) {
                out = v;
                return;
            }
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        Fail(key, "must be one of " + list + ", got " + QuoteInput(v));
    }

    void Colour(const char* key, Rgb& out) {
        std::string v;
        const toml::node* n = Peek(key);
        if (!n) return;
        String(key, v);
        if (!ok()) return;
        if (v.size() != 7 || v[0] != '#' || v.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
            return Fail(key, "must be a colour like \"#005ca9\", got " + QuoteInput(v));
        }
        const unsigned long rgb = std::stoul(v.substr(1), nullptr, 16);
        out = Rgb{static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>(rgb >> 8), static_cast<std::uint8_t>(rgb)};
    }

    void StringList(const char* key, std::vector<std::string>& out, std::size_t min_items, std::size_t max_items,
                    std::size_t max_len) {
        const toml::node* n = Take(key);
        if (!n) return;
        const toml::array* arr = n->as_array();
        if (!arr) return Fail(key, "must be a list of texts, like [\"a\", \"b\"]");
        std::vector<std::string> items;
        for (const auto& el : *arr) {
            auto s = el.value<std::string>();
            if (!s || s->empty() || s->size() > max_len) {
                return Fail(key, "must be a list of non-empty texts of at most " + std::to_string(max_len) + " bytes");
            }
            if (s->find('\0') != std::string::npos)
                return Fail(key, "must not contain a NUL character (\\u0000)");
            items.push_back(*s);
        }
        if (items.size() < min_items || items.size() > max_items) {
            return Fail(key, "must have from " + std::to_string(min_items) + " to " + std::to_string(max_items) +
                                 " entries, got " + std::to_string(items.size()));
        }
        out = std::move(items);
    }

    const toml::node* Take(const char* key) {
        if (!ok() || !table_) return nullptr;
        used_.insert(key);
        return table_->get(key);
    }
    const toml::node* Peek(const char* key) const { return table_ ? table_->get(key) : nullptr; }

    void Fail(const std::string& key, const std::string& what) {
        if (error_.empty()) error_ = Name(key) + ": " + what;
    }
    std::string Name(const std::string& key) const { return prefix_.empty() ? key : prefix_ + "." + key; }

    // Unknown keys are an error naming the key and the keys this table allows.
    void Finish() {
        if (!ok() || !table_) return;
        for (const auto& [k, v] : *table_) {
            const std::string key(k.str());
            if (!used_.count(key)) {
                std::string allowed;
                for (const auto& u : used_) allowed += (allowed.empty() ? "" : ", ") + u;
                error_ = Name(ShowKey(key)) + ": unknown key (allowed here: " + allowed + ")";
                return;
            }
        }
    }

private:
    static std::string Fmt(double v) {
        std::ostringstream os;
        os << v;
        return os.str();
    }
    static std::string Show(const toml::node& n) {
        std::ostringstream os;
        if (n.is_string()) {
            os << QuoteInput(*n.value<std::string>());
        } else if (n.is_integer()) {
            os << *n.value<std::int64_t>();
        } else if (n.is_floating_point()) {
            os << *n.value<double>();
        } else if (n.is_boolean()) {
            os << (*n.value<bool>() ? "true" : "false");
        } else {
            os << "a " << n.type();
        }
        return os.str();
    }

    const toml::table* table_;
    std::string prefix_;
    std::set<std::string> used_;
    std::string error_;
};

const std::vector<std::string> kKnownLanguages{"de", "de-x-ls", "en", "tr", "ar", "uk", "ru", "pl"};
const std::set<std::string> kTopLevel{"kiosk",   "city",     "locale",   "session", "theme",
                                      "central", "sync",     "logging",  "counter", "ideas",
                                      "privacy", "services", "live",     "display"};

Status ReadLine(const toml::table& t, const std::string& prefix, CountingLineConfig& line) {
    TableReader r(&t, prefix);
    r.String("name", line.name, 64);
    if (r.ok() && !ngsi::IsValidToken(line.name)) r.Fail("name", "must be 1-64 letters, digits, '-' or '_'");
    if (const toml::node* n = r.Take("line")) {
        const toml::array* a = n->as_array();
        std::vector<int> xy;
        if (a && a->size() == 4) {
            for (const auto& el : *a) {
                // is_integer() first: toml++ converts a float to an integer with an unchecked cast, undefined
                // for 4e40 (found by tests/fuzz).
                if (!el.is_integer()) continue;
                if (auto v = el.value<std::int64_t>(); v && *v >= 0 && *v <= 10000)
                    xy.push_back(static_cast<int>(*v));
            }
        }
        if (xy.size() != 4) {
            r.Fail("line", "must be four whole pixel coordinates [x1, y1, x2, y2] from 0 to 10000");
        } else if (xy[0] == xy[2] && xy[1] == xy[3]) {
            r.Fail("line", "must have two different end points");
        } else {
            line.x1 = xy[0], line.y1 = xy[1], line.x2 = xy[2], line.y2 = xy[3];
        }
    } else if (r.ok()) {
        r.Fail("line", "is required: [x1, y1, x2, y2]");
    }
    std::string towards = line.towards_is_positive ? "positive" : "negative";
    r.OneOf("towards", towards, {"positive", "negative"});
    line.towards_is_positive = towards == "positive";
    r.Finish();
    if (!r.ok()) return MakeError("config.invalid", r.error());
    return {};
}

// [lon, lat] as a two-number array; integers are accepted as numbers (7 is a fine longitude).
std::optional<part::GeoPoint> ReadLonLat(const toml::node& n) {
    const toml::array* a = n.as_array();
    if (!a || a->size() != 2) return std::nullopt;
    std::optional<double> lon = (*a)[0].value<double>(), lat = (*a)[1].value<double>();
    if (!lon || !lat || !std::isfinite(*lon) || !std::isfinite(*lat)) return std::nullopt;
    return part::GeoPoint{*lon, *lat};
}

// [ideas.map]: bounds = [west, south, east, north] and [[ideas.map.districts]] with name and outline. The
// geometry rules (inside the bounds, >= 3 points, configured district) are part::ValidateDistrictMap's; here
// only the shape of the TOML is checked, with the key in every message.
Status ReadDistrictMap(const toml::table& t, part::DistrictMap& map) {
    TableReader r(&t, "ideas.map");
    if (const toml::node* n = r.Take("bounds")) {
        const toml::array* a = n->as_array();
        std::vector<double> v;
        if (a && a->size() == 4) {
            for (const auto& el : *a)
                if (auto d = el.value<double>(); d && std::isfinite(*d)) v.push_back(*d);
        }
        if (v.size() != 4) {
            r.Fail("bounds", "must be four numbers [west, south, east, north] in degrees");
        } else {
            map.south_west = part::GeoPoint{v[0], v[1]};
            map.north_east = part::GeoPoint{v[2], v[3]};
        }
    } else if (r.ok()) {
        r.Fail("bounds", "is required: [west, south, east, north] in degrees");
    }
    if (const toml::node* n = r.Take("districts"); n && r.ok()) {
        const toml::array* arr = n->as_array();
        if (!arr || arr->empty() || arr->size() > 40)
            r.Fail("districts", "must be 1 to 40 [[ideas.map.districts]] tables");
        for (std::size_t i = 0; arr && i < arr->size() && r.ok(); ++i) {
            const std::string prefix = "ideas.map.districts[" + std::to_string(i) + "]";
            const toml::table* dt = (*arr)[i].as_table();
            if (!dt) return MakeError("config.invalid", prefix + ": must be a table with name and outline");
            TableReader d(dt, prefix);
            part::DistrictOutline outline;
            d.String("name", outline.district, 80);
            if (d.ok() && outline.district.empty()) d.Fail("name", "is required: one of ideas.districts");
            if (const toml::node* o = d.Take("outline"); o && d.ok()) {
                const toml::array* pts = o->as_array();
                for (std::size_t k = 0; pts && k < pts->size() && d.ok(); ++k) {
                    std::optional<part::GeoPoint> p = ReadLonLat((*pts)[k]);
                    if (!p) {
                        d.Fail("outline",
                               "point " + std::to_string(k) + " must be [lon, lat], two finite numbers");
                    } else {
                        outline.outline.push_back(*p);
                    }
                }
                if (!pts) d.Fail("outline", "must be a list of [lon, lat] points");
            } else if (d.ok()) {
                d.Fail("outline", "is required: a list of at least 3 [lon, lat] points");
            }
            d.Finish();
            if (!d.ok()) return MakeError("config.invalid", d.error());
            map.districts.push_back(std::move(outline));
        }
    } else if (r.ok() && !n) {
        r.Fail("districts", "is required: one [[ideas.map.districts]] table per district");
    }
    r.Finish();
    if (!r.ok()) return MakeError("config.invalid", r.error());
    return {};
}

bool IsPvogId(const std::string& s) {
    return !s.empty() && s.size() <= 128 && std::all_of(s.begin(), s.end(), [](unsigned char ch) {
        return std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_';
    });
}

bool IsHttpUrl(const std::string& s) {
    return (s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0) && s.size() > 8 &&
           std::none_of(s.begin(), s.end(), [](unsigned char ch) { return ch <= 0x20 || ch == 0x7f; });
}

// [services] and its [[services.life_situations]].
Status ReadServices(TableReader& r, ServicesConfig& s) {
    r.String("ars", s.ars, 12);
    if (r.ok() && !s.ars.empty() &&
        (s.ars.size() != 12 || s.ars.find_first_not_of("0123456789") != std::string::npos)) {
        r.Fail("ars", "must be a 12-digit Amtlicher Regionalschl\u00fcssel, got \"" + s.ars + "\"");
    }
    r.Number("catalogue_interval_s", s.catalogue_interval_s, 60, 30 * 86400);
    r.Integer("details_per_round", s.details_per_round, 1, 1000);
    r.String("appointment_url", s.appointment_url, 1024);
    if (r.ok() && !s.appointment_url.empty() && !IsHttpUrl(s.appointment_url)) {
        r.Fail("appointment_url", "must be an http(s) URL without spaces");
    }
    r.StringList("office", s.office, 0, 8, 200);
    r.StringList("most_asked", s.most_asked, 0, 24, 128);
    for (const auto& id : s.most_asked)
        if (r.ok() && !IsPvogId(id)) r.Fail("most_asked", "\"" + id + "\" is not a PVOG service id");
    if (const toml::node* n = r.Take("life_situations"); n && r.ok()) {
        const toml::array* arr = n->as_array();
        if (!arr || arr->size() > 12)
            return MakeError(
                "config.invalid",
                "services.life_situations: must be up to 12 [[services.life_situations]] tables");
        s.life_situations.clear();
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const std::string prefix = "services.life_situations[" + std::to_string(i) + "]";
            const toml::table* t = (*arr)[i].as_table();
            if (!t)
                return MakeError("config.invalid",
                                 prefix + ": must be a table with name_key and leika or ids");
            TableReader d(t, prefix);
            LifeSituationConfig situation;
            d.String("name_key", situation.name_key, 80);
            const std::string key_prefix = "kiosk.services.situation.";
            if (d.ok() && (situation.name_key.rfind(key_prefix, 0) != 0 ||
                           situation.name_key.size() == key_prefix.size() ||
                           situation.name_key.size() > key_prefix.size() + 40 ||
                           !ngsi::IsValidToken(situation.name_key.substr(key_prefix.size())))) {
                d.Fail("name_key", "must be a catalogue key \"kiosk.services.situation.<name>\", got " +
                                       QuoteInput(situation.name_key));
            }
            d.StringList("leika", situation.leika, 0, 64, 14);
            for (const auto& k : situation.leika)
                if (d.ok() && k.find_first_not_of("0123456789") != std::string::npos)
                    d.Fail("leika", "\"" + k + "\" must be digits (a LeiKa key or its prefix)");
            d.StringList("ids", situation.ids, 0, 64, 128);
            for (const auto& id : situation.ids)
                if (d.ok() && !IsPvogId(id)) d.Fail("ids", "\"" + id + "\" is not a PVOG service id");
            if (d.ok() && situation.leika.empty() && situation.ids.empty())
                d.Fail("leika", "or ids is required");
            d.Finish();
            if (!d.ok()) return MakeError("config.invalid", d.error());
            s.life_situations.push_back(std::move(situation));
        }
    }
    return {};
}

// One [[live.tiles]] table.
Status ReadTile(const toml::table& t, const std::string& prefix, od::TileSpec& tile) {
    TableReader r(&t, prefix);
    r.String("id", tile.id, 32);
    if (r.ok() && !ngsi::IsValidToken(tile.id)) r.Fail("id", "is required: 1-32 letters, digits, '-' or '_'");
    r.String("title_key", tile.title_key, 80);
    const std::string key_prefix = "kiosk.live.tile.";
    if (r.ok() && (tile.title_key.rfind(key_prefix, 0) != 0 || tile.title_key.size() == key_prefix.size() ||
                   !ngsi::IsValidToken(tile.title_key.substr(key_prefix.size())))) {
        r.Fail("title_key",
               "must be a catalogue key \"kiosk.live.tile.<name>\", got " + QuoteInput(tile.title_key));
    }
    std::string source = tile.source == od::TileSource::kCounter ? "counter" : "ngsi";
    r.OneOf("source", source, {"ngsi", "counter"});
    tile.source = source == "counter" ? od::TileSource::kCounter : od::TileSource::kNgsi;
    r.String("type", tile.type, 256);
    r.String("entity_id", tile.entity_id, 256);
    r.String("id_pattern", tile.id_pattern, 256);
    r.String("q", tile.q, 512);
    r.String("service_path", tile.service_path, 1024);
    r.String("attribute", tile.attribute, 256);
    r.String("unit", tile.unit, 16);
    r.Integer("decimals", tile.decimals, 0, 4);
    std::string display = tile.display == od::TileDisplay::kLevel ? "level" : "number";
    r.OneOf("display", display, {"number", "level"});
    tile.display = display == "level" ? od::TileDisplay::kLevel : od::TileDisplay::kNumber;
    r.String("total_attribute", tile.total_attribute, 256);
    double refresh = static_cast<double>(tile.refresh.count());
    double stale = static_cast<double>(tile.stale_after.count());
    r.Number("refresh_s", refresh, 10, 86400);
    r.Number("stale_after_s", stale, 60, 30 * 86400);
    tile.refresh = std::chrono::seconds(static_cast<std::int64_t>(refresh));
    tile.stale_after = std::chrono::seconds(static_cast<std::int64_t>(stale));
    if (r.ok() && stale < refresh) r.Fail("stale_after_s", "must not be shorter than refresh_s");
    if (const toml::node* n = r.Take("normal_range"); n && r.ok()) {
        const toml::array* a = n->as_array();
        std::optional<double> lo, hi;
        if (a && a->size() == 2) lo = (*a)[0].value<double>(), hi = (*a)[1].value<double>();
        if (!lo || !hi || !std::isfinite(*lo) || !std::isfinite(*hi) || *lo >= *hi) {
            r.Fail("normal_range", "must be two numbers [low, high] with low below high");
        } else {
            tile.normal_low = lo, tile.normal_high = hi;
        }
    }
    if (const toml::node* n = r.Take("extras"); n && r.ok()) {
        const toml::array* a = n->as_array();
        if (!a || a->size() > 4)
            r.Fail("extras",
                   "must be up to 4 tables like { attribute = \"windSpeed\", unit = \"KMH\", decimals = 0 }");
        tile.extras.clear();
        for (std::size_t i = 0; a && r.ok() && i < a->size(); ++i) {
            const toml::table* xt = (*a)[i].as_table();
            const std::string xp = prefix + ".extras[" + std::to_string(i) + "]";
            if (!xt)
                return MakeError("config.invalid",
                                 xp + ": must be a table with attribute, unit and decimals");
            TableReader x(xt, xp);
            od::TileExtra extra;
            x.String("attribute", extra.attribute, 256);
            if (x.ok() && !ngsi::IsValidIdentifier(extra.attribute))
                x.Fail("attribute", "is required: an NGSI attribute name");
            x.String("unit", extra.unit, 16);
            x.Integer("decimals", extra.decimals, 0, 4);
            x.Finish();
            if (!x.ok()) return MakeError("config.invalid", x.error());
            tile.extras.push_back(std::move(extra));
        }
    }
    if (r.ok() && tile.source == od::TileSource::kNgsi) {
        if (!ngsi::IsValidIdentifier(tile.type))
            r.Fail("type", "is required: an NGSI entity type such as \"WeatherObserved\"");
        else if (!ngsi::IsValidIdentifier(tile.attribute))
            r.Fail("attribute", "is required: the NGSI attribute shown, such as \"temperature\"");
        else if (!tile.entity_id.empty() && !ngsi::IsValidIdentifier(tile.entity_id))
            r.Fail("entity_id", "is not a valid NGSI entity id");
        else if (!tile.entity_id.empty() && !tile.id_pattern.empty())
            r.Fail("id_pattern", "and entity_id exclude each other");
        else if (!tile.total_attribute.empty() && !ngsi::IsValidIdentifier(tile.total_attribute))
            r.Fail("total_attribute", "is not a valid NGSI attribute name");
        else if (!tile.service_path.empty() && tile.service_path[0] != '/')
            r.Fail("service_path", "must start with '/'");
        else if (tile.display == od::TileDisplay::kLevel && !tile.unit.empty())
            r.Fail("unit", "has no meaning for display = \"level\"");
    }
    r.Finish();
    if (!r.ok()) return MakeError("config.invalid", r.error());
    return {};
}

// [live], its [[live.tiles]] and [live.ckan].
Status ReadLive(TableReader& r, LiveConfig& live) {
    r.Number("history_days", live.history_days, 1, 90);
    if (const toml::node* n = r.Take("ckan"); n && r.ok()) {
        const toml::table* t = n->as_table();
        if (!t) return MakeError("config.invalid", "live.ckan: must be a [live.ckan] table");
        TableReader c(t, "live.ckan");
        c.String("organization", live.ckan.organization, 100);
        if (c.ok() && !live.ckan.organization.empty() && !ngsi::IsValidToken(live.ckan.organization))
            c.Fail("organization", "must be a CKAN organisation name: letters, digits, '-' or '_'");
        c.Integer("page_size", live.ckan.page_size, 1, 1000);
        c.Number("interval_s", live.ckan.interval_s, 300, 30 * 86400);
        c.Integer("max_datasets", live.ckan.max_datasets, 1, 10000);
        c.Finish();
        if (!c.ok()) return MakeError("config.invalid", c.error());
    }
    if (const toml::node* n = r.Take("tiles"); n && r.ok()) {
        const toml::array* arr = n->as_array();
        if (!arr || arr->size() > 24)
            return MakeError("config.invalid", "live.tiles: must be up to 24 [[live.tiles]] tables");
        live.tiles.clear();
        std::set<std::string> ids;
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const std::string prefix = "live.tiles[" + std::to_string(i) + "]";
            const toml::table* t = (*arr)[i].as_table();
            if (!t)
                return MakeError("config.invalid",
                                 prefix + ": must be a table with id, title_key, type and attribute");
            od::TileSpec tile;
            tile.id.clear(), tile.title_key.clear(), tile.type.clear(), tile.attribute.clear();
            if (Status s = ReadTile(*t, prefix, tile); !s.ok()) return s.error();
            if (!ids.insert(tile.id).second)
                return MakeError("config.invalid",
                                 prefix + ".id: two tiles are called " + QuoteInput(tile.id));
            live.tiles.push_back(std::move(tile));
        }
    }
    return {};
}

}  // namespace

Result<Config> ParseConfig(const std::string& toml_text) {
    toml::table root;
    try {
        root = toml::parse(toml_text);
    } catch (const toml::parse_error& e) {
        std::ostringstream os;
        os << "not valid TOML at line " << e.source().begin.line << ", column " << e.source().begin.column << ": "
           << e.description();
        return MakeError("config.syntax", os.str());
    }
    for (const auto& [k, v] : root) {
        if (!kTopLevel.count(std::string(k.str()))) {
            std::string allowed;
            for (const auto& t : kTopLevel) allowed += (allowed.empty() ? "" : ", ") + t;
            return MakeError("config.invalid",
                             ShowKey(std::string(k.str())) + ": unknown section (allowed: " + allowed + ")");
        }
        if (!v.is_table())
            return MakeError("config.invalid", ShowKey(std::string(k.str())) + ": must be a [section]");
    }
    Config c;
    std::vector<TableReader> readers;
    auto section = [&](const char* name) -> TableReader& {
        readers.emplace_back(root[name].as_table(), name);
        return readers.back();
    };
    readers.reserve(kTopLevel.size());

    {
        TableReader& r = section("kiosk");
        r.String("id", c.kiosk_id, 64);
        if (r.ok() && !ngsi::IsValidToken(c.kiosk_id))
            r.Fail("id", "must be 1-64 letters, digits, '-' or '_', got " + QuoteInput(c.kiosk_id));
        r.String("site", c.site_name, 120);
        r.String("admin_pin", c.admin_pin, 12);
        if (r.ok() && (c.admin_pin.size() < 4 || c.admin_pin.find_first_not_of("0123456789") != std::string::npos)) {
            r.Fail("admin_pin", "must be 4 to 12 digits");
        }
        r.String("database", c.database_path, 1024);
        if (r.ok() && c.database_path.empty()) r.Fail("database", "must be a file path");
        double lat = 0, lon = 0;
        const bool has_lat = r.Peek("latitude") != nullptr, has_lon = r.Peek("longitude") != nullptr;
        r.Number("latitude", lat, -90, 90);
        r.Number("longitude", lon, -180, 180);
        if (r.ok() && has_lat != has_lon) r.Fail(has_lat ? "longitude" : "latitude", "latitude and longitude go together");
        if (r.ok() && has_lat) c.latitude = lat, c.longitude = lon;
    }
    {
        TableReader& r = section("city");
        r.String("name", c.city_name, 120);
        r.String("ars", c.city_ars, 12);
        r.String("time_zone", c.time_zone, 64);
        if (r.ok() && c.time_zone.empty()) r.Fail("time_zone", "must be an IANA time zone such as \"Europe/Berlin\"");
        if (r.ok() && (c.city_ars.size() != 12 || c.city_ars.find_first_not_of("0123456789") != std::string::npos)) {
            r.Fail("ars", "must be the 12-digit Amtlicher Regionalschluessel, e.g. \"059160000000\"");
        }
    }
    {
        TableReader& r = section("locale");
        r.OneOf("default", c.default_language, kKnownLanguages);
        r.StringList("languages", c.languages, 1, kKnownLanguages.size(), 8);
        for (const auto& l : c.languages) {
            if (!r.ok()) break;
            if (std::find(kKnownLanguages.begin(), kKnownLanguages.end(), l) == kKnownLanguages.end()) {
                r.Fail("languages",
                       QuoteInput(l) + " is not available (available: de, de-x-ls, en, tr, ar, uk, ru, pl)");
            } else if (std::count(c.languages.begin(), c.languages.end(), l) > 1) {
                // The picker would show the language twice.
                r.Fail("languages", QuoteInput(l) + " is listed twice");
            }
        }
        if (r.ok() && std::find(c.languages.begin(), c.languages.end(), c.default_language) == c.languages.end()) {
            r.Fail("default", "must be one of locale.languages");
        }
    }
    {
        TableReader& r = section("session");
        r.Number("idle_timeout_s", c.idle_timeout_s, 15, 3600);
        r.Number("idle_warning_s", c.idle_warning_s, 5, 120);
        if (r.ok() && c.idle_warning_s >= c.idle_timeout_s) r.Fail("idle_warning_s", "must be shorter than idle_timeout_s");
    }
    {
        TableReader& r = section("theme");
        r.Colour("primary", c.theme.primary);
        r.Colour("accent", c.theme.accent);
        r.Colour("background", c.theme.background);
        r.Colour("text", c.theme.text);
    }
    {
        TableReader& r = section("central");
        r.String("orion_url", c.central.orion_url, 1024);
        r.String("fiware_service", c.central.fiware_service, 50);
        r.String("fiware_servicepath", c.central.fiware_servicepath, 1024);
        r.String("auth_token", c.central.auth_token, 4096);
        r.String("ca_bundle", c.central.ca_bundle, 1024);
        r.String("ckan_url", c.central.ckan_url, 1024);
        r.String("pvog_url", c.central.pvog_url, 1024);
        r.Number("connect_timeout_s", c.central.connect_timeout_s, 1, 120);
        r.Number("total_timeout_s", c.central.total_timeout_s, 1, 600);
        for (const auto* url : {&c.central.orion_url, &c.central.ckan_url, &c.central.pvog_url}) {
            if (r.ok() && !url->empty() && url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0) {
                r.Fail(
                    url == &c.central.orion_url  ? "orion_url"
                    : url == &c.central.ckan_url ? "ckan_url"
                                                 : "pvog_url",
                    "must start with https:// (or http:// for a local test server), got " + QuoteInput(*url));
            }
        }
        if (r.ok() && (c.central.fiware_servicepath.empty() || c.central.fiware_servicepath[0] != '/')) {
            r.Fail("fiware_servicepath", "must start with '/'");
        }
        if (r.ok() && !c.central.fiware_service.empty()) {
            for (char ch : c.central.fiware_service)
                if (!(std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_')) {
                    r.Fail("fiware_service", "must be lower-case letters, digits and '_' (Orion tenant rules)");
                    break;
                }
        }
    }
    {
        TableReader& r = section("sync");
        r.Number("interval_s", c.sync.interval_s, 1, 86400);
        r.Number("backoff_min_s", c.sync.backoff_min_s, 0.1, 3600);
        r.Number("backoff_max_s", c.sync.backoff_max_s, 1, 86400);
        r.Number("heartbeat_interval_s", c.sync.heartbeat_interval_s, 10, 86400);
        r.Number("retention_days", c.sync.retention_days, 0, 365);
        r.Number("pull_interval_s", c.sync.pull_interval_s, 10, 86400);
        if (r.ok() && c.sync.backoff_max_s < c.sync.backoff_min_s) r.Fail("backoff_max_s", "must not be below backoff_min_s");
    }
    {
        TableReader& r = section("logging");
        r.String("dir", c.log_dir, 1024);
        r.Integer("max_bytes", c.log_max_bytes, 64 * 1024, std::int64_t{1} << 30);
        r.Integer("max_files", c.log_max_files, 1, 20);
    }
    {
        TableReader& r = section("counter");
        r.Bool("enabled", c.counter.enabled);
        r.OneOf("source", c.counter.source, {"camera", "file"});
        r.Integer("device", c.counter.device, 0, 63);
        r.String("video_file", c.counter.video_file, 1024);
        r.Integer("width", c.counter.width, 160, 3840);
        r.Integer("height", c.counter.height, 120, 2160);
        r.Integer("fps", c.counter.fps, 1, 60);
        r.OneOf("detector", c.counter.detector, {"dnn", "motion"});
        r.String("model_path", c.counter.model_path, 1024);
        r.Integer("bin_minutes", c.counter.bin_minutes, 1, 60);
        if (r.ok() && 60 % c.counter.bin_minutes != 0) r.Fail("bin_minutes", "must divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60)");
        if (r.ok() && c.counter.source == "file" && c.counter.video_file.empty() && c.counter.enabled) {
            r.Fail("video_file", "is required when source = \"file\"");
        }
        if (const toml::node* n = r.Take("lines"); n && r.ok()) {
            const toml::array* arr = n->as_array();
            if (!arr || arr->size() > 8) {
                r.Fail("lines", "must be up to 8 [[counter.lines]] tables");
            } else {
                std::set<std::string> names;
                for (std::size_t i = 0; i < arr->size() && r.ok(); ++i) {
                    const toml::table* t = (*arr)[i].as_table();
                    CountingLineConfig line;
                    const std::string prefix = "counter.lines[" + std::to_string(i) + "]";
                    if (!t) {
                        r.Fail("lines", "entry " + std::to_string(i) + " must be a table");
                        break;
                    }
                    if (Status s = ReadLine(*t, prefix, line); !s.ok()) return s.error();
                    if (!names.insert(line.name).second)
                        r.Fail("lines", "two lines are called " + QuoteInput(line.name));
                    c.counter.lines.push_back(line);
                }
            }
        }
    }
    {
        TableReader& r = section("ideas");
        r.StringList("categories", c.ideas.categories, 1, 12, 40);
        r.StringList("districts", c.ideas.districts, 0, 40, 80);
        for (const auto& cat : c.ideas.categories)
            if (r.ok() && !(ngsi::IsValidToken(cat) && cat.size() <= 40))
                r.Fail("categories", QuoteInput(cat) + " must be a key of letters, digits, '-' or '_'");
        // Districts travel as plain NGSI Text: Orion refuses these characters there.
        for (const auto& d : c.ideas.districts)
            if (r.ok() && ngsi::HasForbiddenChars(d)) {
                r.Fail("districts", QuoteInput(d) + " must not contain < > \" ' = ; ( )");
            }
        r.String("status_url_template", c.ideas.status_url_template, 1024);
        if (r.ok() && c.ideas.status_url_template.find("{ref}") == std::string::npos) {
            r.Fail("status_url_template", "must contain {ref}");
        }
        r.Integer("max_per_session", c.ideas.max_per_session, 1, 100);
        r.Integer("max_per_hour", c.ideas.max_per_hour, 1, 10000);
        r.String("wordlist_dir", c.ideas.wordlist_dir, 1024);
        if (const toml::node* n = r.Take("map"); n && r.ok()) {
            const toml::table* t = n->as_table();
            if (!t) return MakeError("config.invalid", "ideas.map: must be a [ideas.map] table");
            if (Status s = ReadDistrictMap(*t, c.ideas.map); !s.ok()) return s.error();
            if (Status s = part::ValidateDistrictMap(c.ideas.map, c.ideas.districts); !s.ok()) {
                return MakeError("config.invalid", s.error().message);
            }
        }
    }
    {
        TableReader& r = section("privacy");
        r.String("controller", c.privacy.controller, 200);
        r.String("contact", c.privacy.contact, 200);
        r.String("legal_basis", c.privacy.legal_basis, 200);
    }
    if (Status st = ReadServices(section("services"), c.services); !st.ok()) return st.error();
    if (Status st = ReadLive(section("live"), c.live); !st.ok()) return st.error();
    {
        TableReader& r = section("display");
        r.Number("diagonal_inch", c.display.diagonal_inch, 7, 120);
        r.Number("viewing_distance_cm", c.display.viewing_distance_cm, 20, 400);
    }
    for (auto& r : readers) {
        r.Finish();
        if (!r.ok()) return MakeError("config.invalid", r.error());
    }
    return c;
}

Result<Config> LoadConfig(const std::string& path) {
    Result<std::string> text = ReadRegularFile(path, kMaxConfigBytes);
    if (!text.ok()) {
        // An absent file, a directory, a device: all are the operator's configuration error (exit 2).
        return MakeError(text.error().code == "file.missing" ? "config.missing" : "config.invalid",
                         "configuration file " + text.error().message);
    }
    Result<Config> c = ParseConfig(*text);
    if (!c.ok()) return MakeError(c.error().code, QuoteInput(path) + ": " + c.error().message);
    c->source_path = path;
    return c;
}

Result<Config> LoadConfigOrDefault(const std::string& path) {
    if (path.empty()) return Config{};
    return LoadConfig(path);
}

}  // namespace ck::kiosk
