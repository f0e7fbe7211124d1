// The idea wizard step by step through the real binary, in German and Turkish, landscape and (German)
// portrait: a replay walks the ideas list, every wizard step (with a pin on the district map and contact with
// consent) and the receipt, saving a PNG per step. Each must decode at the window size and show something.
// The PNGs stay in <build>/test-output/wizard/ so a person can look at them (docs/screenshots/ has a few).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.h"
#include "png_stats.h"
#include "test_support/test_support.h"

namespace ck::test {
namespace {

namespace fs = std::filesystem;

// Visible texts come from the language's catalogue, so the journey reads the same in every language.
class Catalogue {
  public:
    explicit Catalogue(const std::string& tag) {
        std::ifstream in(SourceDir() / "locales" / "catalogues" / (tag + ".json"));
        messages_ = nlohmann::json::parse(in);
    }
    std::string operator[](const std::string& key) const { return messages_.at(key).get<std::string>(); }

  private:
    nlohmann::json messages_;
};

// One replay line; a value that is itself JSON (a tap's "[x, y]") is embedded as JSON.
std::string Step(const char* kind, const std::string& value) {
    if (!value.empty() && value.front() == '[')
        return nlohmann::json{{kind, nlohmann::json::parse(value)}}.dump();
    return nlohmann::json{{kind, value}}.dump();
}

struct Shot {
    std::string name;
    fs::path path;
};

// The journey for one language and size; `shots` receives the PNGs it will write, in order.
std::vector<std::string> WizardJourney(const Catalogue& t, const std::string& title, const std::string& text,
                                       const fs::path& out, std::vector<Shot>& shots) {
    std::vector<std::string> s;
    auto shot = [&](const std::string& name) {
        shots.push_back({name, out / (name + ".png")});
        s.push_back(Step("shot", shots.back().path.string()));
    };
    s.push_back(Step("tap_text", t["kiosk.attract.touch_to_start"]));
    s.push_back(Step("tap_text", t["kiosk.home.ideas"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.new_button"]));
    shot("00-ideas");
    s.push_back(Step("tap_text", t["kiosk.ideas.new_button"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.step_title"]));
    s.push_back(Step("type", title));
    s.push_back(Step("expect_text", title));
    shot("01-title");
    s.push_back(Step("tap_text", t["kiosk.ideas.next"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.step_description"]));
    s.push_back(Step("type", text));
    shot("02-description");
    s.push_back(Step("tap_text", t["kiosk.ideas.next"]));
    s.push_back(Step("tap_text", t["kiosk.ideas.category.mobility"]));
    shot("03-category");
    s.push_back(Step("tap_text", t["kiosk.ideas.next"]));
    s.push_back(Step("tap_text", "Wanne"));
    shot("04-district");
    s.push_back(Step("tap_text", t["kiosk.ideas.next"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.step_place"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.place_map"]));
    shot("05-place");
    // The demo map names its districts on the map; tapping a name pins its district (and replaces "Wanne").
    s.push_back(Step("tap_text", "Herne-Mitte"));
    std::string pinned = t["kiosk.ideas.map_pin_in"];
    pinned.replace(pinned.find("{district}"), 10, "Herne-Mitte");
    s.push_back(Step("expect_text", pinned));
    shot("06-place-map-pin");
    s.push_back(Step("tap_text", t["kiosk.ideas.next"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.step_contact"]));
    s.push_back(Step("tap_text", t["kiosk.ideas.contact_consent"]));
    s.push_back(Step("type", "anna@example.org"));
    shot("07-contact");
    s.push_back(Step("tap_text", t["kiosk.ideas.next"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.step_review"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.place_map"] + " \u00B7 Herne-Mitte"));
    s.push_back(Step("expect_text", "anna@example.org"));
    shot("08-review");
    s.push_back(Step("tap_text", t["kiosk.ideas.submit"]));
    s.push_back(Step("expect_text", t["kiosk.ideas.receipt_title"]));
    shot("09-receipt");
    return s;
}

struct Variant {
    std::string lang, size;
    int width, height;
    std::string title, text;
};

class WizardScreens : public ::testing::TestWithParam<Variant> {};

TEST_P(WizardScreens, EveryStepRendersAndIsSaved) {
    const Variant& v = GetParam();
    const Catalogue t(v.lang);
    TempDir dir;
    const fs::path out = BinaryDir() / "test-output" / "wizard" / (v.lang + "-" + v.size);
    fs::remove_all(out);
    fs::create_directories(out);
    // The language is the configured default, so the journey starts in it like a kiosk set up for it would.
    const fs::path config = dir / "kiosk.toml";
    std::ofstream(config) << "[kiosk]\ndatabase = \"" << (dir / "kiosk.db").string()
                          << "\"\n[locale]\ndefault = \"" << v.lang << "\"\n";
    std::vector<Shot> shots;
    const fs::path script = dir / "wizard.jsonl";
    {
        std::ofstream s(script);
        for (const auto& step : WizardJourney(t, v.title, v.text, out, shots)) s << step << "\n";
    }
    const ChildResult r = RunChild(KioskBinary().string(),
                                   {"run", "--demo", "--headless", "--size", v.size, "--config",
                                    config.string(), "--replay", script.string()},
                                   std::chrono::seconds(90));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const Shot& shot : shots) {
        SCOPED_TRACE(shot.path.string());
        const PixelStats px = DecodeStats(shot.path);
        EXPECT_EQ(px.width, v.width);
        EXPECT_EQ(px.height, v.height);
        // Text, buttons, a map: far more than a flat or nearly flat image.
        EXPECT_GT(px.distinct_colours, 40u);
        EXPECT_LT(px.dominant_share, 0.9);
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, WizardScreens,
                         ::testing::Values(Variant{"de", "1920x1080", 1920, 1080, "Mehr Bänke am Markt",
                                                   "Am Markt fehlen Sitzplätze für Ältere."},
                                           Variant{"tr", "1920x1080", 1920, 1080, "Çarşıya yeni banklar",
                                                   "Pazar yerinde yaşlılar için oturacak yer yok."},
                                           Variant{"de", "1080x1920", 1080, 1920, "Mehr Bänke am Markt",
                                                   "Am Markt fehlen Sitzplätze für Ältere."}),
                         [](const ::testing::TestParamInfo<Variant>& i) {
                             return i.param.lang + "_" +
                                    (i.param.width > i.param.height ? "landscape" : "portrait");
                         });

// The map refuses what it cannot place: "map" without a pin blocks Next with the hint, a tap beside the
// districts (near the top-right corner of the map card at 1920x1080, right of the map's bounds, with or
// without an error line above the card) is refused with a friendly message, and a tap on a district then
// places the pin there.
TEST(WizardMapReplay, MapWithoutPinAndTapsOutsideTheDistrictsAreRefused) {
    const Catalogue t("de");
    TempDir dir;
    const fs::path script = dir / "map.jsonl";
    {
        std::ofstream s(script);
        for (const std::string& step : {
                 Step("tap_text", t["kiosk.attract.touch_to_start"]),
                 Step("tap_text", t["kiosk.home.ideas"]),
                 Step("tap_text", t["kiosk.ideas.new_button"]),
                 Step("type", "Bank"),
                 Step("tap_text", t["kiosk.ideas.next"]),
                 Step("type", "Eine Bank"),
                 Step("tap_text", t["kiosk.ideas.next"]),
                 Step("tap_text", t["kiosk.ideas.category.mobility"]),
                 Step("tap_text", t["kiosk.ideas.next"]),
                 Step("tap_text", t["kiosk.ideas.next"]),  // district: whole city
                 Step("tap_text", t["kiosk.ideas.place_map"]),
                 Step("tap_text", t["kiosk.ideas.next"]),
                 Step("expect_text", t["kiosk.ideas.step_place"]),  // still here: no pin yet
                 Step("tap", "[1820, 430]"),
                 Step("expect_text", t["kiosk.ideas.error.outside_map"]),
                 Step("tap_text", "Sodingen"),
                 Step("expect_text", "Ihr Punkt liegt in Sodingen."),
                 Step("tap_text", t["kiosk.ideas.next"]),
                 Step("expect_text", t["kiosk.ideas.step_contact"]),
             }) {
            s << step << "\n";
        }
    }
    const ChildResult r = RunChild(KioskBinary().string(), {"run", "--demo", "--headless", "--size",
                                                            "1920x1080", "--replay", script.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace ck::test
