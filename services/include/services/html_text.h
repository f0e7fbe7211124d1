// PVOG texts arrive as HTML fragments (paragraphs, lists, links, entities). The kiosk shows them as plain
// paragraphs and bullet items: parsed with gumbo (an HTML5 parser), never matched with patterns, so no
// tag or entity can ever reach the screen.
#pragma once

#include <string_view>

#include "services/catalogue.h"

namespace ck::svc {

// Paragraphs (<p>, <br>, headings, block elements, loose text) and bullet items (<li>, nested lists give
// deeper levels). Whitespace is collapsed, entities decoded (no-break spaces become spaces), control and
// bidi control characters dropped, links keep their text (or their address when they have none). Script
// and style contents are dropped. Invalid UTF-8 is replaced by U+FFFD by the parser.
RichText HtmlToRichText(std::string_view html);

}  // namespace ck::svc
