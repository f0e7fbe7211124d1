// Live tiles: what a city configures ("the temperature of every WeatherObserved in /herne") and the values
// parsed from the entities its platform sends. Plain data; no UI, no SQL.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/time.h"

namespace ck::od {

enum class TileSource { kNgsi, kCounter };   // the platform, or this kiosk's own passer-by bins
enum class TileDisplay { kNumber, kLevel };  // a figure, or a level word ("moderate") from the catalogue

// A further value on the tile's second line ("precipitation 0 mm", "NO2 23 µg/m³").
struct TileExtra {
    std::string attribute;
    std::string unit;  // UN/CEFACT code ("MMT") or a symbol; the entity's unitCode metadata wins
    int decimals = 0;
};

struct TileSpec {
    std::string id;         // stable key: the store, the CLI's "tile" ([A-Za-z0-9_-])
    std::string title_key;  // catalogue key of the title ("kiosk.live.tile.temperature")
    TileSource source = TileSource::kNgsi;
    // Which entities: an NGSI type and at most one of entity id, idPattern; q narrows further.
    std::string type;
    std::string entity_id;
    std::string id_pattern;
    std::string q;
    std::string service_path;  // empty: the central's Fiware-ServicePath
    std::string attribute;     // the headline value
    std::string unit;          // UN/CEFACT code or symbol of the headline
    int decimals = 0;
    TileDisplay display = TileDisplay::kNumber;
    std::string total_attribute;  // "132 of 414": the total beside the headline (parking)
    std::vector<TileExtra> extras;
    std::optional<double> normal_low, normal_high;  // the normal range of the headline (water level)
    std::chrono::seconds refresh{300};
    std::chrono::seconds stale_after{3600};

    // The attributes a pull asks for: the ones shown, the name, the observation times and the location.
    std::vector<std::string> Attrs() const;
};

// Weather (temperature with precipitation and wind), parking (free of total per car park), air quality
// (level word with the main pollutants), water level against its normal range, and this kiosk's passers-by.
// Generic types only: the service path and the entities are the city's platform's business.
std::vector<TileSpec> DefaultTiles();

// UN/CEFACT common codes to symbols ("CEL" -> "°C", "KMH" -> "km/h"); a text that is no known code is
// returned unchanged (already a symbol).
std::string UnitSymbol(std::string_view code_or_symbol);

struct ExtraValue {
    std::string attribute;
    double value = 0;
    std::string unit;  // a symbol
    int decimals = 0;
};

// One entity's value for one tile.
struct TileValue {
    std::string tile;
    std::string type;
    std::string entity_id;
    std::string name;             // as published (may be empty: the UI then shows the tile title only)
    std::optional<double> value;  // the headline figure (kNumber), or for kLevel the level's rank 1..6
    std::string level;            // kLevel: the level word's key suffix ("moderate")
    std::string unit;             // a symbol
    int decimals = 0;
    std::optional<double> total;  // total_attribute's value
    std::vector<ExtraValue> extras;
    bool swapped_coordinates = false;  // the location came as [lat, lon] and was turned round
    std::optional<double> lon, lat;
    TimePoint observed{};
};

// The value a chart plots: the headline figure, or for a level tile the first extra (the pollutant).
std::optional<double> ChartValue(const TileValue& v);
std::string ChartUnit(const TileValue& v);

struct ParseContext {
    TimePoint now{};
    // Where the kiosk's city is: a location that is far from here but close once its two coordinates are
    // swapped is taken as swapped. Without it, only impossible coordinates are detected.
    std::optional<double> reference_lon, reference_lat;
};

// An entity (normalized or keyValues, through ngsi::ParseEntity) to the tile's value. Missing or extra
// attributes are fine as long as the headline is there; numbers may come as strings. Errors
// ("opendata.invalid", ".no_value", ".no_time", ".future", ".unknown_level", ".wrong_type") name the entity
// and say why, for the log.
Result<TileValue> ParseTileValue(const TileSpec& spec, const nlohmann::json& entity, const ParseContext& ctx);

// The stored form (offline_cache keeps it as opaque JSON) and back. Reading back never throws: text that is
// not JSON, or lacks the tile, type or entity, is an "opendata.invalid" error saying what is wrong.
nlohmann::json ToJson(const TileValue& v);
Result<TileValue> TileValueFromStored(std::string_view stored);

// The air quality words of the Smart Data Model, in order (rank = index + 1).
const std::vector<std::string>& LevelWords();

}  // namespace ck::od
