// PVOG's HTML becomes paragraphs and bullets; no tag or entity ever survives.
#include <gtest/gtest.h>

#include "services/html_text.h"

namespace ck::svc {
namespace {

TEST(HtmlText, ParagraphsListsAndEntities) {
    const RichText t = HtmlToRichText(
        "<p>Als Mensch mit Behinderungen k&ouml;nnen Sie nur&#xa0;dann</p> <ul> <li>erstens,</li>"
        "<li>zweitens: <ul><li>a</li><li>b &amp; c</li></ul> danach</li></ul><p>Ende</p>");
    const RichText expected = {
        {false, 0, "Als Mensch mit Behinderungen können Sie nur dann"},
        {true, 0, "erstens,"},
        {true, 0, "zweitens:"},
        {true, 1, "a"},
        {true, 1, "b & c"},
        {false, 0, "danach"},
        {false, 0, "Ende"},
    };
    EXPECT_EQ(t, expected);
}

TEST(HtmlText, LineBreaksSplitParagraphs) {
    const RichText t =
        HtmlToRichText("<p>Formulare vorhanden: Nein<br> Schriftform erforderlich: Ja<br/>Online: Ja</p>");
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t[1].text, "Schriftform erforderlich: Ja");
}

TEST(HtmlText, LinksKeepTheirTextScriptsAndStylesVanish) {
    const RichText t = HtmlToRichText(
        "<p>Siehe <a href=\"https://x.example/a\">Merkblatt</a> und <a href=\"https://x.example/b\"></a>."
        "<script>alert(1)</script><style>p{}</style></p>");
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].text, "Siehe Merkblatt und https://x.example/b.");
}

TEST(HtmlText, PlainTextBrokenMarkupAndControlsAreSafe) {
    EXPECT_EQ(HtmlToRichText("nur Text").at(0).text, "nur Text");
    EXPECT_TRUE(HtmlToRichText("").empty());
    EXPECT_TRUE(HtmlToRichText("<p> </p><ul><li></li></ul>").empty());
    const RichText broken = HtmlToRichText("<p>offen <b>fett <ul><li>x");
    for (const auto& b : broken) EXPECT_EQ(b.text.find('<'), std::string::npos) << b.text;
    ASSERT_FALSE(broken.empty());
    // A bidi override and a bell character from a hostile source are dropped, not shown.
    const RichText t = HtmlToRichText(
        "<p>a\xE2\x80\xAE"
        "b\x07 c&lt;tag&gt;</p>");
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].text, "ab c<tag>");
}

}  // namespace
}  // namespace ck::svc
