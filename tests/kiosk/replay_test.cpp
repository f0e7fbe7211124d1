// Visitor journeys through the real binary: `civic-kiosk run --demo --headless --replay F.jsonl`. Texts are
// the German catalogue's (locales/catalogues/de.json); a journey passes only when every step succeeded.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "child_process.h"
#include "test_support/test_support.h"

namespace ck::test {
namespace {

namespace fs = std::filesystem;

constexpr char kStart[] = R"({"tap_text":"Bildschirm berühren"})";
constexpr char kHomeTitle[] = "Was möchten Sie tun?";

std::string Expect(const std::string& text) {
    return R"({"expect_text":")" + text + R"("})";
}
std::string TapText(const std::string& text) {
    return R"({"tap_text":")" + text + R"("})";
}

class ReplayTest : public ::testing::Test {
  protected:
    // Writes the steps to a .jsonl file and runs the kiosk on them.
    ChildResult Replay(const std::vector<std::string>& steps, const std::string& size = "1920x1080") {
        const fs::path script = dir_ / ("journey" + std::to_string(++scripts_) + ".jsonl");
        std::ofstream out(script);
        for (const auto& s : steps) out << s << "\n";
        out.close();
        return RunChild(KioskBinary().string(),
                        {"run", "--demo", "--headless", "--size", size, "--replay", script.string()});
    }
    TempDir dir_;
    int scripts_ = 0;
};

TEST_F(ReplayTest, TouchingTheAttractScreenOpensHome) {
    const ChildResult r = Replay({Expect("Bildschirm berühren"), kStart, Expect(kHomeTitle)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReplayTest, ExpectingAbsentTextFailsNamingTheTextAndTheLine) {
    const ChildResult r = Replay({kStart, Expect("Dieser Text steht nirgends")});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("\"Dieser Text steht nirgends\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
    // What is visible instead helps whoever reads the failure.
    EXPECT_NE(r.err.find(kHomeTitle), std::string::npos) << r.err;
}

TEST_F(ReplayTest, HomeIsNotVisibleBeforeTheFirstTouch) {
    const ChildResult r = Replay({Expect(kHomeTitle)});
    EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(ReplayTest, TappingAbsentTextFails) {
    const ChildResult r = Replay({kStart, TapText("Gibt es nicht")});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("\"Gibt es nicht\""), std::string::npos) << r.err;
}

TEST_F(ReplayTest, BadScriptLineIsAUsageErrorNamingTheLine) {
    const ChildResult r = Replay({kStart, R"({"click":[1,2]})"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("click"), std::string::npos) << r.err;
}

TEST_F(ReplayTest, MissingScriptIsAnInputError) {
    const ChildResult r = RunChild(
        KioskBinary().string(), {"run", "--demo", "--headless", "--replay", (dir_ / "nope.jsonl").string()});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("nope.jsonl"), std::string::npos) << r.err;
}

TEST_F(ReplayTest, PrivacyAndBackToHome) {
    const ChildResult r =
        Replay({kStart, TapText("Datenschutz"), Expect("Passantenzählung"),
                Expect("Was nicht gespeichert wird"), TapText("Zurück"), Expect(kHomeTitle)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReplayTest, PrivacyIsReallyAnotherScreen) {
    const ChildResult r = Replay({kStart, TapText("Datenschutz"), Expect(kHomeTitle)});
    EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(ReplayTest, HomeHasNoBackButton) {
    const ChildResult r = Replay({kStart, TapText("Zurück")});
    EXPECT_EQ(r.exit_code, 1) << r.err;
}

// The idle journeys only test the session, not the layout: a smaller window keeps the software renderer quick
// (the replay draws two frames per simulated second).
constexpr char kSmall[] = "1280x720";

TEST_F(ReplayTest, IdleTimeoutReturnsToTheAttractScreen) {
    const ChildResult r =
        Replay({kStart, Expect(kHomeTitle), R"({"wait_ms":95000})", Expect("Bildschirm berühren")}, kSmall);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

// The attract screen's title must be visible to replays (and so to screen readers later): expect_text
// "Willkommen!" is how journeys check that they are back at the start.
TEST_F(ReplayTest, AttractTitleIsVisibleText) {
    const ChildResult r = Replay({Expect("Willkommen!")}, kSmall);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReplayTest, IdleTimeoutLeavesNoHomeScreen) {
    const ChildResult r = Replay({kStart, R"({"wait_ms":95000})", Expect(kHomeTitle)}, kSmall);
    EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(ReplayTest, IdleResetClearsTheChosenLanguage) {
    const ChildResult r =
        Replay({kStart, TapText("Sprache"), TapText("English"), Expect("What would you like to do?"),
                R"({"wait_ms":95000})", Expect("Bildschirm berühren")},
               kSmall);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReplayTest, NoResetBeforeTheTimeout) {
    const ChildResult r = Replay({kStart, R"({"wait_ms":65000})", Expect(kHomeTitle)}, kSmall);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReplayTest, NoWarningBeforeItsTime) {
    const ChildResult r = Replay({kStart, R"({"wait_ms":65000})", Expect("Sind Sie noch da?")}, kSmall);
    EXPECT_EQ(r.exit_code, 1) << "the warning shows only 20 s before the reset: " << r.err;
}

TEST_F(ReplayTest, ATouchDuringTheWarningKeepsTheSession) {
    const ChildResult r =
        Replay({kStart, R"({"wait_ms":75000})", Expect("Sind Sie noch da?"), Expect(kHomeTitle),
                TapText("Weiter benutzen"), R"({"wait_ms":30000})", Expect(kHomeTitle)},
               kSmall);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReplayTest, ATouchDismissesTheWarning) {
    const ChildResult r = Replay({kStart, R"({"wait_ms":75000})", TapText("Weiter benutzen"),
                                  R"({"wait_ms":1000})", Expect("Sind Sie noch da?")},
                                 kSmall);
    EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(ReplayTest, WithoutATouchTheWarningEndsInAReset) {
    const ChildResult r = Replay({kStart, R"({"wait_ms":75000})", Expect("Sind Sie noch da?"),
                                  R"({"wait_ms":30000})", Expect(kHomeTitle)},
                                 kSmall);
    EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(ReplayTest, ATapOpensAService) {
    const ChildResult r = Replay({kStart, TapText("Dienstleistungen"), Expect("Wohnsitz anmelden"),
                                  TapText("Wohnsitz anmelden"), Expect("Das brauchen Sie"),
                                  Expect("• Personalausweis oder Reisepass")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

// The demo catalogue has six services; at 1920x1080 the list shows the first ones and the last is below
// the fold. The drag starts on a row, so a drag taken for a tap would open that service.
constexpr char kServicesTile[] = "Dienstleistungen";
constexpr char kFirstService[] = "Wohnsitz anmelden";
constexpr char kLastService[] = "Hund anmelden (Hundesteuer)";
constexpr char kDragUp[] = R"({"drag":[960,880,960,250,400]})";
constexpr char kSearchField[] = "Suchen, z. B. „Anmeldung“";
constexpr char kDetailHeading[] = "Das brauchen Sie";

TEST_F(ReplayTest, TheLastServiceIsBelowTheFoldAtFirst) {
    const ChildResult r =
        Replay({kStart, TapText(kServicesTile), Expect(kFirstService), Expect(kLastService)});
    EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(ReplayTest, DraggingTheServiceListScrollsIt) {
    const ChildResult r = Replay({kStart, TapText(kServicesTile), Expect(kFirstService), kDragUp,
                                  R"({"wait_ms":1000})", Expect(kLastService), Expect(kSearchField)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const ChildResult first_gone =
        Replay({kStart, TapText(kServicesTile), kDragUp, R"({"wait_ms":1000})", Expect(kFirstService)});
    EXPECT_EQ(first_gone.exit_code, 1) << "the first row scrolled out of view: " << first_gone.err;
}

TEST_F(ReplayTest, DraggingTheServiceListOpensNothing) {
    const ChildResult r =
        Replay({kStart, TapText(kServicesTile), kDragUp, R"({"wait_ms":1000})", Expect(kDetailHeading)});
    EXPECT_EQ(r.exit_code, 1) << "a drag must not open a service: " << r.err;
}

TEST_F(ReplayTest, ATapOnAScrolledRowOpensIt) {
    const ChildResult r =
        Replay({kStart, TapText(kServicesTile), kDragUp, R"({"wait_ms":1000})", TapText(kLastService),
                Expect(kDetailHeading), Expect("• Nachweis der Haftpflichtversicherung")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReplayTest, TypingIntoTheSearchFiltersTheList) {
    const ChildResult r = Replay(
        {kStart, TapText(kServicesTile), TapText(kSearchField), R"({"type":"Hund"})", Expect(kLastService)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const ChildResult filtered = Replay(
        {kStart, TapText(kServicesTile), TapText(kSearchField), R"({"type":"Hund"})", Expect(kFirstService)});
    EXPECT_EQ(filtered.exit_code, 1) << "\"Wohnsitz anmelden\" does not match \"Hund\": " << filtered.err;
}

TEST_F(ReplayTest, TheSearchKeyboardTypesAndTheResultsStayTappableInBothOrientations) {
    // Tapping the on-screen keys (not a "type" step): the keyboard must be on screen, and the results must
    // stay visible beside it (landscape) or above it (portrait).
    for (const char* size : {"1920x1080", "1080x1920"}) {
        const ChildResult r = Replay({kStart, TapText(kServicesTile), TapText(kSearchField), TapText("h"), TapText("u"),
                                      TapText("n"), TapText("d"), TapText(kLastService),
                                      Expect(kDetailHeading)},
                                     size);
        EXPECT_EQ(r.exit_code, 0) << size << ": " << r.err;
    }
}

TEST(IdleKiosk, DrawsAlmostNothingAndStopsOnSigterm) {
    // Redraw on demand: the attract screen with nobody in front of it draws its first frames, a frame per
    // clock minute and nothing else. A wake-up on an event the app ignores used to redraw ~30 times a second.
    const ChildResult r = RunChild(KioskBinary().string(), {"run", "--demo", "--headless", "--size", "1280x720"},
                                   std::chrono::seconds(30), std::chrono::seconds(4));
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::string marker = "kiosk loop ended after ";
    const auto at = r.err.find(marker);
    ASSERT_NE(at, std::string::npos) << r.err;
    const long frames = std::stol(r.err.substr(at + marker.size()));
    EXPECT_LE(frames, 10) << r.err;
    EXPECT_GE(frames, 1) << r.err;
}

TEST_F(ReplayTest, ShotStepWritesThePictureOfTheCurrentScreen) {
    const fs::path shot = dir_ / "home.png";
    const ChildResult r = Replay({kStart, R"({"shot":")" + shot.string() + R"("})"}, kSmall);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(shot, std::ios::binary);
    unsigned char h[24] = {};
    ASSERT_TRUE(in.read(reinterpret_cast<char*>(h), sizeof h)) << shot;
    EXPECT_EQ(std::string(reinterpret_cast<char*>(h) + 1, 3), "PNG");
    EXPECT_EQ((h[16] << 24) | (h[17] << 16) | (h[18] << 8) | h[19], 1280);
    EXPECT_EQ((h[20] << 24) | (h[21] << 16) | (h[22] << 8) | h[23], 720);
}

// The on-screen keyboard's caret, driven only by taps on the keys (as a visitor would); the field shows the
// draft text itself, so expect_text reads what the wizard will submit.
constexpr char kIdeasTile[] = "Ideen";
constexpr char kNewIdea[] = "Eigene Idee einreichen";
constexpr char kLeft[] = "\u2190";
constexpr char kRight[] = "\u2192";

std::vector<std::string> TapKeys(const std::vector<std::string>& keys) {
    std::vector<std::string> steps;
    for (const auto& k : keys) steps.push_back(TapText(k));
    return steps;
}

std::vector<std::string> Concat(std::vector<std::vector<std::string>> parts) {
    std::vector<std::string> out;
    for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

TEST_F(ReplayTest, ArrowKeysMoveTheCaretAndTypingInsertsThere) {
    const std::vector<std::string> steps = Concat({
        {kStart, TapText(kIdeasTile), TapText(kNewIdea)},
        TapKeys({"Groß", "P", "a", "r", "k", "b", "a", "n", "k"}),
        {Expect("Parkbank")},
        TapKeys({kLeft, kLeft, kLeft, kLeft, "Leerzeichen"}),
        {Expect("Park bank")},
        TapKeys({kRight, "Löschen"}),  // the b after the space
        {Expect("Park ank")},
        TapKeys({kLeft, kLeft, kLeft, kLeft, kLeft, kLeft, kLeft, "Groß", "X"}),  // stops at the start
        {Expect("XPark ank")},
        // A tap on the field puts the caret at the nearest character: right of the short text, its end.
        {TapText("XPark ank")},
        TapKeys({"s"}),
        {Expect("XPark anks")},
    });
    const ChildResult r = Replay(steps);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // The same journey without the arrows appends: proves the expectations above can fail.
    const ChildResult appended = Replay(Concat({{kStart, TapText(kIdeasTile), TapText(kNewIdea)},
                                                TapKeys({"p", "a", "r", "k", "Leerzeichen"}),
                                                {Expect("p ark")}}));
    EXPECT_EQ(appended.exit_code, 1) << appended.err;
}

// Portrait keyboards put the special keys on two rows; the arrows must work there too.
TEST_F(ReplayTest, ArrowKeysWorkOnThePortraitKeyboard) {
    const ChildResult r = Replay(Concat({{kStart, TapText(kIdeasTile), TapText(kNewIdea)},
                                         TapKeys({"a", "b", kLeft, "x", kRight, "Löschen"}),
                                         {Expect("ax")}}),
                                 "1080x1920");
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReplayTest, InArabicTextTheRightArrowGoesBack) {
    // German UI, Arabic layout (the fourth after de, en, tr): سوق is drawn right to left, so the caret at its
    // logical end is on the left and the right arrow moves it back over ق.
    const std::vector<std::string> steps = Concat({
        {kStart, TapText(kIdeasTile), TapText(kNewIdea)},
        TapKeys({"Tastatur", "Tastatur", "Tastatur", "\u0633", "\u0648", "\u0642", kLeft, kRight, "\u0627"}),
        {Expect("\u0633\u0648\u0627\u0642")},
    });
    const ChildResult r = Replay(steps, kSmall);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

// A support is a tap on the open idea's card: the count goes up at once (the list is reloaded from the store
// with the undelivered support) and the button says it is done.
TEST_F(ReplayTest, SupportingAnIdeaRaisesItsCountOnce) {
    const ChildResult r = Replay({kStart, TapText("Ideen"), TapText("Mehr Fahrradbügel am Bahnhof"),
                                  Expect("48 Unterstützungen"), TapText("Unterstützen"),
                                  Expect("49 Unterstützungen"), Expect("Unterstützt – danke!")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace ck::test
