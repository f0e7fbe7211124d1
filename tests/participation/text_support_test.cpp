// Word lists (built-in and from a folder) and e-mail validation.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "participation/text.h"
#include "test_support/test_support.h"

namespace ck::part {
namespace {

TEST(WordList, BuiltInListsParseAndAreNotEmpty) {
    const WordList list = BuiltInWordList();
    EXPECT_GE(list.entries.size(), 40u);
    // The source files must parse without error (BuiltInWordList would skip a broken one silently).
    for (const char* name : {"de.txt", "en.txt", "tr.txt"}) {
        std::ifstream in(test::SourceDir() / "participation" / "wordlists" / name, std::ios::binary);
        ASSERT_TRUE(in) << name;
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const Result<WordList> parsed = ParseWordList(text, name);
        ASSERT_TRUE(parsed.ok()) << parsed.error().message;
        EXPECT_GE(parsed->entries.size(), 10u) << name;
    }
}

TEST(WordList, MatchesWholeWordsCaseAndDiacriticsInsensitive) {
    const WordList list = BuiltInWordList();
    EXPECT_TRUE(ContainsListedWord(list, "Der Typ ist ein ARSCHLOCH!"));
    EXPECT_TRUE(ContainsListedWord(list, "alles Arschl\u00F6cher hier"));
    EXPECT_TRUE(ContainsListedWord(list, "alles Arschlocher hier"));  // diacritics ignored
    EXPECT_TRUE(ContainsListedWord(list, "sen bir gerizekali"));      // ı == i
    EXPECT_TRUE(ContainsListedWord(list, "GER\u0130ZEKALI"));         // Turkish capital dotted I
    EXPECT_TRUE(ContainsListedWord(list, "\u015Ferefsiz"));
    EXPECT_TRUE(ContainsListedWord(list, "you son-of-a-bitch"));  // phrase across punctuation
    EXPECT_TRUE(ContainsListedWord(list, "Halt die Fresse, ok?"));
    EXPECT_FALSE(ContainsListedWord(list, "Mehr B\u00E4nke im Park"));
    EXPECT_FALSE(ContainsListedWord(list, "Idioten"));            // not a whole-word match
    EXPECT_FALSE(ContainsListedWord(list, "Scunthorpe United"));  // substring, not a word
    EXPECT_FALSE(ContainsListedWord(list, "son of a gun"));
    EXPECT_FALSE(ContainsListedWord(WordList{}, "Arschloch"));
}

TEST(WordList, LoadsAConfiguredFolder) {
    test::TempDir dir;
    {
        std::ofstream(dir / "city.txt") << "# local list\n\nStinkstiefel\n  Gro\u00DFmaul  \r\n";
        std::ofstream(dir / "ignored.md") << "Parkbank\n";
    }
    const Result<WordList> list = LoadWordLists(dir.path().string());
    ASSERT_TRUE(list.ok()) << list.error().message;
    EXPECT_EQ(list->entries.size(), 2u);
    EXPECT_TRUE(ContainsListedWord(*list, "so ein STINKSTIEFEL"));
    EXPECT_TRUE(ContainsListedWord(*list, "Grossmaul"));  // ß case-folds to ss
    EXPECT_FALSE(ContainsListedWord(*list, "Parkbank"));
    EXPECT_FALSE(ContainsListedWord(*list, "Arschloch"));  // built-in lists are replaced, not merged
}

TEST(WordList, RejectsBadFilesAndMissingFolders) {
    test::TempDir dir;
    std::ofstream(dir / "bad.txt") << "ok\nbro\xC3ken\n";
    const Result<WordList> bad = LoadWordLists(dir.path().string());
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "ideas.wordlist.invalid");
    EXPECT_NE(bad.error().message.find("bad.txt:2"), std::string::npos) << bad.error().message;

    const Result<WordList> missing = LoadWordLists((dir / "nope").string());
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "ideas.wordlist.missing");

    const Result<WordList> builtin = LoadWordLists("");
    ASSERT_TRUE(builtin.ok());
    EXPECT_EQ(builtin->entries.size(), BuiltInWordList().entries.size());
}

TEST(ValidateEmail, AcceptsPracticalAddresses) {
    struct Ok {
        const char* in;
        const char* out;
    };
    for (const Ok& c : std::initializer_list<Ok>{
             {"anna@example.org", "anna@example.org"},
             {"  a.b+tag@sub.example.de \n", "a.b+tag@sub.example.de"},
             {"USER@EXAMPLE.COM", "USER@example.com"},
             {"kontakt@b\u00FCcher.de", "kontakt@b\u00FCcher.de"},
             {"x@xn--bcher-kva.de", "x@b\u00FCcher.de"},
             {"o'brien@example.ie", "o'brien@example.ie"},
             {"a_b-c@x-y.info", "a_b-c@x-y.info"},
             {"ali@\u00F6rnek.com.tr", "ali@\u00F6rnek.com.tr"},
         }) {
        const Result<std::string> r = ValidateEmail(c.in);
        ASSERT_TRUE(r.ok()) << c.in << ": " << r.error().message;
        EXPECT_EQ(*r, c.out);
    }
}

TEST(ValidateEmail, RejectsMalformedAddresses) {
    const std::string long_local(65, 'a');
    const std::string long_label(64, 'b');
    const std::string long_domain = std::string(60, 'c') + "." + std::string(60, 'c') + "." +
                                    std::string(60, 'c') + "." + std::string(60, 'c') + "." +
                                    std::string(10, 'c') + ".de";  // 258 bytes
    for (const std::string& in : std::initializer_list<std::string>{"",
                                                                    "   ",
                                                                    "anna",
                                                                    "anna@",
                                                                    "@example.org",
                                                                    "anna@example",
                                                                    "an na@example.org",
                                                                    "anna@@example.org",
                                                                    "anna@b@example.org",
                                                                    "a..b@example.org",
                                                                    ".a@example.org",
                                                                    "a.@example.org",
                                                                    long_local + "@example.org",
                                                                    "anna@exa mple.org",
                                                                    "anna@example..org",
                                                                    "anna@example.org.",
                                                                    "anna@-example.org",
                                                                    "anna@example.123",
                                                                    "anna@[127.0.0.1]",
                                                                    "anna@exam_ple.org",
                                                                    "a\"b@example.org",
                                                                    "a(b)@example.org",
                                                                    "\u00E4nna@example.org",
                                                                    "anna@" + long_label + ".org",
                                                                    "a@" + long_domain,
                                                                    "anna@exa\u202Emple.org",
                                                                    "anna@example.org\xC3",
                                                                    "anna@exa<mple.org"}) {
        const Result<std::string> r = ValidateEmail(in);
        EXPECT_FALSE(r.ok()) << "accepted: " << in;
        if (!r.ok()) {
            EXPECT_EQ(r.error().code, "ideas.email.invalid");
        }
    }
}

}  // namespace
}  // namespace ck::part
