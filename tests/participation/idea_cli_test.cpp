// `civic-kiosk idea submit` run as a child process against a real store in a temporary folder.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "offline_cache/database.h"
#include "offline_cache/idea_store.h"
#include "offline_cache/outbox.h"
#include "participation/reference.h"
#include "test_support/test_support.h"

namespace ck::part {
namespace {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string ReadAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs the kiosk binary with stdout/stderr redirected to files (no pipe deadlocks, no shell quoting).
RunResult RunKiosk(const std::vector<std::string>& args, const test::TempDir& dir) {
    const std::string bin = test::KioskBinary().string();
    const std::string out_path = (dir / "stdout.txt").string();
    const std::string err_path = (dir / "stderr.txt").string();
    const pid_t pid = fork();
    if (pid == 0) {
        const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(127);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(bin.c_str()));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    RunResult r;
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    r.out = ReadAll(out_path);
    r.err = ReadAll(err_path);
    return r;
}

class IdeaCli : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(std::filesystem::exists(test::KioskBinary())) << test::KioskBinary();
        std::ofstream(dir_ / "kiosk.toml") << "[kiosk]\n"
                                           << "id = \"cli-test-01\"\n"
                                           << "site = \"Infostand (Stadtfest)\"\n"
                                           << "database = \"" << db_path() << "\"\n";
    }
    std::string db_path() const { return (dir_ / "kiosk.db").string(); }
    std::string config() const { return (dir_ / "kiosk.toml").string(); }
    std::vector<cache::OutboxItem> Pending() {
        Result<cache::Database> db = cache::Database::Open(db_path());
        EXPECT_TRUE(db.ok());
        if (!db) return {};
        Result<std::vector<cache::OutboxItem>> items =
            cache::ListOutbox(*db, cache::OutboxState::kPending, 100);
        EXPECT_TRUE(items.ok());
        return items ? *items : std::vector<cache::OutboxItem>{};
    }
    test::TempDir dir_;
};

TEST_F(IdeaCli, SubmitPrintsTheCodeAndWritesTheOutbox) {
    const RunResult r = RunKiosk({"idea", "submit", "--title", "Trinkbrunnen am Bahnhof", "--text",
                                  "Im Sommer fehlt Wasser.\n\u202ESehr hei\u00DF.", "--category",
                                  "environment", "--district", "Wanne", "--config", config()},
                                 dir_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_FALSE(r.out.empty());
    ASSERT_EQ(r.out.back(), '\n');
    const std::string code = r.out.substr(0, r.out.size() - 1);
    EXPECT_TRUE(IsWellFormedReferenceCode(code)) << r.out;

    const auto pending = Pending();
    ASSERT_EQ(pending.size(), 1u);
    const nlohmann::json e = nlohmann::json::parse(pending[0].payload);
    EXPECT_EQ(e["type"], "CitizenIdea");
    EXPECT_EQ(e["referenceCode"]["value"], code);
    EXPECT_EQ(e["channel"]["value"], "paper");
    EXPECT_EQ(e["refDevice"]["value"], "urn:ngsi-ld:Device:cli-test-01");
    EXPECT_EQ(e["site"]["value"], "Infostand Stadtfest");  // forbidden ( ) removed from the Text value
    EXPECT_EQ(e["title"]["value"], "Trinkbrunnen am Bahnhof");
    EXPECT_EQ(e["description"]["value"], "Im Sommer fehlt Wasser.\nSehr hei\u00DF.");
    EXPECT_EQ(e["category"]["value"], "environment");
    EXPECT_EQ(e["district"]["value"], "Wanne");
    EXPECT_EQ(e["language"]["value"], "de");

    Result<cache::Database> db = cache::Database::Open(db_path());
    ASSERT_TRUE(db.ok());
    Result<bool> exists = cache::ReferenceCodeExists(*db, code);
    ASSERT_TRUE(exists.ok());
    EXPECT_TRUE(*exists);
}

TEST_F(IdeaCli, PaperEntryIsNotRateLimited) {
    std::ofstream(dir_ / "kiosk.toml", std::ios::app) << "[ideas]\nmax_per_session = 1\nmax_per_hour = 1\n";
    for (int i = 0; i < 3; ++i) {
        const RunResult r = RunKiosk({"idea", "submit", "--title", "Karte " + std::to_string(i), "--text",
                                      "Text", "--category", "other", "--config", config()},
                                     dir_);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    EXPECT_EQ(Pending().size(), 3u);
}

TEST_F(IdeaCli, InvalidInputExitsTwoWithAClearMessageAndStoresNothing) {
    struct Case {
        std::vector<std::string> args;
        std::string expected_in_stderr;
    };
    const std::vector<Case> cases = {
        {{"--title", "   ", "--text", "x", "--category", "other"}, "title: required"},
        {{"--title", std::string(121, 'a'), "--text", "x", "--category", "other"}, "at most 120"},
        {{"--title", "ok", "--text", "x", "--category", "sports"}, "allowed: mobility"},
        {{"--title", "ok", "--text", "x", "--category", "other", "--district", "Bochum"},
         "allowed: Herne-Mitte"},
        {{"--title", "ok\xC3", "--text", "x", "--category", "other"}, "invalid UTF-8"},
        {{"--title", "ok", "--category", "other"}, "--text"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = {"idea", "submit", "--config", config()};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const RunResult r = RunKiosk(args, dir_);
        EXPECT_EQ(r.exit_code, 2) << c.expected_in_stderr << "\n" << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_NE(r.err.find(c.expected_in_stderr), std::string::npos) << r.err;
    }
    EXPECT_TRUE(Pending().empty());
}

TEST_F(IdeaCli, BadConfigExitsTwo) {
    std::ofstream(dir_ / "bad.toml") << "[kiosk]\nid = \"has space\"\n";
    const RunResult r = RunKiosk({"idea", "submit", "--title", "t", "--text", "x", "--category", "other",
                                  "--config", (dir_ / "bad.toml").string()},
                                 dir_);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("kiosk.id"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace ck::part
