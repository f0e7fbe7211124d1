#include "services/catalogue.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <sstream>

namespace ck::svc {
namespace {

// Folds case and strips combining marks, so "strasse", "Straße" and "STRASSE" meet, and "muell" ~ "Müll" is not
// attempted (different words); "mull" matches "Müll".
std::string Fold(std::string_view text) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    s.foldCase();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_SUCCESS(status)) s = nfd->normalize(s, status);
    icu::UnicodeString out;
    for (int32_t i = 0; i < s.length();) {
        const UChar32 c = s.char32At(i);
        if (u_getCombiningClass(c) == 0 && u_charType(c) != U_NON_SPACING_MARK) out.append(c);
        i += U16_LENGTH(c);
    }
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

}  // namespace

std::vector<const Service*> Search(const std::vector<Service>& catalogue, std::string_view query) {
    std::vector<std::string> words;
    std::istringstream in(Fold(query));
    for (std::string w; in >> w;) words.push_back(w);
    std::vector<std::pair<int, const Service*>> hits;
    for (const Service& s : catalogue) {
        if (words.empty()) {
            hits.emplace_back(0, &s);
            continue;
        }
        const std::string name = Fold(s.name);
        std::string keys;
        for (const auto& k : s.keywords) keys += Fold(k) + " ";
        const std::string summary = Fold(s.summary);
        int score = 0;
        bool all = true;
        for (const auto& w : words) {
            if (name.find(w) != std::string::npos) {
                score += 3;
            } else if (keys.find(w) != std::string::npos) {
                score += 2;
            } else if (summary.find(w) != std::string::npos) {
                score += 1;
            } else {
                all = false;
                break;
            }
        }
        if (all) hits.emplace_back(score, &s);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const Service*> out;
    for (const auto& h : hits) out.push_back(h.second);
    return out;
}

std::vector<Service> DemoCatalogue(std::string_view city_name) {
    const std::string city(city_name);
    const std::string office = "Bürgerbüro der Stadt " + city;
    const std::string hours = "Mo–Fr 8:00–12:30, Do 14:00–18:00 (mit Termin)";
    return {
        {"demo.LB.1", "Wohnsitz anmelden",
         "Wenn Sie in eine Wohnung in " + city + " einziehen, müssen Sie sich innerhalb von zwei Wochen anmelden.",
         {"Personalausweis oder Reisepass", "Wohnungsgeberbestätigung"}, "gebührenfrei", office, hours,
         "https://www.herne.de/termine", {"Anmeldung", "Umzug", "Ummeldung", "Meldebescheinigung"}},
        {"demo.LB.2", "Bewohnerparkausweis beantragen",
         "Anwohnende in Bewohnerparkzonen können einen Parkausweis für ihr Fahrzeug beantragen.",
         {"Fahrzeugschein", "Personalausweis"}, "30,70 Euro pro Jahr", "Straßenverkehrsamt " + city, hours,
         "https://www.herne.de/bewohnerparken", {"Parken", "Anwohnerparken", "Auto"}},
        {"demo.LB.3", "Fahrzeug zulassen",
         "Ein neues oder gebrauchtes Fahrzeug muss vor der Nutzung im öffentlichen Straßenverkehr zugelassen werden.",
         {"Personalausweis", "Zulassungsbescheinigung Teil I und II", "eVB-Nummer der Versicherung",
          "SEPA-Lastschriftmandat für die Kfz-Steuer"},
         "ab 26,30 Euro", "Straßenverkehrsamt " + city, hours, "https://www.herne.de/kfz", {"Auto", "Kfz", "Zulassung"}},
        {"demo.LB.4", "Personalausweis beantragen",
         "Deutsche ab 16 Jahren müssen einen gültigen Personalausweis oder Reisepass besitzen.",
         {"Biometrisches Passfoto", "alter Ausweis"}, "37,00 Euro (unter 24 Jahren 22,80 Euro)", office, hours,
         "https://www.herne.de/termine", {"Ausweis", "Perso", "ID"}},
        {"demo.LB.5", "Sperrmüll anmelden",
         "Große Haushaltsgegenstände holt die Stadt nach Anmeldung kostenlos ab.", {}, "gebührenfrei bis 5 m³",
         "Entsorgung " + city, "Mo–Fr 7:00–16:00", "https://www.herne.de/sperrmuell", {"Müll", "Abfall", "Möbel"}},
        {"demo.LB.6", "Hund anmelden (Hundesteuer)",
         "Wer in " + city + " einen Hund hält, muss ihn innerhalb von zwei Wochen zur Hundesteuer anmelden.",
         {"Personalausweis", "Nachweis der Haftpflichtversicherung"}, "Steuer nach Satzung", "Steueramt " + city,
         hours, "https://www.herne.de/hundesteuer", {"Hund", "Steuer"}},
    };
}

}  // namespace ck::svc
