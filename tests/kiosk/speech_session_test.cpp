// Speech output in process: the real demo App runs replay scripts unrendered (RunReplayUnrendered, every
// widget and controller, no rasterising) with a real Speaker (espeak-ng) whose log records every utterance
// and whose audio goes to a sink that counts interruptions. Each test puts the session where it matters (a
// wizard step, a dialog) and asserts on what was said and on the session's state: the district map under
// explore by touch, personal fields, the keys' echo, the volume, language names in their own voices, and a
// physical keyboard stopping speech.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/kiosk_loop.h"
#include "app/speech_output.h"
#include "participation/geo.h"
#include "speech/speaker.h"
#include "speech_script.h"
#include "test_support/test_support.h"

namespace ck::kiosk::test {
namespace {

namespace fs = std::filesystem;
using ck::test::FindUtterance;
using ck::test::Step;
using ck::test::Text;
using ck::test::Utterance;

struct Stops {
    std::mutex mu;
    int count = 0;
};

// Plays nothing; counts how often the speaker stopped the audio (an interrupt).
class CountingSink : public speech::AudioSink {
  public:
    explicit CountingSink(Stops* stops) : stops_(stops) {}
    void Play(std::span<const std::int16_t>, int) override {}
    void Stop() override {
        std::lock_guard lock(stops_->mu);
        ++stops_->count;
    }

  private:
    Stops* stops_;
};

class SpeechInProcess : public ::testing::Test, protected ck::test::SpeechScript {
  protected:
    void SetUp() override {
        AppOptions o;
        o.demo = true;
        o.language = "de";
        Result<std::unique_ptr<App>> app = CreateApp(std::move(o));
        ASSERT_TRUE(app.ok()) << app.error().message;
        app_ = std::move(*app);
        speech::SpeakerOptions so;
        so.sink = std::make_unique<CountingSink>(&stops_);
        so.log_path = (dir_ / "speech.jsonl").string();
        auto speaker = speech::Speaker::Start(std::move(so));
        ASSERT_TRUE(speaker.ok()) << speaker.error().message;
        app_->speaker = std::move(*speaker);
    }
    void TearDown() override {
        if (app_) app_->speaker.reset();
    }
    App& app() { return *app_; }

    // Opens a screen as a visitor would find it (home below it), speech and explore by touch on.
    void Open(ScreenId screen, bool explore = true) {
        app().nav.Push(screen);
        app().nav.ApplyPending();
        app().idle.Arm(app().now_s);  // as leaving the attract screen does
        if (explore) {
            SetExplore(app(), true);
        } else {
            SetSpeech(app(), true);
        }
    }
    // The idea wizard at a step, with the texts before it filled in.
    void OpenWizardAt(part::WizardStep step) {
        app().nav.Push(ScreenId::kIdeas);
        app().nav.ApplyPending();
        OpenIdeaWizard(app().session.ideas, StoreOf(app()), app().idea_settings, AppNow(app()));
        part::WizardState& wz = app().session.ideas.wizard;
        wz.draft.title = "Mehr Bänke am Bahnhof";
        wz.draft.description = "Zwei Bänke unter dem Vordach würden reichen.";
        wz.draft.category = app().idea_settings.categories.front();
        wz.draft.district = "Wanne";
        wz.step = step;
        Open(ScreenId::kIdeaNew);
    }
    // Runs the script written so far; the app keeps its session between runs.
    void Run() {
        const fs::path script = dir_ / ("script" + std::to_string(++runs_) + ".jsonl");
        WriteTo(script);
        app().fonts_dirty = true;  // each run has an ImGui context (and font atlas) of its own
        ASSERT_EQ(RunReplayUnrendered(app(), script.string(), 1920, 1080), 0);
    }
    std::vector<Utterance> Spoken() const { return ck::test::ReadSpeechLog(dir_ / "speech.jsonl"); }
    std::string All() const { return ck::test::DumpSpeech(Spoken()); }
    int StopCount() {
        std::lock_guard lock(stops_.mu);
        return stops_.count;
    }
    std::string DistrictOfPin() {
        const auto& pin = app().session.ideas.wizard.draft.map_point;
        if (!pin) return "";
        const part::DistrictOutline* d = part::DistrictAt(app().idea_settings.map, *pin);
        return d ? d->district : "(outside)";
    }

    ck::test::TempDir dir_;
    Stops stops_;
    std::unique_ptr<App> app_;
    int runs_ = 0;
};

TEST_F(SpeechInProcess, TheFirstTouchOnTheMapNamesTheDistrictAndADoubleTapPlacesThePin) {
    ASSERT_TRUE(part::HasMap(app().idea_settings.map)) << "the demo has a district map";
    OpenWizardAt(part::WizardStep::kPlace);
    Name("Wanne");
    Run();
    auto spoken = Spoken();
    EXPECT_GE(FindUtterance(spoken, "de", "Wanne, Schaltfläche"), 0) << All();
    // Named only: no pin, the place not chosen.
    EXPECT_FALSE(app().session.ideas.wizard.draft.map_point) << DistrictOfPin();
    EXPECT_NE(app().session.ideas.wizard.draft.place_kind, part::PlaceKind::kMap);

    // A quick second tap on another district names that one: a double tap must be on the same district.
    Add(Step("tap_text", "Wanne"));
    Add(Step("tap_text", "Herne-Mitte"));
    Run();
    EXPECT_GE(FindUtterance(Spoken(), "de", "Herne-Mitte, Schaltfläche"), 0) << All();
    EXPECT_FALSE(app().session.ideas.wizard.draft.map_point) << DistrictOfPin();

    // The activate bar performs the district named last, at the point that named it.
    Name("Wanne");
    Add(Step("tap_text", app().loc->Format("kiosk.speech.activate_element", {{"label", "Wanne"}})));
    Run();
    EXPECT_EQ(DistrictOfPin(), "Wanne") << All();
    EXPECT_EQ(app().session.ideas.wizard.draft.place_kind, part::PlaceKind::kMap);

    // A double tap on a district places the pin there too, and chooses that district.
    app().session.ideas.wizard.draft.map_point.reset();
    Perform("Herne-Mitte");
    Run();
    EXPECT_EQ(DistrictOfPin(), "Herne-Mitte") << All();
    EXPECT_EQ(app().session.ideas.wizard.draft.district, "Herne-Mitte");
}

TEST_F(SpeechInProcess, AnEMailAddressIsNeverReadAloud) {
    const std::string address = "anna.schmidt@example.org";
    OpenWizardAt(part::WizardStep::kContact);
    Perform(Text("de", "kiosk.ideas.contact_consent"));
    Name(Text("de", "kiosk.ideas.email_placeholder"));
    TypeKeys({"a", "n", "n", "a"});  // the on-screen keys echo one character at a time
    Add(Step("type", ".schmidt@example.org"));
    Name(address);  // the field shows what was typed: touching it names the field, not the address
    Run();
    ASSERT_EQ(app().session.ideas.wizard.draft.contact_email, address);
    const auto spoken = Spoken();
    const std::string field = Text("de", "kiosk.ideas.email_placeholder") + ", Eingabefeld, ";
    const int empty = FindUtterance(spoken, "de", field + Text("de", "kiosk.speech.field_empty"));
    ASSERT_GE(empty, 0) << All();
    EXPECT_GT(FindUtterance(spoken, "de", field + Text("de", "kiosk.speech.field_filled"), empty), empty)
        << All();
    for (const Utterance& u : spoken) {
        EXPECT_EQ(u.text.find("example"), std::string::npos) << All();
        EXPECT_EQ(u.text.find("schmidt"), std::string::npos) << All();
        EXPECT_EQ(u.text.find("anna"), std::string::npos) << All();
    }
    // The idea's own title, written for publication, is read back when its field is touched.
    app().session.ideas.wizard.step = part::WizardStep::kTitle;
    Name("Mehr Bänke am Bahnhof");
    Run();
    EXPECT_GE(FindUtterance(Spoken(), "de", "Mehr Bänke am Bahnhof, Eingabefeld"), 0) << All();
}

TEST_F(SpeechInProcess, EachKeyTypedIsEchoedAndThePinPadSaysNothing) {
    // Speech on, explore by touch off: a key types at once and is heard.
    OpenWizardAt(part::WizardStep::kTitle);
    app().session.ideas.wizard.draft.title.clear();
    SetExplore(app(), false);
    for (const std::string k : {"h", "a", "Leerzeichen", "Löschen", "?123", "7"}) Add(Step("tap_text", k));
    Run();
    EXPECT_EQ(app().session.ideas.wizard.draft.title, "ha7");
    const auto spoken = Spoken();
    int at = 0;
    for (const char* said : {"h", "a", "Leerzeichen", "Löschen", "?123", "7"}) {
        at = FindUtterance(spoken, "de", said, at);
        ASSERT_GE(at, 0) << said << "\n" << All();
    }
    // The admin screen's PIN pad: not a digit, not its title.
    const std::size_t before = spoken.size();
    app().nav.Push(ScreenId::kAdmin);
    app().nav.ApplyPending();
    for (const char* digit : {"1", "2", "3", "4"}) Add(Step("tap_text", digit));
    Run();
    EXPECT_EQ(app().session.admin.pin, "1234") << "the digits were typed";
    EXPECT_EQ(Spoken().size(), before) << All();
}

TEST_F(SpeechInProcess, VolumeStepsReachTheSpeakerAndANewVisitorGetsTheDefault) {
    Open(ScreenId::kHome, /*explore=*/false);
    app().session.accessibility_dialog = true;
    const std::string louder = Text("de", "kiosk.accessibility.louder");
    const std::string quieter = Text("de", "kiosk.accessibility.quieter");
    Add(Step("tap_text", louder));
    Add(Step("tap_text", louder));
    Run();
    EXPECT_EQ(app().speaker->settings().volume,
              speech::Settings::kDefaultVolume + 2 * speech::Settings::kVolumeStep);
    EXPECT_EQ(app().session.speech.settings.volume, app().speaker->settings().volume);
    EXPECT_GE(FindUtterance(Spoken(), "de", louder), 0) << All();
    // Bounded: many steps down end at the quietest, never silent.
    for (int i = 0; i < 12; ++i) Add(Step("tap_text", quieter));
    Run();
    EXPECT_EQ(app().speaker->settings().volume, speech::Settings::kMinVolume);
    // The idle reset: the next visitor hears the default volume (and rate).
    Add(Step("tap_text", Text("de", "kiosk.accessibility.slower")));
    Add(R"({"wait_ms":200000})");
    Run();
    EXPECT_EQ(app().nav.current(), ScreenId::kAttract);
    EXPECT_EQ(app().speaker->settings().volume, speech::Settings::kDefaultVolume);
    EXPECT_EQ(app().speaker->settings().rate_wpm, speech::Settings::kDefaultRate);
    EXPECT_EQ(app().session.speech.settings.volume, speech::Settings::kDefaultVolume);
    EXPECT_FALSE(app().session.speech.on);
}

TEST_F(SpeechInProcess, LanguageNamesAreSpokenInTheirOwnVoices) {
    Open(ScreenId::kHome);
    app().session.language_dialog = true;
    Name("العربية");
    Name("Türkçe");
    Name("Leichte Sprache");
    Name("Deutsch");
    Run();
    const auto spoken = Spoken();
    for (const auto& [lang, name] : std::vector<std::pair<std::string, std::string>>{
             {"ar", "العربية"}, {"tr", "Türkçe"}, {"de-x-ls", "Leichte Sprache"}}) {
        const int at = FindUtterance(spoken, lang, name);
        ASSERT_GE(at, 0) << name << "\n" << All();
        // The role follows in the UI's language and voice.
        EXPECT_EQ(FindUtterance(spoken, "de", "Schaltfläche", at), at + 1) << All();
    }
    // The UI's own language: one utterance as for any button.
    EXPECT_GE(FindUtterance(spoken, "de", "Deutsch, Schaltfläche"), 0) << All();
    // Nothing was chosen by naming.
    EXPECT_EQ(app().session.language, "de");
}

TEST_F(SpeechInProcess, APhysicalKeyStopsWhatIsBeingSaid) {
    OpenWizardAt(part::WizardStep::kTitle);
    app().session.ideas.wizard.draft.title.clear();
    // Frames without input leave speech alone.
    Add(R"({"wait_ms":2000})");
    Run();
    const int stops_before = StopCount();
    Say(app(), "Das ist ein langer Satz, den eine Taste unterbricht.");
    Add(R"({"wait_ms":2000})");
    Run();
    EXPECT_EQ(StopCount(), stops_before);
    // A key of a physical keyboard: it types, and the speaker is interrupted (its audio stopped).
    Add(Step("type", "B"));
    Run();
    EXPECT_EQ(app().session.ideas.wizard.draft.title, "B");
    EXPECT_EQ(StopCount(), stops_before + 1);
}

}  // namespace
}  // namespace ck::kiosk::test
