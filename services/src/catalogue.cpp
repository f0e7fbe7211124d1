#include "services/catalogue.h"

namespace ck::svc {
namespace {

RichText Para(std::string text) {
    return {TextBlock{false, 0, std::move(text)}};
}

RichText Bullets(const std::vector<std::string>& items) {
    RichText out;
    for (const auto& i : items) out.push_back(TextBlock{true, 0, i});
    return out;
}

struct DemoEntry {
    std::string id, name, name2, leika, summary;
    std::vector<std::string> documents;
    std::string fees, office, hours, link_title, path;  // path: below the city's website
    std::vector<std::string> synonyms;
};

}  // namespace

const Module* ServiceDetail::Find(std::string_view code) const {
    for (const auto& m : modules)
        if (m.code == code) return &m;
    return nullptr;
}

std::string PlainText(const RichText& text) {
    std::string out;
    for (const auto& b : text) out += (out.empty() ? "" : " ") + b.text;
    return out;
}

DemoData DemoCatalogue(std::string_view city_name, std::string_view website) {
    const std::string city(city_name);
    const std::string office = "Bürgerbüro der Stadt " + city;
    const std::string hours = "Mo–Fr 8:00–12:30, Do 14:00–18:00 (mit Termin)";
    const std::vector<DemoEntry> entries = {
        {"demo.LB.1",
         "Anmeldung einer Wohnung",
         "Wohnsitz anmelden",
         "99115001001000",
         "Wenn Sie in eine Wohnung in " + city +
             " einziehen, müssen Sie sich innerhalb von zwei Wochen anmelden.",
         {"Personalausweis oder Reisepass", "Wohnungsgeberbestätigung"},
         "gebührenfrei",
         office,
         hours,
         "Online-Terminvereinbarung",
         "/termine",
         {"Anmeldung", "Umzug", "Ummeldung", "Meldebescheinigung"}},
        {"demo.LB.2",
         "Bewohnerparkausweis Erteilung",
         "Bewohnerparkausweis beantragen",
         "99066001001000",
         "Anwohnende in Bewohnerparkzonen können einen Parkausweis für ihr Fahrzeug beantragen.",
         {"Fahrzeugschein", "Personalausweis"},
         "30,70 Euro pro Jahr",
         "Straßenverkehrsamt " + city,
         hours,
         "Bewohnerparken online",
         "/bewohnerparken",
         {"Parken", "Anwohnerparken", "Auto"}},
        {"demo.LB.3",
         "Fahrzeugzulassung",
         "Fahrzeug zulassen",
         "99036012104000",
         "Ein neues oder gebrauchtes Fahrzeug muss vor der Nutzung im öffentlichen Straßenverkehr zugelassen "
         "werden.",
         {"Personalausweis", "Zulassungsbescheinigung Teil I und II", "eVB-Nummer der Versicherung",
          "SEPA-Lastschriftmandat für die Kfz-Steuer"},
         "ab 26,30 Euro",
         "Straßenverkehrsamt " + city,
         hours,
         "i-Kfz",
         "/kfz",
         {"Auto", "Kfz", "Zulassung"}},
        {"demo.LB.4",
         "Personalausweis Ausstellung",
         "Personalausweis beantragen",
         "99089001001000",
         "Deutsche ab 16 Jahren müssen einen gültigen Personalausweis oder Reisepass besitzen.",
         {"Biometrisches Passfoto", "alter Ausweis"},
         "37,00 Euro (unter 24 Jahren 22,80 Euro)",
         office,
         hours,
         "Online-Terminvereinbarung",
         "/termine",
         {"Ausweis", "Perso", "ID"}},
        {"demo.LB.5",
         "Sperrmüllabholung",
         "Sperrmüll anmelden",
         "99003001001000",
         "Große Haushaltsgegenstände holt die Stadt nach Anmeldung kostenlos ab.",
         {},
         "gebührenfrei bis 5 m³",
         "Entsorgung " + city,
         "Mo–Fr 7:00–16:00",
         "Sperrmüll online anmelden",
         "/sperrmuell",
         {"Müll", "Abfall", "Möbel"}},
        {"demo.LB.6",
         "Hundesteuer Anmeldung",
         "Hund anmelden (Hundesteuer)",
         "99104001001000",
         "Wer in " + city + " einen Hund hält, muss ihn innerhalb von zwei Wochen zur Hundesteuer anmelden.",
         {"Personalausweis", "Nachweis der Haftpflichtversicherung"},
         "Steuer nach Satzung",
         "Steueramt " + city,
         hours,
         "Hund online anmelden",
         "/hundesteuer",
         {"Hund", "Steuer"}},
    };
    DemoData out;
    for (const auto& e : entries) {
        Service s;
        s.id = e.id;
        s.name = e.name;
        s.name2 = e.name2;
        s.leika_keys = {e.leika};
        if (!website.empty()) s.online_links = {Link{e.link_title, std::string(website) + e.path}};
        s.synonyms = e.synonyms;
        s.summary = e.summary;
        ServiceDetail d;
        d.id = e.id;
        d.name = e.name2;
        d.available_languages = {"de"};
        d.synonyms = e.synonyms;
        d.leika_keys = s.leika_keys;
        d.online_links = s.online_links;
        d.modules.push_back(Module{std::string(module::kSummary), "Kurzinfo", Para(e.summary), {}});
        if (!e.documents.empty())
            d.modules.push_back(Module{
                std::string(module::kDocuments), "Erforderliche Unterlagen", Bullets(e.documents), {}});
        d.modules.push_back(Module{std::string(module::kFees), "Kosten", Para(e.fees), {}});
        d.modules.push_back(Module{std::string(module::kOffice),
                                   "Zuständige Stelle",
                                   {{false, 0, e.office}, {false, 0, e.hours}},
                                   {}});
        out.services.push_back(std::move(s));
        out.details.push_back(std::move(d));
    }
    return out;
}

}  // namespace ck::svc
