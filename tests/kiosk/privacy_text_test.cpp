// The privacy statement states the configured figures, not the ones the catalogues were written with: change
// the idle reset and the counting interval and the text says so, in every language, with the right plural.
#include <gtest/gtest.h>

#include <string>

#include "app/config.h"
#include "locales/catalogue.h"
#include "locales/localizer.h"
#include "screens/screens.h"

namespace ck::kiosk {
namespace {

std::string Joined(loc::Localizer& loc, const Config& config) {
    std::string all;
    for (const PrivacySection& s : PrivacySections(loc, config)) all += s.title + "\n" + s.text + "\n";
    return all;
}

class PrivacyTextTest : public ::testing::Test {
  protected:
    void SetUp() override {
        Result<loc::CatalogueSet> cats = loc::LoadCatalogues();
        ASSERT_TRUE(cats.ok()) << cats.error().message;
        catalogues_ = std::move(*cats);
        loc_ = std::make_unique<loc::Localizer>(catalogues_);
    }
    std::string In(const std::string& tag, const Config& config) {
        EXPECT_TRUE(loc_->SetLanguage(tag).ok()) << tag;
        return Joined(*loc_, config);
    }
    loc::CatalogueSet catalogues_;
    std::unique_ptr<loc::Localizer> loc_;
};

TEST_F(PrivacyTextTest, DefaultsReadAsBefore) {
    const std::string de = In("de", Config{});
    EXPECT_NE(de.find("Nach 90 Sekunden ohne Berührung"), std::string::npos) << de;
    EXPECT_NE(de.find("Zählwerte je 15 Minuten."), std::string::npos) << de;
    EXPECT_NE(de.find("Stadt Herne, Datenschutz: datenschutz@herne.de. Rechtsgrundlage: Art. 6 (1) e DSGVO."),
              std::string::npos)
        << de;
}

TEST_F(PrivacyTextTest, ConfiguredFiguresAndNamesAppearInEveryLanguage) {
    Config c;
    c.idle_timeout_s = 45;
    c.counter.bin_minutes = 5;
    c.privacy.controller = "Stadt Bochum";
    c.privacy.contact = "privacy@example.org";
    c.privacy.legal_basis = "Art. 6 (1) c DSGVO";
    struct Expected {
        const char* tag;
        const char* seconds;
        const char* minutes;
    };
    // Plural forms: ru/uk/pl "many" for 5 and 45; Arabic digits in Arabic.
    const Expected cases[] = {
        {"de", "Nach 45 Sekunden", "je 5 Minuten"},
        {"en", "After 45 seconds", "per 5 minutes"},
        {"tr", "45 saniye boyunca", "5 dakikalık"},
        {"ru", "Через 45 секунд", "каждые 5 минут"},
        {"uk", "Через 45 секунд", "кожні 5 хвилин"},
        {"pl", "Po 45 sekundach", "każdych 5 minut"},
        {"ar", "\u0664\u0665", "\u0665"},
    };
    for (const Expected& e : cases) {
        const std::string text = In(e.tag, c);
        EXPECT_NE(text.find(e.seconds), std::string::npos) << e.tag << ": " << text;
        EXPECT_NE(text.find(e.minutes), std::string::npos) << e.tag << ": " << text;
        EXPECT_EQ(text.find("90"), std::string::npos) << e.tag << ": " << text;
        EXPECT_EQ(text.find("15"), std::string::npos) << e.tag << ": " << text;
        EXPECT_EQ(text.find("Herne"), std::string::npos) << e.tag << ": " << text;
        for (const char* name : {"Stadt Bochum", "privacy@example.org", "Art. 6 (1) c DSGVO"}) {
            EXPECT_NE(text.find(name), std::string::npos) << e.tag << ": " << name;
        }
        EXPECT_EQ(text.find('{'), std::string::npos) << e.tag << ": an unformatted pattern: " << text;
    }
}

TEST_F(PrivacyTextTest, SingularAndFewForms) {
    Config c;
    c.idle_timeout_s = 61.4;  // whole seconds on screen
    c.counter.bin_minutes = 1;
    EXPECT_NE(In("de", c).find("Nach 61 Sekunden"), std::string::npos);
    EXPECT_NE(In("de", c).find("Zählwerte je Minute."), std::string::npos);
    EXPECT_NE(In("en", c).find("per minute are sent"), std::string::npos);
    EXPECT_NE(In("ru", c).find("Через 61 секунду"), std::string::npos);  // "one" in Russian
    EXPECT_NE(In("pl", c).find("z każdej minuty"), std::string::npos);
    c.counter.bin_minutes = 3;
    EXPECT_NE(In("ru", c).find("каждые 3 минуты"), std::string::npos);  // "few"
    EXPECT_NE(In("uk", c).find("кожні 3 хвилини"), std::string::npos);
    EXPECT_NE(In("pl", c).find("każdych 3 minut"), std::string::npos);
}

}  // namespace
}  // namespace ck::kiosk
