#include "ngsi/entity.h"

#include <charconv>
#include <cmath>

#include "ngsi/rules.h"

namespace ck::ngsi {
namespace {

using nlohmann::json;

constexpr double kMaxSafeInteger = 9007199254740992.0;  // 2^53: above it a double skips whole numbers
constexpr std::size_t kMaxPayloadBytes = 1024 * 1024;   // Orion's request limit

std::string FieldName(const Entity& e, std::string_view attribute) {
    return (e.type.empty() ? std::string("entity") : e.type) + "." + std::string(attribute);
}

// Strings and object keys anywhere in a value (Orion checks compound values through).
bool JsonHasForbidden(const json& v) {
    if (v.is_string()) return HasForbiddenChars(v.get_ref<const std::string&>());
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (HasForbiddenChars(it.key()) || JsonHasForbidden(it.value())) return true;
        }
    } else if (v.is_array()) {
        for (const auto& item : v) {
            if (JsonHasForbidden(item)) return true;
        }
    }
    return false;
}

bool IsFiniteNumber(const json& v) {
    return v.is_number() && std::isfinite(v.get<double>());
}

bool IsWhole(double d) {
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) <= kMaxSafeInteger;
}

bool IsValidPointCoordinates(const json& c) {
    if (!c.is_array() || c.size() != 2 || !IsFiniteNumber(c[0]) || !IsFiniteNumber(c[1])) return false;
    const double lon = c[0].get<double>(), lat = c[1].get<double>();
    return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

// What is wrong with `value` for `type`, or "" when it is fine.
std::string ValueProblem(AttrType type, const json& value) {
    switch (type) {
        case AttrType::kText:
            if (!value.is_string()) return "Text needs a string";
            if (HasForbiddenChars(value.get_ref<const std::string&>()))
                return "Invalid characters in attribute value (one of < > \" ' = ; ( ), send it as "
                       "TextUnrestricted)";
            return {};
        case AttrType::kTextUnrestricted:
            return value.is_string() ? "" : "TextUnrestricted needs a string";
        case AttrType::kNumber:
            return IsFiniteNumber(value) ? "" : "Number needs a finite number";
        case AttrType::kInteger:
            return IsFiniteNumber(value) && IsWhole(value.get<double>()) ? ""
                                                                         : "Integer needs a whole number";
        case AttrType::kBoolean:
            return value.is_boolean() ? "" : "Boolean needs true or false";
        case AttrType::kDateTime:
            return value.is_string() && ParseIso8601(value.get_ref<const std::string&>())
                       ? ""
                       : "date has invalid format";
        case AttrType::kGeoJson: {
            if (!value.is_object() || !value.contains("type") || !value["type"].is_string())
                return "geo:json needs an object with a type";
            if (value["type"] == "Point" && !IsValidPointCoordinates(value.value("coordinates", json())))
                return "a Point needs [longitude, latitude] in range";
            return JsonHasForbidden(value) ? "Invalid characters in attribute value" : "";
        }
        case AttrType::kStructuredValue:
            if (!value.is_object() && !value.is_array()) return "StructuredValue needs an object or an array";
            return JsonHasForbidden(value) ? "Invalid characters in attribute value" : "";
        case AttrType::kRelationship:
            if (!value.is_string()) return "Relationship needs an entity id";
            return IsValidIdentifier(value.get_ref<const std::string&>())
                       ? ""
                       : "Relationship is not a valid entity id";
    }
    return "unknown attribute type";
}

bool IsNormalizedAttribute(const json& v) {
    if (!v.is_object() || !v.contains("value")) return false;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it.key() != "value" && it.key() != "type" && it.key() != "metadata") return false;
    }
    return true;
}

Error WrongType(const EntityView& e, std::string_view name, const char* wanted) {
    return MakeError("ngsi.wrong_type", e.type + "." + std::string(name) + ": not " + wanted);
}

// The attribute's value, or nullptr when absent or null.
const json* ValueOf(const EntityView& e, std::string_view name) {
    const ReceivedAttribute* a = e.Find(name);
    return a && !a->value.is_null() ? &a->value : nullptr;
}

// Rejects pathologically nested text before a recursive parser sees it.
bool NestingWithin(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

}  // namespace

const char* TypeName(AttrType type) {
    switch (type) {
        case AttrType::kText:
            return "Text";
        case AttrType::kTextUnrestricted:
            return "TextUnrestricted";
        case AttrType::kNumber:
            return "Number";
        case AttrType::kInteger:
            return "Integer";
        case AttrType::kBoolean:
            return "Boolean";
        case AttrType::kDateTime:
            return "DateTime";
        case AttrType::kGeoJson:
            return "geo:json";
        case AttrType::kStructuredValue:
            return "StructuredValue";
        case AttrType::kRelationship:
            return "Relationship";
    }
    return "Text";
}

std::optional<AttrType> AttrTypeFromName(std::string_view name) {
    for (const AttrType t : {AttrType::kText, AttrType::kTextUnrestricted, AttrType::kNumber,
                             AttrType::kInteger, AttrType::kBoolean, AttrType::kDateTime, AttrType::kGeoJson,
                             AttrType::kStructuredValue, AttrType::kRelationship}) {
        if (name == TypeName(t)) return t;
    }
    return std::nullopt;
}

Attribute Text(std::string text) {
    return {AttrType::kText, std::move(text)};
}
Attribute TextUnrestricted(std::string text) {
    return {AttrType::kTextUnrestricted, std::move(text)};
}
Attribute Number(double value) {
    return {AttrType::kNumber, value};
}
Attribute WholeNumber(std::int64_t value) {
    return {AttrType::kNumber, value};
}
Attribute Integer(std::int64_t value) {
    return {AttrType::kInteger, value};
}
Attribute Boolean(bool value) {
    return {AttrType::kBoolean, value};
}
Attribute DateTime(TimePoint time) {
    return {AttrType::kDateTime, FormatIsoUtc(time)};
}
Attribute GeoPoint(double lon, double lat) {
    return {AttrType::kGeoJson, json{{"type", "Point"}, {"coordinates", {lon, lat}}}};
}
Attribute Structured(nlohmann::json value) {
    return {AttrType::kStructuredValue, std::move(value)};
}
Attribute Relationship(std::string entity_id) {
    return {AttrType::kRelationship, std::move(entity_id)};
}

Entity& Entity::Set(std::string name, Attribute attribute) {
    for (auto& [n, a] : attributes) {
        if (n == name) {
            a = std::move(attribute);
            return *this;
        }
    }
    attributes.emplace_back(std::move(name), std::move(attribute));
    return *this;
}

Status Validate(const Entity& e) {
    if (Status s = CheckIdentifier("entity type", e.type); !s) return s;
    if (Status s = CheckIdentifier(e.type + " entity id", e.id); !s) return s;
    for (const auto& [name, attribute] : e.attributes) {
        const std::string field = FieldName(e, name);
        if (name == "id" || name == "type") return MakeError("ngsi.invalid", field + ": a reserved name");
        if (Status s = CheckIdentifier(field + " attribute name", name); !s) return s;
        const std::string problem = ValueProblem(attribute.type, attribute.value);
        if (!problem.empty()) {
            const bool forbidden = problem.rfind("Invalid characters", 0) == 0;
            return MakeError(forbidden ? "ngsi.forbidden_character" : "ngsi.invalid", field + ": " + problem);
        }
        try {
            (void)attribute.value.dump();
        } catch (const json::exception&) {
            return MakeError("ngsi.invalid", field + ": not valid UTF-8");
        }
    }
    return {};
}

Result<nlohmann::json> BuildNormalized(const Entity& e) {
    if (Status s = Validate(e); !s) return s.error();
    json out{{"id", e.id}, {"type", e.type}};
    for (const auto& [name, attribute] : e.attributes)
        out[name] = json{{"type", TypeName(attribute.type)}, {"value", attribute.value}};
    return out;
}

Result<std::string> BuildPayload(const Entity& e) {
    Result<json> normalized = BuildNormalized(e);
    if (!normalized) return normalized.error();
    std::string payload = normalized->dump();
    if (payload.size() > kMaxPayloadBytes) {
        return MakeError("ngsi.too_large", e.type + " " + e.id.substr(0, 80) + ": " +
                                               std::to_string(payload.size()) +
                                               " bytes, more than Orion's request limit of 1 MiB");
    }
    return payload;
}

const ReceivedAttribute* EntityView::Find(std::string_view name) const {
    for (const auto& [n, a] : attributes) {
        if (n == name) return &a;
    }
    return nullptr;
}

Result<EntityView> ParseEntity(const nlohmann::json& j) {
    if (!j.is_object()) return MakeError("ngsi.malformed", "an entity must be a JSON object");
    const auto id = j.find("id");
    const auto type = j.find("type");
    if (id == j.end() || !id->is_string())
        return MakeError("ngsi.malformed", "entity id missing or not a string");
    if (type == j.end() || !type->is_string())
        return MakeError("ngsi.malformed", "entity type missing or not a string");
    EntityView view;
    view.id = id->get<std::string>();
    view.type = type->get<std::string>();
    if (Status s = CheckIdentifier("entity id", view.id); !s)
        return MakeError("ngsi.malformed", s.error().message);
    if (Status s = CheckIdentifier("entity type", view.type); !s)
        return MakeError("ngsi.malformed", s.error().message);
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "id" || it.key() == "type") continue;
        if (Status s = CheckIdentifier(view.type + " attribute name", it.key()); !s)
            return MakeError("ngsi.malformed", s.error().message);
        ReceivedAttribute a;
        if (IsNormalizedAttribute(it.value())) {
            const json& declared = it.value().contains("type") ? it.value()["type"] : json();
            if (!declared.is_null() && !declared.is_string())
                return MakeError("ngsi.malformed",
                                 view.type + "." + it.key() + ": attribute type is not a string");
            a.type = declared.is_string() ? declared.get<std::string>() : std::string();
            a.value = it.value()["value"];
        } else {
            a.value = it.value();
        }
        view.attributes.emplace_back(it.key(), std::move(a));
    }
    return view;
}

Result<nlohmann::json> ParseJsonBounded(std::string_view text, int max_depth) {
    if (!NestingWithin(text, max_depth)) {
        return MakeError("ngsi.malformed",
                         "JSON nested deeper than " + std::to_string(max_depth) + " levels");
    }
    json parsed = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return MakeError("ngsi.malformed", "not valid JSON (or not UTF-8)");
    return parsed;
}

Result<std::optional<std::string>> TextValue(const EntityView& e, std::string_view name) {
    const json* v = ValueOf(e, name);
    if (!v) return std::optional<std::string>();
    if (!v->is_string()) return WrongType(e, name, "a text");
    return std::optional<std::string>(v->get<std::string>());
}

Result<std::optional<double>> NumberValue(const EntityView& e, std::string_view name) {
    const json* v = ValueOf(e, name);
    if (!v) return std::optional<double>();
    double d = NAN;
    if (v->is_number()) {
        d = v->get<double>();
    } else if (v->is_string()) {
        // from_chars, not stod: the decimal point must not depend on the process locale.
        const std::string& s = v->get_ref<const std::string&>();
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
        if (ec != std::errc() || end != s.data() + s.size() || s.empty())
            return WrongType(e, name, "a number");
    } else {
        return WrongType(e, name, "a number");
    }
    if (!std::isfinite(d)) return WrongType(e, name, "a finite number");
    return std::optional<double>(d);
}

Result<std::optional<std::int64_t>> IntegerValue(const EntityView& e, std::string_view name) {
    Result<std::optional<double>> d = NumberValue(e, name);
    if (!d) return d.error();
    if (!*d) return std::optional<std::int64_t>();
    if (!IsWhole(**d)) return WrongType(e, name, "a whole number");
    return std::optional<std::int64_t>(static_cast<std::int64_t>(**d));
}

Result<std::optional<bool>> BooleanValue(const EntityView& e, std::string_view name) {
    const json* v = ValueOf(e, name);
    if (!v) return std::optional<bool>();
    if (!v->is_boolean()) return WrongType(e, name, "true or false");
    return std::optional<bool>(v->get<bool>());
}

Result<std::optional<TimePoint>> DateTimeValue(const EntityView& e, std::string_view name) {
    const json* v = ValueOf(e, name);
    if (!v) return std::optional<TimePoint>();
    std::optional<TimePoint> t =
        v->is_string() ? ParseIso8601(v->get_ref<const std::string&>()) : std::nullopt;
    if (!t) return WrongType(e, name, "an ISO 8601 date-time");
    return std::optional<TimePoint>(*t);
}

Result<std::optional<Point>> PointValue(const EntityView& e, std::string_view name) {
    const json* v = ValueOf(e, name);
    if (!v) return std::optional<Point>();
    if (!v->is_object() || v->value("type", json()) != "Point" ||
        !IsValidPointCoordinates(v->value("coordinates", json()))) {
        return WrongType(e, name, "a GeoJSON Point with [longitude, latitude]");
    }
    const json& c = (*v)["coordinates"];
    return std::optional<Point>(Point{c[0].get<double>(), c[1].get<double>()});
}

}  // namespace ck::ngsi
