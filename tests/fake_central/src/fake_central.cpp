#include "fake_central/fake_central.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "http_types.h"
#include "open_data.h"
#include "orion.h"

namespace ck::fake {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxRecordedRequests = 10000;
constexpr const char* kHost = "127.0.0.1";
constexpr const char* kControlPrefix = "/__control";

std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

HttpIn ToHttpIn(const httplib::Request& req) {
    HttpIn in;
    in.method = req.method;
    in.path = req.path;
    // cpp-httplib splits a parameter at every '=', which breaks Orion's q (status==published): parse the
    // raw query ourselves, splitting at the first '=' only.
    const auto q = req.target.find('?');
    if (q != std::string::npos) {
        std::size_t pos = q + 1;
        while (pos <= req.target.size()) {
            const auto end = std::min(req.target.find('&', pos), req.target.size());
            const std::string pair = req.target.substr(pos, end - pos);
            pos = end + 1;
            if (pair.empty()) continue;
            const auto eq = pair.find('=');
            const std::string key = eq == std::string::npos ? pair : pair.substr(0, eq);
            const std::string value = eq == std::string::npos ? std::string() : pair.substr(eq + 1);
            in.params.emplace_back(httplib::detail::decode_url(key, true),
                                   httplib::detail::decode_url(value, true));
        }
    }
    for (const auto& [k, v] : req.headers) in.headers[Lower(k)] = v;
    in.body = req.body;
    if (req.has_header("Content-Length")) {
        in.has_content_length = true;
        try {
            in.content_length = static_cast<std::size_t>(std::stoull(req.get_header_value("Content-Length")));
        } catch (const std::exception&) {
            in.content_length = req.body.size();
        }
    } else {
        in.content_length = req.body.size();
    }
    return in;
}

void Apply(const HttpOut& out, httplib::Response& res) {
    res.status = out.status;
    for (const auto& [k, v] : out.headers) res.set_header(k, v);
    if (!out.content_type.empty()) {
        res.set_content(out.body, out.content_type.c_str());
    } else {
        res.body = out.body;
    }
}

int PortOf(const sockaddr_storage& addr) {
    if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
    if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
    return -1;
}

// cpp-httplib 0.11 does not hand the connection's socket to a handler. The accepted socket is the only
// one in this process whose local port is the server's and whose peer port is the client's, so find it.
int FindConnectionSocket(int local_port, int remote_port) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        int fd = -1;
        try {
            fd = std::stoi(entry.path().filename().string());
        } catch (const std::exception&) {
            continue;
        }
        struct stat st {};
        if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
        sockaddr_storage local{};
        sockaddr_storage peer{};
        socklen_t local_len = sizeof(local);
        socklen_t peer_len = sizeof(peer);
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) continue;
        if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) continue;
        if (PortOf(local) == local_port && PortOf(peer) == remote_port) return fd;
    }
    return -1;
}

// The lost acknowledgement: the client sees the connection close before a single response byte.
void CutConnection(const httplib::Request& req, httplib::Response& res) {
    const int fd = FindConnectionSocket(req.local_port, req.remote_port);
    if (fd >= 0 && shutdown(fd, SHUT_RDWR) == 0) return;
    // Fallback: announce a body and fail while sending it, so the response is incomplete.
    std::fprintf(stderr, "fake-central: connection socket not found, truncating the response instead\n");
    res.set_content_provider(64, "application/json",
                             [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
}

bool HasContentLength(const httplib::Request& req) {
    return req.has_header("Content-Length");
}

}  // namespace

std::string RecordedRequest::Header(const std::string& name) const {
    auto it = headers.find(Lower(name));
    return it == headers.end() ? std::string() : it->second;
}

const char* ToString(Fault fault) {
    switch (fault) {
        case Fault::kNone:
            return "none";
        case Fault::kRefuseConnections:
            return "refuse";
        case Fault::kServiceUnavailable:
            return "503";
        case Fault::kTooManyRequests:
            return "429";
        case Fault::kStall:
            return "stall";
        case Fault::kCutAfterCommit:
            return "cut";
    }
    return "none";
}

std::optional<Fault> ParseFault(const std::string& text) {
    for (Fault f : {Fault::kNone, Fault::kRefuseConnections, Fault::kServiceUnavailable,
                    Fault::kTooManyRequests, Fault::kStall, Fault::kCutAfterCommit}) {
        if (text == ToString(f)) return f;
    }
    return std::nullopt;
}

struct FakeCentral::Impl {
    FakeCentralOptions options;

    mutable std::mutex mu;  // everything below up to the servers
    OrionStore orion;
    OpenDataStore open_data;
    FaultPlan fault;
    bool refusing = false;
    struct Canned {
        int status;
        std::string body;
        std::map<std::string, std::string> headers;
    };
    std::map<std::pair<std::string, std::string>, Canned> canned;
    std::deque<RecordedRequest> recorded;
    std::size_t request_count = 0;
    std::uint64_t correlator = 0;

    // Stalled handlers wait here so shutdown does not wait for them.
    std::mutex stall_mu;
    std::condition_variable stall_cv;
    bool shutting_down = false;

    std::mutex lifecycle_mu;  // serialises stopping and restarting the main listener
    httplib::Server server;
    std::thread listener;
    int port = -1;

    std::unique_ptr<httplib::Server> control_server;
    std::thread control_listener;
    int control_port = -1;

    explicit Impl(FakeCentralOptions opts) : options(opts) {
        // A client that gave up (stall) or a cut connection must not kill the process on the next send().
        std::signal(SIGPIPE, SIG_IGN);
        ConfigureMain();
        port = options.port == 0 ? server.bind_to_any_port(kHost)
                                 : (server.bind_to_port(kHost, options.port) ? options.port : -1);
        if (port <= 0)
            throw std::runtime_error("fake-central: cannot bind 127.0.0.1:" + std::to_string(options.port));
        StartListener(server, listener);
        if (options.separate_control_port) {
            control_server = std::make_unique<httplib::Server>();
            control_server->new_task_queue = [] { return new httplib::ThreadPool(2); };
            auto handler = [this](const httplib::Request& req, httplib::Response& res) {
                Apply(Control(ToHttpIn(req)), res);
            };
            control_server->Get(".*", handler);
            control_server->Post(".*", handler);
            control_server->Delete(".*", handler);
            control_port = control_server->bind_to_any_port(kHost);
            if (control_port <= 0) throw std::runtime_error("fake-central: cannot bind the control port");
            StartListener(*control_server, control_listener);
        }
    }

    ~Impl() {
        {
            std::lock_guard<std::mutex> lock(stall_mu);
            shutting_down = true;
        }
        stall_cv.notify_all();
        if (control_server) {
            control_server->stop();
            if (control_listener.joinable()) control_listener.join();
        }
        std::lock_guard<std::mutex> lock(lifecycle_mu);
        server.stop();
        if (listener.joinable()) listener.join();
    }

    static void StartListener(httplib::Server& s, std::thread& t) {
        t = std::thread([&s] { s.listen_after_bind(); });
        // stop() is a no-op until the accept loop runs, so do not return before it does.
        for (int i = 0; i < 2000 && !s.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    void ConfigureMain() {
        // Short keep-alive so stopping (refusal, destruction) does not wait for idle client connections.
        server.set_keep_alive_timeout(1);
        server.new_task_queue = [] { return new httplib::ThreadPool(8); };
        // Runs before cpp-httplib reads a body: requests without a body are served here, and a body
        // without Content-Length gets Orion's 411 instead of being read until the client closes.
        server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            const bool body_method = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
            if (body_method && HasContentLength(req)) return httplib::Server::HandlerResponse::Unhandled;
            if (body_method) {
                Apply(
                    OrionErrorOut(411, "LengthRequired", "Zero/No Content-Length in PUT/POST/PATCH request"),
                    res);
                res.set_header("Connection", "close");
                return httplib::Server::HandlerResponse::Handled;
            }
            Serve(req, res);
            return httplib::Server::HandlerResponse::Handled;
        });
        auto handler = [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); };
        server.Post(".*", handler);
        server.Put(".*", handler);
        server.Patch(".*", handler);
    }

    void Serve(const httplib::Request& req, httplib::Response& res) {
        HttpIn in = ToHttpIn(req);
        if (in.path.rfind(kControlPrefix, 0) == 0) {
            Apply(Control(in), res);
            return;
        }
        Fault active = Fault::kNone;
        int retry_after_s = 1;
        int stall_ms = 0;
        {
            std::lock_guard<std::mutex> lock(mu);
            if (refusing) {
                // A kept-alive connection from before the refusal: drop it like a dead server would.
                CutConnection(req, res);
                return;
            }
            ++request_count;
            RecordedRequest r;
            r.method = in.method;
            r.path = in.path;
            const auto q = req.target.find('?');
            r.query = q == std::string::npos ? std::string() : req.target.substr(q + 1);
            r.headers = in.headers;
            r.body = in.body;
            recorded.push_back(std::move(r));
            if (recorded.size() > kMaxRecordedRequests) recorded.pop_front();
            if (fault.fault != Fault::kNone && fault.count != 0) {
                active = fault.fault;
                retry_after_s = fault.retry_after_s;
                stall_ms = fault.stall_ms;
                if (fault.count > 0 && --fault.count == 0) fault = FaultPlan{};
            }
        }
        switch (active) {
            case Fault::kServiceUnavailable:
                Apply(OrionErrorOut(503, "ServiceUnavailable", "fault injected by the fake central"), res);
                return;
            case Fault::kTooManyRequests:
                Apply(OrionErrorOut(429, "TooManyRequests", "fault injected by the fake central"), res);
                res.set_header("Retry-After", std::to_string(retry_after_s));
                return;
            case Fault::kStall: {
                std::unique_lock<std::mutex> lock(stall_mu);
                stall_cv.wait_for(lock, std::chrono::milliseconds(stall_ms),
                                  [this] { return shutting_down; });
                break;
            }
            default:
                break;
        }
        Apply(Emulate(in), res);
        if (active == Fault::kCutAfterCommit) CutConnection(req, res);
    }

    HttpOut Emulate(const HttpIn& in) {
        std::lock_guard<std::mutex> lock(mu);
        if (auto it = canned.find({in.method, in.path}); it != canned.end()) {
            HttpOut out;
            out.status = it->second.status;
            out.body = it->second.body;
            out.content_type.clear();
            for (const auto& [k, v] : it->second.headers) {
                if (Lower(k) == "content-type") {
                    out.content_type = v;
                } else {
                    out.headers.emplace_back(k, v);
                }
            }
            if (out.content_type.empty()) out.content_type = "application/json";
            return out;
        }
        if (in.path == "/v2" || in.path.rfind("/v2/", 0) == 0) {
            HttpOut out = orion.Handle(in);
            std::string correlator_id = in.Header("fiware-correlator");
            if (correlator_id.empty()) {
                char buf[40];
                std::snprintf(buf, sizeof buf, "00000000-0000-0000-0000-%012llu",
                              static_cast<unsigned long long>(++correlator));
                correlator_id = buf;
            }
            out.headers.emplace_back("Fiware-Correlator", correlator_id);
            return out;
        }
        if (in.path.rfind("/api/3/action/", 0) == 0) return open_data.HandleCkan(in);
        if (in.path.rfind("/v5/servicedescriptions/", 0) == 0) return open_data.HandlePvog(in);
        return OrionErrorOut(404, "NotFound", "no such service in the fake central: " + in.path);
    }

    // The child-process mode's remote control; documented in tests/fake_central/README.md.
    HttpOut Control(const HttpIn& in);

    void SetFault(FaultPlan plan);
    void ClearFault();
};

namespace {

HttpOut Ok() {
    HttpOut out;
    out.status = 204;
    out.content_type.clear();
    return out;
}

HttpOut BadControl(const std::string& why) {
    return JsonOut(400, json{{"error", "BadRequest"}, {"description", why}});
}

}  // namespace

void FakeCentral::Impl::SetFault(FaultPlan plan) {
    if (plan.fault != Fault::kRefuseConnections) {
        ClearFault();  // listening again if a refusal was active
        std::lock_guard<std::mutex> lock(mu);
        fault = plan;
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mu);
        fault = plan;
        if (refusing) return;
        refusing = true;
    }
    std::lock_guard<std::mutex> lock(lifecycle_mu);
    server.stop();  // closes the listening socket; the accept loop ends on its own
}

void FakeCentral::Impl::ClearFault() {
    bool restart = false;
    {
        std::lock_guard<std::mutex> lock(mu);
        fault = FaultPlan{};
        restart = refusing;
        refusing = false;
    }
    if (!restart) return;
    std::lock_guard<std::mutex> lock(lifecycle_mu);
    if (listener.joinable()) listener.join();
    // Same port again; TIME_WAIT connections do not block it (cpp-httplib sets SO_REUSEADDR).
    bool bound = false;
    for (int attempt = 0; attempt < 100 && !bound; ++attempt) {
        bound = server.bind_to_port(kHost, port);
        if (!bound) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!bound) {
        std::fprintf(stderr, "fake-central: cannot listen on port %d again\n", port);
        return;
    }
    StartListener(server, listener);
}

HttpOut FakeCentral::Impl::Control(const HttpIn& in) {
    const std::string what = in.path.substr(std::string(kControlPrefix).size());
    json body;
    if (!in.body.empty()) {
        try {
            body = json::parse(in.body);
        } catch (const json::exception&) {
            return BadControl("malformed JSON");
        }
    }
    const std::string tenant = Lower(in.Param("tenant"));
    if (in.method == "POST" && what == "/fault") {
        if (!body.is_object()) return BadControl("expected {\"fault\": ...}");
        const auto f = ParseFault(body.value("fault", std::string("none")));
        if (!f) return BadControl("fault must be one of none, refuse, 503, 429, stall, cut");
        FaultPlan plan;
        plan.fault = *f;
        plan.count = body.value("count", -1);
        plan.retry_after_s = body.value("retry_after_s", 1);
        plan.stall_ms = body.value("stall_ms", 3000);
        if (plan.fault == Fault::kNone) {
            ClearFault();
        } else {
            SetFault(plan);
        }
        return Ok();
    }
    if ((in.method == "POST" && what == "/clear") || (in.method == "DELETE" && what == "/fault")) {
        ClearFault();
        return Ok();
    }
    if (in.method == "GET" && what == "/fault") {
        std::lock_guard<std::mutex> lock(mu);
        return JsonOut(200, json{{"fault", ToString(fault.fault)},
                                 {"count", fault.count},
                                 {"retry_after_s", fault.retry_after_s},
                                 {"stall_ms", fault.stall_ms}});
    }
    if (in.method == "GET" && what == "/entities") {
        std::lock_guard<std::mutex> lock(mu);
        json out = json::array();
        for (auto& e : orion.Entities(tenant, in.Param("type"))) out.push_back(std::move(e));
        return JsonOut(200, out);
    }
    if (in.method == "GET" && what == "/entity") {
        std::lock_guard<std::mutex> lock(mu);
        auto e = orion.Entity(tenant, in.Param("id"));
        if (!e) return JsonOut(404, json{{"error", "NotFound"}, {"description", "no such entity"}});
        return JsonOut(200, json{{"entity", *e}, {"write_count", orion.WriteCount(tenant, in.Param("id"))}});
    }
    if (in.method == "POST" && what == "/entity") {
        if (!body.is_object() || !body.contains("id"))
            return BadControl("expected a normalized entity with an id");
        std::lock_guard<std::mutex> lock(mu);
        orion.Put(tenant, body);
        return Ok();
    }
    if (in.method == "GET" && what == "/stats") {
        std::lock_guard<std::mutex> lock(mu);
        return JsonOut(200, json{{"requests", request_count}, {"fault", ToString(fault.fault)}});
    }
    if (in.method == "GET" && what == "/requests") {
        std::lock_guard<std::mutex> lock(mu);
        json out = json::array();
        for (const auto& r : recorded) {
            out.push_back(json{{"method", r.method},
                               {"path", r.path},
                               {"query", r.query},
                               {"headers", r.headers},
                               {"body", r.body}});
        }
        return JsonOut(200, out);
    }
    if (in.method == "POST" && what == "/raw") {
        if (!body.is_object() || !body.contains("method") || !body.contains("path")) {
            return BadControl("expected {\"method\", \"path\", \"status\", \"body\", \"headers\"}");
        }
        std::map<std::string, std::string> headers;
        if (body.contains("headers") && body["headers"].is_object()) {
            for (auto it = body["headers"].begin(); it != body["headers"].end(); ++it) {
                if (it.value().is_string()) headers[it.key()] = it.value().get<std::string>();
            }
        }
        std::lock_guard<std::mutex> lock(mu);
        canned[{body["method"].get<std::string>(), body["path"].get<std::string>()}] =
            Canned{body.value("status", 200), body.value("body", std::string()), headers};
        return Ok();
    }
    if (in.method == "POST" && what == "/raw/clear") {
        std::lock_guard<std::mutex> lock(mu);
        canned.clear();
        return Ok();
    }
    if (in.method == "POST" && what == "/ckan/package") {
        if (!body.is_object()) return BadControl("expected a CKAN package object");
        std::lock_guard<std::mutex> lock(mu);
        open_data.SetCkanPackage(body);
        return Ok();
    }
    if (in.method == "POST" && what == "/ckan/datastore") {
        if (!body.is_object()) return BadControl("expected {\"resource_id\", \"fields\", \"records\"}");
        std::lock_guard<std::mutex> lock(mu);
        open_data.SetCkanDatastore(body.value("resource_id", std::string()),
                                   body.value("fields", json::array()), body.value("records", json::array()));
        return Ok();
    }
    if (in.method == "POST" && what == "/pvog/csv") {
        std::lock_guard<std::mutex> lock(mu);
        open_data.SetPvogCsv(in.Param("ars"), in.body);
        return Ok();
    }
    if (in.method == "POST" && what == "/pvog/detail") {
        std::lock_guard<std::mutex> lock(mu);
        open_data.SetPvogDetail(in.Param("ars"), in.Param("q"), in.body);
        return Ok();
    }
    if (in.method == "POST" && what == "/reset") {
        ClearFault();
        std::lock_guard<std::mutex> lock(mu);
        orion.Clear();
        open_data.Clear();
        canned.clear();
        recorded.clear();
        request_count = 0;
        return Ok();
    }
    return JsonOut(404, json{{"error", "NotFound"},
                             {"description", "unknown control endpoint " + in.method + " " + what}});
}

FakeCentral::FakeCentral() : FakeCentral(FakeCentralOptions{}) {}
FakeCentral::FakeCentral(FakeCentralOptions options) : impl_(std::make_unique<Impl>(options)) {}
FakeCentral::~FakeCentral() = default;

int FakeCentral::port() const {
    return impl_->port;
}
int FakeCentral::control_port() const {
    return impl_->control_port;
}
std::string FakeCentral::base_url() const {
    return "http://127.0.0.1:" + std::to_string(impl_->port);
}

void FakeCentral::SetFault(FaultPlan plan) {
    if (plan.fault == Fault::kNone) {
        impl_->ClearFault();
        return;
    }
    impl_->SetFault(plan);
}

void FakeCentral::ClearFault() {
    impl_->ClearFault();
}

FaultPlan FakeCentral::CurrentFault() const {
    std::lock_guard<std::mutex> lock(impl_->mu);
    return impl_->fault;
}

std::optional<json> FakeCentral::Entity(const std::string& tenant, const std::string& id) const {
    std::lock_guard<std::mutex> lock(impl_->mu);
    return impl_->orion.Entity(Lower(tenant), id);
}

std::vector<json> FakeCentral::Entities(const std::string& tenant, const std::string& type) const {
    std::lock_guard<std::mutex> lock(impl_->mu);
    return impl_->orion.Entities(Lower(tenant), type);
}

int FakeCentral::WriteCount(const std::string& tenant, const std::string& id) const {
    std::lock_guard<std::mutex> lock(impl_->mu);
    return impl_->orion.WriteCount(Lower(tenant), id);
}

std::size_t FakeCentral::RequestCount() const {
    std::lock_guard<std::mutex> lock(impl_->mu);
    return impl_->request_count;
}

void FakeCentral::PutEntity(const std::string& tenant, json normalized_entity) {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->orion.Put(Lower(tenant), normalized_entity);
}

void FakeCentral::SetRawResponse(const std::string& method, const std::string& path, int status,
                                 std::string body, std::map<std::string, std::string> headers) {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->canned[{method, path}] = Impl::Canned{status, std::move(body), std::move(headers)};
}

void FakeCentral::ClearRawResponses() {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->canned.clear();
}

std::vector<RecordedRequest> FakeCentral::Requests() const {
    std::lock_guard<std::mutex> lock(impl_->mu);
    return {impl_->recorded.begin(), impl_->recorded.end()};
}

void FakeCentral::SetCkanPackage(json package) {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->open_data.SetCkanPackage(std::move(package));
}

void FakeCentral::SetCkanDatastore(const std::string& resource_id, json fields, json records) {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->open_data.SetCkanDatastore(resource_id, std::move(fields), std::move(records));
}

void FakeCentral::SetPvogCsv(const std::string& ars, std::string csv) {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->open_data.SetPvogCsv(ars, std::move(csv));
}

void FakeCentral::SetPvogDetail(const std::string& ars, const std::string& service_id,
                                std::string json_text) {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->open_data.SetPvogDetail(ars, service_id, std::move(json_text));
}

void FakeCentral::Reset() {
    impl_->ClearFault();
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->orion.Clear();
    impl_->open_data.Clear();
    impl_->canned.clear();
    impl_->recorded.clear();
    impl_->request_count = 0;
}

}  // namespace ck::fake
