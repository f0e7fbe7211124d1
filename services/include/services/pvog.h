// The PVOG Suchdienst's two formats: the catalogue CSV of a region (one row per online service, so a
// service with several online services has several rows) and the detail JSON of one service.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "services/catalogue.h"

namespace ck::svc {

// What an import did, for the operator ("911 services from 933 rows: 21 rows merged, 12 retired, 0 skipped").
struct ImportReport {
    int rows = 0;         // data rows read (header excluded)
    int services = 0;     // distinct services kept
    int merged_rows = 0;  // rows that added a link to a service already seen
    int retired = 0;      // distinct services hidden: "Außer Kraft - " or "vorgesehen zum Löschen - "
    int skipped = 0;      // malformed rows
    std::vector<std::string> skip_reasons;  // "line 17: 7 fields, expected 8" (the first 20)
};

struct ParsedCatalogue {
    std::vector<Service> services;  // in first-seen order
    ImportReport report;
};

// Parses the `|`-separated catalogue CSV. A missing or unexpected header is an error ("pvog.csv_header");
// a malformed row (field count, invalid UTF-8, bad ID) is skipped with its reason.
Result<ParsedCatalogue> ParseCatalogueCsv(std::string_view text);

// Parses one service description. Errors: "pvog.detail_json" (not JSON, not an object, no id).
Result<ServiceDetail> ParseServiceDetail(std::string_view json_text);

// Whether a PVOG service id is usable as a key and in a URL ("B100019.LB.574711": letters, digits, . - _).
bool IsServiceId(std::string_view id);

// The catalogue entry as the store keeps it, and back.
nlohmann::json ServiceToJson(const Service& service);
Result<Service> ServiceFromJson(const nlohmann::json& j);

// The service's catalogue entry completed with what its detail knows (synonyms, summary, links).
void MergeDetail(Service& service, const ServiceDetail& detail);

}  // namespace ck::svc
