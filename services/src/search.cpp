#include "services/search.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace ck::svc {
namespace {

enum Field : std::uint8_t { kNameFirst = 0, kNameLater = 1, kSynonym = 2, kSummary = 3 };
enum Match { kExact = 0, kPrefix = 1, kTypo = 2, kTypoPrefix = 3, kCompound = 4, kNone = 5 };

// Points per (field, kind of match). The order the issue asks for: the exact name and a name that starts
// with the query first (bonuses below), then a synonym, then a word inside the name, then the summary. A
// compound part scores below a real prefix in the same field; a typo below the same match spelt right.
constexpr std::array<std::array<int, 5>, 4> kPoints = {{
    //  exact prefix typo typo-prefix compound
    {100, 90, 70, 60, 35},  // name or Name2, first word
    {60, 50, 40, 35, 30},   // name or Name2, later word
    {75, 65, 45, 40, 25},   // synonym
    {15, 12, 8, 6, 5},      // summary
}};
constexpr int kExactNameBonus = 300;   // the whole query is the name (or Name2)
constexpr int kNamePrefixBonus = 150;  // the name (or Name2) starts with the whole query
constexpr std::size_t kMinCompoundPart = 4;

std::vector<std::string> Words(const std::string& folded) {
    std::vector<std::string> out;
    std::string cur;
    for (const char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) {
            cur += c;
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string Joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// Edits allowed in a query word of this many letters.
int AllowedTypos(std::size_t letters) {
    return letters >= 9 ? 2 : letters >= 5 ? 1 : 0;
}

// Optimal string alignment distance (a swap of neighbours counts as one typo) between q and w, and between q
// and the closest prefix of w; both capped at k + 1 (the rows stop as soon as nothing within k is left).
struct Distance {
    int full, prefix;
};
Distance BoundedDistance(std::string_view q, std::string_view w, int k) {
    const std::size_t m = q.size(), n = std::min(w.size(), q.size() + static_cast<std::size_t>(k));
    const bool whole = w.size() <= n;
    thread_local std::vector<int> prev2, prev, cur;
    prev2.assign(n + 1, k + 1);
    prev.resize(n + 1);
    cur.resize(n + 1);
    for (std::size_t j = 0; j <= n; ++j) prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= m; ++i) {
        cur[0] = static_cast<int>(i);
        int row_min = cur[0];
        for (std::size_t j = 1; j <= n; ++j) {
            const int cost = q[i - 1] == w[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && q[i - 1] == w[j - 2] && q[i - 2] == w[j - 1])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > k) return {k + 1, k + 1};
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    int best_prefix = k + 1;
    for (std::size_t j = 0; j <= n; ++j) best_prefix = std::min(best_prefix, prev[j]);
    return {whole ? std::min(prev[n], k + 1) : k + 1, best_prefix};
}

Match MatchWord(const std::string& q, const std::string& w) {
    if (w.size() >= q.size() && w.compare(0, q.size(), q) == 0)
        return w.size() == q.size() ? kExact : kPrefix;
    const int k = AllowedTypos(q.size());
    if (k > 0 && w.size() + static_cast<std::size_t>(k) >= q.size()) {
        const Distance d = BoundedDistance(q, w, k);
        if (d.full <= k) return kTypo;
        if (d.prefix <= k) return kTypoPrefix;
    }
    if (q.size() >= kMinCompoundPart && w.size() > q.size() && w.find(q, 1) != std::string::npos)
        return kCompound;
    return kNone;
}

}  // namespace

std::string FoldForSearch(std::string_view text) {
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    s.foldCase();  // full folding: ß -> ss
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_SUCCESS(status)) s = nfd->normalize(s, status);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < s.length();) {
        const UChar32 c = s.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
        i += U16_LENGTH(c);
    }
    std::string utf8;
    stripped.toUTF8String(utf8);
    // ä = ae: fold the spelt-out umlauts the same way (both sides get it, so "steuer" still meets "Steuer").
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        out += utf8[i];
        if ((utf8[i] == 'a' || utf8[i] == 'o' || utf8[i] == 'u') && i + 1 < utf8.size() && utf8[i + 1] == 'e')
            ++i;
    }
    return out;
}

std::vector<std::string> SearchWords(std::string_view text) {
    return Words(FoldForSearch(text));
}

SearchIndex BuildSearchIndex(std::vector<Service> services) {
    SearchIndex index;
    index.services = std::move(services);
    std::unordered_map<std::string, std::uint32_t> ids;
    auto add = [&](const std::string& word, std::uint32_t service, Field field) {
        auto [it, inserted] = ids.emplace(word, static_cast<std::uint32_t>(index.vocabulary.size()));
        if (inserted) {
            index.vocabulary.push_back(word);
            index.postings.emplace_back();
        }
        auto& list = index.postings[it->second];
        // One posting per (service, field): the best field is what counts.
        for (auto& p : list) {
            if (p.service == service) {
                p.field = std::min<std::uint8_t>(p.field, field);
                return;
            }
        }
        list.push_back({service, field});
    };
    for (std::uint32_t i = 0; i < index.services.size(); ++i) {
        const Service& s = index.services[i];
        std::string names;
        for (const std::string* name : {&s.name, &s.name2}) {
            const auto words = Words(FoldForSearch(*name));
            for (std::size_t w = 0; w < words.size(); ++w) add(words[w], i, w == 0 ? kNameFirst : kNameLater);
            names += Joined(words) + "\n";
        }
        index.folded_names.push_back(std::move(names));
        for (const auto& syn : s.synonyms)
            for (const auto& w : Words(FoldForSearch(syn))) add(w, i, kSynonym);
        for (const auto& w : Words(FoldForSearch(s.summary))) add(w, i, kSummary);
    }
    return index;
}

std::vector<SearchHit> Search(const SearchIndex& index, std::string_view query, std::size_t limit) {
    const std::vector<std::string> words = Words(FoldForSearch(query));
    if (words.empty() || limit == 0) return {};
    const std::size_t n = index.services.size();
    std::vector<int> total(n, 0), matched(n, 0), best(n, 0);
    std::vector<std::uint32_t> touched;
    for (const auto& q : words) {
        touched.clear();
        for (std::size_t v = 0; v < index.vocabulary.size(); ++v) {
            const Match m = MatchWord(q, index.vocabulary[v]);
            if (m == kNone) continue;
            for (const auto& p : index.postings[v]) {
                const int points = kPoints[p.field][m];
                if (best[p.service] == 0) touched.push_back(p.service);
                best[p.service] = std::max(best[p.service], points);
            }
        }
        for (const std::uint32_t s : touched) {
            total[s] += best[s];
            ++matched[s];
            best[s] = 0;
        }
    }
    const std::string phrase = Joined(words);
    std::vector<SearchHit> hits;
    for (std::size_t s = 0; s < n; ++s) {
        if (matched[s] == 0) continue;
        int bonus = 0;
        const std::string& names = index.folded_names[s];
        for (std::size_t start = 0; start < names.size();) {
            const std::size_t end = names.find('\n', start);
            const std::string_view name(names.data() + start, end - start);
            if (name == phrase) {
                bonus = kExactNameBonus;
            } else if (name.size() > phrase.size() && name.compare(0, phrase.size(), phrase) == 0) {
                bonus = std::max(bonus, kNamePrefixBonus);
            }
            start = end + 1;
        }
        hits.push_back({s, total[s] + bonus, matched[s]});
    }
    const auto title_size = [&](const SearchHit& h) { return index.services[h.service].Title().size(); };
    std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
        if (a.matched_words != b.matched_words) return a.matched_words > b.matched_words;
        if (a.score != b.score) return a.score > b.score;
        if (title_size(a) != title_size(b)) return title_size(a) < title_size(b);
        return index.services[a.service].id < index.services[b.service].id;
    });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

}  // namespace ck::svc
