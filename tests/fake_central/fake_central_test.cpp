// The fake behaves like Orion for each rule the kiosk relies on (brief section 5).
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
using test::SendRaw;
using test::TenantHeaders;

constexpr const char* kJson = "application/json";

json Idea(const std::string& id, const std::string& title) {
    return json{{"id", id},
                {"type", "CitizenIdea"},
                {"title", {{"type", "TextUnrestricted"}, {"value", title}}},
                {"status", {{"type", "Text"}, {"value", "submitted"}}}};
}

class FakeCentralOrion : public ::testing::Test {
  protected:
    FakeCentral central;
    httplib::Client client = MakeClient(central.port());

    httplib::Result Create(const json& entity, const std::string& tenant = "herne",
                           const std::string& query = "") {
        return client.Post(("/v2/entities" + query).c_str(), TenantHeaders(tenant), entity.dump(), kJson);
    }
    httplib::Result Batch(const std::string& action, const json& entities,
                          const std::string& tenant = "herne") {
        return client.Post("/v2/op/update", TenantHeaders(tenant),
                           json{{"actionType", action}, {"entities", entities}}.dump(), kJson);
    }
    void ExpectError(const httplib::Result& r, int status, const std::string& error,
                     const std::string& description) {
        ASSERT_TRUE(r) << httplib::to_string(r.error());
        EXPECT_EQ(r->status, status) << r->body;
        const json b = Body(r);
        EXPECT_EQ(b.value("error", ""), error) << r->body;
        if (!description.empty()) {
            EXPECT_EQ(b.value("description", ""), description) << r->body;
        }
    }
};

TEST_F(FakeCentralOrion, CreateStoresNormalizedEntityAndAnswers201WithLocation) {
    auto r = Create(Idea("urn:ngsi-ld:CitizenIdea:1", "Mehr Bänke"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 201);
    EXPECT_EQ(r->get_header_value("Location"), "/v2/entities/urn:ngsi-ld:CitizenIdea:1?type=CitizenIdea");
    EXPECT_FALSE(r->get_header_value("Fiware-Correlator").empty());

    const auto stored = central.Entity("herne", "urn:ngsi-ld:CitizenIdea:1");
    ASSERT_TRUE(stored);
    EXPECT_EQ((*stored)["title"],
              (json{{"type", "TextUnrestricted"}, {"value", "Mehr Bänke"}, {"metadata", json::object()}}));
    EXPECT_EQ(central.WriteCount("herne", "urn:ngsi-ld:CitizenIdea:1"), 1);
    EXPECT_EQ(central.RequestCount(), 1u);
}

TEST_F(FakeCentralOrion, CreateWithoutTypeGetsThing) {
    ASSERT_EQ(Create(json{{"id", "E1"}, {"n", {{"value", 1}}}})->status, 201);
    const auto e = central.Entity("herne", "E1");
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["type"], "Thing");
    EXPECT_EQ((*e)["n"]["type"], "Number");  // inferred like Orion
}

TEST_F(FakeCentralOrion, CreateExistingIs422AlreadyExistsUnlessUpsert) {
    ASSERT_EQ(Create(Idea("I1", "a"))->status, 201);
    ExpectError(Create(Idea("I1", "b")), 422, "Unprocessable", "Already Exists");
    EXPECT_EQ((*central.Entity("herne", "I1"))["title"]["value"], "a");

    auto upsert =
        Create(json{{"id", "I1"}, {"type", "CitizenIdea"}, {"votes", {{"type", "Number"}, {"value", 3}}}},
               "herne", "?options=upsert");
    ASSERT_TRUE(upsert);
    EXPECT_EQ(upsert->status, 204);
    const auto e = *central.Entity("herne", "I1");
    EXPECT_EQ(e["title"]["value"], "a");  // upsert merges attributes
    EXPECT_EQ(e["votes"]["value"], 3);
    EXPECT_EQ(central.WriteCount("herne", "I1"), 2);
    EXPECT_EQ(central.Entities("herne").size(), 1u);
}

TEST_F(FakeCentralOrion, EntityIdsAndTypesFollowFieldSyntaxRestrictions) {
    const std::string longest(256, 'a');
    EXPECT_EQ(Create(json{{"id", longest}, {"type", "T"}})->status, 201);
    ExpectError(Create(json{{"id", std::string(257, 'a')}, {"type", "T"}}), 400, "BadRequest",
                "entity id length: 257, max length supported: 256");
    ExpectError(Create(json{{"id", ""}, {"type", "T"}}), 400, "BadRequest",
                "entity id length: 0, min length supported: 1");
    for (const std::string bad : {"a b", "a/b", "a#b", "a?b", "a&b", "a\tb", "a(b", "a=b", "\xc3\xa4"}) {
        ExpectError(Create(json{{"id", bad}, {"type", "T"}}), 400, "BadRequest",
                    "Invalid characters in entity id");
    }
    ExpectError(Create(json{{"id", "ok"}, {"type", "T T"}}), 400, "BadRequest",
                "Invalid characters in entity type");
    ExpectError(Create(json{{"id", "ok"}, {"type", std::string(257, 't')}}), 400, "BadRequest",
                "entity type length: 257, max length supported: 256");
    ExpectError(Create(json{{"id", 5}, {"type", "T"}}), 400, "BadRequest", "Invalid JSON type for entity id");
    ExpectError(Create(json{{"id", "ok"}, {"type", "T"}, {"bad name", {{"value", 1}}}}), 400, "BadRequest",
                "Invalid characters in attribute name");
    EXPECT_EQ(central.Entities("herne").size(), 1u);
}

TEST_F(FakeCentralOrion, ForbiddenCharactersRejectedExceptInTextUnrestricted) {
    const std::string hostile = "<script>alert('x');</script> (a=b) \"q\"";
    ExpectError(Create(json{{"id", "A"}, {"type", "T"}, {"d", {{"type", "Text"}, {"value", hostile}}}}), 400,
                "BadRequest", "Invalid characters in attribute value");
    // Nested inside a StructuredValue and in metadata the rule still applies.
    ExpectError(Create(json{{"id", "A"}, {"type", "T"}, {"d", {{"value", {{"k", json::array({"a;b"})}}}}}}),
                400, "BadRequest", "Invalid characters in attribute value");
    ExpectError(
        Create(json{{"id", "A"},
                    {"type", "T"},
                    {"d", {{"value", 1}, {"metadata", {{"note", {{"type", "Text"}, {"value", "x=y"}}}}}}}}),
        400, "BadRequest", "Invalid characters in metadata value");
    // Each of the eight characters on its own.
    for (char c : std::string("<>\"'=;()")) {
        ExpectError(Create(json{{"id", "A"}, {"type", "T"}, {"d", {{"value", std::string("x") + c}}}}), 400,
                    "BadRequest", "Invalid characters in attribute value");
    }
    EXPECT_TRUE(central.Entities("herne").empty());

    ASSERT_EQ(
        Create(json{{"id", "A"}, {"type", "T"}, {"d", {{"type", "TextUnrestricted"}, {"value", hostile}}}})
            ->status,
        201);
    EXPECT_EQ((*central.Entity("herne", "A"))["d"]["value"], hostile);
}

TEST_F(FakeCentralOrion, ForbiddenCharactersInUriAreRejectedButQMayUseThem) {
    ExpectError(client.Get("/v2/entities?type=a(b", TenantHeaders("herne")), 400, "BadRequest",
                "invalid character in URI parameter");
    ExpectError(client.Get("/v2/entities/a(b", TenantHeaders("herne")), 400, "BadRequest",
                "invalid character in URI");
    auto r = client.Get("/v2/entities?q=status==submitted;votes%3E=1", TenantHeaders("herne"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
}

TEST_F(FakeCentralOrion, PostWithoutContentLengthIs411) {
    const std::string body = Idea("X", "t").dump();
    auto raw = SendRaw(central.port(),
                       "POST /v2/entities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       "Connection: close\r\n\r\n" +
                           body);
    EXPECT_EQ(raw.status, 411) << raw.text;
    EXPECT_EQ(json::parse(raw.body, nullptr, false).value("error", ""), "LengthRequired") << raw.text;

    // Chunked transfer encoding carries no Content-Length either.
    std::ostringstream chunked;
    chunked << "POST /v2/entities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            << "Transfer-Encoding: chunked\r\n\r\n"
            << std::hex << body.size() << "\r\n"
            << body << "\r\n0\r\n\r\n";
    raw = SendRaw(central.port(), chunked.str());
    EXPECT_EQ(raw.status, 411) << raw.text;

    raw = SendRaw(central.port(),
                  "POST /v2/op/update HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  "Content-Length: 0\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(raw.status, 411) << raw.text;
    EXPECT_NE(raw.body.find("Zero/No Content-Length in PUT/POST/PATCH request"), std::string::npos)
        << raw.text;
    EXPECT_TRUE(central.Entities("").empty());
}

TEST_F(FakeCentralOrion, BodyAboveOneMebibyteIs413) {
    json e = Idea("big", "");
    const std::string skeleton = e.dump();
    // Pad with whitespace so the body is valid JSON of an exact size.
    std::string at_limit = skeleton;
    at_limit.insert(1, std::string(1024 * 1024 - skeleton.size(), ' '));
    ASSERT_EQ(at_limit.size(), 1024u * 1024u);
    auto r = client.Post("/v2/entities", TenantHeaders("herne"), at_limit, kJson);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 201) << r->body;

    std::string above = at_limit;
    above.insert(1, " ");
    e["id"] = "big2";
    ExpectError(client.Post("/v2/entities", TenantHeaders("herne"), above, kJson), 413,
                "RequestEntityTooLarge", "payload size: 1048577, max size supported: 1048576");
    EXPECT_EQ(central.Entities("herne").size(), 1u);
}

// libcurl (the kiosk's client) sends "Expect: 100-continue" with larger bodies; both outcomes still hold.
TEST_F(FakeCentralOrion, LibcurlLargeBodiesAreAcceptedUpToTheLimitAndRefusedAbove) {
    json e = Idea("curl-big", "");
    e["description"] = {{"type", "TextUnrestricted"}, {"value", std::string(100 * 1024, 'x')}};
    const std::map<std::string, std::string> headers = {{"Content-Type", kJson}, {"Fiware-Service", "herne"}};
    auto reply = test::CurlRequest("POST", central.base_url() + "/v2/entities", e.dump(), headers);
    EXPECT_EQ(reply.code, CURLE_OK);
    EXPECT_EQ(reply.status, 201) << reply.body;

    e["id"] = "curl-huge";
    e["description"]["value"] = std::string(2 * 1024 * 1024, 'x');
    reply = test::CurlRequest("POST", central.base_url() + "/v2/entities", e.dump(), headers);
    EXPECT_EQ(reply.code, CURLE_OK);
    EXPECT_EQ(reply.status, 413);
    EXPECT_EQ(json::parse(reply.body).value("error", ""), "RequestEntityTooLarge");
    EXPECT_FALSE(central.Entity("herne", "curl-huge"));
}

TEST_F(FakeCentralOrion, MalformedJsonIs400ParseError) {
    for (const std::string bad : {"{", "{\"id\": \"x\",}", "[1,2", "not json", "{\"id\": \"\xff\xfe\"}"}) {
        ExpectError(client.Post("/v2/entities", TenantHeaders("herne"), bad, kJson), 400, "ParseError",
                    "Errors found in incoming JSON buffer");
    }
    ExpectError(client.Post("/v2/op/update", TenantHeaders("herne"), "{\"actionType\":", kJson), 400,
                "ParseError", "");
}

TEST_F(FakeCentralOrion, WrongContentTypeIs415) {
    ExpectError(client.Post("/v2/entities", TenantHeaders("herne"), Idea("I", "t").dump(), "text/html"), 415,
                "UnsupportedMediaType", "not supported content type: text/html");
}

TEST_F(FakeCentralOrion, AttributeMustBeObjectUnlessKeyValues) {
    ExpectError(Create(json{{"id", "K"}, {"type", "T"}, {"n", 5}}), 400, "BadRequest",
                "attribute must be a JSON object, unless keyValues option is used");
    auto r = Create(json{{"id", "K"}, {"type", "T"}, {"n", 5}, {"s", "x"}, {"b", true}, {"o", {{"a", 1}}}},
                    "herne", "?options=keyValues");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
    const auto e = *central.Entity("herne", "K");
    EXPECT_EQ(e["n"]["type"], "Number");
    EXPECT_EQ(e["s"]["type"], "Text");
    EXPECT_EQ(e["b"]["type"], "Boolean");
    EXPECT_EQ(e["o"]["type"], "StructuredValue");
}

TEST_F(FakeCentralOrion, DateTimeMustBeIso8601) {
    ExpectError(
        Create(json{{"id", "D"},
                    {"type", "T"},
                    {"d", {{"type", "DateTime"}, {"value", "2018-08-07T11:10:00Z/2018-08-07T11:15:00Z"}}}}),
        400, "BadRequest", "date has invalid format");
    EXPECT_EQ(Create(json{{"id", "D"},
                          {"type", "T"},
                          {"d", {{"type", "DateTime"}, {"value", "2018-08-07T11:10:00.5+02:00"}}}})
                  ->status,
              201);
}

TEST_F(FakeCentralOrion, BatchAppendCreatesOrMergesAndIsIdempotent) {
    auto r = Batch("append", json::array({Idea("I1", "a"), Idea("I2", "b")}));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 204) << r->body;
    r = Batch("append",
              json::array({json{{"id", "I1"}, {"type", "CitizenIdea"}, {"votes", {{"value", 2}}}}}));
    EXPECT_EQ(r->status, 204);
    // The lost-acknowledgement retry: the same batch again changes nothing but the write count.
    r = Batch("append", json::array({Idea("I2", "b")}));
    EXPECT_EQ(r->status, 204);
    const auto all = central.Entities("herne", "CitizenIdea");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]["id"], "I1");  // creation order
    EXPECT_EQ(all[0]["votes"]["value"], 2);
    EXPECT_EQ(all[0]["title"]["value"], "a");
    EXPECT_EQ(central.WriteCount("herne", "I2"), 2);
}

TEST_F(FakeCentralOrion, BatchAppendStrictReportsExistingAttributesLikeOrion) {
    ASSERT_EQ(Batch("appendStrict", json::array({Idea("E1", "a"), Idea("E2", "b")}))->status, 204);
    ExpectError(
        Batch("appendStrict", json::array({Idea("E1", "x"), Idea("E2", "y")})), 422, "Unprocessable",
        "one or more of the attributes in the request already exist: E1/CitizenIdea - [ status, title ], "
        "E2/CitizenIdea - [ status, title ]");
    ExpectError(
        Batch("appendStrict", json::array({Idea("E3", "new"), Idea("E2", "y")})), 422, "PartialUpdate",
        "one or more of the attributes in the request already exist: E2/CitizenIdea - [ status, title ]");
    EXPECT_TRUE(central.Entity("herne", "E3"));  // the part that could be applied was applied
    EXPECT_EQ((*central.Entity("herne", "E2"))["title"]["value"], "b");
}

TEST_F(FakeCentralOrion, BatchUpdateAndDeleteReportMissingLikeOrion) {
    ASSERT_EQ(Batch("append", json::array({Idea("E1", "a")}))->status, 204);
    ExpectError(Batch("update", json::array({Idea("E7", "x")})), 404, "NotFound",
                "do not exist: E7/CitizenIdea - [entity itself]");
    ExpectError(Batch("update", json::array({json{{"id", "E1"},
                                                  {"type", "CitizenIdea"},
                                                  {"title", {{"value", "z"}}},
                                                  {"extra", {{"value", 1}}}}})),
                422, "PartialUpdate", "do not exist: E1/CitizenIdea - [ extra ]");
    EXPECT_EQ((*central.Entity("herne", "E1"))["title"]["value"], "z");
    EXPECT_FALSE((*central.Entity("herne", "E1")).contains("extra"));

    ASSERT_EQ(Batch("delete",
                    json::array({json{{"id", "E1"}, {"type", "CitizenIdea"}, {"status", json::object()}}}))
                  ->status,
              204);
    EXPECT_FALSE((*central.Entity("herne", "E1")).contains("status"));
    ASSERT_EQ(Batch("delete", json::array({json{{"id", "E1"}, {"type", "CitizenIdea"}}}))->status, 204);
    EXPECT_FALSE(central.Entity("herne", "E1"));
}

TEST_F(FakeCentralOrion, BatchIsValidatedAsAWholeBeforeAnythingIsApplied) {
    auto good = Idea("G", "fine");
    auto bad = Idea("B", "fine");
    bad["status"]["value"] = "bad;value";
    ExpectError(Batch("append", json::array({good, bad})), 400, "BadRequest",
                "Invalid characters in attribute value");
    EXPECT_FALSE(central.Entity("herne", "G"));
    ExpectError(Batch("upsert", json::array({good})), 400, "BadRequest", "");
    ExpectError(Batch("append", json::array()), 400, "BadRequest", "empty entities vector");
}

TEST_F(FakeCentralOrion, ListPaginatesWithLimitOffsetAndTotalCount) {
    for (int i = 0; i < 25; ++i) central.PutEntity("herne", Idea("I" + std::to_string(i), "t"));
    central.PutEntity("herne", json{{"id", "D1"}, {"type", "Device"}});

    auto r = client.Get("/v2/entities?type=CitizenIdea", TenantHeaders("herne"));
    ASSERT_TRUE(r);
    EXPECT_EQ(Body(r).size(), 20u);  // Orion's default limit
    EXPECT_FALSE(r->has_header("Fiware-Total-Count"));

    r = client.Get("/v2/entities?type=CitizenIdea&limit=10&offset=20&options=count", TenantHeaders("herne"));
    ASSERT_TRUE(r);
    const json page = Body(r);
    ASSERT_EQ(page.size(), 5u);
    EXPECT_EQ(page[0]["id"], "I20");
    EXPECT_EQ(r->get_header_value("Fiware-Total-Count"), "25");

    r = client.Get("/v2/entities?limit=1000&options=count", TenantHeaders("herne"));
    EXPECT_EQ(Body(r).size(), 26u);
    EXPECT_EQ(r->get_header_value("Fiware-Total-Count"), "26");

    ExpectError(client.Get("/v2/entities?limit=1001", TenantHeaders("herne")), 400, "BadRequest",
                "Bad pagination limit: /1001/ [max: 1000]");
    ExpectError(client.Get("/v2/entities?limit=0", TenantHeaders("herne")), 400, "BadRequest",
                "Bad pagination limit: /0/ [a value of ZERO is unacceptable]");
    ExpectError(client.Get("/v2/entities?limit=-1", TenantHeaders("herne")), 400, "BadRequest",
                "Bad pagination limit: /-1/ [must be a decimal number]");
    ExpectError(client.Get("/v2/entities?offset=x", TenantHeaders("herne")), 400, "BadRequest",
                "Bad pagination offset: /x/ [must be a decimal number]");
    ExpectError(client.Get("/v2/entities?options=bogus", TenantHeaders("herne")), 400, "BadRequest",
                "Invalid value for URI param /options/");
}

TEST_F(FakeCentralOrion, ListFiltersByIdTypeAndSimpleQuery) {
    central.PutEntity("herne", json{{"id", "P1"},
                                    {"type", "Idea"},
                                    {"status", {{"value", "published"}}},
                                    {"district", {{"value", "Wanne"}}},
                                    {"votes", {{"value", 5}}}});
    central.PutEntity("herne", json{{"id", "P2"},
                                    {"type", "Idea"},
                                    {"status", {{"value", "published"}}},
                                    {"district", {{"value", "Herne-Mitte"}}},
                                    {"votes", {{"value", 1}}}});
    central.PutEntity("herne", json{{"id", "P3"}, {"type", "Idea"}, {"status", {{"value", "rejected"}}}});

    auto ids = [&](const std::string& query) {
        std::vector<std::string> out;
        auto r = client.Get(("/v2/entities?" + query).c_str(), TenantHeaders("herne"));
        if (!r || r->status != 200) return std::vector<std::string>{"error"};
        for (const auto& e : Body(r)) out.push_back(e["id"]);
        return out;
    };
    EXPECT_EQ(ids("q=status==published"), (std::vector<std::string>{"P1", "P2"}));
    EXPECT_EQ(ids("q=status==published;district==Wanne"), (std::vector<std::string>{"P1"}));
    EXPECT_EQ(ids("q=status!=published"), (std::vector<std::string>{"P3"}));
    EXPECT_EQ(ids("q=votes%3E2"), (std::vector<std::string>{"P1"}));
    EXPECT_EQ(ids("q=!district"), (std::vector<std::string>{"P3"}));
    EXPECT_EQ(ids("id=P3,P1"), (std::vector<std::string>{"P1", "P3"}));
    EXPECT_EQ(ids("type=Other"), (std::vector<std::string>{}));

    auto r = client.Get("/v2/entities?id=P1&options=keyValues&attrs=votes", TenantHeaders("herne"));
    EXPECT_EQ(Body(r), json::parse(R"([{"id":"P1","type":"Idea","votes":5}])"));
}

TEST_F(FakeCentralOrion, GetAndDeleteById) {
    ASSERT_EQ(Create(Idea("urn:ngsi-ld:CitizenIdea:7", "t"))->status, 201);
    auto r = client.Get("/v2/entities/urn:ngsi-ld:CitizenIdea:7", TenantHeaders("herne"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(Body(r)["status"]["metadata"], json::object());
    r = client.Get("/v2/entities/urn:ngsi-ld:CitizenIdea:7?options=keyValues", TenantHeaders("herne"));
    EXPECT_EQ(Body(r)["title"], "t");

    auto d = client.Delete("/v2/entities/urn:ngsi-ld:CitizenIdea:7", TenantHeaders("herne"));
    ASSERT_TRUE(d);
    EXPECT_EQ(d->status, 204);
    ExpectError(client.Get("/v2/entities/urn:ngsi-ld:CitizenIdea:7", TenantHeaders("herne")), 404, "NotFound",
                "The requested entity has not been found. Check type and id");
    ExpectError(client.Delete("/v2/entities/urn:ngsi-ld:CitizenIdea:7", TenantHeaders("herne")), 404,
                "NotFound", "");
}

TEST_F(FakeCentralOrion, TenantsAreSeparatedByFiwareServiceLowerCased) {
    ASSERT_EQ(Create(Idea("T1", "t"), "Herne")->status, 201);
    EXPECT_TRUE(central.Entity("herne", "T1"));
    EXPECT_TRUE(central.Entity("HERNE", "T1"));
    EXPECT_FALSE(central.Entity("", "T1"));
    EXPECT_FALSE(central.Entity("bochum", "T1"));
    auto r = client.Get("/v2/entities", TenantHeaders("bochum"));
    EXPECT_EQ(Body(r), json::array());
    // Without the header: the default tenant.
    r = client.Post("/v2/entities", Idea("T2", "t").dump(), kJson);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 201);
    EXPECT_TRUE(central.Entity("", "T2"));
    ExpectError(Create(Idea("T3", "t"), "bad-tenant"), 400, "BadRequest", "");
}

TEST_F(FakeCentralOrion, ServicePathIsStoredAndFilters) {
    httplib::Headers h = {{"Fiware-Service", "herne"}, {"Fiware-ServicePath", "/kiosk/wanne"}};
    ASSERT_EQ(client.Post("/v2/entities", h, Idea("S1", "t").dump(), kJson)->status, 201);
    ASSERT_EQ(Create(Idea("S2", "t"))->status, 201);  // service path "/"
    auto count = [&](const std::string& path) {
        auto r = client.Get("/v2/entities",
                            httplib::Headers{{"Fiware-Service", "herne"}, {"Fiware-ServicePath", path}});
        return r && r->status == 200 ? static_cast<int>(Body(r).size()) : -1;
    };
    EXPECT_EQ(count("/kiosk/wanne"), 1);
    EXPECT_EQ(count("/kiosk/#"), 1);
    EXPECT_EQ(count("/#"), 2);
    EXPECT_EQ(count("/"), 1);
    EXPECT_EQ(count("kiosk"), -1);  // not absolute: 400
}

TEST_F(FakeCentralOrion, RawResponsesWinAndRequestsAreRecorded) {
    central.SetRawResponse("GET", "/v2/entities", 200, "{not json", {{"X-Test", "1"}});
    auto r = client.Get("/v2/entities?type=WeatherObserved&limit=5", TenantHeaders("herne"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "{not json");
    EXPECT_EQ(r->get_header_value("X-Test"), "1");
    central.ClearRawResponses();
    r = client.Get("/v2/entities", TenantHeaders("herne"));
    EXPECT_EQ(Body(r), json::array());

    client.Post("/v2/op/update", httplib::Headers{{"Fiware-Service", "herne"}, {"X-Auth-Token", "secret"}},
                json{{"actionType", "append"}, {"entities", json::array({Idea("R", "t")})}}.dump(), kJson);
    const auto reqs = central.Requests();
    ASSERT_EQ(reqs.size(), 3u);
    EXPECT_EQ(reqs[0].query, "type=WeatherObserved&limit=5");
    EXPECT_EQ(reqs[2].method, "POST");
    EXPECT_EQ(reqs[2].path, "/v2/op/update");
    EXPECT_EQ(reqs[2].Header("x-auth-token"), "secret");
    EXPECT_EQ(reqs[2].Header("Fiware-Service"), "herne");
    EXPECT_EQ(json::parse(reqs[2].body)["actionType"], "append");
}

TEST_F(FakeCentralOrion, VersionAndEntryPointAnswerLikeOrion) {
    auto r = client.Get("/version");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(Body(r)["orion"].contains("version"));
    r = client.Get("/v2");
    EXPECT_EQ(Body(r)["entities_url"], "/v2/entities");
    EXPECT_EQ(central.RequestCount(), 2u);
}

// Orion does not compress, and hostile-data tests need their exact bytes on the wire.
TEST_F(FakeCentralOrion, AnswersAreNeverCompressedAndRecordedHeadersAreTheClients) {
    const std::string big(200 * 1024, 'a');
    central.SetRawResponse("GET", "/v2/entities", 200, "[\"" + big + "\"]");
    const auto reply =
        test::CurlRequest("GET", central.base_url() + "/v2/entities", "",
                          {{"Accept-Encoding", "gzip, deflate, br"}, {"Fiware-Service", "herne"}});
    EXPECT_EQ(reply.code, CURLE_OK);
    EXPECT_EQ(reply.headers.count("content-encoding"), 0u);
    EXPECT_EQ(reply.headers.at("content-length"), std::to_string(big.size() + 4));
    const auto reqs = central.Requests();
    ASSERT_EQ(reqs.size(), 1u);
    EXPECT_EQ(reqs[0].Header("Accept-Encoding"), "gzip, deflate, br");
    EXPECT_EQ(reqs[0].headers.count("remote_addr"), 0u);
    EXPECT_EQ(reqs[0].headers.count("local_port"), 0u);
}

// Seeding bypasses validation so pulls can serve what a real server might hold.
TEST_F(FakeCentralOrion, SeededEntitiesAreServedAsIsEvenWhenOrionWouldRefuseThem) {
    central.PutEntity("herne", json{{"id", "H1"},
                                    {"type", "WeatherObserved"},
                                    {"temperature", {{"type", "Number"}, {"value", "not a number"}}},
                                    {"note", {{"value", "<b>(x=1);</b>"}}}});
    central.PutEntity("herne", json("not an entity"));
    central.PutEntity("herne", json{{"id", 42}, {"type", "WeatherObserved"}});
    auto r = client.Get("/v2/entities?type=WeatherObserved", TenantHeaders("herne"));
    ASSERT_TRUE(r);
    const json list = Body(r);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["temperature"]["value"], "not a number");
    EXPECT_EQ(list[0]["note"]["value"], "<b>(x=1);</b>");
    EXPECT_EQ(list[0]["note"]["type"], "Text");
    EXPECT_EQ(list[1]["id"], "42");
}

TEST_F(FakeCentralOrion, UnknownPathsAndMethods) {
    ExpectError(client.Get("/v2/subscriptions", TenantHeaders("herne")), 400, "BadRequest", "");
    ExpectError(client.Get("/nothing/here"), 404, "NotFound", "");
    ExpectError(client.Put("/v2/op/update", TenantHeaders("herne"), "{}", kJson), 405, "MethodNotAllowed",
                "");
}

// Real Smart Data Models examples must pass, as they do against Orion.
TEST_F(FakeCentralOrion, SmartDataModelsNormalizedExamplesAreAccepted) {
    CK_REQUIRE_SHARED(dir, "fixtures/smart-data-models");
    int accepted = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".normalized.json") == std::string::npos) continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto r = client.Post("/v2/entities", TenantHeaders("herne"), text.str(), kJson);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 201) << name << ": " << r->body;
        ++accepted;
    }
    EXPECT_GE(accepted, 6);
    EXPECT_EQ(central.Entities("herne").size(), static_cast<std::size_t>(accepted));
}

}  // namespace
}  // namespace ck::fake
