#include "services/html_text.h"

#include <gumbo.h>

#include <cstring>
#include <string>

namespace ck::svc {
namespace {

// Drops C0/C1 controls, bidi controls and zero-width marks (a text must not reorder the screen around it),
// turns no-break and other spaces into plain spaces; the caller collapses runs of spaces.
void AppendClean(std::string& out, const char* text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text);
    const std::size_t n = std::strlen(text);
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ') {
                out += ' ';
            } else if (c >= 0x20 && c != 0x7f) {
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        const std::size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        if (i + len > n) break;  // gumbo hands out valid UTF-8; be safe anyway
        char32_t cp = len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[i + k] & 0x3f);
        const bool control = cp >= 0x80 && cp < 0xa0;
        const bool bidi = (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
                          (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
        // U+FFFD is what the parser put in for invalid bytes and NULs: nothing a visitor can read.
        const bool replacement = cp == 0xfffd;
        const bool space = cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f;
        if (space) {
            out += ' ';
        } else if (!control && !bidi && !replacement) {
            out.append(text + i, len);
        }
        i += len;
    }
}

std::string Collapse(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool IsBlock(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_PRE:
            return true;
        default:
            return false;
    }
}

class Converter {
  public:
    RichText Run(const GumboNode* root) {
        Walk(root);
        Flush();
        return std::move(out_);
    }

  private:
    // The first block of a list item is its bullet; later blocks of the same item (after a <br>, a
    // paragraph or a nested list) are paragraphs indented to the item's level.
    void Flush() {
        std::string text = Collapse(current_);
        current_.clear();
        if (text.empty()) return;
        const bool in_item = item_level_ >= 0;
        out_.push_back(TextBlock{item_start_, in_item ? item_level_ : 0, std::move(text)});
        item_start_ = false;
    }

    void Walk(const GumboNode* node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
            node->type == GUMBO_NODE_WHITESPACE) {
            AppendClean(current_, node->v.text.text);
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
            node->type != GUMBO_NODE_TEMPLATE)
            return;
        const GumboTag tag = node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : node->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD) return;
        if (tag == GUMBO_TAG_BR) return Flush();
        const GumboVector& children =
            node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) {
            Flush();
            ++depth_;
            WalkChildren(children);
            --depth_;
            Flush();
            return;
        }
        if (tag == GUMBO_TAG_LI) {
            Flush();
            const int outer_level = item_level_;
            item_level_ = depth_ > 0 ? depth_ - 1 : 0;
            item_start_ = true;
            WalkChildren(children);
            Flush();
            item_start_ = false;
            item_level_ = outer_level;
            return;
        }
        if (tag == GUMBO_TAG_A && children.length == 0) {
            const GumboAttribute* href = gumbo_get_attribute(&node->v.element.attributes, "href");
            if (href) AppendClean(current_, href->value);
            return;
        }
        const bool block = IsBlock(tag);
        if (block) Flush();
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) current_ += ' ';
        WalkChildren(children);
        if (block) Flush();
    }

    void WalkChildren(const GumboVector& children) {
        for (unsigned i = 0; i < children.length; ++i) Walk(static_cast<const GumboNode*>(children.data[i]));
    }

    RichText out_;
    std::string current_;
    bool item_start_ = false;
    int item_level_ = -1;  // -1: not inside a list item
    int depth_ = 0;
};

}  // namespace

RichText HtmlToRichText(std::string_view html) {
    if (html.empty()) return {};
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // recovery still happens; only the error list is not kept
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    if (!output) return {};
    RichText text = Converter().Run(output->root);  // head is skipped by the walk
    gumbo_destroy_output(&options, output);
    return text;
}

}  // namespace ck::svc
