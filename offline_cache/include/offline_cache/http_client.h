// A small blocking HTTP client over libcurl, owned by one thread (the sync worker or a CLI command).
// TLS verification is always on; proxies come from libcurl's usual environment variables (http_proxy,
// https_proxy, no_proxy).
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace ck::cache {

struct HttpClientSettings {
    std::string ca_bundle;  // empty = the system's CA store
    double connect_timeout_s = 5;
    double total_timeout_s = 20;
    std::size_t max_response_bytes = 8 * 1024 * 1024;  // larger bodies fail with "http.body_too_large"
    std::string user_agent = "civic-kiosk";
};

struct HttpRequest {
    std::string method = "GET";  // GET, POST, PATCH, PUT, DELETE
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;  // sent with Content-Length when non-empty or not GET
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers;  // names lower-case; last value wins
    std::string body;

    std::optional<std::string> Header(const std::string& lower_case_name) const;
    // Retry-After in seconds (delta-seconds or an HTTP date), if present and sane.
    std::optional<double> RetryAfterSeconds() const;
};

// Error codes of Send(): "http.connect" (refused, unreachable, DNS), "http.timeout", "http.body_too_large",
// "http.tls", "http.cancelled", "http.transport" (anything else, e.g. the connection cut mid-answer),
// "http.invalid_request". All but the last are worth retrying later.
class HttpClient {
  public:
    explicit HttpClient(HttpClientSettings settings);
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // When *flag becomes true, a transfer in progress is aborted soon (used by the worker's Stop()).
    void SetCancelFlag(const std::atomic<bool>* flag) { cancel_ = flag; }

    Result<HttpResponse> Send(const HttpRequest& request);

    const HttpClientSettings& settings() const { return settings_; }

  private:
    struct Handle;
    HttpClientSettings settings_;
    std::unique_ptr<Handle> handle_;
    const std::atomic<bool>* cancel_ = nullptr;
};

// Percent-encodes a query parameter value (RFC 3986 unreserved characters stay).
std::string UrlEncode(const std::string& value);

}  // namespace ck::cache
