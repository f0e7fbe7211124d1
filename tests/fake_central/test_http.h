// HTTP helpers for the fake central's own tests: raw sockets (for what cpp-httplib's client cannot send,
// such as a POST without Content-Length) and libcurl (the kiosk's real client library).
#pragma once

#include <map>
#include <string>

#include <curl/curl.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace ck::fake::test {

struct RawReply {
    bool connected = false;
    int connect_errno = 0;
    std::string text;  // everything the server sent before closing or the timeout
    int status = 0;    // from the status line, 0 when none arrived
    std::string body;  // after the blank line
};

// Sends bytes as-is over a new connection and reads one response (until its Content-Length is in, the
// server closes, or timeout_ms passes).
RawReply SendRaw(int port, const std::string& bytes, int timeout_ms = 2000);

struct CurlReply {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // names lower-cased
};

CurlReply CurlRequest(const std::string& method, const std::string& url, const std::string& body,
                      const std::map<std::string, std::string>& headers, long timeout_ms = 2000);

// A client for the fake with short timeouts.
httplib::Client MakeClient(int port);

inline httplib::Headers TenantHeaders(const std::string& tenant) {
    return {{"Fiware-Service", tenant}, {"Fiware-ServicePath", "/"}};
}

nlohmann::json Body(const httplib::Result& r);

}  // namespace ck::fake::test
