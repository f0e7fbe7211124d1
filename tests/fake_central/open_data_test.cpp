// The CKAN and PVOG surfaces answer from data the test puts in, with the real envelopes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fake_central/fake_central.h"
#include "test_http.h"
#include "test_support/test_support.h"

namespace ck::fake {
namespace {

using nlohmann::json;
using test::Body;
using test::MakeClient;

std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(FakeCentralCkan, PackageSearchShowAndDatastore) {
    FakeCentral central;
    central.SetCkanPackage(json{{"id", "p1"},
                                {"name", "parkhaeuser"},
                                {"title", "Parkhäuser Herne"},
                                {"tags", json::array({json{{"name", "verkehr"}}})}});
    central.SetCkanPackage(
        json{{"id", "p2"}, {"name", "pegel"}, {"title", "Pegelstände"}, {"notes", "Emscher"}});
    central.SetCkanDatastore("r1", json::array({json{{"id", "name"}, {"type", "text"}}}),
                             json::array({json{{"name", "a"}}, json{{"name", "b"}}, json{{"name", "c"}}}));
    auto client = MakeClient(central.port());

    auto r = client.Get("/api/3/action/package_search?q=emscher");
    ASSERT_TRUE(r);
    json b = Body(r);
    EXPECT_EQ(b["success"], true);
    EXPECT_EQ(b["result"]["count"], 1);
    EXPECT_EQ(b["result"]["results"][0]["name"], "pegel");

    b = Body(client.Get("/api/3/action/package_search?fq=tags:verkehr&rows=1000"));
    EXPECT_EQ(b["result"]["results"][0]["id"], "p1");
    b = Body(client.Get("/api/3/action/package_search?rows=1&start=1"));
    EXPECT_EQ(b["result"]["count"], 2);
    ASSERT_EQ(b["result"]["results"].size(), 1u);
    EXPECT_EQ(b["result"]["results"][0]["id"], "p2");

    r = client.Get("/api/3/action/package_search?rows=1001");
    EXPECT_EQ(r->status, 409);
    EXPECT_EQ(Body(r)["success"], false);
    EXPECT_EQ(Body(r)["error"]["__type"], "Validation Error");

    b = Body(client.Get("/api/3/action/package_show?id=pegel"));
    EXPECT_EQ(b["result"]["id"], "p2");
    r = client.Get("/api/3/action/package_show?id=nope");
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(Body(r)["error"]["__type"], "Not Found Error");

    b = Body(client.Get("/api/3/action/datastore_search?resource_id=r1&limit=2&offset=1"));
    EXPECT_EQ(b["result"]["total"], 3);
    ASSERT_EQ(b["result"]["records"].size(), 2u);
    EXPECT_EQ(b["result"]["records"][0]["name"], "b");
    EXPECT_EQ(client.Get("/api/3/action/datastore_search?resource_id=zz")->status, 404);
    EXPECT_EQ(client.Get("/api/3/action/datastore_search")->status, 409);
}

TEST(FakeCentralPvog, ServesTheRealFixturesBack) {
    CK_REQUIRE_SHARED(csv_path, "fixtures/pvog/servicedescriptions-ars-000000000000.csv");
    CK_REQUIRE_SHARED(detail_path, "fixtures/pvog/servicedescription-detail-B100019.LB.574711.json");
    FakeCentral central;
    const std::string csv = ReadFile(csv_path);
    const std::string detail = ReadFile(detail_path);
    central.SetPvogCsv("000000000000", csv);
    central.SetPvogDetail("000000000000", "B100019.LB.574711", detail);
    auto client = MakeClient(central.port());

    auto r = client.Get("/v5/servicedescriptions/csv?ars=000000000000");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, csv);
    EXPECT_EQ(client.Get("/v5/servicedescriptions/csv?ars=059160000000")->status, 404);
    r = client.Get("/v5/servicedescriptions/000000000000/detail?q=B100019.LB.574711");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, detail);
    EXPECT_EQ(client.Get("/v5/servicedescriptions/000000000000/detail?q=other")->status, 404);
}

}  // namespace
}  // namespace ck::fake
