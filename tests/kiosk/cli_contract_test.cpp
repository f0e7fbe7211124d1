// The command-line contract operators and scripts rely on (issue 14): exit codes 0/1/2/3, no hangs, no
// silent reinterpretation of bad input, bounded error messages. Runs the real binary as a child process.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "child_process.h"
#include "test_support/test_support.h"

namespace ck::test {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

constexpr char kStart[] = R"({"tap_text":"Bildschirm berühren"})";

class CliContract : public ::testing::Test {
  protected:
    fs::path Write(const std::string& name, const std::string& text) {
        const fs::path p = dir_ / name;
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
    fs::path Config(const std::string& extra = "") {
        return Write("kiosk.toml", "[kiosk]\nid = \"contract-01\"\ndatabase = \"" +
                                       (dir_ / "kiosk.db").string() + "\"\n" + extra);
    }
    ChildResult Kiosk(const std::vector<std::string>& args, seconds timeout = seconds(60)) {
        return RunChild(KioskBinary().string(), args, timeout);
    }
    ChildResult Replay(const fs::path& script) {
        return Kiosk({"run", "--demo", "--headless", "--size", "640x480", "--replay", script.string()});
    }
    TempDir dir_;
};

// Items 8 and 10: only a regular file is read as configuration; anything else exits 2 at once, naming it.
TEST_F(CliContract, AConfigurationThatIsNotARegularFileExitsTwoWithoutReadingIt) {
    const fs::path fifo = dir_ / "config.fifo";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const bool db_before = fs::exists("civic-kiosk.db");
    for (const std::string& path : {dir_.path().string(), std::string("/dev/zero"), fifo.string()}) {
        for (const char* command : {"status", "sync", "live"}) {
            std::vector<std::string> args{command, "--config", path};
            if (std::string(command) == "sync") args.insert(args.begin() + 1, "--once");
            const ChildResult r = Kiosk(args, seconds(30));
            ASSERT_FALSE(r.timed_out) << command << " --config " << path << " hung";
            EXPECT_EQ(r.exit_code, 2) << command << " " << path << ": " << r.err;
            EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
        }
    }
    // No configuration was silently replaced by the defaults (which put a store into the current folder).
    EXPECT_EQ(fs::exists("civic-kiosk.db"), db_before);
}

TEST_F(CliContract, AnEmptyFileNameIsAUsageErrorNamingTheOption) {
    const std::vector<std::vector<std::string>> cases{
        {"status", "--config", ""},
        {"sync", "--once", "--config", ""},
        {"live", "--json", "--config", ""},
        {"screenshot", "--screen", "home", "--demo", "--out", ""},
        {"screenshot", "--screen", "home", "--demo", "--out", (dir_ / "x.png").string(), "--config", ""},
        {"run", "--demo", "--headless", "--replay", ""},
        {"run", "--demo", "--headless", "--replay", (dir_ / "x.jsonl").string(), "--speech-log", ""},
        {"count", "--line", "1,1,5,5", "--video", ""},
    };
    for (const auto& args : cases) {
        const ChildResult r = Kiosk(args, seconds(30));
        ASSERT_FALSE(r.timed_out) << args[0] << " ran on";
        EXPECT_EQ(r.exit_code, 2) << args[0] << ": " << r.err;
        const std::string option = args[args.size() - 2];
        EXPECT_NE(r.err.find(option), std::string::npos) << r.err;
    }
}

// Item 11: a NUL inside any TOML string is refused, naming the key; nothing is created under the cut name.
TEST_F(CliContract, ANulInAConfigurationStringExitsTwoNamingTheKey) {
    const fs::path cut = dir_ / "x";
    Write("nul.toml", "[kiosk]\ndatabase = \"" + cut.string() + "\\u0000y.db\"\n");
    ChildResult r = Kiosk({"status", "--config", (dir_ / "nul.toml").string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("kiosk.database"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("NUL"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(cut));

    Write("nul2.toml", "[ideas]\ndistricts = [\"Wanne\", \"Ei\\u0000ckel\"]\n");
    r = Kiosk({"status", "--config", (dir_ / "nul2.toml").string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("ideas.districts"), std::string::npos) << r.err;
}

// `live` with nothing cached (no store yet) is an empty list, not an error, and creates no store.
TEST_F(CliContract, LiveWithNothingCachedExitsZeroWithNoEntries) {
    const ChildResult r = Kiosk({"live", "--json", "--config", Config().string()}, seconds(30));
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"entries\": []"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(dir_ / "kiosk.db"));
}

// Item 2: an empty script, blank lines only, a directory or a missing file are unreadable input: 3.
TEST_F(CliContract, AReplayWithoutStepsOrThatIsNoFileExitsThree) {
    for (const fs::path& script : {Write("empty.jsonl", ""), Write("blank.jsonl", "\n  \n\t\r\n"),
                                   dir_.path(), dir_ / "missing.jsonl"}) {
        const ChildResult r = Replay(script);
        ASSERT_FALSE(r.timed_out);
        EXPECT_EQ(r.exit_code, 3) << script << ": " << r.err;
        EXPECT_NE(r.err.find(script.string()), std::string::npos) << r.err;
    }
}

// Item 13: however long the input, an error message quotes at most 80 characters of it.
TEST_F(CliContract, ErrorMessagesStayShortWhateverTheInput) {
    const std::string huge(10 * 1024 * 1024, 'x');
    ChildResult r = Replay(Write("huge.jsonl", std::string(kStart) + "\n{\"tap_text\":\"" + huge + "\"}\n"));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err.substr(0, 500);
    EXPECT_LT(r.err.size(), 4096u);

    r = Replay(Write("badkey.jsonl", "{\"" + huge + "\":1}\n"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_LT(r.err.size(), 4096u);

    const fs::path config = Config("site = \"" + std::string(100, 's') + "\"\n[locale]\ndefault = \"" +
                                   huge.substr(0, 4000) + "\"\n");
    r = Kiosk({"status", "--config", config.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("locale.default"), std::string::npos) << r.err;
    EXPECT_LT(r.err.size(), 1024u) << r.err;
}

// Item 7: a long wait is simulated, not spun through frame by frame.
TEST_F(CliContract, ADayLongReplayWaitDrawsAFewFramesNotOnePerSecond) {
    const ChildResult r = Replay(Write("day.jsonl", std::string(kStart) + "\n{\"wait_ms\":86400000}\n" +
                                                        "{\"expect_text\":\"Bildschirm berühren\"}\n"));
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.err, m, std::regex("replay ended after ([0-9]+) frames"))) << r.err;
    EXPECT_LT(std::stoi(m[1]), 200)
        << r.err;  // the idle warning's countdown and the reset; one per second was 86,400
}

// `run ... --speech-log F.jsonl` writes every utterance as {"lang":..,"text":..}; a log that cannot be created
// is a usage error naming the option, before anything runs.
TEST_F(CliContract, SpeechLogRecordsEachUtteranceAndAnUncreatableOneIsAUsageError) {
    const fs::path script = Write("speech.jsonl", std::string(kStart) + "\n{\"tap_text\":\"Barrierefreiheit\"}\n" +
                                                      "{\"tap_text\":\"Sprachausgabe\"}\n");
    const fs::path log = dir_ / "spoken.jsonl";
    const ChildResult r = Kiosk({"run", "--demo", "--headless", "--size", "640x480", "--replay", script.string(),
                                 "--speech-log", log.string()},
                                seconds(60));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(log);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, "{\"lang\":\"de\",\"text\":\"Die Sprachausgabe ist eingeschaltet.\"}\n");

    const ChildResult bad = Kiosk({"run", "--demo", "--headless", "--replay", script.string(), "--speech-log",
                                   (dir_ / "no-such-folder" / "spoken.jsonl").string()},
                                  seconds(60));
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
    EXPECT_NE(bad.err.find("--speech-log"), std::string::npos) << bad.err;
}

// Item 7: SIGTERM and SIGINT end a replay promptly, however much of the script is left.
TEST_F(CliContract, SigtermAndSigintEndALongReplayPromptly) {
    std::string script = std::string(kStart) + "\n{\"shot\":\"" + (dir_ / "started.png").string() + "\"}\n";
    for (int i = 0; i < 200000; ++i) script += "{\"tap\":[10,10]}\n";  // minutes of frames
    const fs::path path = Write("long.jsonl", script);
    for (const int signal : {SIGTERM, SIGINT}) {
        fs::remove(dir_ / "started.png");
        const fs::path started = dir_ / "started.png";
        const ChildResult r = RunChildUntil(
            KioskBinary().string(),
            {"run", "--demo", "--headless", "--size", "640x480", "--replay", path.string()},
            [&] { return fs::exists(started); }, seconds(60), signal);
        ASSERT_FALSE(r.timed_out) << "signal " << signal << " was ignored";
        EXPECT_EQ(r.exit_code, 1) << r.err;  // the script did not complete
        EXPECT_NE(r.err.find("replay stopped"), std::string::npos) << r.err;
    }
}

// Item 13: status names the store it cannot read, and a read-only status leaves no -wal or -shm behind.
TEST_F(CliContract, StatusNamesADamagedStoreAndCreatesNoFilesBesideIt) {
    const fs::path config = Config();
    const fs::path db = dir_ / "kiosk.db";
    ChildResult r = Kiosk({"idea", "submit", "--title", "Mehr Bänke", "--text", "Am Markt fehlen Bänke.",
                           "--category", "mobility", "--config", config.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(fs::exists(db));
    ASSERT_FALSE(fs::exists(db.string() + "-wal"));
    r = Kiosk({"status", "--json", "--config", config.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"pending\": 1"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(db.string() + "-wal"));
    EXPECT_FALSE(fs::exists(db.string() + "-shm"));

    std::ofstream(db, std::ios::binary | std::ios::trunc) << std::string(8192, 'x');
    r = Kiosk({"status", "--json", "--config", config.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(db.string()), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(db.string() + "-wal"));
    EXPECT_FALSE(fs::exists(db.string() + "-shm"));
}

}  // namespace
}  // namespace ck::test
