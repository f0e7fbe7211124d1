// Speech output and explore by touch through the real binary: `civic-kiosk run --demo --headless --replay F
// --speech-log L`. The issue's "done when": a visitor who cannot see switches speech on by holding one finger
// on the attract screen, then uses only explore by touch (a first tap names an element, a second tap on it
// performs it) and what the kiosk says, to find a service and hear a result, and to submit an idea with the
// on-screen keyboard; in German and in Arabic. The assertions are on the logged utterances.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "child_process.h"
#include "speech_script.h"
#include "test_support/test_support.h"

namespace ck::test {
namespace {

namespace fs = std::filesystem;

class SpeechReplay : public ::testing::Test, protected SpeechScript {
  protected:
    // The wizard after its two texts: a category, a district, "here at the kiosk", no contact, submit.
    void ChooseTheRestAndSubmit(const std::string& lang) {
        Perform(Text(lang, "kiosk.ideas.category.mobility"));
        Perform(Text(lang, "kiosk.ideas.next"));
        Perform("Wanne");
        Perform(Text(lang, "kiosk.ideas.next"));
        Perform(Text(lang, "kiosk.ideas.place_here"));
        Perform(Text(lang, "kiosk.ideas.next"));
        Perform(Text(lang, "kiosk.ideas.next"));
        Perform(Text(lang, "kiosk.ideas.submit"));
        Add(Step("expect_text", Text(lang, "kiosk.ideas.receipt_title")));
    }

    // 1280x720: software rendering of hundreds of taps is the cost of these journeys (label long).
    ChildResult Run(const std::string& size = "1280x720") {
        const fs::path script = dir_ / "journey.jsonl";
        WriteTo(script);
        return RunChild(KioskBinary().string(),
                        {"run", "--demo", "--headless", "--size", size, "--replay", script.string(),
                         "--speech-log", log_path().string()},
                        std::chrono::seconds(480));  // a loaded machine renders slowly
    }
    fs::path log_path() const { return dir_ / "speech.jsonl"; }
    std::vector<Utterance> Spoken() const { return ReadSpeechLog(log_path()); }
    static int Find(const std::vector<Utterance>& spoken, const std::string& lang, const std::string& text,
                    int from = 0) {
        return FindUtterance(spoken, lang, text, from);
    }
    static std::string Dump(const std::vector<Utterance>& spoken) { return DumpSpeech(spoken); }
    TempDir dir_;
};

constexpr const char* kHold = kHoldToSpeak;

TEST_F(SpeechReplay, ABlindVisitorFindsAServiceAndSubmitsAnIdeaInGerman) {
    const std::string de = "de";
    Add(kHold);
    Name(Text(de, "kiosk.home.services"));
    Perform(Text(de, "kiosk.home.services"));
    Perform(Text(de, "kiosk.services.search_placeholder"));
    TypeKeys({"h", "u", "n", "d"});
    Name("Hund anmelden (Hundesteuer)");
    // Back home and into the idea wizard.
    Perform(Text(de, "kiosk.nav.home"));
    Perform(Text(de, "kiosk.home.ideas"));
    Perform(Text(de, "kiosk.ideas.new_button"));
    Perform(Text(de, "kiosk.ideas.next"));  // nothing typed yet: the error is spoken
    TypeKeys({"b", "a", "n", "k"});
    Perform(Text(de, "kiosk.ideas.next"));
    TypeKeys({"m", "e", "h", "r", "Leerzeichen", "b", "ä", "n", "k", "e"});
    Perform(Text(de, "kiosk.ideas.next"));
    ChooseTheRestAndSubmit(de);
    const ChildResult r = Run();
    ASSERT_EQ(r.exit_code, 0) << r.err;

    const auto spoken = Spoken();
    const std::string all = Dump(spoken);
    for (const auto& u : spoken) EXPECT_EQ(u.lang, de) << all;
    // The hold switched speech on and said how exploring works; then the home screen's title.
    int at = Find(spoken, de, Text(de, "kiosk.speech.explore_on"));
    ASSERT_EQ(at, 0) << all;
    at = Find(spoken, de, Text(de, "kiosk.home.title"), at);
    ASSERT_GT(at, 0) << all;
    // The first tap named the tile (and did not open it), the double tap opened the services screen.
    at = Find(spoken, de, "Dienstleistungen, Schaltfläche", at);
    ASSERT_GT(at, 0) << all;
    EXPECT_EQ(spoken[at + 1].text, "Dienstleistungen, Schaltfläche")
        << all;  // named again before the double tap
    at = Find(spoken, de, Text(de, "kiosk.services.title"), at);
    ASSERT_GT(at, 0) << all;
    at = Find(spoken, de, Text(de, "kiosk.services.search_placeholder") + ", Eingabefeld", at);
    ASSERT_GT(at, 0) << all;
    for (const char* key : {"h", "u", "n", "d"}) {
        at = Find(spoken, de, key, at);
        ASSERT_GT(at, 0) << key << "\n" << all;
    }
    // The result of the search, heard.
    at = Find(spoken, de, "Hund anmelden (Hundesteuer), Schaltfläche", at);
    ASSERT_GT(at, 0) << all;
    // The wizard: its first question, the error for an empty title, the keys, and the receipt with the code
    // spelled out.
    at = Find(spoken, de, Text(de, "kiosk.ideas.step_title"), at);
    ASSERT_GT(at, 0) << all;
    EXPECT_GT(Find(spoken, de, Text(de, "kiosk.ideas.error.required"), at), at) << all;
    const std::regex receipt("Ihre Idee wurde gespeichert\\. Referenzcode: ([A-Z0-9], )+[A-Z0-9]\\.");
    EXPECT_TRUE(std::regex_match(spoken.back().text, receipt)) << all;
    // Nothing masked or private was said: no e-mail step text typed, and no raw code.
    for (const auto& u : spoken) EXPECT_EQ(u.text.find("\xE2\x80\xA2"), std::string::npos) << all;
}

TEST_F(SpeechReplay, ABlindVisitorFindsAServiceAndSubmitsAnIdeaInArabic) {
    const std::string ar = "ar";
    Add(kHold);
    // The language is chosen by exploring too: the language tile, then Arabic in the dialog.
    Perform(Text("de", "kiosk.home.language"));
    Perform("العربية");
    Perform(Text(ar, "kiosk.home.services"));
    Perform(Text(ar, "kiosk.services.search_placeholder"));
    // The demo's services are German: the keyboard's layout key, three times, reaches a Latin layout.
    for (int i = 0; i < 3; ++i) Perform(Text(ar, "kiosk.keyboard.next_layout"));
    TypeKeys({"h", "u", "n", "d"});
    Name("Hund anmelden (Hundesteuer)");
    Perform(Text(ar, "kiosk.nav.home"));
    Perform(Text(ar, "kiosk.home.ideas"));
    Perform(Text(ar, "kiosk.ideas.new_button"));
    TypeKeys({"ح", "د", "ي", "ق", "ة"});
    Perform(Text(ar, "kiosk.ideas.next"));
    TypeKeys({"ح", "د", "ي", "ق", "ة", Text(ar, "kiosk.keyboard.space"), "ج", "د", "ي", "د", "ة"});
    Perform(Text(ar, "kiosk.ideas.next"));
    ChooseTheRestAndSubmit(ar);
    const ChildResult r = Run();
    ASSERT_EQ(r.exit_code, 0) << r.err;

    const auto spoken = Spoken();
    const std::string all = Dump(spoken);
    // German until Arabic was chosen, Arabic from the home screen's title on.
    // The language's name in its own voice, the role in the UI's.
    int at = Find(spoken, ar, "العربية");
    ASSERT_GT(at, 0) << all;
    EXPECT_EQ(Find(spoken, "de", "Schaltfläche", at), at + 1) << all;
    at = Find(spoken, ar, Text(ar, "kiosk.home.title"), at);
    ASSERT_GT(at, 0) << all;
    for (std::size_t i = static_cast<std::size_t>(at); i < spoken.size(); ++i)
        EXPECT_EQ(spoken[i].lang, ar) << all;
    at = Find(spoken, ar, Text(ar, "kiosk.home.services") + "، " + Text(ar, "kiosk.speech.role_button"), at);
    ASSERT_GT(at, 0) << all;
    at = Find(spoken, ar, Text(ar, "kiosk.services.title"), at);
    ASSERT_GT(at, 0) << all;
    at = Find(spoken, ar, "Hund anmelden (Hundesteuer)، " + Text(ar, "kiosk.speech.role_button"), at);
    ASSERT_GT(at, 0) << all;
    at = Find(spoken, ar, Text(ar, "kiosk.ideas.step_title"), at);
    ASSERT_GT(at, 0) << all;
    EXPECT_GT(Find(spoken, ar, "ح", at), at) << all;
    const std::regex receipt("تم حفظ فكرتك\\. الرمز المرجعي: ([A-Z0-9], )+[A-Z0-9]\\.");
    EXPECT_TRUE(std::regex_match(spoken.back().text, receipt)) << all;
}

// Speech switched on in the accessibility panel: the admin screen says nothing (its title, the PIN pad),
// and a session reset turns speech off again for the next visitor.
TEST_F(SpeechReplay, TheAdminScreenIsSilentAndAResetEndsSpeech) {
    const std::string de = "de";
    Add(Step("tap_text", Text(de, "kiosk.attract.touch_to_start")));
    Add(Step("tap_text", Text(de, "kiosk.home.accessibility")));
    Add(Step("tap_text", Text(de, "kiosk.accessibility.speech")));
    Add(Step("tap_text", Text(de, "kiosk.accessibility.slower")));
    Add(Step("tap_text", Text(de, "kiosk.common.close")));
    for (int i = 0; i < 5; ++i) Add(R"({"tap":[60,40]})");  // five quick taps on the city name
    Add(Step("expect_text", Text(de, "kiosk.admin.title")));
    for (const char* digit : {"1", "2", "3", "4"}) Add(Step("tap_text", digit));
    Add(Step("tap_text", Text(de, "kiosk.nav.home")));
    Add(Step("expect_text", Text(de, "kiosk.home.title")));
    Add(R"({"wait_ms":200000})");  // the idle reset
    Add(Step("tap_text", Text(de, "kiosk.attract.touch_to_start")));
    Add(Step("tap_text", Text(de, "kiosk.home.services")));
    Add(Step("expect_text", Text(de, "kiosk.services.title")));
    const ChildResult r = Run();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto spoken = Spoken();
    const std::string all = Dump(spoken);
    ASSERT_GE(spoken.size(), 3u) << all;
    EXPECT_EQ(spoken[0].text, Text(de, "kiosk.speech.speech_on")) << all;
    EXPECT_EQ(spoken[1].text, Text(de, "kiosk.accessibility.slower")) << all;
    // Back on home after the admin screen: its title, then the idle warning; nothing of the admin screen,
    // nothing after the reset (the services title was not spoken).
    EXPECT_EQ(Find(spoken, de, Text(de, "kiosk.admin.title")), -1) << all;
    for (const char* digit : {"1", "2", "3", "4"}) EXPECT_EQ(Find(spoken, de, digit), -1) << all;
    EXPECT_GT(Find(spoken, de, Text(de, "kiosk.home.title")), 1) << all;
    EXPECT_EQ(spoken.back().text.rfind(Text(de, "kiosk.idle.title"), 0), 0u) << all;
    EXPECT_EQ(Find(spoken, de, Text(de, "kiosk.services.title")), -1) << all;
}

}  // namespace
}  // namespace ck::test
