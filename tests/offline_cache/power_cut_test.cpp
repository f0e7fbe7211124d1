// Durability: a child enqueues 1,000 items and prints each id after its commit returned; it is SIGKILLed
// at random moments, 20 times. Every printed id must be in the store, and the store must be intact.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <random>
#include <set>

#include "offline_cache/database.h"
#include "offline_cache/outbox.h"
#include "store_helpers.h"
#include "test_support/test_support.h"

namespace ck::cache {
namespace {

using namespace std::chrono_literals;

struct ChildRun {
    std::vector<std::string> printed;
    bool killed = false;
};

// Runs the writer and kills it after kill_after (unless it finished first); returns the complete lines.
ChildRun RunAndKill(const std::string& db, const std::string& prefix, std::chrono::milliseconds kill_after) {
    ChildRun run;
    int fds[2];
    if (pipe(fds) != 0) return run;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execl(POWER_CUT_WRITER, POWER_CUT_WRITER, db.c_str(), prefix.c_str(), "1000",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    std::string buffer;
    const auto deadline = std::chrono::steady_clock::now() + kill_after;
    char chunk[4096];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left <= 0ms) {
            kill(pid, SIGKILL);
            run.killed = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
        const ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n <= 0) break;  // the child finished before the kill
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    // What the child wrote before it died is still in the pipe.
    ssize_t n;
    while ((n = read(fds[0], chunk, sizeof chunk)) > 0) buffer.append(chunk, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    std::size_t start = 0;
    for (std::size_t nl; (nl = buffer.find('\n', start)) != std::string::npos; start = nl + 1) {
        run.printed.push_back(buffer.substr(start, nl - start));
    }
    return run;
}

TEST(PowerCut, EveryAcknowledgedItemSurvivesSigkillAtRandomMoments) {
    ck::test::TempDir dir;
    const auto path = (dir / "kiosk.db").string();
    std::mt19937 rng(std::random_device{}());
    // Calibrate: how long does an unkilled writer need for its 1,000 items on this machine (fsync speed varies
    // from disk to disk)? The kills then fall anywhere inside that time, so they really interrupt the writer.
    const auto t0 = std::chrono::steady_clock::now();
    const auto calibration = RunAndKill((dir / "calibration.db").string(), "c", std::chrono::minutes(2));
    ASSERT_FALSE(calibration.killed);
    ASSERT_EQ(calibration.printed.size(), 1000u);
    const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    std::uniform_int_distribution<int> kill_ms(2, std::max(3, static_cast<int>(full_ms.count() * 9 / 10)));
    std::set<std::string> acknowledged;
    int killed = 0;
    for (int round = 0; round < 20; ++round) {
        const auto run =
            RunAndKill(path, "r" + std::to_string(round), std::chrono::milliseconds(kill_ms(rng)));
        killed += run.killed;
        acknowledged.insert(run.printed.begin(), run.printed.end());

        test::RawDb raw(path);
        ASSERT_EQ(raw.Scalar("PRAGMA integrity_check"), "ok") << "round " << round;
        for (const auto& id : run.printed) {
            ASSERT_EQ(raw.Scalar("SELECT count(*) FROM outbox WHERE entity_id = '" + id + "'"), "1")
                << id << " was acknowledged but is not in the store (round " << round << ")";
        }
    }
    std::cout << acknowledged.size() << " ids acknowledged over 20 runs, " << killed << " of them killed\n";
    EXPECT_GT(killed, 10) << "the writer finished too often before the kill: the test exercises too little";
    EXPECT_GT(acknowledged.size(), 100u);

    // The store opens without being taken for damaged, and holds exactly what was acknowledged (plus at most
    // one commit per kill that landed after the id could be printed).
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_TRUE(db->recovered_from().empty());
    auto counts = CountOutbox(*db);
    ASSERT_TRUE(counts.ok());
    EXPECT_GE(counts->pending, static_cast<std::int64_t>(acknowledged.size()));
    EXPECT_LE(counts->pending, static_cast<std::int64_t>(acknowledged.size()) + 20);
}

}  // namespace
}  // namespace ck::cache
