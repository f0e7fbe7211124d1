// The fake-central executable: start it, read its ports, drive it over HTTP, stop it.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "test_http.h"

extern char** environ;

namespace ck::fake {
namespace {

using nlohmann::json;
using test::MakeClient;
using test::TenantHeaders;

constexpr const char* kJson = "application/json";

// One child with its stdin and stdout on pipes; killed if a test fails before stopping it.
class Child {
  public:
    Child() {
        int in[2];
        int out[2];
        if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) return;
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        char* argv[] = {const_cast<char*>(FAKE_CENTRAL_EXE), nullptr};
        if (posix_spawn(&pid_, FAKE_CENTRAL_EXE, &actions, nullptr, argv, environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        close(in[0]);
        close(out[1]);
        stdin_ = in[1];
        stdout_ = out[0];
    }
    ~Child() {
        if (stdin_ >= 0) close(stdin_);
        if (stdout_ >= 0) close(stdout_);
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // The next stdout line, "" after timeout_ms.
    std::string ReadLine(int timeout_ms = 5000) {
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        for (;;) {
            const auto nl = buffer_.find('\n');
            if (nl != std::string::npos) {
                line = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            pollfd p{stdout_, POLLIN, 0};
            if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) return "";
            char buf[256];
            const ssize_t n = read(stdout_, buf, sizeof buf);
            if (n <= 0) return "";
            buffer_.append(buf, static_cast<std::size_t>(n));
        }
    }

    // Exit status after the child ends by itself within timeout_ms, -1 otherwise.
    int WaitExit(int timeout_ms) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return -1;
    }

    void Signal(int sig) { kill(pid_, sig); }
    void CloseStdin() {
        close(stdin_);
        stdin_ = -1;
    }
    bool started() const { return pid_ > 0; }

  private:
    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
    std::string buffer_;
};

int PortFrom(const std::string& line, const std::string& key) {
    if (line.rfind(key + " ", 0) != 0) return -1;
    return std::stoi(line.substr(key.size() + 1));
}

TEST(FakeCentralChildProcess, ServesOrionAndIsDrivenOverHttpThenStopsOnSigterm) {
    Child child;
    ASSERT_TRUE(child.started());
    const int port = PortFrom(child.ReadLine(), "PORT");
    const int control_port = PortFrom(child.ReadLine(), "CONTROL_PORT");
    ASSERT_GT(port, 0);
    ASSERT_GT(control_port, 0);
    auto client = MakeClient(port);
    auto control = MakeClient(control_port);

    auto r = client.Post("/v2/entities", TenantHeaders("herne"),
                         json{{"id", "urn:ngsi-ld:CitizenIdea:1"}, {"type", "CitizenIdea"}}.dump(), kJson);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 201);

    r = control.Get("/__control/entities?tenant=herne");
    ASSERT_TRUE(r);
    const json entities = json::parse(r->body);
    ASSERT_EQ(entities.size(), 1u);
    EXPECT_EQ(entities[0]["id"], "urn:ngsi-ld:CitizenIdea:1");
    r = control.Get("/__control/entity?tenant=herne&id=urn:ngsi-ld:CitizenIdea:1");
    EXPECT_EQ(json::parse(r->body)["write_count"], 1);

    // Faults through the control endpoint, on the main port too.
    ASSERT_EQ(client.Post("/__control/fault", R"({"fault":"503","count":1})", kJson)->status, 204);
    EXPECT_EQ(client.Get("/v2/entities")->status, 503);
    EXPECT_EQ(client.Get("/v2/entities")->status, 200);

    ASSERT_EQ(control.Post("/__control/fault", R"({"fault":"429","retry_after_s":9})", kJson)->status, 204);
    EXPECT_EQ(json::parse(control.Get("/__control/fault")->body)["fault"], "429");
    ASSERT_EQ(control.Delete("/__control/fault")->status, 204);
    EXPECT_EQ(json::parse(control.Get("/__control/fault")->body)["fault"], "none");

    // Refusal is cleared through the separate control port, as the main port is closed meanwhile.
    ASSERT_EQ(control.Post("/__control/fault", R"({"fault":"refuse"})", kJson)->status, 204);
    httplib::Client fresh("127.0.0.1", port);
    fresh.set_connection_timeout(1);
    auto refused = fresh.Get("/v2/entities");
    EXPECT_FALSE(refused);
    ASSERT_EQ(control.Post("/__control/clear", "{}", kJson)->status, 204);
    EXPECT_EQ(fresh.Get("/v2/entities")->status, 200);

    r = control.Get("/__control/stats");
    EXPECT_EQ(json::parse(r->body)["requests"], 4);
    r = control.Get("/__control/requests");
    EXPECT_EQ(json::parse(r->body).size(), 4u);

    ASSERT_EQ(control.Post("/__control/reset", "", kJson)->status, 204);
    r = control.Get("/__control/entities?tenant=herne");
    EXPECT_EQ(json::parse(r->body), json::array());

    child.Signal(SIGTERM);
    EXPECT_EQ(child.WaitExit(5000), 0);
}

TEST(FakeCentralChildProcess, ExitsWhenStdinCloses) {
    Child child;
    ASSERT_TRUE(child.started());
    ASSERT_GT(PortFrom(child.ReadLine(), "PORT"), 0);
    child.CloseStdin();
    EXPECT_EQ(child.WaitExit(5000), 0);
}

TEST(FakeCentralChildProcess, SeedsAndCannedAnswersThroughControl) {
    Child child;
    ASSERT_TRUE(child.started());
    const int port = PortFrom(child.ReadLine(), "PORT");
    ASSERT_GT(port, 0);
    auto client = MakeClient(port);
    ASSERT_EQ(
        client
            .Post("/__control/entity?tenant=herne",
                  json{{"id", "W1"}, {"type", "WeatherObserved"}, {"temperature", {{"value", 12.5}}}}.dump(),
                  kJson)
            ->status,
        204);
    auto r = client.Get("/v2/entities?type=WeatherObserved&options=keyValues", TenantHeaders("herne"));
    ASSERT_TRUE(r);
    EXPECT_EQ(json::parse(r->body)[0]["temperature"], 12.5);

    ASSERT_EQ(
        client
            .Post("/__control/raw",
                  json{{"method", "GET"}, {"path", "/v2/entities"}, {"status", 200}, {"body", "[{"}}.dump(),
                  kJson)
            ->status,
        204);
    r = client.Get("/v2/entities", TenantHeaders("herne"));
    EXPECT_EQ(r->body, "[{");
    EXPECT_EQ(client.Post("/__control/fault", R"({"fault":"bogus"})", kJson)->status, 400);
    child.Signal(SIGINT);
    EXPECT_EQ(child.WaitExit(5000), 0);
}

}  // namespace
}  // namespace ck::fake
