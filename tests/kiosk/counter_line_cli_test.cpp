// `civic-kiosk counter line show|set|reset` through the real binary: a line set over SSH is stored under its
// configured name (the same setting the admin screen writes) and shown as set on the kiosk; a line outside
// the frame, of zero length, with an unknown name or unreadable ends is refused with a message and exit 2,
// and changes nothing; reset returns to the configuration.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "child_process.h"
#include "test_support/test_support.h"

namespace ck::test {
namespace {

class CounterLineCli : public ::testing::Test {
  protected:
    void SetUp() override {
        // A camera asked for 640x480 that has never run: the frame a line must fit is the configured size.
        std::ofstream(config_) << "[kiosk]\nid = \"line-cli-01\"\ndatabase = \""
                               << (dir_ / "kiosk.db").string()
                               << "\"\n[counter]\nwidth = 640\nheight = 480\n"
                                  "[[counter.lines]]\nname = \"entrance\"\nline = [10, 20, 300, 220]\n"
                                  "[[counter.lines]]\nname = \"exit\"\nline = [0, 100, 640, 100]\n"
                                  "towards = \"negative\"\n";
    }
    ChildResult Line(std::vector<std::string> args) {
        args.insert(args.begin(), {"counter", "line"});
        args.insert(args.end(), {"--config", config_.string()});
        return RunChild(KioskBinary().string(), args);
    }
    nlohmann::json Shown() {
        const ChildResult r = Line({"show", "--json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out, nullptr, false);
    }
    TempDir dir_;
    std::filesystem::path config_ = dir_ / "kiosk.toml";
};

TEST_F(CounterLineCli, SetShowAndResetALine) {
    nlohmann::json shown = Shown();
    ASSERT_EQ(shown["lines"].size(), 2u) << shown.dump();
    EXPECT_EQ(shown["lines"][0]["name"], "entrance");
    EXPECT_EQ(shown["lines"][0]["source"], "configuration");
    EXPECT_EQ(shown["lines"][1]["towards"], "negative");
    EXPECT_FALSE(shown["lines"][0].contains("set_at"));

    const ChildResult set = Line({"set", "--name", "entrance", "--from", "5,6", "--to", "600.4,399.6"});
    ASSERT_EQ(set.exit_code, 0) << set.err;
    EXPECT_NE(set.out.find("5,6 -> 600,400"), std::string::npos) << set.out;
    shown = Shown();
    EXPECT_EQ(shown["lines"][0]["source"], "kiosk");
    EXPECT_EQ(shown["lines"][0]["from"], nlohmann::json::array({5, 6}));
    EXPECT_EQ(shown["lines"][0]["to"], nlohmann::json::array({600, 400}));
    EXPECT_TRUE(shown["lines"][0].contains("set_at"));
    EXPECT_EQ(shown["lines"][1]["source"], "configuration");
    const ChildResult text = Line({"show"});
    ASSERT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("entrance: 5,6 -> 600,400, towards = positive, set on the kiosk"),
              std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("exit: 0,100 -> 640,100, towards = negative, configured"), std::string::npos)
        << text.out;

    const ChildResult reset = Line({"reset"});
    ASSERT_EQ(reset.exit_code, 0) << reset.err;
    shown = Shown();
    EXPECT_EQ(shown["lines"][0]["source"], "configuration");
    EXPECT_EQ(shown["lines"][0]["to"], nlohmann::json::array({300, 220}));
}

TEST_F(CounterLineCli, BadLinesAreRefusedAndChangeNothing) {
    ASSERT_EQ(Line({"set", "--name", "exit", "--from", "0,50", "--to", "640,50"}).exit_code, 0);
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"--name", "exit", "--from", "0,50", "--to", "641,50"}, "outside the 640x480 frame"},
        {{"--name", "exit", "--from", "-1,50", "--to", "600,50"}, "within 0..10000"},
        {{"--name", "exit", "--from", "30,30", "--to", "30.4,30.2"}, "at least 2 px long"},
        {{"--name", "hall", "--from", "0,0", "--to", "10,10"}, "no counting line is named \"hall\""},
        {{"--name", "exit", "--from", "ten,5", "--to", "10,10"}, "must be x,y"},
        {{"--name", "exit", "--from", "5", "--to", "10,10"}, "must be x,y"},
        {{"--name", "exit", "--from", "5,nan", "--to", "10,10"}, "must be x,y"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args{"set"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const ChildResult r = Line(args);
        EXPECT_EQ(r.exit_code, 2) << c.message;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    }
    EXPECT_EQ(Line({"set", "--name", "exit"}).exit_code, 2);  // --from and --to are required
    const nlohmann::json shown = Shown();
    EXPECT_EQ(shown["lines"][1]["from"], nlohmann::json::array({0, 50}));
    EXPECT_EQ(shown["lines"][1]["to"], nlohmann::json::array({640, 50}));
}

}  // namespace
}  // namespace ck::test
