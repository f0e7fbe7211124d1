// `civic-kiosk screenshot` through the real binary: every screen in German and English, landscape and
// portrait, renders a PNG of the requested size that actually shows something.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.h"
#include "png_stats.h"
#include "test_support/test_support.h"

namespace ck::test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kScreens{"attract", "home",     "services",     "service-detail",
                                        "ideas",   "idea-new", "idea-receipt", "live",
                                        "privacy", "admin",    "live-detail",  "datasets"};
const std::vector<std::string> kLanguages{"de", "en"};
const std::vector<std::string> kSizes{"1920x1080", "1080x1920"};

struct PngInfo {
    bool signature_ok = false;
    std::uint32_t width = 0, height = 0;
};

// The IHDR chunk follows the 8-byte signature: length (4), "IHDR" (4), width (4, big-endian), height (4).
PngInfo ReadPngHeader(const fs::path& path) {
    PngInfo info;
    std::ifstream in(path, std::ios::binary);
    unsigned char h[24] = {};
    if (!in.read(reinterpret_cast<char*>(h), sizeof h)) return info;
    const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    info.signature_ok = std::equal(sig, sig + 8, h) && std::equal(h + 12, h + 16, "IHDR");
    auto be32 = [&](int at) {
        return (std::uint32_t{h[at]} << 24) | (std::uint32_t{h[at + 1]} << 16) |
               (std::uint32_t{h[at + 2]} << 8) | std::uint32_t{h[at + 3]};
    };
    info.width = be32(16);
    info.height = be32(20);
    return info;
}

std::vector<std::string> ScreenshotArgs(const std::string& screen, const std::string& lang,
                                        const std::string& size, const fs::path& out) {
    return {"screenshot", "--screen", screen,  "--lang",     lang,
            "--size",     size,       "--out", out.string(), "--demo"};
}

using ScreenCase = std::tuple<std::string, std::string, std::string>;  // screen, language, size

class ScreenshotTest : public ::testing::TestWithParam<ScreenCase> {};

TEST_P(ScreenshotTest, RendersAPngOfTheRequestedSizeWithContent) {
    const auto [screen, lang, size] = GetParam();
    TempDir dir;
    const fs::path out = dir / "shot.png";
    const ChildResult r = RunChild(KioskBinary().string(), ScreenshotArgs(screen, lang, size, out));
    ASSERT_FALSE(r.timed_out) << r.err;
    ASSERT_EQ(r.exit_code, 0) << "stderr: " << r.err;
    ASSERT_TRUE(fs::exists(out)) << out;

    const int want_w = std::stoi(size.substr(0, size.find('x')));
    const int want_h = std::stoi(size.substr(size.find('x') + 1));
    const PngInfo info = ReadPngHeader(out);
    EXPECT_TRUE(info.signature_ok);
    EXPECT_EQ(info.width, static_cast<std::uint32_t>(want_w));
    EXPECT_EQ(info.height, static_cast<std::uint32_t>(want_h));

    const PixelStats px = DecodeStats(out);
    ASSERT_EQ(px.width, want_w) << "stb_image could not decode " << out << ": " << stbi_failure_reason();
    ASSERT_EQ(px.height, want_h);
    // Anti-aliased text alone gives dozens of shades; a blank or single-colour frame has one or two.
    EXPECT_GE(px.distinct_colours, 16u) << screen << " " << lang << " " << size;
    EXPECT_LT(px.dominant_share, 0.97) << screen << " " << lang << " " << size;
}

std::string CaseName(const ::testing::TestParamInfo<ScreenCase>& info) {
    std::string name =
        std::string(std::get<0>(info.param)) + "_" + std::get<1>(info.param) + "_" + std::get<2>(info.param);
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(AllScreens, ScreenshotTest,
                         ::testing::Combine(::testing::ValuesIn(kScreens), ::testing::ValuesIn(kLanguages),
                                            ::testing::ValuesIn(kSizes)),
                         CaseName);

std::vector<unsigned char> FileBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ScreenshotCommandTest, TheLanguageAndTheScreenChangeThePicture) {
    TempDir dir;
    const auto shot = [&](const char* screen, const char* lang) {
        const fs::path out = dir / (std::string(screen) + "-" + lang + ".png");
        const ChildResult r =
            RunChild(KioskBinary().string(), ScreenshotArgs(screen, lang, "1920x1080", out));
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return FileBytes(out);
    };
    const auto home_de = shot("home", "de");
    const auto home_en = shot("home", "en");
    const auto privacy_de = shot("privacy", "de");
    ASSERT_FALSE(home_de.empty());
    EXPECT_NE(home_de, home_en);
    EXPECT_NE(home_de, privacy_de);
    // The clock is fixed: the same screen twice is the same picture.
    EXPECT_EQ(home_de, shot("home", "de"));
}

std::string CatalogueText(const std::string& tag, const std::string& key) {
    std::ifstream in(SourceDir() / "locales" / "catalogues" / (tag + ".json"));
    return nlohmann::json::parse(in).at(key).get<std::string>();
}

// Home in a language, then one tap at a fixed point: whichever tile lies there opens. A replay finds texts
// through the frame trace, which records every text with its rectangle, so `expect_text` proves which screen
// the tap reached, and with it where the tile was drawn.
ChildResult TapHomeAt(const TempDir& dir, const std::string& lang, float x, float y,
                      const std::string& expect) {
    const fs::path config = dir / (lang + ".toml");
    std::ofstream(config) << "[locale]\ndefault = \"" << lang << "\"\n";
    const fs::path script = dir / (lang + "-" + std::to_string(static_cast<int>(x)) + ".jsonl");
    std::ofstream out(script);
    out << nlohmann::json{{"tap_text", CatalogueText(lang, "kiosk.attract.touch_to_start")}}.dump() << "\n"
        << nlohmann::json{{"expect_text", CatalogueText(lang, "kiosk.home.title")}}.dump() << "\n"
        << nlohmann::json{{"tap", {x, y}}}.dump() << "\n"
        << nlohmann::json{{"expect_text", expect}}.dump() << "\n";
    out.close();
    return RunChild(KioskBinary().string(), {"run", "--demo", "--headless", "--size", "1920x1080", "--config",
                                             config.string(), "--replay", script.string()});
}

// Right to left means mirrored, not just Arabic letters: the first home tile (services) is the top right one
// in Arabic and the top left one in German, and the third (live data) the other way round.
TEST(ScreenshotCommandTest, ArabicRendersRightToLeft) {
    TempDir dir;
    const float left = 300, right = 1620, top = 400;  // inside the top row's outer tiles at 1920x1080
    const std::string services_de = CatalogueText("de", "kiosk.services.search_placeholder");
    const std::string services_ar = CatalogueText("ar", "kiosk.services.search_placeholder");
    const std::string live_de = CatalogueText("de", "kiosk.live.tile.weather");
    const std::string live_ar = CatalogueText("ar", "kiosk.live.tile.weather");
    const ChildResult de_left = TapHomeAt(dir, "de", left, top, services_de);
    EXPECT_EQ(de_left.exit_code, 0) << "German: services at the top left\n" << de_left.err;
    const ChildResult de_right = TapHomeAt(dir, "de", right, top, live_de);
    EXPECT_EQ(de_right.exit_code, 0) << "German: live data at the top right\n" << de_right.err;
    const ChildResult ar_right = TapHomeAt(dir, "ar", right, top, services_ar);
    EXPECT_EQ(ar_right.exit_code, 0) << "Arabic: services at the top right\n" << ar_right.err;
    const ChildResult ar_left = TapHomeAt(dir, "ar", left, top, live_ar);
    EXPECT_EQ(ar_left.exit_code, 0) << "Arabic: live data at the top left\n" << ar_left.err;
}

TEST(ScreenshotCommandTest, TheDemoReceiptShowsASampleCodeAndQr) {
    // Like every other screen, the receipt has demo content: a sample reference code and its QR code
    // (before, it said "Not available yet").
    for (const std::string size : {"1920x1080", "1080x1920"}) {
        TempDir dir;
        const fs::path out = dir / "receipt.png";
        const ChildResult r =
            RunChild(KioskBinary().string(), ScreenshotArgs("idea-receipt", "de", size, out));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const PixelStats px = DecodeStats(out);
        // The QR code is at least 440 layout units square and about half black.
        EXPECT_GT(px.black_pixels, 50000u) << size;
    }
}

TEST(ScreenshotCommandTest, UnknownScreenIsAUsageError) {
    TempDir dir;
    const ChildResult r =
        RunChild(KioskBinary().string(), ScreenshotArgs("dashboard", "de", "1920x1080", dir / "x.png"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("unknown screen \"dashboard\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("service-detail"), std::string::npos) << "lists the screens: " << r.err;
    EXPECT_FALSE(fs::exists(dir / "x.png"));
}

TEST(ScreenshotCommandTest, BadSizesAreUsageErrors) {
    TempDir dir;
    for (const char* size : {"10x10", "1920", "axb", "1920x", "x1080", "8000x1080", "1920x-1080"}) {
        const ChildResult r =
            RunChild(KioskBinary().string(), ScreenshotArgs("home", "de", size, dir / "x.png"));
        EXPECT_EQ(r.exit_code, 2) << size << ": " << r.err;
        EXPECT_NE(r.err.find("--size must be WxH"), std::string::npos) << size << ": " << r.err;
        EXPECT_NE(r.err.find(size), std::string::npos) << "names the value: " << r.err;
    }
    EXPECT_FALSE(fs::exists(dir / "x.png"));
}

TEST(ScreenshotCommandTest, MissingRequiredOptionsAreUsageErrors) {
    const ChildResult no_out = RunChild(KioskBinary().string(), {"screenshot", "--screen", "home"});
    EXPECT_EQ(no_out.exit_code, 2);
    EXPECT_NE((no_out.err + no_out.out).find("--out"), std::string::npos) << no_out.err;
    const ChildResult no_screen = RunChild(KioskBinary().string(), {"screenshot", "--out", "/tmp/never.png"});
    EXPECT_EQ(no_screen.exit_code, 2);
    EXPECT_NE((no_screen.err + no_screen.out).find("--screen"), std::string::npos) << no_screen.err;
}

TEST(ScreenshotCommandTest, InvalidConfigurationIsAUsageErrorNamingTheKey) {
    TempDir dir;
    const fs::path config = dir / "kiosk.toml";
    std::ofstream(config) << "[session]\nidle_timeout_s = 2\n";
    std::vector<std::string> args = ScreenshotArgs("home", "de", "1920x1080", dir / "x.png");
    args.push_back("--config");
    args.push_back(config.string());
    const ChildResult r = RunChild(KioskBinary().string(), args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("session.idle_timeout_s"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("from 15 to 3600"), std::string::npos) << r.err;

    args.back() = (dir / "missing.toml").string();
    const ChildResult m = RunChild(KioskBinary().string(), args);
    EXPECT_EQ(m.exit_code, 2);
    EXPECT_NE(m.err.find("missing.toml"), std::string::npos) << m.err;
}

}  // namespace
}  // namespace ck::test
