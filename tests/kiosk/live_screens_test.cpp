// Herne live on screen: the datasets search (matcher, list, typed with the on-screen keyboard by replay), the
// attract screen's live tile beside everything else in both orientations, a value with its unit right to
// left, the water level against its normal range in every language, texts formatted once and refreshed when
// the minute or the language changes, charts in Arabic, and the offline state on a real store: the stale
// mark and "last reached" drawn (frame trace) and the PNGs of the live screen, a chart and the datasets in
// de, en and ar, fresh and offline, left in <build>/test-output/live/ for a person to look at.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/content.h"
#include "child_process.h"
#include "demo_kiosk.h"
#include "features/live_controller.h"
#include "locales/display_text.h"
#include "offline_cache/database.h"
#include "offline_cache/sync.h"
#include "opendata/freshness.h"
#include "png_stats.h"
#include "screens/live_text.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

namespace fs = std::filesystem;
using test::DemoKiosk;
using test::DrawRequest;

const ImVec2 kSizes[] = {{1920, 1080}, {1080, 1920}};

std::string SizeName(ImVec2 size) {
    return std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y));
}

const ui::TraceEntry* Find(const std::vector<ui::TraceEntry>& trace, const std::string& text) {
    for (const auto& e : trace)
        if (e.text == text) return &e;
    return nullptr;
}

bool Overlap(const ui::TraceEntry& a, const ui::TraceEntry& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// ---- The datasets search ----

DatasetView View(const std::string& title, const std::string& notes, std::vector<std::string> formats) {
    od::Dataset d;
    d.title = title;
    d.notes_html = notes;
    d.formats = std::move(formats);
    d.organization = "Stadt Herne";
    return ViewOfDataset(std::move(d));
}

std::vector<std::string> Titles(const std::vector<DatasetView>& all, const std::vector<std::size_t>& hits) {
    std::vector<std::string> out;
    for (const std::size_t i : hits) out.push_back(all[i].dataset.title);
    return out;
}

TEST(DatasetSearchTest, EveryWordMustMatchIgnoringCaseAndAccents) {
    const std::vector<DatasetView> all = {
        View("Parkhäuser: Belegung in Echtzeit", "<p>Freie Stellplätze der <b>Parkhäuser</b></p>",
             {"CSV", "JSON"}),
        View("Luftqualität an den Messstellen", "<p>Stickstoffdioxid und Feinstaub</p>", {"CSV", "GeoJSON"}),
        View("Baumkataster", "<p>Alle Straßenbäume mit Art und Standort.</p>", {"Shapefile"}),
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(Titles(all, SearchDatasets(all, "luft")), V{"Luftqualität an den Messstellen"});
    EXPECT_EQ(Titles(all, SearchDatasets(all, "LUFTQUALITAT")), V{"Luftqualität an den Messstellen"});
    EXPECT_EQ(Titles(all, SearchDatasets(all, "luftqualitaet")), V{"Luftqualität an den Messstellen"});
    EXPECT_EQ(Titles(all, SearchDatasets(all, "strasse")), V{"Baumkataster"}) << "ß = ss, in the description";
    EXPECT_EQ(Titles(all, SearchDatasets(all, "csv park")), V{"Parkhäuser: Belegung in Echtzeit"});
    EXPECT_EQ(Titles(all, SearchDatasets(all, "geojson")), V{"Luftqualität an den Messstellen"})
        << "formats are searched";
    EXPECT_TRUE(SearchDatasets(all, "csv baum").empty()) << "every word must match";
    EXPECT_EQ(SearchDatasets(all, "herne").size(), 3u) << "the organisation is searched";
    EXPECT_EQ(SearchDatasets(all, "").size(), 3u);
    EXPECT_EQ(SearchDatasets(all, " ,; ").size(), 3u) << "no word: everything";
}

class LiveScreensTest : public test::DemoKioskSuite {
  protected:
    static std::vector<ui::TraceEntry> Draw(ScreenId screen, const std::string& language, ImVec2 size,
                                            const std::function<void(App&)>& prepare = {},
                                            bool large_text = false) {
        DrawRequest r;
        r.screen = screen;
        r.language = language;
        r.size = size;
        r.prepare = prepare;
        r.large_text = large_text;
        return kiosk_->Draw(r);
    }
    static App& app() { return kiosk_->app(); }
};

TEST_F(LiveScreensTest, TheDatasetsListShowsOnlyWhatMatchesTheQuery) {
    for (const ImVec2 size : kSizes) {
        for (const std::string lang : {"de", "ar"}) {
            const std::string where = lang + " " + SizeName(size);
            const auto trace = Draw(ScreenId::kDatasets, lang, size, [](App& a) {
                a.session.datasets.query = "Luft";
                a.session.datasets.keyboard_open = true;
            });
            ASSERT_EQ(app().live.datasets.size(), 4u) << where;
            EXPECT_NE(Find(trace, "Luftqualität an den Messstellen"), nullptr) << where;
            EXPECT_EQ(Find(trace, "Baumkataster"), nullptr) << where;
            EXPECT_EQ(Find(trace, "Parkhäuser: Belegung in Echtzeit"), nullptr) << where;
            EXPECT_NE(Find(trace, app().loc->Format("kiosk.datasets.count_matching",
                                                    {{"n", std::int64_t{1}}, {"total", std::int64_t{4}}})),
                      nullptr)
                << where;
            EXPECT_NE(Find(trace, "Luft"), nullptr) << where << ": the query in its field";
        }
    }
    // Nothing matches: said with the query, and the way back to the whole list.
    const auto none =
        Draw(ScreenId::kDatasets, "de", kSizes[0], [](App& a) { a.session.datasets.query = "xyz"; });
    EXPECT_NE(Find(none, "Kein Datensatz passt zu „xyz“."), nullptr);
    const ui::TraceEntry* clear = Find(none, "Suche löschen");
    ASSERT_NE(clear, nullptr);
    EXPECT_TRUE(clear->tappable);
    EXPECT_EQ(Find(none, "Baumkataster"), nullptr);
    // A new visitor starts with no query.
    ResetSession(app());
    EXPECT_TRUE(app().session.datasets.query.empty());
}

// ---- The attract screen's live tile ----

TEST_F(LiveScreensTest, TheAttractScreenShowsTheLiveTileBesideEverythingElse) {
    int checked = 0;
    for (const ImVec2 size : kSizes) {
        for (const std::string lang : {"de", "ar", "uk"}) {
            for (const bool large : {false, true}) {
                const std::string where = lang + " " + SizeName(size) + (large ? " large text" : "");
                const auto trace = Draw(ScreenId::kAttract, lang, size, {}, large);
                ASSERT_LT(app().live.rotation, app().live.entries.size()) << where;
                const TileTexts& t = TextsFor(app(), app().live.rotation);
                const ui::TraceEntry* value = Find(trace, t.value);
                ASSERT_NE(value, nullptr) << where << ": the live value is not drawn";
                EXPECT_NE(Find(trace, t.age), nullptr) << where;
                EXPECT_GE(value->min.x, 0) << where;
                EXPECT_GE(value->min.y, 0) << where;
                EXPECT_LE(value->max.x, size.x) << where;
                EXPECT_LE(value->max.y, size.y) << where;
                // The card's texts share its rectangle; nothing else may reach into it.
                for (const auto& e : trace) {
                    if (e.min.x == value->min.x && e.min.y == value->min.y && e.max.x == value->max.x &&
                        e.max.y == value->max.y)
                        continue;
                    EXPECT_FALSE(Overlap(e, *value))
                        << where << ": \"" << e.text << "\" overlaps the live tile";
                }
                // At the end of the reading direction: right in German, left in Arabic.
                const float centre = (value->min.x + value->max.x) * 0.5f;
                if (lang == "ar") {
                    EXPECT_LT(centre, size.x * 0.5f) << where;
                } else {
                    EXPECT_GT(centre, size.x * 0.5f) << where;
                }
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 12);
}

// ---- A value with its unit, right to left ----

TEST_F(LiveScreensTest, ArabicPutsTheUnitAfterTheNumberAndKeepsTheDegreeSignWithC) {
    Draw(ScreenId::kLive, "ar", kSizes[0]);
    std::string number = app().loc->FormatDecimal(7.5, 1);
    for (const std::string alm = "\u061c"; number.find(alm) != std::string::npos;)
        number.erase(number.find(alm), alm.size());
    ASSERT_NE(number, "7.5") << "Arabic digits expected";
    // Reading right to left: the number, then "°C" on its left, degree sign first as in "°C".
    EXPECT_EQ(loc::ForDisplay(FigureText(app(), 7.5, 1, "\u00b0C"), loc::Direction::kRtl),
              "\u00b0C " + number);
    EXPECT_EQ(loc::ForDisplay(FigureText(app(), 7.5, 1, "km/h"), loc::Direction::kRtl), "km/h " + number);
    // German is untouched.
    Draw(ScreenId::kLive, "de", kSizes[0]);
    EXPECT_EQ(FigureText(app(), 7.5, 1, "\u00b0C"), "7,5 \u00b0C");
}

// ---- The water level against its normal range ----

TEST_F(LiveScreensTest, TheWaterLevelIsReadAgainstItsNormalRangeInEveryLanguage) {
    int languages = 0;
    for (const auto& lang : app().catalogues.languages) {
        const auto trace = Draw(ScreenId::kLive, lang.tag, kSizes[0]);
        App& a = app();
        std::size_t water = a.live.entries.size();
        for (std::size_t i = 0; i < a.live.entries.size(); ++i)
            if (a.live.entries[i].value.tile == "water") water = i;
        ASSERT_LT(water, a.live.entries.size()) << lang.tag;
        const auto* cat = a.catalogues.FindCatalogue(lang.tag);
        ASSERT_NE(cat, nullptr);
        for (const char* key :
             {"kiosk.live.range.within", "kiosk.live.range.above", "kiosk.live.range.below"})
            EXPECT_EQ(cat->messages.count(key), 1u) << lang.tag << ": " << key;
        auto expected = [&](const char* key) {
            return a.loc->Format(key, {{"low", a.loc->FormatDecimal(1.8, 2)},
                                       {"high", a.loc->FormatDecimal(2.6, 2)},
                                       {"unit", UnitText(a, "m")}});
        };
        const std::string within = TextsFor(a, water).detail;
        EXPECT_EQ(within, expected("kiosk.live.range.within")) << lang.tag;
        EXPECT_NE(Find(trace, within), nullptr) << lang.tag << ": the range is drawn on the card";
        a.live.entries[water].value.value = 3.1;
        ++a.live.loads;
        EXPECT_EQ(TextsFor(a, water).detail, expected("kiosk.live.range.above")) << lang.tag;
        a.live.entries[water].value.value = 1.2;
        ++a.live.loads;
        EXPECT_EQ(TextsFor(a, water).detail, expected("kiosk.live.range.below")) << lang.tag;
        if (lang.tag == "de") {
            EXPECT_EQ(within, "im Normalbereich (1,8–2,6 m)");
        }
        ++languages;
    }
    EXPECT_GE(languages, 8);
}

// ---- Texts formatted once ----

TEST_F(LiveScreensTest, TextsAreFormattedOnceAndRefreshedWithTheMinuteAndTheLanguage) {
    Draw(ScreenId::kLive, "de", kSizes[0]);
    App& a = app();
    ASSERT_FALSE(a.live.entries.empty());
    // A frame draws the kept text: a marker put into the cache is what appears.
    a.live.texts.at(0).age = "marker";
    BuildFrame(a, kSizes[0].x, kSizes[0].y, 1.0f / 60);
    EXPECT_NE(Find(a.frame.trace, "marker"), nullptr) << "a frame formatted the texts again";
    // The next minute: the age is formatted anew.
    a.now_s += 60;
    BuildFrame(a, kSizes[0].x, kSizes[0].y, 1.0f / 60);
    EXPECT_EQ(Find(a.frame.trace, "marker"), nullptr);
    const std::string age = od::AgeText(*a.loc, a.live.entries[0].value.observed, AppNow(a));
    EXPECT_EQ(TextsFor(a, 0).age, age);
    EXPECT_NE(Find(a.frame.trace, age), nullptr);
    // Another language: formatted in it.
    ApplyLanguage(a, "en");
    BuildFrame(a, kSizes[0].x, kSizes[0].y, 1.0f / 60);
    EXPECT_EQ(TextsFor(a, 0).title, a.T("kiosk.live.tile.weather"));
    EXPECT_NE(Find(a.frame.trace, "Weather"), nullptr);
}

// ---- Charts in Arabic ----

bool HasArabicDigit(const std::string& s) {
    for (int d = 0; d < 10; ++d) {
        const char digit[] = {'\xd9', static_cast<char>('\xa0' + d), 0};  // U+0660..U+0669
        if (s.find(digit) != std::string::npos) return true;
    }
    return false;
}

TEST_F(LiveScreensTest, ArabicChartsKeepTimeLeftToRightWithArabicDigits) {
    for (const ImVec2 size : kSizes) {
        const auto trace = Draw(ScreenId::kLiveDetail, "ar", size);
        ASSERT_TRUE(app().live.detail);
        std::vector<const ui::TraceEntry*> axis;
        for (const auto& e : trace)
            if (e.keeps_order) axis.push_back(&e);
        ASSERT_GE(axis.size(), 6u) << SizeName(size);
        for (const auto* e : axis) EXPECT_TRUE(HasArabicDigit(e->text)) << e->text;
        // The time labels are the ones below the plot: later hours further right.
        float bottom = 0;
        for (const auto* e : axis) bottom = std::max(bottom, e->min.y);
        float last_x = -1;
        int times = 0;
        for (const auto* e : axis) {
            if (e->min.y < bottom - 1) continue;
            EXPECT_GT(e->min.x, last_x) << e->text << ": time runs left to right";
            last_x = e->min.x;
            ++times;
        }
        EXPECT_GE(times, 3) << SizeName(size);
        // The caption above the chart (the unit) is a label like any other: it mirrors and aligns right.
        const std::string unit = od::ChartUnit(app().live.entries[*app().live.detail].value);
        const ui::TraceEntry* caption = Find(trace, unit);
        ASSERT_NE(caption, nullptr) << unit;
        EXPECT_FALSE(caption->keeps_order) << "the caption is not part of the unmirrored plot";
    }
}

// ---- Offline, on a real store ----

// A store as the sync worker leaves it: the default tiles' values (through the real parser) observed
// `age` before the fixed clock with their history, the datasets, and the live connector's last contact.
struct LiveStore {
    ck::test::TempDir dir;
    fs::path config = dir / "kiosk.toml";

    void Write(std::chrono::minutes age, bool reachable) {
        const std::string db_path = (dir / "kiosk.db").string();
        std::ofstream(config) << "[kiosk]\ndatabase = \"" << db_path
                              << "\"\n[central]\norion_url = \"http://127.0.0.1:9\"\n"
                                 "ckan_url = \"https://opendata.herne.de\"\n";
        Result<Config> c = LoadConfig(config.string());
        ASSERT_TRUE(c.ok()) << c.error().message;
        auto db = cache::Database::Open(db_path);
        ASSERT_TRUE(db.ok()) << db.error().message;
        const TimePoint now = FromUnixMs(static_cast<std::int64_t>(test::kFixedClock * 1000));
        ASSERT_TRUE(SeedDemoLive(*db, *c, now - age).ok());
        cache::ConnectorStatus s;
        s.name = "live";
        s.state = reachable ? cache::ConnectorState::kOnline : cache::ConnectorState::kUnreachable;
        s.online = reachable;
        s.last_attempt = now - std::chrono::minutes(1);
        s.last_success = reachable ? s.last_attempt : now - age;
        if (!reachable) s.last_error_code = "http.connect", s.consecutive_failures = 12;
        ASSERT_TRUE(cache::SaveConnectorStatus(*db, s).ok());
    }
    AppOptions Options() const {
        AppOptions o;
        Result<Config> c = LoadConfig(config.string());
        if (c.ok()) o.config = std::move(*c);
        return o;
    }
};

TEST(LiveOfflineTest, StaleMarksAndTheLastContactAreDrawnAndFreshDataHasNone) {
    for (const bool offline : {false, true}) {
        LiveStore store;
        store.Write(offline ? std::chrono::minutes(5 * 60) : std::chrono::minutes(3), !offline);
        DemoKiosk kiosk(store.Options());
        ASSERT_TRUE(kiosk.error().empty()) << kiosk.error();
        for (const std::string lang : {"de", "en", "ar"}) {
            for (const ImVec2 size : kSizes) {
                const std::string where =
                    std::string(offline ? "offline " : "fresh ") + lang + " " + SizeName(size);
                for (const ScreenId screen : {ScreenId::kLive, ScreenId::kLiveDetail}) {
                    DrawRequest r;
                    r.screen = screen;
                    r.language = lang;
                    r.size = size;
                    const auto trace = kiosk.Draw(r);
                    App& a = kiosk.app();
                    ASSERT_FALSE(a.live.entries.empty()) << where;
                    const od::TileEntry& weather = a.live.entries.front();
                    ASSERT_EQ(weather.value.tile, "weather");
                    EXPECT_EQ(weather.stale, offline) << where;
                    const std::string age = od::AgeText(*a.loc, weather.value.observed, AppNow(a));
                    const std::string stale = a.loc->Format("kiosk.live.stale", {{"age", age}});
                    const std::string reached = a.loc->Format(
                        "kiosk.live.offline",
                        {{"time",
                          a.loc->FormatDateTime(a.live.platform ? a.live.platform->last_success : TimePoint{},
                                                loc::DateStyle::kMedium)}});
                    if (screen == ScreenId::kLive || a.live.detail == 0u) {
                        EXPECT_EQ(Find(trace, stale) != nullptr, offline) << where << ": " << stale;
                        EXPECT_EQ(Find(trace, age) != nullptr, !offline) << where << ": " << age;
                    }
                    EXPECT_EQ(Find(trace, reached) != nullptr, offline) << where << ": " << reached;
                    if (lang == "de" && offline) {
                        EXPECT_EQ(stale.rfind("Veraltet – Stand ", 0), 0u) << stale;
                        EXPECT_NE(reached.find("zuletzt erreicht am 27.11.2026"), std::string::npos)
                            << reached;
                    }
                }
            }
        }
    }
}

TEST(LiveOfflineTest, ScreenshotsFreshAndOfflineAreSaved) {
    const fs::path out = ck::test::BinaryDir() / "test-output" / "live";
    fs::remove_all(out);
    fs::create_directories(out);
    int shots = 0;
    for (const bool offline : {false, true}) {
        LiveStore store;
        store.Write(offline ? std::chrono::minutes(5 * 60) : std::chrono::minutes(3), !offline);
        for (const std::string lang : {"de", "en", "ar"}) {
            for (const char* screen : {"live", "live-detail", "datasets"}) {
                for (const std::string size : {"1920x1080", "1080x1920"}) {
                    const fs::path png = out / (std::string(screen) + "-" + lang + "-" + size +
                                                (offline ? "-offline" : "-fresh") + ".png");
                    const ck::test::ChildResult r =
                        ck::test::RunChild(ck::test::KioskBinary().string(),
                                           {"screenshot", "--config", store.config.string(), "--screen",
                                            screen, "--lang", lang, "--size", size, "--out", png.string()},
                                           std::chrono::seconds(60));
                    ASSERT_EQ(r.exit_code, 0) << png.string() << "\n" << r.err;
                    const ck::test::PixelStats px = ck::test::DecodeStats(png);
                    EXPECT_GT(px.width, 0) << png.string();
                    EXPECT_GT(px.distinct_colours, 8u) << png.string() << ": nothing drawn";
                    ++shots;
                }
            }
        }
    }
    EXPECT_EQ(shots, 36);
}

// ---- The datasets search by replay: typed with the on-screen keyboard ----

std::string Step(const char* kind, const std::string& value) {
    return nlohmann::json{{kind, value}}.dump();
}

std::string Text(const std::string& lang, const std::string& key) {
    std::ifstream in(ck::test::SourceDir() / "locales" / "catalogues" / (lang + ".json"));
    return nlohmann::json::parse(in).at(key).get<std::string>();
}

class DatasetsReplay : public ::testing::Test {
  protected:
    // The demo kiosk in `lang` (its configuration's default language).
    ck::test::ChildResult Replay(const std::vector<std::string>& steps, const std::string& size = "1920x1080",
                                 const std::string& lang = "de") {
        const fs::path script = dir_ / ("journey" + std::to_string(++scripts_) + ".jsonl");
        std::ofstream out(script);
        for (const auto& s : steps) out << s << "\n";
        out.close();
        const fs::path config = dir_ / (lang + ".toml");
        std::ofstream(config) << "[locale]\ndefault = \"" << lang << "\"\n";
        return ck::test::RunChild(ck::test::KioskBinary().string(),
                                  {"run", "--demo", "--config", config.string(), "--headless", "--size", size,
                                   "--replay", script.string()},
                                  std::chrono::seconds(90));
    }
    static std::vector<std::string> ToTheSearch(const std::string& lang) {
        return {Step("tap_text", Text(lang, "kiosk.attract.touch_to_start")),
                Step("tap_text", Text(lang, "kiosk.home.live")),
                Step("tap_text", Text(lang, "kiosk.live.datasets")),
                Step("expect_text", "Parkhäuser: Belegung in Echtzeit"),
                Step("tap_text", Text(lang, "kiosk.datasets.search_placeholder"))};
    }
    ck::test::TempDir dir_;
    int scripts_ = 0;
};

TEST_F(DatasetsReplay, TypingOnTheKeyboardFiltersTheListAndClearingBringsItBack) {
    std::vector<std::string> steps = ToTheSearch("de");
    for (const char* key : {"l", "u", "f", "t"}) steps.push_back(Step("tap_text", key));
    steps.push_back(Step("expect_text", "luft"));
    steps.push_back(Step("expect_text", "Luftqualität an den Messstellen"));
    steps.push_back(Step("expect_text", "1 von 4 Datensätzen"));
    const ck::test::ChildResult filtered = Replay(steps);
    ASSERT_EQ(filtered.exit_code, 0) << filtered.err;
    // The other datasets are gone from the list (expecting one fails the replay, naming it).
    steps.push_back(Step("expect_text", "Parkhäuser: Belegung in Echtzeit"));
    const ck::test::ChildResult gone = Replay(steps);
    EXPECT_EQ(gone.exit_code, 1) << gone.err;
    EXPECT_NE(gone.err.find("expected text \"Parkhäuser: Belegung in Echtzeit\" is not visible"),
              std::string::npos)
        << gone.err;
    // Nothing matches: the honest state, and "clear" shows all four again.
    steps = ToTheSearch("de");
    for (const char* key : {"x", "y", "z"}) steps.push_back(Step("tap_text", key));
    steps.push_back(Step("expect_text", "Kein Datensatz passt zu „xyz“."));
    steps.push_back(Step("tap_text", "Suche löschen"));
    steps.push_back(Step("expect_text", "Parkhäuser: Belegung in Echtzeit"));
    steps.push_back(Step("expect_text", "4 Datensätze"));
    const ck::test::ChildResult cleared = Replay(steps);
    EXPECT_EQ(cleared.exit_code, 0) << cleared.err;
}

TEST_F(DatasetsReplay, ScreenshotsWithAQueryAreSaved) {
    const fs::path out = ck::test::BinaryDir() / "test-output" / "live";
    fs::create_directories(out);
    for (const std::string lang : {"de", "ar"}) {
        for (const std::string size : {"1920x1080", "1080x1920"}) {
            const fs::path png = out / ("datasets-query-" + lang + "-" + size + ".png");
            std::vector<std::string> steps = ToTheSearch(lang);
            steps.push_back(Step("type", "park"));
            steps.push_back(Step("expect_text", "Parkhäuser: Belegung in Echtzeit"));
            steps.push_back(Step("shot", png.string()));
            const ck::test::ChildResult r = Replay(steps, size, lang);
            ASSERT_EQ(r.exit_code, 0) << lang << " " << size << "\n" << r.err;
            EXPECT_GT(ck::test::DecodeStats(png).distinct_colours, 8u) << png.string();
        }
    }
}

}  // namespace
}  // namespace ck::kiosk
