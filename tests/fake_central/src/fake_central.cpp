#include "fake_central/fake_central.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
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
constexpr std::size_t kMaxRecordedBytes = 256u * 1024 * 1024;  // bodies kept for Requests()
constexpr const char* kHost = "127.0.0.1";
constexpr const char* kControlPrefix = "/__control";

std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// What a handler may do to the connection it runs on (cpp-httplib 0.11 does not give it the socket).
struct ConnectionControl {
    int fd = -1;
    bool close_after_response = false;
    std::string accept_encoding;  // as the client sent it; removed from the request, see SetUpRequest
};
thread_local ConnectionControl tls_connection;

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
    if (!tls_connection.accept_encoding.empty())
        in.headers["accept-encoding"] = tls_connection.accept_encoding;
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

std::string PeerText(int fd, bool local, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    const int rc = local ? getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                         : getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = -1;
    if (rc != 0) return {};
    char buf[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
        port = ntohs(a->sin_port);
        inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    } else if (addr.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
        port = ntohs(a->sin6_port);
        inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    }
    return buf;
}

// A socket stream like cpp-httplib's own, but sending with MSG_NOSIGNAL: a client that gave up (stall) or
// a cut connection must not kill the process with SIGPIPE.
class ConnectionStream final : public httplib::Stream {
  public:
    ConnectionStream(int fd, int read_timeout_ms, int write_timeout_ms)
        : fd_(fd), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

    using httplib::Stream::write;

    bool is_readable() const override { return Wait(POLLIN, read_timeout_ms_); }
    bool is_writable() const override { return Wait(POLLOUT, write_timeout_ms_); }
    ssize_t read(char* ptr, size_t size) override {
        if (!is_readable()) return -1;
        ssize_t n;
        do {
            n = recv(fd_, ptr, size, 0);
        } while (n < 0 && errno == EINTR);
        return n;
    }
    ssize_t write(const char* ptr, size_t size) override {
        if (!is_writable()) return -1;
        ssize_t n;
        do {
            n = send(fd_, ptr, size, MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        return n;
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = PeerText(fd_, false, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override { ip = PeerText(fd_, true, port); }
    socket_t socket() const override { return fd_; }

  private:
    bool Wait(short events, int timeout_ms) const {
        pollfd p{fd_, events, 0};
        int rc;
        do {
            rc = poll(&p, 1, timeout_ms);
        } while (rc < 0 && errno == EINTR);
        return rc > 0;
    }

    int fd_;
    int read_timeout_ms_;
    int write_timeout_ms_;
};

// cpp-httplib's server with our own per-connection loop: handlers can reach their socket (to cut it), and
// idle kept-alive connections end as soon as the listener stops (refusal, shutdown) instead of lingering.
class FakeServer final : public httplib::Server {
  private:
    bool process_and_close_socket(socket_t sock) override {
        ConnectionStream stream(sock, static_cast<int>(read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000),
                                static_cast<int>(write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000));
        tls_connection = ConnectionControl{sock, false, {}};
        bool ok = true;
        for (std::size_t left = keep_alive_max_count_; left > 0 && WaitForRequest(sock); --left) {
            bool connection_closed = false;
            ok = process_request(stream, left == 1, connection_closed, SetUpRequest);
            if (!ok || connection_closed || tls_connection.close_after_response) break;
        }
        tls_connection = ConnectionControl{};
        shutdown(sock, SHUT_RDWR);
        close(sock);
        return ok;
    }

    // Orion never compresses its answers, and a hostile-data test needs the bytes it set to be the bytes
    // sent: hide Accept-Encoding from cpp-httplib (it may gzip, depending on its build). Also drop the
    // pseudo-headers cpp-httplib adds, so recorded requests show what the client sent.
    static void SetUpRequest(httplib::Request& req) {
        tls_connection.accept_encoding = req.get_header_value("Accept-Encoding");
        for (const char* name :
             {"Accept-Encoding", "REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"}) {
            req.headers.erase(name);
        }
    }

    bool WaitForRequest(int sock) const {
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
        while (svr_sock_ != INVALID_SOCKET && std::chrono::steady_clock::now() < deadline) {
            pollfd p{sock, POLLIN, 0};
            const int rc = poll(&p, 1, 20);
            if (rc > 0) return true;
            if (rc < 0 && errno != EINTR) return false;
        }
        return false;
    }
};

// The lost acknowledgement: the client sees the connection close before a single response byte.
void CutConnection() {
    if (tls_connection.fd >= 0) shutdown(tls_connection.fd, SHUT_RDWR);
    tls_connection.close_after_response = true;
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
    std::size_t recorded_bytes = 0;
    std::size_t request_count = 0;
    std::uint64_t correlator = 0;

    // Stalled handlers wait here so shutdown does not wait for them.
    std::mutex stall_mu;
    std::condition_variable stall_cv;
    bool shutting_down = false;
    std::uint64_t stall_epoch = 0;  // bumped when the fault changes: a stall ends with its fault

    std::mutex lifecycle_mu;  // serialises stopping and restarting the main listener
    FakeServer server;
    std::thread listener;
    int port = -1;

    std::unique_ptr<FakeServer> control_server;
    std::thread control_listener;
    int control_port = -1;

    explicit Impl(FakeCentralOptions opts) : options(opts) {
        ConfigureMain();
        port = options.port == 0 ? server.bind_to_any_port(kHost)
                                 : (server.bind_to_port(kHost, options.port) ? options.port : -1);
        if (port <= 0) {
            throw std::runtime_error("fake-central: cannot bind 127.0.0.1:" + std::to_string(options.port));
        }
        if (options.separate_control_port) {
            control_server = std::make_unique<FakeServer>();
            control_server->new_task_queue = [] { return new httplib::ThreadPool(2); };
            // Everything in the pre-routing handler: cpp-httplib 0.11 would otherwise wait for a DELETE body.
            control_server->set_pre_routing_handler(
                [this](const httplib::Request& req, httplib::Response& res) {
                    if (req.method == "POST" && req.has_header("Content-Length")) {
                        return httplib::Server::HandlerResponse::Unhandled;
                    }
                    if (req.method == "POST") {
                        Apply(JsonOut(411, json{{"error", "LengthRequired"},
                                                {"description", "Content-Length needed"}}),
                              res);
                        tls_connection.close_after_response = true;
                    } else {
                        Apply(Control(ToHttpIn(req)), res);
                    }
                    return httplib::Server::HandlerResponse::Handled;
                });
            control_server->Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
                Apply(Control(ToHttpIn(req)), res);
            });
            control_port = control_server->bind_to_any_port(kHost);
            if (control_port <= 0) throw std::runtime_error("fake-central: cannot bind the control port");
        }
        // Only once nothing can throw any more: a started listener thread must be joined by ~Impl.
        StartListener(server, listener);
        if (control_server) StartListener(*control_server, control_listener);
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
        server.set_keep_alive_timeout(5);
        server.set_keep_alive_max_count(1000);
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
                // The body that may follow cannot be framed: answer, then close like Orion.
                res.set_header("Connection", "close");
                tls_connection.close_after_response = true;
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
                CutConnection();
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
            recorded_bytes += r.body.size();
            recorded.push_back(std::move(r));
            while (recorded.size() > kMaxRecordedRequests ||
                   (recorded.size() > 1 && recorded_bytes > kMaxRecordedBytes)) {
                recorded_bytes -= recorded.front().body.size();
                recorded.pop_front();
            }
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
                const std::uint64_t epoch = stall_epoch;
                stall_cv.wait_for(lock, std::chrono::milliseconds(stall_ms),
                                  [&] { return shutting_down || stall_epoch != epoch; });
                break;
            }
            default:
                break;
        }
        Apply(Emulate(in), res);
        if (active == Fault::kCutAfterCommit) CutConnection();
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
        if (in.path == "/version" && in.method == "GET") {
            // What connectors probe to tell "online" from "reachable but not Orion".
            return JsonOut(200, json{{"orion",
                                      {{"version", "3.11.0"},
                                       {"uptime", "0 d, 0 h, 0 m, 1 s"},
                                       {"git_hash", "fake-central"},
                                       {"compiled_by", "ck::fake"}}}});
        }
        if (in.path.rfind("/api/3/action/", 0) == 0) return open_data.HandleCkan(in);
        if (in.path.rfind("/v5/servicedescriptions/", 0) == 0) return open_data.HandlePvog(in);
        return OrionErrorOut(404, "NotFound", "no such service in the fake central: " + in.path);
    }

    // The child-process mode's remote control; documented in tests/fake_central/README.md.
    HttpOut Control(const HttpIn& in);

    void SetFault(FaultPlan plan);
    void ClearFault();
    void ReleaseStalls();
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
    if (plan.count > 0) {
        std::fprintf(stderr,
                     "fake-central: a refused connection never reaches the fake, so count=%d cannot run out; "
                     "refusing until ClearFault()\n",
                     plan.count);
    }
    ReleaseStalls();
    {
        std::lock_guard<std::mutex> lock(mu);
        fault = plan;
        if (refusing) return;
        refusing = true;
    }
    std::lock_guard<std::mutex> lock(lifecycle_mu);
    server.stop();  // closes the listening socket; the accept loop ends on its own
}

void FakeCentral::Impl::ReleaseStalls() {
    {
        std::lock_guard<std::mutex> lock(stall_mu);
        ++stall_epoch;
    }
    stall_cv.notify_all();
}

void FakeCentral::Impl::ClearFault() {
    ReleaseStalls();
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
        open_data.SetPvogDetail(in.Param("ars"), in.Param("q"), in.body,
                                in.HasParam("lang") ? in.Param("lang") : "de");
        return Ok();
    }
    if (in.method == "POST" && what == "/reset") {
        ClearFault();
        std::lock_guard<std::mutex> lock(mu);
        orion.Clear();
        open_data.Clear();
        canned.clear();
        recorded.clear();
        recorded_bytes = 0;
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
                                std::string json_text, const std::string& language) {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->open_data.SetPvogDetail(ars, service_id, std::move(json_text), language);
}

void FakeCentral::Reset() {
    impl_->ClearFault();
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->orion.Clear();
    impl_->open_data.Clear();
    impl_->canned.clear();
    impl_->recorded.clear();
    impl_->recorded_bytes = 0;
    impl_->request_count = 0;
}

}  // namespace ck::fake
