// The libcurl client on its own: status, headers, Retry-After, body cap, error codes, cancellation, and
// TLS verification (always on; a configured CA bundle makes a private CA trusted).
#include "offline_cache/http_client.h"

#include <fake_central/fake_central.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "test_support/test_support.h"

namespace ck::cache {
namespace {

using namespace std::chrono_literals;

HttpClientSettings Quick() {
    HttpClientSettings s;
    s.connect_timeout_s = 2;
    s.total_timeout_s = 5;
    return s;
}

TEST(HttpClient, CapturesStatusHeadersAndBody) {
    fake::FakeCentral central;
    central.SetRawResponse("GET", "/probe", 418, "short and stout",
                           {{"Retry-After", "120"}, {"Fiware-Total-Count", "42"}, {"X-Mixed-Case", "v"}});
    HttpClient client(Quick());
    auto r =
        client.Send(HttpRequest{"GET", central.base_url() + "/probe", {{"Fiware-Service", "herne"}}, {}});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->status, 418);
    EXPECT_EQ(r->body, "short and stout");
    EXPECT_EQ(r->Header("fiware-total-count"), "42");
    EXPECT_EQ(r->Header("x-mixed-case"), "v");
    EXPECT_EQ(r->RetryAfterSeconds(), 120.0);
    const auto requests = central.Requests();
    ASSERT_FALSE(requests.empty());
    EXPECT_EQ(requests.back().Header("fiware-service"), "herne");
}

TEST(HttpClient, RetryAfterAsHttpDateAndNonsense) {
    HttpResponse r;
    r.headers["retry-after"] = "Wed, 21 Oct 2015 07:28:00 GMT";  // in the past
    EXPECT_EQ(r.RetryAfterSeconds(), 0.0);
    r.headers["retry-after"] = "soon";
    EXPECT_FALSE(r.RetryAfterSeconds().has_value());
    r.headers["retry-after"] = "99999999999999999999";
    EXPECT_FALSE(r.RetryAfterSeconds().has_value());
    r.headers.clear();
    EXPECT_FALSE(r.RetryAfterSeconds().has_value());
}

TEST(HttpClient, BodiesAboveTheCapAreAnError) {
    fake::FakeCentral central;
    central.SetRawResponse("GET", "/big", 200, std::string(2 * 1024 * 1024, 'x'));
    HttpClientSettings s = Quick();
    s.max_response_bytes = 1024 * 1024;
    HttpClient client(s);
    auto r = client.Send(HttpRequest{"GET", central.base_url() + "/big", {}, {}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "http.body_too_large");
    // The handle is still usable afterwards.
    central.SetRawResponse("GET", "/small", 200, "ok");
    auto ok = client.Send(HttpRequest{"GET", central.base_url() + "/small", {}, {}});
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->body, "ok");
}

TEST(HttpClient, ErrorCodesForRefusedStalledAndCutConnections) {
    fake::FakeCentral central;
    HttpClientSettings s = Quick();
    s.total_timeout_s = 0.5;
    HttpClient client(s);
    const std::string url = central.base_url() + "/v2/entities?type=X";

    fake::FaultPlan plan;
    plan.fault = fake::Fault::kRefuseConnections;
    central.SetFault(plan);
    auto refused = client.Send(HttpRequest{"GET", url, {}, {}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "http.connect");

    plan.fault = fake::Fault::kStall;
    plan.stall_ms = 1500;
    central.SetFault(plan);
    auto stalled = client.Send(HttpRequest{"GET", url, {}, {}});
    ASSERT_FALSE(stalled.ok());
    EXPECT_EQ(stalled.error().code, "http.timeout");

    plan.fault = fake::Fault::kCutAfterCommit;
    central.SetFault(plan);
    auto cut = client.Send(HttpRequest{"POST",
                                       central.base_url() + "/v2/op/update",
                                       {{"Content-Type", "application/json"}},
                                       R"({"actionType":"append","entities":[{"id":"a","type":"T"}]})"});
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.error().code, "http.transport");
    central.ClearFault();
    EXPECT_TRUE(central.Entity("", "a").has_value());  // applied although the answer was lost
}

TEST(HttpClient, ACancelFlagAbortsATransferInProgress) {
    fake::FakeCentral central;
    fake::FaultPlan plan;
    plan.fault = fake::Fault::kStall;
    plan.stall_ms = 3000;
    central.SetFault(plan);
    HttpClientSettings s = Quick();
    s.total_timeout_s = 30;
    HttpClient client(s);
    std::atomic<bool> cancel{false};
    client.SetCancelFlag(&cancel);
    std::thread canceller([&] {
        std::this_thread::sleep_for(200ms);
        cancel = true;
    });
    const auto start = std::chrono::steady_clock::now();
    auto r = client.Send(HttpRequest{"GET", central.base_url() + "/v2/entities", {}, {}});
    canceller.join();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "http.cancelled");
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

TEST(HttpClient, RefusesOtherSchemesAndHeaderInjection) {
    HttpClient client(Quick());
    auto file = client.Send(HttpRequest{"GET", "file:///etc/passwd", {}, {}});
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().code, "http.invalid_request");
    auto injected =
        client.Send(HttpRequest{"GET", "http://127.0.0.1:1/", {{"X-Auth-Token", "a\r\nEvil: 1"}}, {}});
    ASSERT_FALSE(injected.ok());
    EXPECT_EQ(injected.error().code, "http.invalid_request");
}

TEST(HttpClient, UrlEncoding) {
    EXPECT_EQ(UrlEncode("status==published"), "status%3D%3Dpublished");
    EXPECT_EQ(UrlEncode("a b&c/ä"), "a%20b%26c%2F%C3%A4");
    EXPECT_EQ(UrlEncode("Weather_Observed-1.~"), "Weather_Observed-1.~");
}

// A real TLS server: `openssl s_server` with a certificate made for 127.0.0.1.
class TlsServer {
  public:
    explicit TlsServer(const std::filesystem::path& dir) {
        cert_ = dir / "cert.pem";
        const auto key = dir / "key.pem";
        const std::string make_cert =
            "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
            "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
            key.string() + "' -out '" + cert_.string() + "' >/dev/null 2>&1";
        if (std::system(make_cert.c_str()) != 0) return;
        port_ = FreePort();
        pid_ = fork();
        if (pid_ == 0) {
            const std::string port = std::to_string(port_);
            freopen("/dev/null", "w", stdout);
            freopen("/dev/null", "w", stderr);
            execlp("openssl", "openssl", "s_server", "-quiet", "-www", "-accept", port.c_str(), "-cert",
                   cert_.c_str(), "-key", key.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
    }
    ~TlsServer() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    bool started() const { return pid_ > 0; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/"; }
    const std::filesystem::path& cert() const { return cert_; }

  private:
    static int FreePort() {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        close(fd);
        return ntohs(addr.sin_port);
    }
    std::filesystem::path cert_;
    int port_ = 0;
    pid_t pid_ = -1;
};

TEST(HttpClient, TlsIsVerifiedAndACaBundleCanBeConfigured) {
    if (std::system("command -v openssl >/dev/null 2>&1") != 0) GTEST_SKIP() << "openssl command not found";
    ck::test::TempDir dir;
    TlsServer server(dir.path());
    ASSERT_TRUE(server.started());

    HttpClientSettings trusting = Quick();
    trusting.ca_bundle = server.cert().string();
    HttpClient with_ca(trusting);
    Result<HttpResponse> ok = MakeError("none", "");
    ck::test::WaitFor([&] {  // the server needs a moment to listen
        ok = with_ca.Send(HttpRequest{"GET", server.url(), {}, {}});
        return ok.ok();
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->status, 200);

    // The same server with the system CA store: its self-signed certificate is refused.
    HttpClient system_ca(Quick());
    auto refused = system_ca.Send(HttpRequest{"GET", server.url(), {}, {}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "http.tls") << refused.error().message;
}

}  // namespace
}  // namespace ck::cache
