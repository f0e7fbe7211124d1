#include "offline_cache/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <mutex>

namespace ck::cache {
namespace {

// curl_global_init must run once per process before any handle exists; not every libcurl build makes it
// thread-safe, hence the once-flag.
void EnsureCurlInitialised() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    HttpResponse* response = nullptr;
    std::size_t max_bytes = 0;
    bool too_large = false;
    const std::atomic<bool>* cancel = nullptr;
};

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->response->body.size() + n > t->max_bytes) {
        t->too_large = true;
        return 0;  // makes libcurl fail the transfer with CURLE_WRITE_ERROR
    }
    t->response->body.append(data, n);
    return n;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    std::string line(data, n);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    if (line.rfind("HTTP/", 0) == 0) {
        t->response->headers.clear();  // a new response (after 100 Continue): forget the previous one's
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) return n;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    const auto first = value.find_first_not_of(" \t");
    value = first == std::string::npos ? "" : value.substr(first);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    if (t->response->headers.size() < 200) t->response->headers[name] = value;
    return n;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* t = static_cast<Transfer*>(user);
    return t->cancel && t->cancel->load() ? 1 : 0;
}

struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

long Millis(double seconds) {
    return static_cast<long>(std::clamp(seconds, 0.001, 86400.0) * 1000.0);
}

bool HeaderSafe(const std::string& s) {
    return std::none_of(s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

}  // namespace

struct HttpClient::Handle {
    CURL* curl = nullptr;
    ~Handle() { curl_easy_cleanup(curl); }
};

std::optional<std::string> HttpResponse::Header(const std::string& lower_case_name) const {
    const auto it = headers.find(lower_case_name);
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

std::optional<double> HttpResponse::RetryAfterSeconds() const {
    const auto value = Header("retry-after");
    if (!value || value->empty()) return std::nullopt;
    if (std::all_of(value->begin(), value->end(), [](unsigned char c) { return std::isdigit(c); })) {
        if (value->size() > 9) return std::nullopt;
        return std::stod(*value);
    }
    const std::time_t when = curl_getdate(value->c_str(), nullptr);
    if (when < 0) return std::nullopt;
    return std::max(0.0, std::difftime(when, std::time(nullptr)));
}

HttpClient::HttpClient(HttpClientSettings settings) : settings_(std::move(settings)), handle_(new Handle) {
    EnsureCurlInitialised();
    handle_->curl = curl_easy_init();
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

Result<HttpResponse> HttpClient::Send(const HttpRequest& request) {
    CURL* curl = handle_ ? handle_->curl : nullptr;
    if (!curl) return MakeError("http.transport", "libcurl could not be initialised");
    if (request.url.rfind("http://", 0) != 0 && request.url.rfind("https://", 0) != 0) {
        return MakeError("http.invalid_request", "only http:// and https:// URLs are supported");
    }
    // The handle is reused (keeps connections alive); every option is set again for each request.
    curl_easy_reset(curl);

    HttpResponse response;
    Transfer transfer{&response, settings_.max_response_bytes, false, cancel_};

    std::unique_ptr<curl_slist, SlistDeleter> headers;
    auto add_header = [&headers](const std::string& line) {
        curl_slist* next = curl_slist_append(headers.get(), line.c_str());
        if (next) {
            (void)headers.release();
            headers.reset(next);
        }
    };
    for (const auto& [name, value] : request.headers) {
        if (!HeaderSafe(name) || !HeaderSafe(value) || name.empty()) {
            return MakeError("http.invalid_request", "header " + name + " contains a line break");
        }
        add_header(name + ": " + value);
    }
    add_header("Expect:");  // no 100-continue round trip for large bodies

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings_.ca_bundle.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, settings_.ca_bundle.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, Millis(settings_.connect_timeout_s));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, Millis(settings_.total_timeout_s));
    curl_easy_setopt(curl, CURLOPT_USERAGENT, settings_.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl can decode
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(settings_.max_response_bytes));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, OnProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);

    if (request.method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "POST" || request.method == "PATCH" || request.method == "PUT" ||
               request.method == "DELETE") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        if (request.method != "POST") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    } else {
        return MakeError("http.invalid_request", "unsupported method " + request.method);
    }
    if (headers) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());

    const CURLcode rc = curl_easy_perform(curl);
    if (rc != CURLE_OK) {
        const std::string what = curl_easy_strerror(rc);
        if (transfer.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
            return MakeError(
                "http.body_too_large",
                "response body larger than " + std::to_string(settings_.max_response_bytes) + " bytes");
        }
        switch (rc) {
            case CURLE_COULDNT_CONNECT:
            case CURLE_COULDNT_RESOLVE_HOST:
            case CURLE_COULDNT_RESOLVE_PROXY:
                return MakeError("http.connect", what);
            case CURLE_OPERATION_TIMEDOUT:
                return MakeError("http.timeout", what);
            case CURLE_ABORTED_BY_CALLBACK:
                return MakeError("http.cancelled", "request cancelled");
            case CURLE_SSL_CONNECT_ERROR:
            case CURLE_PEER_FAILED_VERIFICATION:
            case CURLE_SSL_CACERT_BADFILE:
            case CURLE_SSL_CERTPROBLEM:
                return MakeError("http.tls", what);
            default:
                return MakeError("http.transport", what);
        }
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

std::string UrlEncode(const std::string& value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size());
    for (const unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

}  // namespace ck::cache
