#include "locales/keyboard.h"

#include <unicode/locid.h>

#include "icu_text.h"

namespace ck::loc {
namespace {

// Rows are written as space-separated keys so the tables read like the keyboards they describe.
KeyRow Keys(std::string_view row) {
    KeyRow keys;
    std::size_t start = 0;
    while (start < row.size()) {
        const std::size_t end = row.find(' ', start);
        const std::size_t stop = end == std::string_view::npos ? row.size() : end;
        if (stop > start) keys.emplace_back(row.substr(start, stop - start));
        start = stop + 1;
    }
    return keys;
}

std::vector<KeyRow> Rows(std::initializer_list<std::string_view> rows) {
    std::vector<KeyRow> out;
    for (const auto row : rows) out.push_back(Keys(row));
    return out;
}

icu::Locale LocaleOf(std::string_view tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale =
        icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
    return U_SUCCESS(status) ? locale : icu::Locale::getRoot();
}

int32_t CodePointCount(std::string_view utf8) {
    return ToIcu(utf8).countChar32();
}

// Shift level by the language's case rules. A key whose upper case is longer (ß -> SS) keeps its lower case:
// a key types one thing, and German keyboards type ß on shift too.
std::vector<KeyRow> ShiftByCase(const std::vector<KeyRow>& lower, std::string_view language) {
    std::vector<KeyRow> shift;
    for (const auto& row : lower) {
        KeyRow upper_row;
        for (const auto& key : row) {
            std::string upper = ToUpper(key, language);
            upper_row.push_back(CodePointCount(upper) == CodePointCount(key) ? std::move(upper) : key);
        }
        shift.push_back(std::move(upper_row));
    }
    return shift;
}

KeyboardLayout CaseLayout(std::string id, std::string language, std::string native_name,
                          std::vector<KeyRow> lower, std::vector<KeyRow> symbols) {
    KeyboardLayout layout;
    layout.id = std::move(id);
    layout.language = std::move(language);
    layout.native_name = std::move(native_name);
    layout.shift = ShiftByCase(lower, layout.language);
    layout.lower = std::move(lower);
    layout.symbols = std::move(symbols);
    return layout;
}

std::vector<KeyRow> LatinSymbols(std::string_view currency) {
    return Rows({"1 2 3 4 5 6 7 8 9 0", "- / : ; ( ) & @ \" " + std::string(currency) + " €",
                 ". , ? ! ' # % + = _ *"});
}

std::vector<KeyboardLayout> BuildLayouts() {
    std::vector<KeyboardLayout> layouts;
    layouts.push_back(
        CaseLayout("de-qwertz", "de", "Deutsch (QWERTZ)",
                   Rows({"q w e r t z u i o p ü", "a s d f g h j k l ö ä", "y x c v b n m ß"}),
                   Rows({"1 2 3 4 5 6 7 8 9 0", "- / : ; ( ) € & @ \" „ “", ". , ? ! ' # % + = _ *"})));
    layouts.push_back(
        CaseLayout("en-qwerty", "en", "English (QWERTY)",
                   Rows({"q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m"}),
                   Rows({"1 2 3 4 5 6 7 8 9 0", "- / : ; ( ) £ & @ \" €", ". , ? ! ' # % + = _ *"})));
    layouts.push_back(CaseLayout(
        "tr-q", "tr", "Türkçe (Q)",
        Rows({"q w e r t y u ı o p ğ ü", "a s d f g h j k l ş i", "z x c v b n m ö ç"}), LatinSymbols("₺")));

    KeyboardLayout arabic;
    arabic.id = "ar-101";
    arabic.language = "ar";
    arabic.native_name = "العربية";
    arabic.direction = Direction::kRtl;
    // The standard Arabic PC layout (101), ذ from the key left of 1 added to the last row.
    arabic.lower = Rows({"ض ص ث ق ف غ ع ه خ ح ج د", "ش س ي ب ل ا ت ن م ك ط", "ذ ئ ء ؤ ر لا ى ة و ز ظ"});
    // Arabic has no case: the shift level holds the hamza and madda forms of the PC layout's shift level and
    // Arabic punctuation. Harakat are left out: without mark positioning they would render badly.
    arabic.shift = Rows({"إ أ آ لإ لأ لآ ء ؤ ئ ة ى", "، ؛ ؟ ! . : « » ( ) ـ"});
    arabic.symbols = Rows({"1 2 3 4 5 6 7 8 9 0", "١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠", ". , ? ! - / @ # ٪ + = *"});
    layouts.push_back(std::move(arabic));

    layouts.push_back(
        CaseLayout("uk-jcuken", "uk", "Українська (ЙЦУКЕН)",
                   Rows({"й ц у к е н г ш щ з х ї", "ф і в а п р о л д ж є", "я ч с м и т ь б ю ґ '"}),
                   LatinSymbols("₴")));
    layouts.push_back(
        CaseLayout("ru-jcuken", "ru", "Русский (ЙЦУКЕН)",
                   Rows({"й ц у к е н г ш щ з х ъ", "ф ы в а п р о л д ж э", "я ч с м и т ь б ю ё"}),
                   LatinSymbols("₽")));
    // Polish programmer layout (QWERTY; diacritics on AltGr), with the AltGr letters as a visible row.
    layouts.push_back(
        CaseLayout("pl-programmer", "pl", "Polski (programisty)",
                   Rows({"ą ć ę ł ń ó ś ź ż", "q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m"}),
                   LatinSymbols("zł")));
    return layouts;
}

}  // namespace

const std::vector<KeyboardLayout>& AllKeyboardLayouts() {
    static const std::vector<KeyboardLayout> kLayouts = BuildLayouts();
    return kLayouts;
}

const KeyboardLayout& KeyboardLayoutFor(std::string_view language_tag) {
    const std::string_view primary = language_tag.substr(0, language_tag.find_first_of("-_"));
    const auto& layouts = AllKeyboardLayouts();
    for (const auto& layout : layouts) {
        if (layout.language == primary) return layout;
    }
    return layouts.front();
}

std::string ToUpper(std::string_view utf8, std::string_view language_tag) {
    icu::UnicodeString text = ToIcu(utf8);
    text.toUpper(LocaleOf(language_tag));
    return FromIcu(text);
}

std::string ToLower(std::string_view utf8, std::string_view language_tag) {
    icu::UnicodeString text = ToIcu(utf8);
    text.toLower(LocaleOf(language_tag));
    return FromIcu(text);
}

}  // namespace ck::loc
