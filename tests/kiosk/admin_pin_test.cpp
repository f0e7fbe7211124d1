// The admin screen through the real binary: five taps on the city name, then the PIN pad. Outside demo mode
// the factory PIN must not open it (a kiosk in a public place would be one well-known PIN away from its
// settings); a PIN of the operator's own does. Texts are the German catalogue's.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
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
    "Der Verwaltungsbereich bleibt gesperrt, bis eine PIN gesetzt ist (civic-kiosk admin set-pin).";
constexpr char kPadLocked[] = "Zu viele falsche PINs. Das Tastenfeld ist für 5 Minuten gesperrt.";
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
    // `civic-kiosk admin set-pin` with `input` on its standard input; the exit code.
    int SetPin(const std::string& input) {
        const fs::path config = dir_ / "kiosk.toml";
        std::ofstream(config) << "[kiosk]\nid = \"pin-test-01\"\ndatabase = \"" << (dir_ / "kiosk.db").string()
                              << "\"\n";
        const std::string command = "'" + KioskBinary().string() + "' admin set-pin --config '" + config.string() +
                                    "' > /dev/null 2>&1";
        FILE* child = popen(command.c_str(), "w");
        if (!child) return -1;
        std::fputs(input.c_str(), child);
        const int status = pclose(child);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::vector<std::string> Enter(const std::string& pin) {
        std::vector<std::string> steps;
        for (char c : pin) steps.push_back(Tap(std::string(1, c)));
        steps.push_back(Tap("OK"));
        return steps;
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

// The PIN set from standard input opens the pad; it is stored as a hash, so the store never holds the digits.
TEST_F(AdminPinTest, SetPinFromStandardInputOpensThePad) {
    EXPECT_EQ(SetPin("12\n"), 2);     // too short
    EXPECT_EQ(SetPin("12ab56\n"), 2);  // not digits
    EXPECT_EQ(SetPin(""), 2);
    ASSERT_EQ(SetPin("97531\r\n"), 0);
    std::vector<std::string> steps = {Expect(kEnterPin)};
    for (const auto& s : Enter("97531")) steps.push_back(s);
    steps.push_back(Expect(kUnlocked));
    const ChildResult r = Run("", steps);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::ifstream store(dir_ / "kiosk.db", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(store)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("97531"), std::string::npos);
}

// Five wrong PINs lock the pad; the lock is in the store, so a restart (a new process) is still locked and even
// the right PIN does not open it.
TEST_F(AdminPinTest, FiveWrongPinsLockThePadAcrossARestart) {
    ASSERT_EQ(SetPin("97531\n"), 0);
    std::vector<std::string> steps;
    for (int i = 0; i < 5; ++i)
        for (const auto& s : Enter("1111")) steps.push_back(s);
    steps.push_back(Expect(kPadLocked));
    const ChildResult first = Run("", steps);
    EXPECT_EQ(first.exit_code, 0) << first.err;
    std::vector<std::string> again = Enter("97531");
    again.push_back(Expect(kPadLocked));
    const ChildResult second = Run("", again);
    EXPECT_EQ(second.exit_code, 0) << second.err;
    std::vector<std::string> not_open = Enter("97531");
    not_open.push_back(Expect(kUnlocked));
    EXPECT_EQ(Run("", not_open).exit_code, 1);
}

TEST_F(AdminPinTest, DemoModeStillOpensWithTheFactoryPin) {
    const ChildResult r =
        Run("", {Tap("0"), Tap("0"), Tap("0"), Tap("0"), Tap("OK"), Expect(kUnlocked)}, true);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace ck::test
