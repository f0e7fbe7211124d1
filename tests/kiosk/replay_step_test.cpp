// Replay script lines: every step kind parses into its fields; anything else is an error naming the line.
#include <gtest/gtest.h>

#include <string>

#include "replay/replay.h"

namespace ck::kiosk {
namespace {

using Kind = ReplayStep::Kind;

TEST(ReplayStepTest, Tap) {
    Result<ReplayStep> s = ParseReplayStep(R"({"tap":[100,200.5]})", 3);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->kind, Kind::kTap);
    EXPECT_FLOAT_EQ(s->x1, 100);
    EXPECT_FLOAT_EQ(s->y1, 200.5f);
    EXPECT_EQ(s->line, 3);
}

TEST(ReplayStepTest, Drag) {
    Result<ReplayStep> s = ParseReplayStep(R"({"drag": [960, 800, 960, 300, 400]})", 1);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->kind, Kind::kDrag);
    EXPECT_FLOAT_EQ(s->x1, 960);
    EXPECT_FLOAT_EQ(s->y1, 800);
    EXPECT_FLOAT_EQ(s->x2, 960);
    EXPECT_FLOAT_EQ(s->y2, 300);
    EXPECT_DOUBLE_EQ(s->ms, 400);
}

TEST(ReplayStepTest, WaitMs) {
    Result<ReplayStep> s = ParseReplayStep(R"({"wait_ms":95000})", 2);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->kind, Kind::kWait);
    EXPECT_DOUBLE_EQ(s->ms, 95000);
    Result<ReplayStep> zero = ParseReplayStep(R"({"wait_ms":0})", 2);
    ASSERT_TRUE(zero.ok());
    EXPECT_DOUBLE_EQ(zero->ms, 0);
}

TEST(ReplayStepTest, TextSteps) {
    const struct {
        const char* line;
        Kind kind;
        const char* text;
    } cases[] = {
        {R"({"tap_text":"Bildschirm berühren"})", Kind::kTapText, "Bildschirm berühren"},
        {R"({"type":"Hallo Welt"})", Kind::kType, "Hallo Welt"},
        {R"({"shot":"/tmp/a.png"})", Kind::kShot, "/tmp/a.png"},
        {R"({"expect_text":"Was möchten Sie tun?"})", Kind::kExpectText, "Was möchten Sie tun?"},
        {R"({"expect_text":"\u0645\u0631\u062d\u0628\u0627"})", Kind::kExpectText, "مرحبا"},
    };
    for (const auto& c : cases) {
        Result<ReplayStep> s = ParseReplayStep(c.line, 9);
        ASSERT_TRUE(s.ok()) << c.line << ": " << s.error().message;
        EXPECT_EQ(s->kind, c.kind) << c.line;
        EXPECT_EQ(s->text, c.text) << c.line;
        EXPECT_EQ(s->line, 9);
    }
}

class BadReplayStepTest : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(BadReplayStepTest, ErrorNamesTheLineAndTheProblem) {
    const auto& [text, what] = GetParam();
    Result<ReplayStep> s = ParseReplayStep(text, 42);
    ASSERT_FALSE(s.ok()) << "accepted: " << text;
    EXPECT_EQ(s.error().code, "replay.step");
    EXPECT_EQ(s.error().message.rfind("line 42: ", 0), 0u) << s.error().message;
    EXPECT_NE(s.error().message.find(what), std::string::npos) << s.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, BadReplayStepTest,
    ::testing::Values(std::make_pair("not json", "one JSON object"),
                      std::make_pair("{\"tap\":[1,2]", "one JSON object"),
                      std::make_pair("[1,2]", "one JSON object"),
                      std::make_pair("\"tap\"", "one JSON object"), std::make_pair("{}", "one JSON object"),
                      std::make_pair(R"({"tap":[1,2],"wait_ms":5})", "one key"),
                      std::make_pair(R"({"tap":[1]})", "tap needs [x, y]"),
                      std::make_pair(R"({"tap":[1,2,3]})", "tap needs [x, y]"),
                      std::make_pair(R"({"tap":[-1,2]})", "tap needs [x, y]"),
                      std::make_pair(R"({"tap":["1","2"]})", "tap needs [x, y]"),
                      std::make_pair(R"({"tap":"Ideen"})", "tap needs [x, y]"),
                      std::make_pair(R"({"tap":[1,200000]})", "tap needs [x, y]"),
                      std::make_pair(R"({"drag":[1,2,3,4]})", "drag needs [x1, y1, x2, y2, ms]"),
                      std::make_pair(R"({"drag":[1,2,3,4,null]})", "drag needs"),
                      std::make_pair(R"({"wait_ms":-5})", "wait_ms needs a number"),
                      std::make_pair(R"({"wait_ms":"500"})", "wait_ms needs a number"),
                      std::make_pair(R"({"wait_ms":1e12})", "wait_ms needs a number"),
                      std::make_pair(R"({"tap_text":""})", "tap_text needs a non-empty text"),
                      std::make_pair(R"({"tap_text":5})", "tap_text needs a non-empty text"),
                      std::make_pair(R"({"type":["a"]})", "type needs a non-empty text"),
                      std::make_pair(R"({"shot":null})", "shot needs a non-empty text"),
                      std::make_pair(R"({"expect_text":""})", "expect_text needs a non-empty text"),
                      std::make_pair(R"({"click":[1,2]})", "unknown step \"click\""),
                      std::make_pair(R"({"Tap":[1,2]})", "unknown step \"Tap\""),
                      // Say what is wrong, not only the shape that was expected.
                      std::make_pair("{\"tap_text\":\"ab\xff\"}", "invalid UTF-8 at byte 15"),
                      std::make_pair("{\"type\":\"\xed\xa0\x80\"}", "invalid UTF-8 at byte 9"),
                      std::make_pair(R"({"wait_ms":1e400})", "a number is out of range"),
                      std::make_pair(R"({"tap":[1,2],"wait_ms":5})", "this one has 2")));

TEST(ReplayStep, ErrorsQuoteAtMostEightyCharactersOfTheInput) {
    const std::string huge(10 * 1024 * 1024, 'x');
    for (const std::string& line : {R"({")" + huge + R"(":1})", R"({"tap_text":")" + huge + R"(", "x":1})",
                                    R"({"tap":[1,2]} )" + huge}) {
        Result<ReplayStep> s = ParseReplayStep(line, 7);
        ASSERT_FALSE(s.ok());
        EXPECT_LT(s.error().message.size(), 300u) << s.error().message.substr(0, 300);
    }
}

}  // namespace
}  // namespace ck::kiosk
