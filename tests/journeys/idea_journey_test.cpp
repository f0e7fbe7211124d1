// A visitor walks from the attract screen through the idea wizard, typing on the on-screen keyboard, to the
// receipt; the idea is then in the outbox and arrives at the (fake) central platform exactly once, also when
// the first deliveries fail.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "fake_central/fake_central.h"
#include "offline_cache/database.h"
#include "offline_cache/outbox.h"
#include "test_support/test_support.h"

namespace ck {
namespace {

int RunShell(const std::string& command) {
    const int rc = std::system(command.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

void WriteFile(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p) << text;
}

// Taps the keys of a lower-case ASCII word on the German layout, with the shift key for capitals.
std::string TypeByKeys(const std::string& word) {
    std::string steps;
    for (char c : word) {
        if (c == ' ') {
            steps += R"({"tap_text":"Leerzeichen"})" "\n";
        } else if (std::isupper(static_cast<unsigned char>(c))) {
            steps += R"({"tap_text":"Groß"})" "\n";
            steps += std::string(R"({"tap_text":")") + c + "\"}\n";
        } else {
            steps += std::string(R"({"tap_text":")") + c + "\"}\n";
        }
    }
    return steps;
}

TEST(IdeaJourney, FromAttractToCentralExactlyOnce) {
    test::TempDir dir;
    fake::FakeCentral central;
    const auto db_path = dir / "kiosk.db";
    const auto config = dir / "kiosk.toml";
    WriteFile(config, "[kiosk]\nid = \"journey-01\"\ndatabase = \"" + db_path.string() +
                          "\"\n[central]\norion_url = \"" + central.base_url() +
                          "\"\nfiware_service = \"herne\"\nconnect_timeout_s = 2\ntotal_timeout_s = 5\n"
                          "[sync]\nbackoff_min_s = 0.1\nbackoff_max_s = 1\n");
    std::string script;
    script += R"({"tap_text":"Bildschirm berühren"})" "\n";
    script += R"({"tap_text":"Ideen"})" "\n";
    script += R"({"tap_text":"Eigene Idee einreichen"})" "\n";
    script += R"({"expect_text":"Wie heißt Ihre Idee?"})" "\n";
    script += TypeByKeys("Neue Bank");
    script += R"({"expect_text":"Neue Bank"})" "\n";
    script += R"({"tap_text":"Weiter"})" "\n";
    script += TypeByKeys("Am Markt fehlt eine Bank");
    script += R"({"tap_text":"Weiter"})" "\n";
    script += R"({"tap_text":"Mobilität"})" "\n";
    script += R"({"tap_text":"Weiter"})" "\n";
    script += R"({"tap_text":"Wanne"})" "\n";
    script += R"({"tap_text":"Weiter"})" "\n";
    script += R"({"tap_text":"Hier am Kiosk"})" "\n";
    script += R"({"tap_text":"Weiter"})" "\n";
    script += R"({"tap_text":"Weiter"})" "\n";
    script += R"({"expect_text":"Bitte prüfen Sie Ihre Angaben"})" "\n";
    script += R"({"tap_text":"Idee absenden"})" "\n";
    script += R"({"expect_text":"Vielen Dank!"})" "\n";
    script += std::string(R"({"shot":")") + (dir / "receipt.png").string() + "\"}\n";
    WriteFile(dir / "journey.jsonl", script);

    const std::string kiosk = test::KioskBinary().string();
    ASSERT_EQ(RunShell("SDL_VIDEODRIVER=offscreen " + kiosk + " run --headless --size 1920x1080 --config " + config.string() +
                  " --replay " + (dir / "journey.jsonl").string()),
              0);
    EXPECT_TRUE(std::filesystem::exists(dir / "receipt.png"));

    // The receipt was shown, so the idea must be committed to the outbox.
    {
        auto db = cache::Database::Open(db_path.string());
        ASSERT_TRUE(db.ok()) << db.error().message;
        auto counts = cache::CountOutbox(*db);
        ASSERT_TRUE(counts.ok());
        EXPECT_GE(counts->pending, 1);
        auto items = cache::ListOutbox(*db, cache::OutboxState::kPending, 10);
        ASSERT_TRUE(items.ok());
        int ideas = 0;
        for (const auto& i : *items) ideas += i.entity_type == "CitizenIdea";
        EXPECT_EQ(ideas, 1);
    }

    // The first delivery fails (503), the next one loses its acknowledgement; then the network is fine.
    central.SetFault(fake::FaultPlan{fake::Fault::kServiceUnavailable, 1});
    EXPECT_EQ(RunShell(kiosk + " sync --once --config " + config.string() + " > /dev/null 2>&1"), 1);
    central.SetFault(fake::FaultPlan{fake::Fault::kCutAfterCommit, 1});
    (void)RunShell(kiosk + " sync --once --config " + config.string() + " > /dev/null 2>&1");
    central.ClearFault();
    EXPECT_EQ(RunShell(kiosk + " sync --once --config " + config.string() + " > /dev/null 2>&1"), 0);

    const auto ideas = central.Entities("herne", "CitizenIdea");
    ASSERT_EQ(ideas.size(), 1u);
    const auto& e = ideas.front();
    EXPECT_EQ(e["title"]["type"], "TextUnrestricted");
    EXPECT_EQ(e["title"]["value"], "Neue Bank");
    EXPECT_EQ(e["description"]["value"], "Am Markt fehlt eine Bank");
    EXPECT_EQ(e["category"]["value"], "mobility");
    EXPECT_EQ(e["district"]["value"], "Wanne");
    EXPECT_EQ(e["channel"]["value"], "kiosk");
    EXPECT_EQ(e["status"]["value"], "submitted");
    EXPECT_EQ(e["refDevice"]["value"], "urn:ngsi-ld:Device:journey-01");
    EXPECT_EQ(e["dateCreated"]["type"], "DateTime");
    EXPECT_FALSE(e.contains("contactEmail"));
}

}  // namespace
}  // namespace ck
