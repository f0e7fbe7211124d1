// The forgiving search over the catalogue, built once into an in-memory index (never SQL per keystroke).
//
// Matching: case-insensitive; ä = a = ae, ö = o = oe, ü = u = ue, ß = ss; word prefixes; one typo in query
// words of 5 or more letters, two in words of 9 or more; compound parts of 4 or more letters ("geld" in
// "Kindergeld"). Fields: the official name and Name2 (the citizen-friendly name), synonyms, the summary.
//
// Ranking is a sum of explainable points (see kPoints in search.cpp and docs/services.md): a query word
// scores by where it matched and how; the exact name and a name that starts with the query get bonuses.
// Ties break by shorter title, then id, so the order is deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "services/catalogue.h"

namespace ck::svc {

// Lower case, no accents, ß -> ss, then ae/oe/ue -> a/o/u: the form both the index and the query use.
std::string FoldForSearch(std::string_view text);
// The folded words of a text (letters and digits; everything else separates), as the index and queries see
// them.
std::vector<std::string> SearchWords(std::string_view text);

struct SearchIndex {
    struct Posting {
        std::uint32_t service;  // index into services
        std::uint8_t field;     // 0 name or Name2 at word 0, 1 name or Name2 later word, 2 synonym, 3 summary
    };
    std::vector<Service> services;
    std::vector<std::string> vocabulary;         // distinct folded words
    std::vector<std::vector<Posting>> postings;  // per vocabulary word
    std::vector<std::string> folded_names;       // per service: {name, name2} folded, joined by '\n'
};

SearchIndex BuildSearchIndex(std::vector<Service> services);

struct SearchHit {
    std::size_t service = 0;  // index into SearchIndex::services
    int score = 0;
    int matched_words = 0;
};

// Ranked hits; services that match every query word first, then those that match fewer (a word that
// matches nothing does not empty the list). An empty query gives no hits.
std::vector<SearchHit> Search(const SearchIndex& index, std::string_view query, std::size_t limit = 50);

}  // namespace ck::svc
