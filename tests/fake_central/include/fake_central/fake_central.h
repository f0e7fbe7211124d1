// A fake of the city's central services for tests: an NGSI-v2 context broker that follows FIWARE Orion's
// rules for the subset the kiosk uses, plus small CKAN and PVOG surfaces, with fault injection. Runs on
// 127.0.0.1 with an ephemeral port, in-process (this class) or as a child process (the fake-central
// executable, see tests/fake_central/README.md).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ck::fake {

enum class Fault {
    kNone,
    kRefuseConnections,   // the listening socket is closed: connect() fails with ECONNREFUSED
    kServiceUnavailable,  // 503
    kTooManyRequests,     // 429 with Retry-After
    kStall,               // waits stall_ms (or until the fault changes), then answers normally
    kCutAfterCommit,      // applies the request, then closes the connection before any response byte
};

struct FaultPlan {
    Fault fault = Fault::kNone;
    // Requests affected, -1 = until cleared. A refused connection never reaches the fake, so for
    // kRefuseConnections the count cannot be observed and the refusal lasts until ClearFault().
    int count = -1;
    int retry_after_s = 1;
    int stall_ms = 3000;
};

struct RecordedRequest {
    std::string method;
    std::string path;                            // decoded, without the query
    std::string query;                           // raw query string without '?'
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;

    std::string Header(const std::string& name) const;  // case-insensitive, "" when absent
};

struct FakeCentralOptions {
    int port = 0;  // 0 = ephemeral
    // A second listener serving only /__control/* so a test can still clear kRefuseConnections
    // over HTTP (the main port is closed while refusing).
    bool separate_control_port = false;
};

class FakeCentral {
  public:
    FakeCentral();
    explicit FakeCentral(FakeCentralOptions options);
    ~FakeCentral();
    FakeCentral(const FakeCentral&) = delete;
    FakeCentral& operator=(const FakeCentral&) = delete;

    int port() const;
    int control_port() const;      // -1 without separate_control_port
    std::string base_url() const;  // http://127.0.0.1:<port>

    void SetFault(FaultPlan plan);
    void ClearFault();
    FaultPlan CurrentFault() const;  // count shows what is left

    // Tenant = the Fiware-Service header value, lower-cased as Orion does ("" when absent).
    std::optional<nlohmann::json> Entity(const std::string& tenant,
                                         const std::string& id) const;  // normalized
    std::vector<nlohmann::json> Entities(const std::string& tenant, const std::string& type = "") const;
    int WriteCount(const std::string& tenant, const std::string& id) const;  // accepted writes to that id
    std::size_t RequestCount() const;  // requests that reached the fake, /__control/* excluded
    // Seeds an entity without validation (normalized; missing attribute types are inferred; a non-object
    // is ignored).
    void PutEntity(const std::string& tenant, nlohmann::json normalized_entity);

    // A canned answer for (method, path) that wins over the emulated services: hostile-data tests.
    void SetRawResponse(const std::string& method, const std::string& path, int status, std::string body,
                        std::map<std::string, std::string> headers = {});
    void ClearRawResponses();

    // The most recent requests, oldest first: at most 10,000 and 256 MiB of bodies.
    std::vector<RecordedRequest> Requests() const;

    // CKAN: package_search searches these (q over name/title/notes, rows/start), package_show returns one.
    void SetCkanPackage(nlohmann::json package);  // needs "id" and "name"
    // datastore_search answers from these records for resource_id (limit/offset, "total").
    void SetCkanDatastore(const std::string& resource_id, nlohmann::json fields, nlohmann::json records);
    // PVOG: the catalogue CSV for an ARS and a service description for (ARS, ID-LB) in a language; a
    // request's Accept-Language picks the language, German when the description lacks it.
    void SetPvogCsv(const std::string& ars, std::string csv);
    void SetPvogDetail(const std::string& ars, const std::string& service_id, std::string json_text,
                       const std::string& language = "de");

    // Back to a fresh state: no entities, faults, canned answers, recorded requests or open data.
    void Reset();

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

const char* ToString(Fault fault);
std::optional<Fault> ParseFault(const std::string& text);  // "none", "refuse", "503", "429", "stall", "cut"

}  // namespace ck::fake
