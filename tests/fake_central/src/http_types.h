// The fake's view of one HTTP exchange, independent of cpp-httplib so the emulations are plain functions.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ck::fake {

struct HttpIn {
    std::string method;
    std::string path;                                         // decoded
    std::vector<std::pair<std::string, std::string>> params;  // decoded, in request order
    std::map<std::string, std::string> headers;               // names lower-cased
    std::string body;
    bool has_content_length = false;
    std::size_t content_length = 0;

    std::string Header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
    bool HasParam(const std::string& key) const {
        for (const auto& [k, v] : params) {
            if (k == key) return true;
        }
        return false;
    }
    std::string Param(const std::string& key) const {
        for (const auto& [k, v] : params) {
            if (k == key) return v;
        }
        return {};
    }
};

struct HttpOut {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
};

// JSON text that never throws on invalid UTF-8 seeded by a test (replaced by U+FFFD).
inline std::string DumpJson(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

inline HttpOut JsonOut(int status, const nlohmann::json& j) {
    HttpOut out;
    out.status = status;
    out.body = DumpJson(j);
    return out;
}

// Orion's error shape: {"error": "...", "description": "..."}.
inline HttpOut OrionErrorOut(int status, const std::string& error, const std::string& description) {
    return JsonOut(status, nlohmann::json{{"error", error}, {"description", description}});
}

}  // namespace ck::fake
