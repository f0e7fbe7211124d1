// The admin screen through the real binary: five taps on the city name, then the PIN pad. Outside demo mode
// the factory PIN must not open it (a kiosk in a public place would be one well-known PIN away from its
// settings); a PIN of the operator's own does. Texts are the German catalogue's.
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

constexpr char kLocked[] =
    "Der Verwaltungsbereich bleibt gesperrt, bis in der Konfiguration eine eigene PIN (kiosk.admin_pin) "
    "gesetzt "
    "ist.";
constexpr char kEnterPin[] = "PIN eingeben";
constexpr char kUnlocked[] = "Kiosk: pin-test-01";

class AdminPinTest : public ::testing::Test {
  protected:
    // Runs the kiosk (not in demo mode unless asked) on a configuration with the given [kiosk] lines.
    ChildResult Run(const std::string& kiosk_lines, const std::vector<std::string>& steps,
                    bool demo = false) {
        const fs::path config = dir_ / "kiosk.toml";
        std::ofstream(config) << "[kiosk]\nid = \"pin-test-01\"\ndatabase = \""
                              << (dir_ / "kiosk.db").string() << "\"\n"
                              << kiosk_lines << "\n";
        const fs::path script = dir_ / "steps.jsonl";
        std::ofstream out(script);
        out << R"({"tap_text":"Bildschirm berühren"})"
            << "\n";
        // The gesture: five quick taps in the status bar's left corner, where the city name is.
        for (int i = 0; i < 5; ++i)
            out << R"({"tap":[40,20]})"
                << "\n";
        for (const auto& s : steps) out << s << "\n";
        out.close();
        std::vector<std::string> args{"run",           "--headless", "--config",
                                      config.string(), "--replay",   script.string()};
        if (demo) args.insert(args.begin() + 1, "--demo");
        return RunChild(KioskBinary().string(), args);
    }
    static std::string Expect(const std::string& text) { return R"({"expect_text":")" + text + R"("})"; }
    static std::string Tap(const std::string& text) { return R"({"tap_text":")" + text + R"("})"; }

    TempDir dir_;
};

TEST_F(AdminPinTest, TheFactoryPinLeavesTheAdminScreenLockedWithoutAPad) {
    const ChildResult locked = Run("", {Expect(kLocked)});
    EXPECT_EQ(locked.exit_code, 0) << locked.err;
    // No pad to guess on: its prompt is not there.
    const ChildResult pad = Run("", {Expect(kEnterPin)});
    EXPECT_EQ(pad.exit_code, 1) << pad.err;
    // Writing the factory PIN down explicitly changes nothing.
    const ChildResult explicit_default = Run("admin_pin = \"0000\"", {Expect(kLocked)});
    EXPECT_EQ(explicit_default.exit_code, 0) << explicit_default.err;
}

TEST_F(AdminPinTest, AnOwnPinOpensTheAdminScreen) {
    const ChildResult r = Run("admin_pin = \"2468\"", {Expect(kEnterPin), Tap("2"), Tap("4"), Tap("6"),
                                                       Tap("8"), Tap("OK"), Expect(kUnlocked)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(AdminPinTest, AWrongPinDoesNotOpenIt) {
    const ChildResult r =
        Run("admin_pin = \"2468\"", {Tap("2"), Tap("4"), Tap("6"), Tap("9"), Tap("OK"), Expect(kUnlocked)});
    EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(AdminPinTest, DemoModeStillOpensWithTheFactoryPin) {
    const ChildResult r =
        Run("", {Tap("0"), Tap("0"), Tap("0"), Tap("0"), Tap("OK"), Expect(kUnlocked)}, true);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace ck::test
