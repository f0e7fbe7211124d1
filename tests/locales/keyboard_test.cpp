#include "locales/keyboard.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "locales/fonts.h"
#include "locales/utf8.h"

namespace ck::loc {
namespace {

std::set<std::string> KeysOf(const std::vector<KeyRow>& level) {
    std::set<std::string> keys;
    for (const auto& row : level) keys.insert(row.begin(), row.end());
    return keys;
}

std::set<std::string> Split(std::string_view chars) {
    std::set<std::string> out;
    for (const char32_t c : DecodeUtf8(chars)) {
        if (c != U' ') out.insert(EncodeUtf8(std::u32string(1, c)));
    }
    return out;
}

void ExpectContainsAll(const std::vector<KeyRow>& level, std::string_view chars, const std::string& what) {
    const auto keys = KeysOf(level);
    for (const auto& c : Split(chars)) EXPECT_TRUE(keys.count(c)) << what << " lacks " << c;
}

// The shift key of `lower_key` (same row and column).
std::string ShiftOf(const KeyboardLayout& layout, std::string_view lower_key) {
    for (std::size_t r = 0; r < layout.lower.size(); ++r) {
        for (std::size_t k = 0; k < layout.lower[r].size(); ++k) {
            if (layout.lower[r][k] == lower_key) return layout.shift.at(r).at(k);
        }
    }
    ADD_FAILURE() << layout.id << " has no key " << lower_key;
    return {};
}

TEST(KeyboardLayouts, OnePerKioskLanguage) {
    std::vector<std::string> languages;
    std::set<std::string> ids;
    for (const auto& layout : AllKeyboardLayouts()) {
        languages.push_back(layout.language);
        ids.insert(layout.id);
        EXPECT_FALSE(layout.native_name.empty()) << layout.id;
    }
    EXPECT_EQ(languages, (std::vector<std::string>{"de", "en", "tr", "ar", "uk", "ru", "pl"}));
    EXPECT_EQ(ids.size(), languages.size());
}

TEST(KeyboardLayouts, EveryKeyIsNonEmptyValidUtf8AndRowsAreSane) {
    for (const auto& layout : AllKeyboardLayouts()) {
        for (const auto* level : {&layout.lower, &layout.shift, &layout.symbols}) {
            ASSERT_GE(level->size(), 2u) << layout.id;
            ASSERT_LE(level->size(), 4u) << layout.id;
            std::set<std::string> seen;
            for (const auto& row : *level) {
                EXPECT_GE(row.size(), 5u) << layout.id;
                EXPECT_LE(row.size(), 12u) << layout.id;  // keys stay >= 48 px wide on a portrait screen
                for (const auto& key : row) {
                    EXPECT_FALSE(key.empty()) << layout.id;
                    EXPECT_TRUE(IsValidUtf8(key)) << layout.id;
                    EXPECT_LE(DecodeUtf8(key).size(), 2u) << layout.id << " key " << key;
                    EXPECT_TRUE(seen.insert(key).second)
                        << layout.id << " has " << key << " twice on a level";
                    for (const char32_t c : DecodeUtf8(key)) {
                        EXPECT_TRUE(RangesContain(LatinCyrillicGlyphRanges(), c) ||
                                    RangesContain(ArabicGlyphRanges(), c))
                            << layout.id << ": U+" << std::hex << static_cast<unsigned>(c)
                            << " not in the font ranges";
                    }
                }
            }
        }
        if (layout.language != "ar") {
            ASSERT_EQ(layout.shift.size(), layout.lower.size()) << layout.id;
            for (std::size_t r = 0; r < layout.lower.size(); ++r) {
                EXPECT_EQ(layout.shift[r].size(), layout.lower[r].size()) << layout.id;
            }
        }
        ExpectContainsAll(layout.symbols, "1 2 3 4 5 6 7 8 9 0 . , ? ! - @", layout.id);
    }
}

TEST(KeyboardLayouts, GermanQwertz) {
    const auto& de = KeyboardLayoutFor("de");
    EXPECT_EQ(de.id, "de-qwertz");
    EXPECT_EQ(de.lower[0][5], "z");  // QWERTZ, not QWERTY
    ExpectContainsAll(de.lower, "a b c d e f g h i j k l m n o p q r s t u v w x y z ä ö ü ß", "de lower");
    ExpectContainsAll(de.shift, "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z Ä Ö Ü", "de shift");
    EXPECT_EQ(ShiftOf(de, "ä"), "Ä");
    EXPECT_EQ(ShiftOf(de, "ß"), "ß");  // upper case would be "SS": one key types one thing
    ExpectContainsAll(de.symbols, "€ „ “", "de symbols");
}

TEST(KeyboardLayouts, EnglishQwertyHasExactlyTheLatinAlphabet) {
    const auto& en = KeyboardLayoutFor("en");
    EXPECT_EQ(KeysOf(en.lower), Split("a b c d e f g h i j k l m n o p q r s t u v w x y z"));
    EXPECT_EQ(ShiftOf(en, "i"), "I");
}

TEST(KeyboardLayouts, TurkishQWithDottedAndDotlessI) {
    const auto& tr = KeyboardLayoutFor("tr");
    EXPECT_EQ(tr.id, "tr-q");
    ExpectContainsAll(tr.lower, "ç ğ ı i ö ş ü", "tr lower");
    EXPECT_EQ(ShiftOf(tr, "i"), "İ");
    EXPECT_EQ(ShiftOf(tr, "ı"), "I");
    EXPECT_EQ(ShiftOf(tr, "ğ"), "Ğ");
    ExpectContainsAll(tr.shift, "Ç Ğ I İ Ö Ş Ü", "tr shift");
    EXPECT_EQ(KeysOf(tr.lower).count("x"), 1u);  // Q layout keeps q w x for names and addresses
}

TEST(KeyboardLayouts, ArabicPcLayout) {
    const auto& ar = KeyboardLayoutFor("ar");
    EXPECT_EQ(ar.direction, Direction::kRtl);
    EXPECT_EQ(ar.lower[0][0], "ض");  // the Q key of the Arabic 101 layout
    EXPECT_EQ(ar.lower[1][0], "ش");  // the A key
    ExpectContainsAll(ar.lower, "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ء ئ ؤ ى ة",
                      "ar lower");
    EXPECT_TRUE(KeysOf(ar.lower).count("لا"));
    ExpectContainsAll(ar.shift, "إ أ آ ، ؛ ؟", "ar shift");
    ExpectContainsAll(ar.symbols, "٠ ١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩", "ar symbols");
}

TEST(KeyboardLayouts, UkrainianJcuken) {
    const auto& uk = KeyboardLayoutFor("uk");
    EXPECT_EQ(uk.lower[0][0], "й");
    ExpectContainsAll(uk.lower, "а б в г ґ д е є ж з и і ї й к л м н о п р с т у ф х ц ч ш щ ь ю я '",
                      "uk lower");
    for (const char* russian_only : {"ы", "э", "ъ", "ё"}) EXPECT_FALSE(KeysOf(uk.lower).count(russian_only));
    EXPECT_EQ(ShiftOf(uk, "ї"), "Ї");
    EXPECT_EQ(ShiftOf(uk, "ґ"), "Ґ");
    EXPECT_EQ(ShiftOf(uk, "є"), "Є");
    EXPECT_EQ(ShiftOf(uk, "'"), "'");
}

TEST(KeyboardLayouts, RussianJcukenHasAllThirtyThreeLetters) {
    const auto& ru = KeyboardLayoutFor("ru");
    EXPECT_EQ(KeysOf(ru.lower), Split("а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я"));
    EXPECT_EQ(ShiftOf(ru, "ё"), "Ё");
}

TEST(KeyboardLayouts, PolishProgrammerWithVisibleDiacritics) {
    const auto& pl = KeyboardLayoutFor("pl");
    ExpectContainsAll(pl.lower, "ą ć ę ł ń ó ś ź ż q w e r t y u i o p a s d f g h j k l z x c v b n m",
                      "pl");
    ExpectContainsAll(pl.shift, "Ą Ć Ę Ł Ń Ó Ś Ź Ż", "pl shift");
    EXPECT_EQ(ShiftOf(pl, "ż"), "Ż");
}

TEST(KeyboardLayoutFor, MatchesByPrimarySubtagAndDefaultsToGerman) {
    EXPECT_EQ(KeyboardLayoutFor("de-AT").id, "de-qwertz");
    EXPECT_EQ(KeyboardLayoutFor("ru_RU").id, "ru-jcuken");
    EXPECT_EQ(KeyboardLayoutFor("pt-BR").id, "de-qwertz");
    EXPECT_EQ(KeyboardLayoutFor("").id, "de-qwertz");
}

TEST(CaseMapping, FollowsTheLanguage) {
    EXPECT_EQ(ToUpper("istanbul ılıca", "tr"), "İSTANBUL ILICA");
    EXPECT_EQ(ToUpper("istanbul", "en"), "ISTANBUL");
    EXPECT_EQ(ToLower("IĞDIR İZMİR", "tr"), "ığdır izmir");
    EXPECT_EQ(ToUpper("straße", "de"), "STRASSE");
    EXPECT_EQ(ToUpper("źdźbło", "pl"), "ŹDŹBŁO");
    EXPECT_EQ(ToUpper("bad\xFF", "de"), "BAD\uFFFD");
}

}  // namespace
}  // namespace ck::loc
