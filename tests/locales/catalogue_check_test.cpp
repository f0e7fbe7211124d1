// The catalogue checker: every catalogue parses, every pattern compiles with ICU and uses its language's
// plural categories, translations use only German keys and argument names, and every "kiosk.*" key literal in
// the kiosk's source exists in de.json. Missing translations are allowed (they visibly fall back to German)
// but are listed in the test output, as are German keys no source file mentions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/strenum.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include "locales/catalogue.h"
#include "locales/utf8.h"
#include "test_files.h"
#include "test_support/test_support.h"

namespace ck::loc {
namespace {

namespace fs = std::filesystem;

struct CheckReport {
    std::vector<std::string> errors;    // fail the test
    std::vector<std::string> warnings;  // printed, do not fail

    std::string Text() const {
        std::ostringstream out;
        for (const auto& e : errors) out << "  ERROR   " << e << "\n";
        for (const auto& w : warnings) out << "  warning " << w << "\n";
        return out.str();
    }
};

icu::UnicodeString U(const std::string& s) {
    return icu::UnicodeString::fromUTF8(s);
}
std::string S(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

icu::Locale LocaleOf(const std::string& tag) {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Locale::forLanguageTag(tag, status);
}

std::set<std::string> PluralKeywords(const icu::Locale& locale, UPluralType type) {
    std::set<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(locale, type, status));
    if (U_FAILURE(status)) return out;
    std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
    if (U_FAILURE(status)) return out;
    while (const icu::UnicodeString* k = keywords->snext(status)) out.insert(S(*k));
    return out;
}

std::string Join(const std::set<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : " ") + i;
    return out;
}

// Argument names a pattern uses; plural categories checked against the language's CLDR rules.
std::set<std::string> CheckPattern(const std::string& where, const std::string& tag,
                                   const std::string& pattern, CheckReport& report) {
    std::set<std::string> args;
    for (const char32_t c : DecodeUtf8(pattern)) {
        const bool control = (c < 0x20 && c != U'\n') || (c >= 0x7F && c < 0xA0) ||
                             (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
                             c == 0x200F || c == 0xFEFF;
        if (control) {
            std::ostringstream hex;
            hex << std::hex << static_cast<unsigned>(c);
            report.errors.push_back(where + ": contains the invisible control character U+" + hex.str());
        }
    }
    const icu::Locale locale = LocaleOf(tag);
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    icu::MessageFormat format(U(pattern), locale, parse_error, status);
    if (U_FAILURE(status)) {
        report.errors.push_back(where + ": ICU rejects the pattern (" + u_errorName(status) + " at offset " +
                                std::to_string(parse_error.offset) + ")");
        return args;
    }
    icu::MessagePattern parsed(U(pattern), &parse_error, status);
    if (U_FAILURE(status)) return args;
    if (parsed.hasNumberedArguments()) {
        report.errors.push_back(where +
                                ": uses numbered arguments like {0}; the Localizer passes named ones");
    }
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) args.insert(S(parsed.getSubstring(part)));
        if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;
        const UMessagePatternArgType arg_type = part.getArgType();
        if (arg_type != UMSGPAT_ARG_TYPE_PLURAL && arg_type != UMSGPAT_ARG_TYPE_SELECTORDINAL) continue;
        const std::set<std::string> allowed = PluralKeywords(
            locale, arg_type == UMSGPAT_ARG_TYPE_PLURAL ? UPLURAL_TYPE_CARDINAL : UPLURAL_TYPE_ORDINAL);
        std::set<std::string> used;
        const int32_t limit = parsed.getLimitPartIndex(i);
        for (int32_t j = i + 1; j < limit; ++j) {
            const icu::MessagePattern::Part& inner = parsed.getPart(j);
            if (inner.getType() == UMSGPAT_PART_TYPE_MSG_START) {
                j = parsed.getLimitPartIndex(j);  // skip the sub-message; nested plurals are visited by i
            } else if (inner.getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
                const std::string selector = S(parsed.getSubstring(inner));
                if (selector.empty() || selector[0] == '=') continue;  // explicit value, always fine
                used.insert(selector);
                if (!allowed.count(selector)) {
                    report.errors.push_back(where + ": plural category \"" + selector +
                                            "\" does not exist in " + tag +
                                            " (CLDR categories: " + Join(allowed) + ")");
                }
            }
        }
        std::set<std::string> missing;
        std::set_difference(allowed.begin(), allowed.end(), used.begin(), used.end(),
                            std::inserter(missing, missing.end()));
        if (!missing.empty()) {
            report.errors.push_back(where + ": plural lacks the " + tag + " categories " + Join(missing) +
                                    " (CLDR categories: " + Join(allowed) + ")");
        }
    }
    return args;
}

struct SourceKeys {
    std::map<std::string, std::string> keys;  // key -> first file that mentions it
    std::set<std::string> prefixes;           // "kiosk.category." literals used to build keys at run time
    std::size_t files = 0;
};

// String literals that look like message keys: "kiosk.<a>.<b>..." (at least three segments, so file names
// such as "kiosk.toml" are not mistaken for keys).
SourceKeys ScanSource(const fs::path& root) {
    SourceKeys found;
    static const std::regex kKeyLiteral(R"re("(kiosk(?:\.[a-z0-9_-]+){2,}|kiosk(?:\.[a-z0-9_-]+)+\.)")re");
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& path = it->path();
        if (!it->is_regular_file() || (path.extension() != ".cpp" && path.extension() != ".h")) continue;
        ++found.files;
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        const std::string content = text.str();
        for (std::sregex_iterator m(content.begin(), content.end(), kKeyLiteral), end; m != end; ++m) {
            const std::string key = (*m)[1].str();
            if (key.back() == '.') {
                found.prefixes.insert(key);
            } else {
                found.keys.emplace(key, fs::relative(path, root).string());
            }
        }
    }
    return found;
}

// Everything but the source scan.
CheckReport CheckCatalogues(const CatalogueSet& set) {
    CheckReport report;
    const Language* root = nullptr;
    for (const auto& lang : set.languages) {
        if (lang.fallback.empty()) root = &lang;
    }
    if (!root) {
        report.errors.push_back("languages.json has no root language");
        return report;
    }
    const Catalogue& german = *set.FindCatalogue(root->tag);
    std::map<std::string, std::set<std::string>> german_args;
    for (const auto& [key, pattern] : german.messages) {
        german_args[key] = CheckPattern(root->tag + ".json " + key, root->tag, pattern, report);
    }
    for (const auto& lang : set.languages) {
        if (&lang == root) continue;
        const Catalogue& cat = *set.FindCatalogue(lang.tag);
        for (const auto& [key, pattern] : cat.messages) {
            const std::string where = lang.tag + ".json " + key;
            const auto args = CheckPattern(where, lang.tag, pattern, report);
            const auto german_it = german_args.find(key);
            if (german_it == german_args.end()) {
                report.errors.push_back(where + ": key does not exist in " + root->tag + ".json");
                continue;
            }
            for (const auto& arg : args) {
                if (!german_it->second.count(arg)) {
                    report.errors.push_back(where + ": argument {" + arg + "} is not in the German text");
                }
            }
            for (const auto& arg : german_it->second) {
                if (!args.count(arg)) {
                    report.warnings.push_back(where + ": does not use the argument {" + arg +
                                              "} of the German text");
                }
            }
        }
        std::vector<std::string> missing;
        for (const auto& [key, unused] : german.messages) {
            if (!cat.messages.count(key)) missing.push_back(key);
        }
        if (!missing.empty()) {
            std::string list;
            for (std::size_t i = 0; i < missing.size() && i < 8; ++i) list += " " + missing[i];
            report.warnings.push_back(lang.tag + ".json: " + std::to_string(missing.size()) + " of " +
                                      std::to_string(german.messages.size()) +
                                      " keys missing (shown in German):" + list +
                                      (missing.size() > 8 ? " ..." : ""));
        }
    }
    return report;
}

CheckReport CheckSourceKeys(const Catalogue& german, const SourceKeys& source) {
    CheckReport report;
    for (const auto& [key, file] : source.keys) {
        if (!german.messages.count(key)) {
            report.errors.push_back(file + ": key \"" + key +
                                    "\" is not in de.json (it would show as the key)");
        }
    }
    for (const auto& [key, unused] : german.messages) {
        const bool used =
            source.keys.count(key) || std::any_of(source.prefixes.begin(), source.prefixes.end(),
                                                  [&](const std::string& p) { return key.rfind(p, 0) == 0; });
        if (!used && key.rfind("kiosk.", 0) == 0) {
            report.warnings.push_back("de.json " + key + ": no source file mentions this key");
        }
    }
    return report;
}

// ---- Leichte Sprache (de-x-ls): the rules of the Netzwerk Leichte Sprache that a program can check ----
// (short sentences, no abbreviations, long compounds hyphenated, no passive). The rest (one statement per
// sentence, no genitive, terms explained) needs a reader; docs/accessibility.md says what was reviewed.

constexpr std::size_t kMaxEasyReadWords = 15;

// The sentences of a message: each argument counts as one word, each plural branch is a text of its own.
std::vector<std::string> EasyReadSentences(const std::string& pattern) {
    std::string t = std::regex_replace(pattern, std::regex(R"(\{\w+(, *(number|date|time)[^{}]*)?\})"), "X");
    t = std::regex_replace(t, std::regex(R"(\{\w+, *(plural|select|selectordinal),)"), "");
    t = std::regex_replace(t, std::regex(R"((zero|one|two|few|many|other|=\d+) *\{)"), "\n");
    for (char& c : t) {
        if (c == '{' || c == '}') c = '\n';
        if (c == '#') c = '2';
    }
    std::vector<std::string> out;
    static const std::regex kEnd(R"([.!?:;](\s|$)|\n)");
    for (std::sregex_token_iterator it(t.begin(), t.end(), kEnd, -1), end; it != end; ++it) {
        if (it->str().find_first_not_of(" ") != std::string::npos) out.push_back(it->str());
    }
    return out;
}

std::size_t CountWords(const std::string& sentence) {
    std::istringstream in(sentence);
    std::size_t n = 0;
    for (std::string w; in >> w;) n += w.find_first_not_of("-–…,\"'()") != std::string::npos;
    return n;
}

std::string Lower(const std::string& s) {
    return S(U(s).toLower(icu::Locale::getGerman()));
}

// Terms of the kiosk's texts that Leichte Sprache writes with hyphens (Bürger-Büro), in lower case.
const std::vector<std::string>& LongCompounds() {
    static const std::vector<std::string> terms = [] {
        std::vector<std::string> out;
        for (const char* t :
             {"Bürgerbüro",   "Meldebescheinigung", "Sprachausgabe",   "Datenschutz",      "Bildschirm",
              "Parkplatz",    "Parkplätze",         "Stadtteil",       "Führerschein",     "Feinstaub",
              "Stickstoff",   "Wasserstand",        "Internetseite",   "Datensammlung",    "Datenliste",
              "Dateiart",     "Mittelwert",         "Leerzeichen",     "Innenstadt",       "Zusammenleben",
              "Öffnungszeit", "Referenzcode",       "Personalausweis", "Barrierefreiheit", "Kontrollkästchen",
              "Eingabefeld",  "Schaltfläche",       "Luftqualität"})
            out.push_back(Lower(t));
        return out;
    }();
    return terms;
}

CheckReport CheckEasyRead(const Catalogue& ls) {
    CheckReport report;
    static const std::regex kAbbreviation(
        R"((^|[\s(])(z\. ?B\.|bzw\.|ggf\.|usw\.|d\. ?h\.|ca\.|u\. ?a\.|evtl\.|etc\.|inkl\.|vgl\.|Nr\.|Tel\.|Str\.))",
        std::regex::icase);
    static const std::regex kPassive(R"((^|\s)(wurde|wurden|worden)(\s|[.,!?]|$))", std::regex::icase);
    for (const auto& [key, pattern] : ls.messages) {
        const std::string where = ls.tag + ".json " + key + ": ";
        for (const std::string& sentence : EasyReadSentences(pattern)) {
            if (const std::size_t n = CountWords(sentence); n > kMaxEasyReadWords) {
                report.errors.push_back(where + "a sentence of " + std::to_string(n) + " words (at most " +
                                        std::to_string(kMaxEasyReadWords) + "): \"" + sentence + "\"");
            }
        }
        std::smatch m;
        if (std::regex_search(pattern, m, kAbbreviation))
            report.errors.push_back(where + "the abbreviation \"" + m[2].str() + "\" (write it out)");
        if (std::regex_search(pattern, m, kPassive))
            report.errors.push_back(where + "passive voice (\"" + m[2].str() + "\"): say who does it");
        const std::string lower = Lower(pattern);
        for (const std::string& term : LongCompounds()) {
            if (lower.find(term) != std::string::npos)
                report.errors.push_back(where + "the long word \"" + term +
                                        "\" without hyphens (Bürger-Büro)");
        }
    }
    return report;
}

class RealCatalogues : public ::testing::Test {
  protected:
    void SetUp() override {
        auto set = LoadCatalogues(DefaultCataloguesDir());
        ASSERT_TRUE(set.ok()) << set.error().message;
        set_ = std::move(*set);
    }
    CatalogueSet set_;
};

TEST_F(RealCatalogues, ListTheKiosksLanguagesWithNativeNames) {
    std::vector<std::string> native;
    for (const auto& lang : set_.languages) native.push_back(lang.native_name);
    EXPECT_EQ(native, (std::vector<std::string>{"Deutsch", "Leichte Sprache", "English", "Türkçe", "العربية",
                                                "Українська", "Русский", "Polski"}));
    // Leichte Sprache is a variant of German: German plurals, German for what it does not translate.
    EXPECT_EQ(set_.FindLanguage("de-x-ls")->fallback, "de");
    EXPECT_EQ(set_.FindLanguage("de-x-ls")->direction, Direction::kLtr);
    EXPECT_EQ(set_.languages.front().tag, "de");
    EXPECT_TRUE(set_.languages.front().fallback.empty());
    EXPECT_EQ(set_.FindLanguage("ar")->direction, Direction::kRtl);
    EXPECT_FALSE(set_.FindCatalogue("de")->messages.empty()) << "de.json is empty";
}

TEST_F(RealCatalogues, PatternsCompileAndTranslationsMatchGerman) {
    const CheckReport report = CheckCatalogues(set_);
    std::cout << "catalogue check (" << DefaultCataloguesDir().string() << "):\n" << report.Text();
    EXPECT_TRUE(report.errors.empty()) << report.Text();
}

TEST_F(RealCatalogues, EnglishIsComplete) {
    // Foundation issue: German and English complete; other languages may fall back.
    const Catalogue& de = *set_.FindCatalogue("de");
    const Catalogue& en = *set_.FindCatalogue("en");
    for (const auto& [key, unused] : de.messages)
        EXPECT_TRUE(en.messages.count(key)) << "en.json lacks " << key;
}

TEST_F(RealCatalogues, EveryKeyTheKioskUsesExistsInGerman) {
    const fs::path kiosk_src = test::SourceDir() / "kiosk" / "src";
    ASSERT_TRUE(fs::is_directory(kiosk_src)) << kiosk_src << " not found (set CK_SOURCE_DIR to the checkout)";
    SourceKeys source = ScanSource(kiosk_src);
    // A domain module that words visitor text with the catalogues: opendata's "as of 14:05, 12 min ago".
    const SourceKeys opendata = ScanSource(test::SourceDir() / "opendata" / "src");
    source.keys.insert(opendata.keys.begin(), opendata.keys.end());
    source.prefixes.insert(opendata.prefixes.begin(), opendata.prefixes.end());
    source.files += opendata.files;
    const CheckReport report = CheckSourceKeys(*set_.FindCatalogue("de"), source);
    std::cout << "source scan: " << source.files << " files, " << source.keys.size() << " distinct keys, "
              << source.prefixes.size() << " key prefixes\n"
              << report.Text();
    EXPECT_TRUE(report.errors.empty()) << report.Text();
}

TEST_F(RealCatalogues, LeichteSpracheKeepsTheRulesAProgramCanCheck) {
    const CheckReport report = CheckEasyRead(*set_.FindCatalogue("de-x-ls"));
    EXPECT_TRUE(report.errors.empty()) << report.Text();
}

// Leichte Sprache is for visitors. The admin screen is for operators behind a PIN: de-x-ls deliberately has
// none of its texts (kiosk.admin.*), so it shows in German, the fallback. Every other text must be there.
TEST_F(RealCatalogues, LeichteSpracheHasEveryVisitorTextAndLeavesTheAdminScreenGerman) {
    const Catalogue& de = *set_.FindCatalogue("de");
    const Catalogue& ls = *set_.FindCatalogue("de-x-ls");
    std::size_t admin = 0;
    for (const auto& [key, unused] : de.messages) {
        const bool is_admin = key.rfind("kiosk.admin.", 0) == 0;
        admin += is_admin;
        if (!is_admin) {
            EXPECT_TRUE(ls.messages.count(key)) << "de-x-ls.json lacks the visitor text " << key;
        }
    }
    EXPECT_GT(admin, 0u) << "no kiosk.admin.* keys: the rule above checks nothing";
    for (const auto& [key, unused] : ls.messages)
        EXPECT_NE(key.rfind("kiosk.admin.", 0), 0u) << key << ": the admin screen stays German as a whole";
}

TEST(EasyReadCheck, FlagsLongSentencesAbbreviationsPassiveAndUnhyphenatedCompounds) {
    const Catalogue ls = *ParseCatalogue("de-x-ls", R"({
        "kiosk.ok.short": "Das ist ein Satz. {n, plural, one {# Mensch} other {# Menschen}} sind hier.",
        "kiosk.ok.hyphen": "Das Bürger-Büro hilft. Die Melde-Bescheinigung ist ein Papier.",
        "kiosk.bad.long": "Wenn Sie eine neue Wohnung haben, dann müssen Sie das der Stadt bald sagen, sonst gibt es Ärger.",
        "kiosk.bad.plural": "{n, plural, one {Sie können noch # Zeichen schreiben und dann sind Sie fertig und dann geht es weiter mit dem nächsten Schritt.} other {Ok.}}",
        "kiosk.bad.abbr": "Bringen Sie z.B. einen Ausweis mit.",
        "kiosk.bad.passive": "Ihre Idee wurde gespeichert.",
        "kiosk.bad.compound": "Gehen Sie zum Bürgerbüro. Dort gibt es die Meldebescheinigung."
    })",
                                         "de-x-ls.json");
    const CheckReport report = CheckEasyRead(ls);
    const std::string text = report.Text();
    EXPECT_THAT(text, ::testing::HasSubstr("kiosk.bad.long: a sentence of 18 words"));
    EXPECT_THAT(text, ::testing::HasSubstr("kiosk.bad.plural: a sentence of 20 words"));
    EXPECT_THAT(text, ::testing::HasSubstr("kiosk.bad.abbr: the abbreviation \"z.B.\""));
    EXPECT_THAT(text, ::testing::HasSubstr("kiosk.bad.passive: passive voice (\"wurde\")"));
    EXPECT_THAT(text, ::testing::HasSubstr("kiosk.bad.compound: the long word \"bürgerbüro\""));
    EXPECT_THAT(text, ::testing::HasSubstr("kiosk.bad.compound: the long word \"meldebescheinigung\""));
    EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("kiosk.ok.")));
    EXPECT_EQ(report.errors.size(), 6u) << text;
}

// The checker itself must catch what it claims to catch.
CatalogueSet SyntheticSet(const char* de_json, const char* en_json, const char* ar_json) {
    CatalogueSet set;
    set.languages = *ParseLanguages(test::kThreeLanguages, "languages.json");
    set.catalogues.emplace("de", *ParseCatalogue("de", de_json, "de.json"));
    set.catalogues.emplace("en", *ParseCatalogue("en", en_json, "en.json"));
    set.catalogues.emplace("ar", *ParseCatalogue("ar", ar_json, "ar.json"));
    return set;
}

TEST(CatalogueChecker, AcceptsAConsistentSetAndListsMissingTranslations) {
    const CheckReport report = CheckCatalogues(SyntheticSet(
        R"({"kiosk.a.b": "{n, plural, one {# Idee} other {# Ideen}}", "kiosk.a.c": "Hallo {name}"})",
        R"({"kiosk.a.b": "{n, plural, one {# idea} other {# ideas}}"})",
        R"({"kiosk.a.b": "{n, plural, zero {لا أفكار} one {فكرة} two {فكرتان} few {# أفكار} many {# فكرة} other {# فكرة}}"})"));
    EXPECT_TRUE(report.errors.empty()) << report.Text();
    ASSERT_EQ(report.warnings.size(), 2u) << report.Text();
    EXPECT_THAT(report.warnings[0], ::testing::HasSubstr("en.json: 1 of 2 keys missing"));
}

TEST(CatalogueChecker, ReportsEachKindOfError) {
    const CheckReport report = CheckCatalogues(SyntheticSet(
        R"({"kiosk.a.b": "{n, plural, one {# Idee} other {# Ideen}}", "kiosk.a.bad": "{n, plural, one {x}}"})",
        R"({"kiosk.a.b": "{count, plural, one {# idea} other {# ideas}}", "kiosk.extra.key": "x",
            "kiosk.a.bidi": "a\u202Eb"})",
        R"({"kiosk.a.b": "{n, plural, one {فكرة} other {# فكرة}}"})"));
    const std::string text = report.Text();
    EXPECT_THAT(text, ::testing::HasSubstr("de.json kiosk.a.bad: ICU rejects the pattern"));
    EXPECT_THAT(text, ::testing::HasSubstr("en.json kiosk.a.b: argument {count} is not in the German text"));
    EXPECT_THAT(text, ::testing::HasSubstr("en.json kiosk.extra.key: key does not exist in de.json"));
    EXPECT_THAT(
        text, ::testing::HasSubstr("en.json kiosk.a.bidi: contains the invisible control character U+202e"));
    EXPECT_THAT(text,
                ::testing::HasSubstr("ar.json kiosk.a.b: plural lacks the ar categories few many two zero"));
    EXPECT_EQ(report.errors.size(), 6u) << text;  // + "kiosk.a.bidi" is not in de.json
}

TEST(CatalogueChecker, RejectsPluralCategoriesTheLanguageDoesNotHave) {
    CheckReport report;
    CheckPattern("ru.json k", "ru", "{n, plural, zero {нет} one {#} few {#} many {#} other {#}}", report);
    ASSERT_EQ(report.errors.size(), 1u) << report.Text();
    EXPECT_THAT(report.errors[0], ::testing::HasSubstr("\"zero\" does not exist in ru"));
}

TEST(CatalogueChecker, RejectsNumberedArguments) {
    CheckReport report;
    CheckPattern("de.json k", "de", "Hallo {0}", report);
    ASSERT_EQ(report.errors.size(), 1u) << report.Text();
    EXPECT_THAT(report.errors[0], ::testing::HasSubstr("numbered arguments"));
}

TEST(CatalogueChecker, FindsKeysInSourceAndFlagsUnknownOnes) {
    test::TempDir dir;
    fs::create_directories(dir.path() / "screens");
    test::WriteFile(dir / "screens/home.cpp",
                    "Text(\"kiosk.home.title\"); Text(\"kiosk.home.typo\"); Open(\"kiosk.toml\");\n"
                    "Text(std::string(\"kiosk.category.\") + id);");
    const SourceKeys source = ScanSource(dir.path());
    EXPECT_EQ(source.files, 1u);
    EXPECT_EQ(source.keys.size(), 2u);
    EXPECT_EQ(source.prefixes, std::set<std::string>{"kiosk.category."});
    const Catalogue de = *ParseCatalogue(
        "de",
        R"({"kiosk.home.title": "Start", "kiosk.category.mobility": "Mobilität", "kiosk.old.key": "x"})",
        "de.json");
    const CheckReport report = CheckSourceKeys(de, source);
    ASSERT_EQ(report.errors.size(), 1u) << report.Text();
    EXPECT_THAT(report.errors[0], ::testing::HasSubstr("\"kiosk.home.typo\" is not in de.json"));
    ASSERT_EQ(report.warnings.size(), 1u) << report.Text();
    EXPECT_THAT(report.warnings[0], ::testing::HasSubstr("kiosk.old.key"));
}

}  // namespace
}  // namespace ck::loc
