// The idea settings are built from the configuration once (app/idea_settings.h): the kiosk and the paper
// entry of `civic-kiosk idea submit` must see the same categories, districts, map, limits and word list.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/config.h"
#include "app/idea_settings.h"
#include "cli/commands.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

Config PackagedConfig() {
    Result<Config> c = LoadConfig((test::SourceDir() / "packaging" / "civic-kiosk.toml").string());
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c.ok() ? *c : Config{};
}

TEST(IdeaSettingsTest, CarryEveryIdeaKeyOfTheConfiguration) {
    Config config = PackagedConfig();
    config.ideas.max_per_session = 5;
    config.ideas.max_per_hour = 12;
    Result<part::IdeaSettings> s = IdeaSettingsFromConfig(config);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->categories, config.ideas.categories);
    EXPECT_EQ(s->districts, config.ideas.districts);
    ASSERT_TRUE(part::HasMap(s->map));
    EXPECT_EQ(s->map.districts.size(), config.ideas.map.districts.size());
    EXPECT_EQ(s->status_url_template, config.ideas.status_url_template);
    EXPECT_EQ(s->max_per_session, 5);
    EXPECT_EQ(s->max_per_hour, 12);
    EXPECT_FALSE(s->word_list.entries.empty()) << "the built-in lists when no directory is configured";
}

// The paper entry used to copy the settings by hand and forgot the district map.
TEST(IdeaSettingsTest, ThePaperEntryGetsTheDistrictMap) {
    const Config config = PackagedConfig();
    ASSERT_TRUE(part::HasMap(config.ideas.map));
    Result<part::SubmitContext> c = PaperSubmitContext(config, FromUnixMs(0));
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->channel, "paper");
    ASSERT_TRUE(part::HasMap(c->settings.map));
    ASSERT_EQ(c->settings.map.districts.size(), config.ideas.map.districts.size());
    for (std::size_t i = 0; i < config.ideas.map.districts.size(); ++i)
        EXPECT_EQ(c->settings.map.districts[i].district, config.ideas.map.districts[i].district);
}

TEST(IdeaSettingsTest, AnUnreadableWordListDirectoryNamesTheKey) {
    test::TempDir dir;
    Config config;
    config.ideas.wordlist_dir = (dir / "missing").string();
    Result<part::IdeaSettings> s = IdeaSettingsFromConfig(config);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("ideas.wordlist_dir"), std::string::npos) << s.error().message;
    EXPECT_FALSE(PaperSubmitContext(config, FromUnixMs(0)).ok());
}

}  // namespace
}  // namespace ck::kiosk
