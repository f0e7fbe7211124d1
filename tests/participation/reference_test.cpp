// Reference codes, UUIDs and status links.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "offline_cache/database.h"
#include "participation/reference.h"
#include "test_support/test_support.h"

namespace ck::part {
namespace {

TEST(ReferenceCode, AlphabetHasNoLookAlikes) {
    EXPECT_EQ(kReferenceAlphabet.size(), 25u);
    for (char c : std::string("0O1IL2Z5S8B")) {
        EXPECT_EQ(kReferenceAlphabet.find(c), std::string_view::npos) << c;
    }
    EXPECT_EQ(std::set<char>(kReferenceAlphabet.begin(), kReferenceAlphabet.end()).size(),
              kReferenceAlphabet.size());
}

TEST(ReferenceCode, ShapeAndSpread) {
    std::set<std::string> codes;
    std::map<char, int> histogram;
    constexpr int kCodes = 1000;
    for (int i = 0; i < kCodes; ++i) {
        const Result<std::string> code = GenerateReferenceCode();
        ASSERT_TRUE(code.ok()) << code.error().message;
        ASSERT_EQ(code->size(), 8u);
        ASSERT_EQ((*code)[3], '-');
        ASSERT_TRUE(IsWellFormedReferenceCode(*code)) << *code;
        codes.insert(*code);
        for (char c : *code) {
            if (c != '-') ++histogram[c];
        }
    }
    // 25^7 ~ 6e9 codes: a duplicate among 1000 would mean a broken generator (p ~ 1e-4).
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(kCodes));
    // Every symbol is used, roughly uniformly: expected 7000/25 = 280 each (sd ~ 16).
    EXPECT_EQ(histogram.size(), kReferenceAlphabet.size());
    for (const auto& [symbol, count] : histogram) {
        EXPECT_GT(count, 180) << symbol;
        EXPECT_LT(count, 380) << symbol;
    }
}

TEST(ReferenceCode, WellFormedAndCanonical) {
    EXPECT_TRUE(IsWellFormedReferenceCode("K7P-4XM9"));
    EXPECT_FALSE(IsWellFormedReferenceCode("K7P4XM9"));
    EXPECT_FALSE(IsWellFormedReferenceCode("K7P-4XM0"));  // 0 is not in the alphabet
    EXPECT_FALSE(IsWellFormedReferenceCode("k7p-4xm9"));
    EXPECT_FALSE(IsWellFormedReferenceCode("K7P-4XM99"));
    const Result<std::string> canonical = CanonicalReferenceCode(" k7p 4xm9 ");
    ASSERT_TRUE(canonical.ok());
    EXPECT_EQ(*canonical, "K7P-4XM9");
    EXPECT_FALSE(CanonicalReferenceCode("K7P-4XMO").ok());
    EXPECT_FALSE(CanonicalReferenceCode("K7P-4XM").ok());
    EXPECT_FALSE(CanonicalReferenceCode("K7P-4XM9A").ok());
}

TEST(ReferenceCode, UniqueAgainstTheStore) {
    test::TempDir dir;
    Result<cache::Database> db = cache::Database::Open((dir / "kiosk.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    const Result<std::string> code = GenerateUniqueReferenceCode(*db);
    ASSERT_TRUE(code.ok()) << code.error().message;
    EXPECT_TRUE(IsWellFormedReferenceCode(*code));
    // Zero attempts cannot produce a code: the bound is honoured and reported.
    const Result<std::string> none = GenerateUniqueReferenceCode(*db, 0);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, "ideas.reference.exhausted");
}

TEST(Uuid, Version4Format) {
    std::set<std::string> ids;
    for (int i = 0; i < 1000; ++i) {
        const Result<std::string> id = NewUuidV4();
        ASSERT_TRUE(id.ok());
        ASSERT_TRUE(IsUuidV4(*id)) << *id;
        ids.insert(*id);
    }
    EXPECT_EQ(ids.size(), 1000u);
    EXPECT_FALSE(IsUuidV4("123e4567-e89b-12d3-a456-426614174000"));  // version 1
    EXPECT_FALSE(IsUuidV4("123E4567-E89B-42D3-A456-426614174000"));  // upper case
}

TEST(StatusUrl, ReplacesAndEncodesPlaceholders) {
    EXPECT_EQ(BuildStatusUrl("https://www.herne.de/ideen/status?ref={ref}", "K7P-4XM9", "k1"),
              "https://www.herne.de/ideen/status?ref=K7P-4XM9");
    EXPECT_EQ(BuildStatusUrl("https://x.de/{kiosk}/s?r={ref}&again={ref}", "K7P-4XM9", "herne_01"),
              "https://x.de/herne_01/s?r=K7P-4XM9&again=K7P-4XM9");
    EXPECT_EQ(BuildStatusUrl("https://x.de/?r={ref}", "a b&c=d/\u00E4", "k"),
              "https://x.de/?r=a%20b%26c%3Dd%2F%C3%A4");
    EXPECT_EQ(BuildStatusUrl("https://x.de/{unknown}{ref", "K7P-4XM9", "k"), "https://x.de/{unknown}{ref");
    EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
    EXPECT_EQ(PercentEncode("?#%"), "%3F%23%25");
}

}  // namespace
}  // namespace ck::part
