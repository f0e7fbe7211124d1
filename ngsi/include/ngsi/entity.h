// NGSI-v2 entities: typed attributes, building the normalized form, and one typed view of what a server sends
// in either the normalized or the keyValues form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/time.h"

namespace ck::ngsi {

enum class AttrType {
    kText,              // free of the forbidden characters
    kTextUnrestricted,  // any text: visitors' words travel as this
    kNumber,            // finite
    kInteger,           // whole, |n| <= 2^53 (Orion keeps numbers as doubles)
    kBoolean,
    kDateTime,         // ISO 8601; built from a TimePoint
    kGeoJson,          // a GeoJSON geometry object
    kStructuredValue,  // an object or array
    kRelationship,     // the id of another entity
};
const char* TypeName(AttrType type);  // the wire name: "Text", "TextUnrestricted", "geo:json", ...
std::optional<AttrType> AttrTypeFromName(std::string_view name);  // the inverse; nullopt for other types

struct Attribute {
    AttrType type = AttrType::kText;
    nlohmann::json value;
};

Attribute Text(std::string text);
Attribute TextUnrestricted(std::string text);
Attribute Number(double value);
// A Number whose value is written as a JSON integer ("3", not "3.0"): counts keep their form on the wire.
Attribute WholeNumber(std::int64_t value);
Attribute Integer(std::int64_t value);
Attribute Boolean(bool value);
Attribute DateTime(TimePoint time);
Attribute GeoPoint(double lon, double lat);
Attribute Structured(nlohmann::json value);
Attribute Relationship(std::string entity_id);

// An entity to send: attributes keep the order they were set in.
struct Entity {
    std::string id;
    std::string type;
    std::vector<std::pair<std::string, Attribute>> attributes;

    Entity& Set(std::string name, Attribute attribute);  // replaces an attribute of the same name
};

// Checks the entity against Orion's rules: id and type, every attribute name, every value for its type
// (forbidden characters in anything but TextUnrestricted, also inside structured values and their keys;
// finite numbers; whole integers; a DateTime Orion accepts; a geo:json object with a type; a Relationship
// that is a valid id). Errors have code "ngsi.invalid" (or "ngsi.forbidden_character") and name the field:
// "CitizenIdea.title: ...".
Status Validate(const Entity& entity);
// Validate, then the normalized JSON {"id","type", name: {"type","value"}}.
Result<nlohmann::json> BuildNormalized(const Entity& entity);
// BuildNormalized, serialised (the outbox payload).
Result<std::string> BuildPayload(const Entity& entity);

// One attribute as received. `type` is the declared type in the normalized form and "" in keyValues.
struct ReceivedAttribute {
    std::string type;
    nlohmann::json value;
};

// An entity as received, whatever its form. An attribute counts as normalized when it is an object with a
// "value" member and nothing but type/value/metadata; anything else is a keyValues value.
struct EntityView {
    std::string id;
    std::string type;
    std::vector<std::pair<std::string, ReceivedAttribute>> attributes;

    const ReceivedAttribute* Find(std::string_view name) const;
};

// Needs an object with string id and type that pass CheckIdentifier; attribute names must pass it too.
// "ngsi.malformed" otherwise, naming what is wrong.
Result<EntityView> ParseEntity(const nlohmann::json& json);
// A JSON text from a server (an entity, an array of them, or any other JSON such as a PVOG description),
// nested at most `max_depth` levels (checked before parsing, so a hostile body cannot exhaust the stack), as
// JSON ("ngsi.malformed" when it is not JSON). The one bounded JSON reader of the kiosk.
Result<nlohmann::json> ParseJsonBounded(std::string_view text, int max_depth = 64);

// Typed reads. Absent or null -> nullopt; present with a value that cannot be read as asked ->
// "ngsi.wrong_type" naming "<Type>.<attribute>".
Result<std::optional<std::string>> TextValue(const EntityView& e, std::string_view name);
// Numbers, and numbers sent as strings ("12.5"), finite only.
Result<std::optional<double>> NumberValue(const EntityView& e, std::string_view name);
// A whole number (12 and 12.0 both).
Result<std::optional<std::int64_t>> IntegerValue(const EntityView& e, std::string_view name);
Result<std::optional<bool>> BooleanValue(const EntityView& e, std::string_view name);
Result<std::optional<TimePoint>> DateTimeValue(const EntityView& e, std::string_view name);
struct Point {
    double lon = 0;
    double lat = 0;
};
// A GeoJSON Point (coordinates [lon, lat], in range).
Result<std::optional<Point>> PointValue(const EntityView& e, std::string_view name);

}  // namespace ck::ngsi
