// The on-screen keyboard's backspace with the caret at the end (where it stands while a visitor types): one
// user-perceived character at a time, never half a UTF-8 sequence, and the caret stays at the new end.
#include <gtest/gtest.h>

#include <string>

#include "locales/utf8.h"
#include "ui/on_screen_keyboard.h"

namespace ck::ui {
namespace {

std::string Erased(std::string text) {
    const bool had_text = !text.empty();
    std::size_t caret = text.size();
    EXPECT_EQ(EraseBeforeCaret(text, caret), had_text);
    EXPECT_EQ(caret, text.size());
    return text;
}

TEST(BackspaceAtTheEnd, AsciiLosesOneByte) {
    EXPECT_EQ(Erased("Hallo"), "Hall");
    EXPECT_EQ(Erased("a"), "");
    EXPECT_EQ(Erased("Zeile\n"), "Zeile");
}

TEST(BackspaceAtTheEnd, EmptyStaysEmpty) {
    EXPECT_EQ(Erased(""), "");
}

TEST(BackspaceAtTheEnd, MultiByteCharactersGoWhole) {
    EXPECT_EQ(Erased("Grüß"), "Grü");                 // ß: 2 bytes
    EXPECT_EQ(Erased("Grü"), "Gr");                   // precomposed ü: 2 bytes
    EXPECT_EQ(Erased("50 €"), "50 ");                 // €: 3 bytes
    EXPECT_EQ(Erased("Київ"), "Киї");                 // Cyrillic
    EXPECT_EQ(Erased("çiğ"), "çi");                   // Turkish ğ
    EXPECT_EQ(Erased("łódź"), "łód");                 // Polish ź
    EXPECT_EQ(Erased("مرحبا"), "مرحب");               // Arabic
    EXPECT_EQ(Erased("ok \xF0\x9F\x98\x80"), "ok ");  // U+1F600, 4 bytes
    EXPECT_TRUE(loc::IsValidUtf8(Erased("ä€\xF0\x9F\x98\x80")));
}

TEST(BackspaceAtTheEnd, CombiningMarksGoWithTheirBase) {
    EXPECT_EQ(Erased("Cafe\xCC\x81"), "Caf");           // e + U+0301 (decomposed é)
    EXPECT_EQ(Erased("xa\xCC\x88\xCC\xA3"), "x");       // a + U+0308 + U+0323: two marks
    EXPECT_EQ(Erased("\xD8\xA8\xD9\x8E"), "");          // Arabic beh + fatha U+064E
    EXPECT_EQ(Erased("\xD8\xA8\xD9\x91\xD9\x8E"), "");  // beh + shadda + fatha
    EXPECT_EQ(Erased("\xD0\xB8\xCC\x86"), "");          // Cyrillic и + breve U+0306 (decomposed й)
}

TEST(BackspaceAtTheEnd, RepeatedErasingEmptiesMixedText) {
    std::string text = "Ae\xCC\x81\xC3\xBC\xE2\x82\xAC\xD8\xA8\xD9\x8E\xF0\x9F\x98\x80";  // A é ü € بَ 😀
    int presses = 0;
    while (!text.empty() && presses < 20) {
        std::size_t caret = text.size();
        EXPECT_TRUE(EraseBeforeCaret(text, caret));
        ++presses;
        EXPECT_TRUE(loc::IsValidUtf8(text)) << presses;
    }
    EXPECT_EQ(presses, 6);
}

TEST(BackspaceAtTheEnd, LoneCombiningMarkIsErased) {
    EXPECT_EQ(Erased("\xCC\x81"), "");
    EXPECT_EQ(Erased("\xCC\x81\xCC\x81"), "");
}

}  // namespace
}  // namespace ck::ui
