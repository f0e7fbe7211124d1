// Every fault, what a client sees, and recovery.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include "fake_central/fake_central.h"
#include "test_http.h"
#include "test_support/test_support.h"

namespace ck::fake {
namespace {

using nlohmann::json;
using test::CurlRequest;
using test::MakeClient;
using test::TenantHeaders;

constexpr const char* kJson = "application/json";

std::string AppendBody(const std::string& id) {
    return json{{"actionType", "append"},
                {"entities", json::array({json{{"id", id},
                                               {"type", "CitizenIdea"},
                                               {"status", {{"type", "Text"}, {"value", "submitted"}}}}})}}
        .dump();
}

// connect() to the port and report errno (0 when the connection was accepted).
int ConnectErrno(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int rc = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    const int err = rc == 0 ? 0 : errno;
    close(fd);
    return err;
}

TEST(FakeCentralFaults, ServiceUnavailableForCountRequestsThenRecovers) {
    FakeCentral central;
    central.SetFault({Fault::kServiceUnavailable, 2});
    auto client = MakeClient(central.port());
    for (int i = 0; i < 2; ++i) {
        auto r = client.Post("/v2/op/update", TenantHeaders("herne"), AppendBody("A"), kJson);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 503);
    }
    EXPECT_FALSE(central.Entity("herne", "A"));  // a 503 stores nothing
    EXPECT_EQ(central.CurrentFault().fault, Fault::kNone);
    auto r = client.Post("/v2/op/update", TenantHeaders("herne"), AppendBody("A"), kJson);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 204);
    EXPECT_TRUE(central.Entity("herne", "A"));
    EXPECT_EQ(central.RequestCount(), 3u);
}

TEST(FakeCentralFaults, TooManyRequestsCarriesRetryAfter) {
    FakeCentral central;
    central.SetFault({Fault::kTooManyRequests, 1, 7});
    const auto reply = CurlRequest("POST", central.base_url() + "/v2/op/update", AppendBody("B"),
                                   {{"Content-Type", kJson}, {"Fiware-Service", "herne"}});
    EXPECT_EQ(reply.code, CURLE_OK);
    EXPECT_EQ(reply.status, 429);
    EXPECT_EQ(reply.headers.at("retry-after"), "7");
    EXPECT_FALSE(central.Entity("herne", "B"));
    const auto again = CurlRequest("POST", central.base_url() + "/v2/op/update", AppendBody("B"),
                                   {{"Content-Type", kJson}, {"Fiware-Service", "herne"}});
    EXPECT_EQ(again.status, 204);
    EXPECT_TRUE(central.Entity("herne", "B"));
}

TEST(FakeCentralFaults, UntilClearedWhenCountIsMinusOne) {
    FakeCentral central;
    central.SetFault({Fault::kServiceUnavailable});
    auto client = MakeClient(central.port());
    for (int i = 0; i < 5; ++i) EXPECT_EQ(client.Get("/v2/entities")->status, 503);
    central.ClearFault();
    EXPECT_EQ(client.Get("/v2/entities")->status, 200);
}

TEST(FakeCentralFaults, StallOutlastsTheClientTimeoutAndTheRequestStillLands) {
    FakeCentral central;
    central.SetFault({Fault::kStall, 1, 1, 800});
    const auto reply = CurlRequest("POST", central.base_url() + "/v2/op/update", AppendBody("S"),
                                   {{"Content-Type", kJson}, {"Fiware-Service", "herne"}}, 200);
    EXPECT_EQ(reply.code, CURLE_OPERATION_TIMEDOUT);  // the client gave up before the stall ended
    // A slow server, not a dead one: the stalled request is applied once the stall ends.
    ck::test::WaitFor([&] { return central.Entity("herne", "S").has_value(); });
    EXPECT_TRUE(central.Entity("herne", "S"));
    const auto after =
        CurlRequest("GET", central.base_url() + "/v2/entities/S", "", {{"Fiware-Service", "herne"}}, 500);
    EXPECT_EQ(after.code, CURLE_OK);
    EXPECT_EQ(after.status, 200);
}

TEST(FakeCentralFaults, DestructionDoesNotWaitForAStall) {
    const auto start = std::chrono::steady_clock::now();
    {
        FakeCentral central;
        central.SetFault({Fault::kStall, -1, 1, 600000});  // ten minutes
        const auto reply = CurlRequest("GET", central.base_url() + "/v2/entities", "", {}, 100);
        EXPECT_EQ(reply.code, CURLE_OPERATION_TIMEDOUT);
    }
    // Far below the stall, far above any scheduling delay on a loaded machine.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

// The lost acknowledgement: stored, but the client gets no answer.
TEST(FakeCentralFaults, CutAfterCommitStoresTheEntityButTheClientSeesAnError) {
    FakeCentral central;
    central.SetFault({Fault::kCutAfterCommit, 1});
    const auto reply = CurlRequest("POST", central.base_url() + "/v2/op/update", AppendBody("L"),
                                   {{"Content-Type", kJson}, {"Fiware-Service", "herne"}});
    EXPECT_EQ(reply.code, CURLE_GOT_NOTHING) << curl_easy_strerror(reply.code);
    EXPECT_TRUE(central.Entity("herne", "L"));
    EXPECT_EQ(central.WriteCount("herne", "L"), 1);

    // The client's retry (same id, append) is an upsert: still one entity.
    const auto retry = CurlRequest("POST", central.base_url() + "/v2/op/update", AppendBody("L"),
                                   {{"Content-Type", kJson}, {"Fiware-Service", "herne"}});
    EXPECT_EQ(retry.code, CURLE_OK);
    EXPECT_EQ(retry.status, 204);
    EXPECT_EQ(central.Entities("herne").size(), 1u);
    EXPECT_EQ(central.WriteCount("herne", "L"), 2);
}

TEST(FakeCentralFaults, CutAfterCommitWithHttplibClient) {
    FakeCentral central;
    central.SetFault({Fault::kCutAfterCommit, 2});
    auto client = MakeClient(central.port());
    auto r = client.Post("/v2/entities", TenantHeaders("herne"),
                         json{{"id", "C1"}, {"type", "T"}, {"n", {{"value", 1}}}}.dump(), kJson);
    EXPECT_FALSE(r);
    EXPECT_TRUE(central.Entity("herne", "C1"));
    r = client.Post("/v2/entities", TenantHeaders("herne"),
                    json{{"id", "C1"}, {"type", "T"}, {"n", {{"value", 1}}}}.dump(), kJson);
    EXPECT_FALSE(r);  // a create without upsert would now be 422, but the answer is lost again
    r = client.Get("/v2/entities/C1", TenantHeaders("herne"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST(FakeCentralFaults, RefuseConnectionsReallyRefusesAndResumesOnTheSamePort) {
    FakeCentral central;
    const int port = central.port();
    auto client = MakeClient(port);
    client.set_keep_alive(true);
    ASSERT_EQ(client.Get("/v2/entities")->status, 200);  // a kept-alive connection from before

    central.SetFault({Fault::kRefuseConnections});
    EXPECT_EQ(ConnectErrno(port), ECONNREFUSED);
    const auto reply = CurlRequest("GET", central.base_url() + "/v2/entities", "", {}, 1000);
    EXPECT_EQ(reply.code, CURLE_COULDNT_CONNECT);
    auto r = client.Get("/v2/entities");  // the old connection is dropped, a new one refused
    EXPECT_FALSE(r);
    EXPECT_EQ(central.RequestCount(), 1u);

    central.ClearFault();
    EXPECT_EQ(central.port(), port);
    EXPECT_EQ(ConnectErrno(port), 0);
    const auto back = CurlRequest("POST", central.base_url() + "/v2/op/update", AppendBody("R"),
                                  {{"Content-Type", kJson}, {"Fiware-Service", "herne"}});
    EXPECT_EQ(back.code, CURLE_OK);
    EXPECT_EQ(back.status, 204);
    EXPECT_TRUE(central.Entity("herne", "R"));
}

TEST(FakeCentralFaults, DestructionWhileRefusingIsClean) {
    int port = 0;
    {
        FakeCentral central;
        port = central.port();
        central.SetFault({Fault::kRefuseConnections});
        central.SetFault({Fault::kRefuseConnections});  // twice is harmless
    }
    EXPECT_EQ(ConnectErrno(port), ECONNREFUSED);
}

TEST(FakeCentralFaults, ClearingAStallReleasesTheStalledRequest) {
    FakeCentral central;
    // A stall far longer than the wait below: the request lands only if clearing releases it.
    central.SetFault({Fault::kStall, -1, 1, 600000});
    std::thread client([&] {
        CurlRequest("POST", central.base_url() + "/v2/op/update", AppendBody("Q"),
                    {{"Content-Type", kJson}, {"Fiware-Service", "herne"}}, 100);
    });
    client.join();
    EXPECT_FALSE(central.Entity("herne", "Q"));
    central.ClearFault();
    EXPECT_TRUE(ck::test::WaitFor([&] { return central.Entity("herne", "Q").has_value(); }));
}

TEST(FakeCentralFaults, SwitchingFromRefusalToAnotherFaultListensAgain) {
    FakeCentral central;
    central.SetFault({Fault::kRefuseConnections});
    EXPECT_EQ(ConnectErrno(central.port()), ECONNREFUSED);
    central.SetFault({Fault::kServiceUnavailable, 1});
    auto client = MakeClient(central.port());
    EXPECT_EQ(client.Get("/v2/entities")->status, 503);
    EXPECT_EQ(client.Get("/v2/entities")->status, 200);
}

TEST(FakeCentralFaults, ResetClearsEverything) {
    FakeCentral central;
    auto client = MakeClient(central.port());
    client.Post("/v2/op/update", TenantHeaders("herne"), AppendBody("X"), kJson);
    central.SetFault({Fault::kRefuseConnections});
    central.Reset();
    EXPECT_EQ(central.RequestCount(), 0u);
    EXPECT_TRUE(central.Entities("herne").empty());
    EXPECT_TRUE(central.Requests().empty());
    EXPECT_EQ(client.Get("/v2/entities")->status, 200);
}

}  // namespace
}  // namespace ck::fake
