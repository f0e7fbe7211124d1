// The installed layout: `cmake --install` into a temporary prefix must give a binary that runs from there
// with the catalogues installed beside it (not the source tree it was built from), the default
// configuration, and the systemd unit. The maintainer script is checked for what it must never do.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "child_process.h"
#include "synthetic_video.h"
#include "test_support/test_support.h"

namespace ck::test {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class InstallTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        prefix_ = new TempDir();
        const std::string command = std::string("\"") + CK_CMAKE_COMMAND + "\" --install \"" +
                                    BinaryDir().string() + "\" --prefix \"" + prefix_->path().string() +
                                    "\" > \"" + (prefix_->path() / "install.log").string() + "\" 2>&1";
        install_status_ = std::system(command.c_str());
    }
    static void TearDownTestSuite() {
        delete prefix_;
        prefix_ = nullptr;
    }
    void SetUp() override { ASSERT_EQ(install_status_, 0) << ReadFile(prefix_->path() / "install.log"); }
    static fs::path Prefix() { return prefix_->path(); }

    static TempDir* prefix_;
    static int install_status_;
};
TempDir* InstallTest::prefix_ = nullptr;
int InstallTest::install_status_ = -1;

TEST_F(InstallTest, TheBinaryConfigurationUnitAndEveryCatalogueAreInstalled) {
    EXPECT_TRUE(fs::is_regular_file(Prefix() / "bin/civic-kiosk"));
    EXPECT_TRUE(fs::is_regular_file(Prefix() / "share/civic-kiosk/civic-kiosk.toml"));
    EXPECT_TRUE(fs::is_regular_file(Prefix() / "lib/systemd/system/civic-kiosk.service"));
    const fs::path catalogues = Prefix() / "share/civic-kiosk/catalogues";
    EXPECT_TRUE(fs::is_regular_file(catalogues / "languages.json"));
    for (const char* lang : {"de", "en", "tr", "ar", "uk", "ru", "pl"}) {
        EXPECT_TRUE(fs::is_regular_file(catalogues / (std::string(lang) + ".json"))) << lang;
    }
}

TEST_F(InstallTest, TheInstalledBinaryReadsTheInstalledCatalogues) {
    // Change a visible text in the installed copy only: the installed binary must show the changed text,
    // which proves it does not read the source tree's catalogues.
    const fs::path de = Prefix() / "share/civic-kiosk/catalogues/de.json";
    std::string text = ReadFile(de);
    const std::string original = "\"Bildschirm berühren\"";
    const auto at = text.find(original);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, original.size(), "\"Installiert berühren\"");
    std::ofstream(de, std::ios::binary | std::ios::trunc) << text;

    TempDir work;
    const fs::path script = work / "steps.jsonl";
    std::ofstream(script) << R"({"expect_text":"Installiert berühren"})"
                          << "\n";
    // The test environment may point CK_LOCALES_DIR somewhere; the installed lookup must not need it.
    ::unsetenv("CK_LOCALES_DIR");
    const ChildResult r = RunChild((Prefix() / "bin/civic-kiosk").string(),
                                   {"run", "--demo", "--headless", "--replay", script.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

// An operator checking which build a kiosk runs asks the binary, not the package manager.
TEST_F(InstallTest, TheInstalledBinaryNamesItsVersion) {
    const ChildResult r = RunChild((Prefix() / "bin/civic-kiosk").string(), {"--version"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, std::string("civic-kiosk ") + CK_EXPECTED_VERSION + "\n");
}

// The person detector is product data: installed beside the binary, and the installed binary counts with it
// out of the box (no model_path, no CK_MODEL_DIR). Damaging the installed copy must change the outcome, which
// proves the binary uses the installed model and not the source tree's.
TEST_F(InstallTest, TheInstalledBinaryCountsWithTheInstalledModel) {
    const fs::path model = Prefix() / "share/civic-kiosk/models/yolo-fastest-1.1-body";
    ASSERT_TRUE(fs::is_regular_file(model / "yolo-fastest-1.1_body.cfg"));
    ASSERT_TRUE(fs::is_regular_file(model / "yolo-fastest-1.1_body.weights"));
    EXPECT_TRUE(fs::is_regular_file(model / "LICENSE"));

    TempDir work;
    const fs::path video = work / "walk.avi";
    ASSERT_TRUE(ck::hw::test::WriteSceneVideo(video, {{{20, 150}, {300, 160}, 0, 30, 16, 44, {40, 40, 170}}}, 30, 10));
    ::unsetenv("CK_MODEL_DIR");
    const std::vector<std::string> args = {"count", "--video", video.string(), "--line", "160,0,160,240"};
    const ChildResult ok = RunChild((Prefix() / "bin/civic-kiosk").string(), args);
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_NE(ok.out.find("detector dnn"), std::string::npos) << ok.out;

    std::ofstream(model / "yolo-fastest-1.1_body.weights", std::ios::binary | std::ios::trunc) << "broken";
    const ChildResult broken = RunChild((Prefix() / "bin/civic-kiosk").string(), args);
    EXPECT_NE(broken.exit_code, 0) << broken.out;
}

TEST(MaintainerScript, CreatesTheAccountAndConfigurationButNeverOverwritesIt) {
    const std::string postinst = ReadFile(fs::path(CK_PACKAGING_DIR) / "debian/postinst");
    ASSERT_FALSE(postinst.empty());
    EXPECT_NE(postinst.find("set -e"), std::string::npos);
    EXPECT_NE(postinst.find("adduser --system"), std::string::npos);
    // The operator's configuration survives every upgrade: it is copied only when absent.
    EXPECT_NE(postinst.find("if [ ! -e /etc/civic-kiosk/civic-kiosk.toml ]"), std::string::npos);
    // Not started before it is configured.
    EXPECT_EQ(postinst.find("systemctl enable"), std::string::npos);
    EXPECT_EQ(postinst.find("systemctl start"), std::string::npos);
}

}  // namespace
}  // namespace ck::test
