#include "orion.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <regex>
#include <set>
#include <sstream>

namespace ck::fake {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxIdLength = 256;
constexpr std::size_t kMaxTenantLength = 50;
constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 1000;

// Orion's forbiddenChars(): rejected anywhere in a request, except in TextUnrestricted values and q.
bool IsForbiddenChar(char c) {
    return c != '\0' && std::strchr("<>\"'=;()", c) != nullptr;
}

bool HasForbiddenChars(const std::string& s) {
    return std::any_of(s.begin(), s.end(), IsForbiddenChar);
}

// "Field syntax restrictions" for ids, types and names: printable ASCII without whitespace, & ? / #,
// and without the general forbidden characters.
bool HasForbiddenIdChars(const std::string& s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) return true;
        if (std::strchr("&?/#", c) != nullptr || IsForbiddenChar(c)) return true;
    }
    return false;
}

// Strings anywhere in a value (object keys included, as Orion checks compound values).
bool JsonHasForbiddenChars(const json& v) {
    if (v.is_string()) return HasForbiddenChars(v.get_ref<const std::string&>());
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (HasForbiddenChars(it.key()) || JsonHasForbiddenChars(it.value())) return true;
        }
    }
    if (v.is_array()) {
        for (const auto& e : v) {
            if (JsonHasForbiddenChars(e)) return true;
        }
    }
    return false;
}

std::string InferType(const json& v) {
    if (v.is_string()) return "Text";
    if (v.is_number()) return "Number";
    if (v.is_boolean()) return "Boolean";
    if (v.is_object() || v.is_array()) return "StructuredValue";
    return "None";
}

// ISO 8601 as Orion accepts it for DateTime: a date, optionally with time, fraction and zone.
bool IsIsoDateTime(const std::string& s) {
    static const std::regex re(
        R"(^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$)");
    return std::regex_match(s, re);
}

struct BadRequest {
    std::string description;
};

std::optional<BadRequest> CheckName(const std::string& what, const std::string& name) {
    if (name.empty()) return BadRequest{what + " length: 0, min length supported: 1"};
    if (name.size() > kMaxIdLength) {
        return BadRequest{what + " length: " + std::to_string(name.size()) +
                          ", max length supported: " + std::to_string(kMaxIdLength)};
    }
    if (HasForbiddenIdChars(name)) return BadRequest{"Invalid characters in " + what};
    return std::nullopt;
}

std::optional<BadRequest> NormalizeMetadata(const json& in, json& out) {
    out = json::object();
    if (!in.is_object()) return BadRequest{"metadata must be a JSON object"};
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (auto e = CheckName("metadata name", it.key())) return e;
        const json& md = it.value();
        if (!md.is_object()) return BadRequest{"metadata must be a JSON object"};
        json value = md.contains("value") ? md["value"] : json(nullptr);
        std::string type;
        if (md.contains("type")) {
            if (!md["type"].is_string()) return BadRequest{"invalid JSON type for metadata type"};
            type = md["type"].get<std::string>();
            if (auto e = CheckName("metadata type", type)) return e;
        } else {
            type = InferType(value);
        }
        if (JsonHasForbiddenChars(value)) return BadRequest{"Invalid characters in metadata value"};
        out[it.key()] = json{{"type", type}, {"value", value}};
    }
    return std::nullopt;
}

// One attribute of a request, to the stored normalized form {type, value, metadata}.
std::optional<BadRequest> NormalizeAttribute(const std::string& name, const json& in, bool key_values,
                                             json& out) {
    if (auto e = CheckName("attribute name", name)) return e;
    json value;
    std::string type;
    json metadata = json::object();
    if (key_values) {
        value = in;
        type = InferType(value);
    } else {
        if (!in.is_object())
            return BadRequest{"attribute must be a JSON object, unless keyValues option is used"};
        for (auto it = in.begin(); it != in.end(); ++it) {
            if (it.key() != "value" && it.key() != "type" && it.key() != "metadata") {
                return BadRequest{"unrecognized property for context attribute: " + it.key()};
            }
        }
        value = in.contains("value") ? in["value"] : json(nullptr);
        if (in.contains("type")) {
            if (!in["type"].is_string()) return BadRequest{"invalid JSON type for attribute type"};
            type = in["type"].get<std::string>();
            if (auto e = CheckName("attribute type", type)) return e;
        } else {
            type = InferType(value);
        }
        if (in.contains("metadata")) {
            if (auto e = NormalizeMetadata(in["metadata"], metadata)) return e;
        }
    }
    if (type != "TextUnrestricted" && JsonHasForbiddenChars(value)) {
        return BadRequest{"Invalid characters in attribute value"};
    }
    if (type == "DateTime" && !(value.is_string() && IsIsoDateTime(value.get<std::string>()))) {
        return BadRequest{"date has invalid format"};
    }
    if (type == "geo:json" && !(value.is_object() && value.contains("type") && value["type"].is_string())) {
        return BadRequest{"error parsing location attribute: geo:json needs an object with a type"};
    }
    out = json{{"type", type}, {"value", value}, {"metadata", metadata}};
    return std::nullopt;
}

struct ParsedEntity {
    std::string id;
    std::string type;  // "" when not given
    json attrs = json::object();
};

std::optional<BadRequest> ParseEntity(const json& in, bool key_values, ParsedEntity& out) {
    if (!in.is_object()) return BadRequest{"not a JSON object"};
    if (!in.contains("id")) return BadRequest{"entity id length: 0, min length supported: 1"};
    if (!in["id"].is_string()) return BadRequest{"Invalid JSON type for entity id"};
    out.id = in["id"].get<std::string>();
    if (auto e = CheckName("entity id", out.id)) return e;
    if (in.contains("type")) {
        if (!in["type"].is_string()) return BadRequest{"Invalid JSON type for entity type"};
        out.type = in["type"].get<std::string>();
        if (auto e = CheckName("entity type", out.type)) return e;
    }
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (it.key() == "id" || it.key() == "type") continue;
        json attr;
        if (auto e = NormalizeAttribute(it.key(), it.value(), key_values, attr)) return e;
        out.attrs[it.key()] = std::move(attr);
    }
    return std::nullopt;
}

std::vector<std::string> SplitList(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) parts.push_back(cur);
    if (!s.empty() && s.back() == sep) parts.emplace_back();
    return parts;
}

std::set<std::string> Options(const HttpIn& in) {
    std::set<std::string> opts;
    for (const auto& [k, v] : in.params) {
        if (k != "options") continue;
        for (const auto& o : SplitList(v, ',')) opts.insert(o);
    }
    return opts;
}

// ---- Simple Query Language (q), the part the kiosk needs: ==, !=, <, >, <=, >=, ranges, lists,
// exists (attr) and not-exists (!attr), statements joined by ';'.
struct QTerm {
    std::string attr;
    std::string op;  // "==", "!=", "<", ">", "<=", ">=", "exists", "!exists"
    std::vector<std::string> values;
};

std::optional<std::vector<QTerm>> ParseQ(const std::string& q) {
    std::vector<QTerm> terms;
    for (const auto& stmt : SplitList(q, ';')) {
        if (stmt.empty()) return std::nullopt;
        QTerm t;
        if (stmt[0] == '!') {
            t.attr = stmt.substr(1);
            t.op = "!exists";
        } else {
            static const char* kOps[] = {"==", "!=", ">=", "<=", ">", "<"};
            std::size_t best = std::string::npos;
            std::string op;
            for (const char* o : kOps) {
                const auto pos = stmt.find(o);
                if (pos != std::string::npos && (pos < best || (pos == best && std::strlen(o) > op.size()))) {
                    best = pos;
                    op = o;
                }
            }
            if (best == std::string::npos) {
                t.attr = stmt;
                t.op = "exists";
            } else {
                t.attr = stmt.substr(0, best);
                t.op = op;
                const std::string rhs = stmt.substr(best + op.size());
                if (rhs.empty()) return std::nullopt;
                t.values = (op == "==" || op == "!=") ? SplitList(rhs, ',') : std::vector<std::string>{rhs};
            }
        }
        if (t.attr.empty()) return std::nullopt;
        terms.push_back(std::move(t));
    }
    return terms;
}

std::optional<double> ParseNumber(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return d;
}

std::string Unquote(const std::string& s, bool& quoted) {
    quoted = s.size() >= 2 && s.front() == '\'' && s.back() == '\'';
    return quoted ? s.substr(1, s.size() - 2) : s;
}

// -1, 0, 1, or nullopt when the two are not comparable.
std::optional<int> Compare(const json& value, const std::string& literal_raw) {
    bool quoted = false;
    const std::string literal = Unquote(literal_raw, quoted);
    if (value.is_number() && !quoted) {
        const auto n = ParseNumber(literal);
        if (!n) return std::nullopt;
        const double v = value.get<double>();
        return v < *n ? -1 : (v > *n ? 1 : 0);
    }
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        return s < literal ? -1 : (s > literal ? 1 : 0);
    }
    if (value.is_boolean() && !quoted) {
        if (literal != "true" && literal != "false") return std::nullopt;
        return value.get<bool>() == (literal == "true") ? 0 : 1;
    }
    return std::nullopt;
}

bool EqualsOrInRange(const json& value, const std::string& literal) {
    const auto dots = literal.find("..");
    if (dots != std::string::npos) {
        const auto lo = Compare(value, literal.substr(0, dots));
        const auto hi = Compare(value, literal.substr(dots + 2));
        return lo && hi && *lo >= 0 && *hi <= 0;
    }
    const auto c = Compare(value, literal);
    return c && *c == 0;
}

bool Matches(const json& attrs, const QTerm& t) {
    const bool has = attrs.contains(t.attr);
    if (t.op == "exists") return has;
    if (t.op == "!exists") return !has;
    if (!has) return false;
    const json& v = attrs[t.attr]["value"];
    if (t.op == "==" || t.op == "!=") {
        const bool any = std::any_of(t.values.begin(), t.values.end(),
                                     [&](const std::string& lit) { return EqualsOrInRange(v, lit); });
        return t.op == "==" ? any : !any;
    }
    const auto c = Compare(v, t.values.front());
    if (!c) return false;
    if (t.op == "<") return *c < 0;
    if (t.op == ">") return *c > 0;
    if (t.op == "<=") return *c <= 0;
    return *c >= 0;
}

// Orion's "Bad pagination ..." checks on a URI parameter that must be a decimal number.
std::optional<HttpOut> ParseNonNegative(const std::string& name, const std::string& text, int& out) {
    if (text.empty() || text.size() > 9 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return OrionErrorOut(400, "BadRequest",
                             "Bad pagination " + name + ": /" + text + "/ [must be a decimal number]");
    }
    out = std::stoi(text);
    return std::nullopt;
}

// Orion lower-cases the tenant and accepts alphanumerics and underscore, up to 50 characters.
std::optional<HttpOut> TenantOf(const HttpIn& in, std::string& tenant) {
    tenant = in.Header("fiware-service");
    if (tenant.size() > kMaxTenantLength) {
        return OrionErrorOut(400, "BadRequest", "bad length - a tenant name can be max 50 characters long");
    }
    for (char& c : tenant) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
            return OrionErrorOut(400, "BadRequest",
                                 "bad character in tenant name - only underscore and alphanumeric characters "
                                 "are allowed");
        }
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return std::nullopt;
}

std::optional<HttpOut> ServicePathOf(const HttpIn& in, bool is_query, std::string& service_path) {
    const bool given = in.headers.count("fiware-servicepath") > 0;
    service_path = in.Header("fiware-servicepath");
    if (!given || service_path.empty()) {
        service_path = is_query ? "/#" : "/";
        return std::nullopt;
    }
    if (service_path[0] != '/') {
        return OrionErrorOut(400, "BadRequest",
                             "Only /absolute/ Service Paths allowed [a service path must begin with /]");
    }
    const auto parts = SplitList(service_path.substr(1), '/');
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& p = parts[i];
        if (p == "#" && i + 1 == parts.size() && is_query) continue;
        if (p.size() > 50) return OrionErrorOut(400, "BadRequest", "component-name too long in ServicePath");
        if (!std::all_of(p.begin(), p.end(),
                         [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; })) {
            return OrionErrorOut(400, "BadRequest",
                                 "a component of ServicePath contains an illegal character");
        }
    }
    while (service_path.size() > 1 && service_path.back() == '/') service_path.pop_back();
    return std::nullopt;
}

bool ServicePathMatches(const std::string& query, const std::string& stored) {
    if (query == "/#") return true;
    if (query.size() >= 2 && query.compare(query.size() - 2, 2, "/#") == 0) {
        const std::string prefix = query.substr(0, query.size() - 2);
        return stored == prefix || stored.rfind(prefix + "/", 0) == 0;
    }
    return stored == query;
}

const std::set<std::string>& KnownOptions() {
    static const std::set<std::string> known = {
        "keyValues",    "values",      "unique",          "count",        "append",
        "upsert",       "dateCreated", "dateModified",    "noAttrDetail", "skipForwarding",
        "forcedUpdate", "flowControl", "overrideMetadata"};
    return known;
}

// The checks Orion runs on every request before routing, in its order.
std::optional<HttpOut> CommonChecks(const HttpIn& in) {
    if (HasForbiddenChars(in.path)) return OrionErrorOut(400, "BadRequest", "invalid character in URI");
    if (in.content_length > 0) {
        std::string ct = in.Header("content-type");
        if (const auto semi = ct.find(';'); semi != std::string::npos) ct.resize(semi);
        while (!ct.empty() && ct.back() == ' ') ct.pop_back();
        if (ct.empty()) {
            return OrionErrorOut(
                415, "UnsupportedMediaType",
                "Content-Type header not used, default application/octet-stream is not supported");
        }
        if (ct != "application/json") {
            return OrionErrorOut(415, "UnsupportedMediaType", "not supported content type: " + ct);
        }
    }
    for (const auto& [k, v] : in.params) {
        if (v.empty())
            return OrionErrorOut(400, "BadRequest", "Empty right-hand-side for URI param /" + k + "/");
        if (k != "q" && k != "idPattern" && (HasForbiddenChars(k) || HasForbiddenChars(v))) {
            return OrionErrorOut(400, "BadRequest", "invalid character in URI parameter");
        }
        if (k == "limit") {
            int limit = 0;
            if (auto e = ParseNonNegative("limit", v, limit)) return e;
            if (limit > kMaxLimit) {
                return OrionErrorOut(
                    400, "BadRequest",
                    "Bad pagination limit: /" + v + "/ [max: " + std::to_string(kMaxLimit) + "]");
            }
            if (limit == 0) {
                return OrionErrorOut(400, "BadRequest",
                                     "Bad pagination limit: /" + v + "/ [a value of ZERO is unacceptable]");
            }
        }
        if (k == "offset") {
            int offset = 0;
            if (auto e = ParseNonNegative("offset", v, offset)) return e;
        }
        if (k == "options") {
            for (const auto& o : SplitList(v, ',')) {
                if (KnownOptions().count(o) == 0) {
                    return OrionErrorOut(400, "BadRequest", "Invalid value for URI param /options/");
                }
            }
        }
    }
    if (in.content_length > kOrionMaxPayload) {
        return OrionErrorOut(413, "RequestEntityTooLarge",
                             "payload size: " + std::to_string(in.content_length) +
                                 ", max size supported: " + std::to_string(kOrionMaxPayload));
    }
    if ((in.method == "POST" || in.method == "PUT" || in.method == "PATCH") && in.content_length == 0) {
        return OrionErrorOut(411, "LengthRequired", "Zero/No Content-Length in PUT/POST/PATCH request");
    }
    return std::nullopt;
}

std::optional<json> ParseBody(const std::string& body) {
    try {
        return json::parse(body);
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

HttpOut ParseErrorOut() {
    return OrionErrorOut(400, "ParseError", "Errors found in incoming JSON buffer");
}

HttpOut NoContent() {
    HttpOut out;
    out.status = 204;
    out.content_type.clear();
    return out;
}

void MergeAttrs(json& target, const json& attrs) {
    for (auto it = attrs.begin(); it != attrs.end(); ++it) target[it.key()] = it.value();
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

}  // namespace

HttpOut OrionStore::Handle(const HttpIn& in) {
    if (auto e = CommonChecks(in)) return *e;
    std::string tenant;
    if (auto e = TenantOf(in, tenant)) return *e;
    const bool is_query = in.method == "GET";
    std::string service_path;
    if (auto e = ServicePathOf(in, is_query, service_path)) return *e;

    const std::string entities_prefix = "/v2/entities/";
    if ((in.path == "/v2" || in.path == "/v2/") && in.method == "GET") {
        return JsonOut(200, nlohmann::json{{"entities_url", "/v2/entities"},
                                           {"types_url", "/v2/types"},
                                           {"subscriptions_url", "/v2/subscriptions"},
                                           {"registrations_url", "/v2/registrations"}});
    }
    if (in.path == "/v2/entities" || in.path == "/v2/entities/") {
        if (in.method == "POST") return CreateEntity(in, tenant, service_path);
        if (in.method == "GET") return ListEntities(in, tenant, service_path);
    } else if (in.path == "/v2/op/update") {
        if (in.method == "POST") return BatchUpdate(in, tenant, service_path);
    } else if (in.path.rfind(entities_prefix, 0) == 0 &&
               in.path.find('/', entities_prefix.size()) == std::string::npos) {
        const std::string id = in.path.substr(entities_prefix.size());
        if (in.method == "GET") return GetEntity(in, tenant, id);
        if (in.method == "DELETE") return DeleteEntity(in, tenant, id);
    } else {
        return OrionErrorOut(400, "BadRequest", "service '" + in.path + "' not found");
    }
    HttpOut out = OrionErrorOut(405, "MethodNotAllowed", "method not allowed");
    return out;
}

std::vector<OrionStore::Stored*> OrionStore::Find(Tenant& t, const std::string& id, const std::string& type) {
    std::vector<Stored*> found;
    if (!type.empty()) {
        auto it = t.entities.find({id, type});
        if (it != t.entities.end()) found.push_back(&it->second);
        return found;
    }
    for (auto it = t.entities.lower_bound({id, ""}); it != t.entities.end() && it->first.first == id; ++it) {
        found.push_back(&it->second);
    }
    return found;
}

OrionStore::Stored& OrionStore::Insert(Tenant& t, const std::string& id, const std::string& type,
                                       const std::string& service_path) {
    Stored& s = t.entities[{id, type}];
    s.id = id;
    s.type = type;
    s.service_path = service_path;
    s.attrs = json::object();
    s.seq = next_seq_++;
    return s;
}

json OrionStore::Render(const Stored& s, bool key_values, const std::vector<std::string>& attrs) {
    json out = json::object();
    out["id"] = s.id;
    out["type"] = s.type;
    for (auto it = s.attrs.begin(); it != s.attrs.end(); ++it) {
        if (!attrs.empty() && std::find(attrs.begin(), attrs.end(), it.key()) == attrs.end()) continue;
        out[it.key()] = key_values ? it.value()["value"] : it.value();
    }
    return out;
}

HttpOut OrionStore::CreateEntity(const HttpIn& in, const std::string& tenant,
                                 const std::string& service_path) {
    const auto body = ParseBody(in.body);
    if (!body) return ParseErrorOut();
    const auto opts = Options(in);
    ParsedEntity e;
    if (auto err = ParseEntity(*body, opts.count("keyValues") > 0, e)) {
        return OrionErrorOut(400, "BadRequest", err->description);
    }
    if (e.type.empty()) e.type = "Thing";
    Tenant& t = tenants_[tenant];
    auto existing = Find(t, e.id, e.type);
    if (!existing.empty()) {
        if (opts.count("upsert") == 0) return OrionErrorOut(422, "Unprocessable", "Already Exists");
        MergeAttrs(existing.front()->attrs, e.attrs);
        ++t.write_counts[e.id];
        return NoContent();
    }
    Stored& s = Insert(t, e.id, e.type, service_path);
    s.attrs = e.attrs;
    ++t.write_counts[e.id];
    HttpOut out;
    out.status = 201;
    out.content_type.clear();
    out.headers.emplace_back("Location", "/v2/entities/" + e.id + "?type=" + e.type);
    return out;
}

HttpOut OrionStore::ListEntities(const HttpIn& in, const std::string& tenant,
                                 const std::string& service_path) {
    const auto opts = Options(in);
    int limit = kDefaultLimit;
    int offset = 0;
    if (in.HasParam("limit")) limit = std::stoi(in.Param("limit"));
    if (in.HasParam("offset")) offset = std::stoi(in.Param("offset"));
    std::vector<std::string> ids;
    std::vector<std::string> types;
    std::vector<std::string> attrs;
    if (in.HasParam("id")) ids = SplitList(in.Param("id"), ',');
    if (in.HasParam("type")) types = SplitList(in.Param("type"), ',');
    if (in.HasParam("attrs")) attrs = SplitList(in.Param("attrs"), ',');
    std::optional<std::regex> id_pattern;
    if (in.HasParam("idPattern")) {
        try {
            id_pattern.emplace(in.Param("idPattern"));
        } catch (const std::regex_error&) {
            return OrionErrorOut(400, "BadRequest", "Invalid regex for entity idPattern");
        }
    }
    std::vector<QTerm> q;
    if (in.HasParam("q")) {
        auto parsed = ParseQ(in.Param("q"));
        if (!parsed) return OrionErrorOut(400, "BadRequest", "invalid query expression");
        q = std::move(*parsed);
    }

    std::vector<const Stored*> matches;
    if (auto tit = tenants_.find(tenant); tit != tenants_.end()) {
        for (const auto& [key, s] : tit->second.entities) {
            if (!ids.empty() && std::find(ids.begin(), ids.end(), s.id) == ids.end()) continue;
            if (!types.empty() && std::find(types.begin(), types.end(), s.type) == types.end()) continue;
            if (id_pattern && !std::regex_search(s.id, *id_pattern)) continue;
            if (!ServicePathMatches(service_path, s.service_path)) continue;
            if (!std::all_of(q.begin(), q.end(), [&](const QTerm& t) { return Matches(s.attrs, t); }))
                continue;
            matches.push_back(&s);
        }
    }
    // Orion's default order is creation date, oldest first.
    std::sort(matches.begin(), matches.end(),
              [](const Stored* a, const Stored* b) { return a->seq < b->seq; });

    json page = json::array();
    const bool key_values = opts.count("keyValues") > 0;
    for (std::size_t i = static_cast<std::size_t>(offset);
         i < matches.size() && page.size() < static_cast<std::size_t>(limit); ++i) {
        page.push_back(Render(*matches[i], key_values, attrs));
    }
    HttpOut out = JsonOut(200, page);
    if (opts.count("count") > 0)
        out.headers.emplace_back("Fiware-Total-Count", std::to_string(matches.size()));
    return out;
}

HttpOut OrionStore::GetEntity(const HttpIn& in, const std::string& tenant, const std::string& id) {
    Tenant& t = tenants_[tenant];
    const auto found = Find(t, id, in.Param("type"));
    if (found.empty()) {
        return OrionErrorOut(404, "NotFound", "The requested entity has not been found. Check type and id");
    }
    if (found.size() > 1) {
        return OrionErrorOut(409, "TooManyResults",
                             "More than one matching entity. Please refine your query");
    }
    std::vector<std::string> attrs;
    if (in.HasParam("attrs")) attrs = SplitList(in.Param("attrs"), ',');
    return JsonOut(200, Render(*found.front(), Options(in).count("keyValues") > 0, attrs));
}

HttpOut OrionStore::DeleteEntity(const HttpIn& in, const std::string& tenant, const std::string& id) {
    Tenant& t = tenants_[tenant];
    const auto found = Find(t, id, in.Param("type"));
    if (found.empty()) {
        return OrionErrorOut(404, "NotFound", "The requested entity has not been found. Check type and id");
    }
    if (found.size() > 1) {
        return OrionErrorOut(409, "TooManyResults",
                             "More than one matching entity. Please refine your query");
    }
    t.entities.erase({found.front()->id, found.front()->type});
    return NoContent();
}

HttpOut OrionStore::BatchUpdate(const HttpIn& in, const std::string& tenant,
                                const std::string& service_path) {
    const auto body = ParseBody(in.body);
    if (!body) return ParseErrorOut();
    if (!body->is_object()) return OrionErrorOut(400, "BadRequest", "not a JSON object");
    if (!body->contains("actionType") || !(*body)["actionType"].is_string()) {
        return OrionErrorOut(400, "BadRequest", "actionType field is mandatory and must be a string");
    }
    const std::string action = (*body)["actionType"].get<std::string>();
    static const std::set<std::string> kActions = {"append", "appendStrict", "update", "delete", "replace"};
    if (kActions.count(action) == 0) {
        return OrionErrorOut(400, "BadRequest",
                             "invalid update action type: right ones are: append, appendStrict, delete, "
                             "replace, update");
    }
    if (!body->contains("entities") || !(*body)["entities"].is_array()) {
        return OrionErrorOut(400, "BadRequest", "Invalid JSON type for entities");
    }
    const json& list = (*body)["entities"];
    if (list.empty()) return OrionErrorOut(400, "BadRequest", "empty entities vector");

    // Orion validates the whole request before touching the database.
    const bool key_values = Options(in).count("keyValues") > 0;
    std::vector<ParsedEntity> entities;
    for (const auto& item : list) {
        ParsedEntity e;
        if (auto err = ParseEntity(item, key_values, e))
            return OrionErrorOut(400, "BadRequest", err->description);
        entities.push_back(std::move(e));
    }

    Tenant& t = tenants_[tenant];
    std::vector<std::string> failures;  // Orion's per-entity fragments of the description
    bool any_success = false;
    for (const auto& e : entities) {
        const std::string label = e.id + "/" + (e.type.empty() ? "Thing" : e.type);
        auto found = Find(t, e.id, e.type);
        if (action == "append" || action == "appendStrict") {
            if (found.empty()) {
                Stored& s = Insert(t, e.id, e.type.empty() ? "Thing" : e.type, service_path);
                s.attrs = e.attrs;
                ++t.write_counts[e.id];
                any_success = true;
                continue;
            }
            Stored& s = *found.front();
            std::vector<std::string> clashes;
            bool wrote = false;
            for (auto it = e.attrs.begin(); it != e.attrs.end(); ++it) {
                if (action == "appendStrict" && s.attrs.contains(it.key())) {
                    clashes.push_back(it.key());
                    continue;
                }
                s.attrs[it.key()] = it.value();
                wrote = true;
            }
            if (wrote || e.attrs.empty()) {
                ++t.write_counts[e.id];
                any_success = true;
            }
            if (!clashes.empty()) failures.push_back(label + " - [ " + Join(clashes, ", ") + " ]");
            continue;
        }
        if (found.empty()) {
            failures.push_back(label + " - [entity itself]");
            continue;
        }
        Stored& s = *found.front();
        if (action == "replace") {
            s.attrs = e.attrs;
            ++t.write_counts[e.id];
            any_success = true;
            continue;
        }
        if (action == "delete" && e.attrs.empty()) {
            t.entities.erase({s.id, s.type});
            any_success = true;
            continue;
        }
        std::vector<std::string> missing;
        bool wrote = false;
        for (auto it = e.attrs.begin(); it != e.attrs.end(); ++it) {
            if (!s.attrs.contains(it.key())) {
                missing.push_back(it.key());
                continue;
            }
            if (action == "update") {
                s.attrs[it.key()] = it.value();
            } else {
                s.attrs.erase(it.key());
            }
            wrote = true;
        }
        if (wrote) {
            if (action == "update") ++t.write_counts[e.id];
            any_success = true;
        }
        if (!missing.empty()) failures.push_back(label + " - [ " + Join(missing, ", ") + " ]");
    }

    if (failures.empty()) return NoContent();
    const bool strict = action == "appendStrict";
    const std::string description =
        (strict ? "one or more of the attributes in the request already exist: " : "do not exist: ") +
        Join(failures, ", ");
    if (any_success) return OrionErrorOut(422, "PartialUpdate", description);
    return strict ? OrionErrorOut(422, "Unprocessable", description)
                  : OrionErrorOut(404, "NotFound", description);
}

std::optional<json> OrionStore::Entity(const std::string& tenant, const std::string& id) const {
    auto tit = tenants_.find(tenant);
    if (tit == tenants_.end()) return std::nullopt;
    auto it = tit->second.entities.lower_bound({id, ""});
    if (it == tit->second.entities.end() || it->first.first != id) return std::nullopt;
    return Render(it->second, false, {});
}

std::vector<json> OrionStore::Entities(const std::string& tenant, const std::string& type) const {
    std::vector<const Stored*> matches;
    if (auto tit = tenants_.find(tenant); tit != tenants_.end()) {
        for (const auto& [key, s] : tit->second.entities) {
            if (type.empty() || s.type == type) matches.push_back(&s);
        }
    }
    std::sort(matches.begin(), matches.end(),
              [](const Stored* a, const Stored* b) { return a->seq < b->seq; });
    std::vector<json> out;
    for (const Stored* s : matches) out.push_back(Render(*s, false, {}));
    return out;
}

int OrionStore::WriteCount(const std::string& tenant, const std::string& id) const {
    auto tit = tenants_.find(tenant);
    if (tit == tenants_.end()) return 0;
    auto it = tit->second.write_counts.find(id);
    return it == tit->second.write_counts.end() ? 0 : it->second;
}

void OrionStore::Put(const std::string& tenant, const json& e) {
    if (!e.is_object()) return;
    // Seeding skips validation on purpose (hostile data), so tolerate an id or type that is not a string.
    auto text = [&](const char* key, const char* fallback) {
        if (!e.contains(key)) return std::string(fallback);
        return e[key].is_string() ? e[key].get<std::string>() : e[key].dump();
    };
    const std::string id = text("id", "");
    const std::string type = text("type", "Thing");
    Tenant& t = tenants_[tenant];
    const auto existing = t.entities.find({id, type});
    const std::uint64_t seq = existing != t.entities.end() ? existing->second.seq : next_seq_++;
    Stored& s = t.entities[{id, type}];
    s.id = id;
    s.type = type;
    s.service_path = "/";
    s.seq = seq;
    s.attrs = json::object();
    for (auto it = e.begin(); it != e.end(); ++it) {
        if (it.key() == "id" || it.key() == "type") continue;
        json attr = it.value().is_object() ? it.value() : json{{"value", it.value()}};
        if (!attr.contains("value")) attr["value"] = nullptr;
        if (!attr.contains("type")) attr["type"] = InferType(attr["value"]);
        if (!attr.contains("metadata")) attr["metadata"] = json::object();
        s.attrs[it.key()] = std::move(attr);
    }
}

void OrionStore::Clear() {
    tenants_.clear();
    next_seq_ = 1;
}

}  // namespace ck::fake
