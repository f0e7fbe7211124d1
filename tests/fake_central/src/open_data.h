// Small CKAN (Action API) and PVOG (Suchdienst) surfaces answering from data a test puts in.
// Not thread-safe: the caller locks.
#pragma once

#include <map>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_types.h"

namespace ck::fake {

class OpenDataStore {
  public:
    HttpOut HandleCkan(const HttpIn& in);  // /api/3/action/...
    HttpOut HandlePvog(const HttpIn& in);  // /v5/servicedescriptions/...

    void SetCkanPackage(nlohmann::json package);
    void SetCkanDatastore(const std::string& resource_id, nlohmann::json fields, nlohmann::json records);
    void SetPvogCsv(const std::string& ars, std::string csv);
    void SetPvogDetail(const std::string& ars, const std::string& service_id, std::string json_text,
                       const std::string& language = "de");
    void Clear();

  private:
    struct Datastore {
        nlohmann::json fields;
        nlohmann::json records;
    };
    std::vector<nlohmann::json> packages_;  // in insertion order
    std::map<std::string, Datastore> datastores_;
    std::map<std::string, std::string> pvog_csv_;
    std::map<std::tuple<std::string, std::string, std::string>, std::string> pvog_detail_;  // ars, id, language
};

}  // namespace ck::fake
