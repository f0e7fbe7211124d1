// A visitor opens a service whose description is not cached yet: the real App with its real sync worker asks
// the fake central's PVOG endpoint for exactly that description before anything else, the detail screen
// shows the catalogue entry at once and the description when it arrives, without a tap, and then stops
// looking.
#include <gtest/gtest.h>

#include <fake_central/fake_central.h>
#include <imgui.h>

#include <algorithm>
#include <memory>
#include <string>

#include "app/app.h"
#include "services/catalogue_store.h"
#include "test_support/test_support.h"
#include "ui/fonts.h"

namespace ck::kiosk {
namespace {

constexpr const char* kCsv =
    "ID-LB|Leikaschlüssel|Name|Name2|Updatedatum|ID-OD|Bezeichnung OD|Links\n"
    "A.LB.1|99041008017000|Kindergeld Bewilligung|Kindergeld beantragen|01.01.2025 00:00|||\n"
    "A.LB.2|99114034101000|Rentenauskunft Erteilung|Eine Rentenauskunft anfordern|01.01.2025 00:00|||\n"
    "A.LB.3|99154016000000|Führerschein Erteilung|Führerschein erwerben|01.01.2025 00:00|||\n";

std::string Detail(const std::string& id, const std::string& summary) {
    return nlohmann::json{{"id", id},
                          {"name", id},
                          {"languageCode", "de"},
                          {"details", {{{"code", "24"}, {"text", "<p>" + summary + "</p>"}}}}}
        .dump();
}

std::size_t DetailRequests(const fake::FakeCentral& central, const std::string& id) {
    const auto requests = central.Requests();
    return static_cast<std::size_t>(std::count_if(requests.begin(), requests.end(), [&](const auto& r) {
        return r.path.find("/detail") != std::string::npos && r.query == "q=" + id;
    }));
}

TEST(ServiceDetailFetch, AnOpenedServicesDescriptionIsFetchedFirstAndShownWhenItArrives) {
    test::TempDir dir;
    fake::FakeCentral central;
    Config config;
    config.database_path = (dir / "kiosk.db").string();
    config.central.pvog_url = central.base_url();
    config.services.catalogue_interval_s = 86400;
    config.services.details_per_round = 1;
    config.sync.pull_interval_s = 86400;  // only a visitor's wish makes the worker pull again
    central.SetPvogCsv(config.ServicesArs(), kCsv);
    for (const char* id : {"A.LB.1", "A.LB.2", "A.LB.3"})
        central.SetPvogDetail(config.ServicesArs(), id, Detail(id, std::string("Beschreibung von ") + id));

    ImGuiContext* context = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    AppOptions options;
    options.config = config;
    options.start_workers = true;
    auto created = CreateApp(std::move(options));
    ASSERT_TRUE(created.ok()) << created.error().message;
    std::unique_ptr<App> app = std::move(*created);
    ui::BindFrame(&app->frame);
    auto fonts = ui::LoadFonts(app->font_files, 1.0f);
    ASSERT_TRUE(fonts.ok()) << fonts.error().message;
    app->frame.fonts = *fonts;
    app->fonts_dirty = false;
    ASSERT_TRUE(app->sync);
    ASSERT_TRUE(app->pvog_wishes);

    // The first round: the catalogue and one description (A.LB.1). The catalogue is taken between visitors.
    ASSERT_TRUE(test::WaitFor([&] { return app->sync->rounds() >= 1; }));
    ASSERT_EQ(DetailRequests(central, "A.LB.1"), 1u);
    ResetSession(*app);
    ASSERT_TRUE(app->services);

    // The visitor opens the third service, as the list's row does.
    ServicesState& st = app->session.services;
    OpenService(&*app->db, *app->services, st, "A.LB.3", "de");
    ASSERT_TRUE(st.service) << "the catalogue entry is there at once";
    ASSERT_FALSE(st.detail);
    st.detail_seen_pulls = app->sync->pulled_rounds();
    AskForServiceDetail(*app, "A.LB.3");
    app->nav.Push(ScreenId::kServiceDetail);
    BuildFrame(*app, 1920, 1080, 1.0f / 60.0f);  // the screen change takes effect in a frame
    EXPECT_TRUE(st.detail || AwaitsServiceDetail(*app)) << "the loop wakes to look for it";

    // Frames without input (the loop's wake-ups) pick the description up.
    ASSERT_TRUE(test::WaitFor([&] {
        BuildFrame(*app, 1920, 1080, 1.0f / 60.0f);
        return st.detail.has_value();
    }));
    EXPECT_EQ(st.detail->id, "A.LB.3");
    EXPECT_EQ(DetailRequests(central, "A.LB.3"), 1u);
    EXPECT_EQ(DetailRequests(central, "A.LB.2"), 0u) << "the background batch waits for its turn";
    EXPECT_FALSE(AwaitsServiceDetail(*app));
    const auto& trace = app->frame.trace;
    EXPECT_TRUE(std::any_of(trace.begin(), trace.end(), [](const auto& e) {
        return e.text.find("Beschreibung von A.LB.3") != std::string::npos;
    })) << "the description is on screen";

    app.reset();
    ImGui::DestroyContext(context);
}

}  // namespace
}  // namespace ck::kiosk
