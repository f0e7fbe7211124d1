// The CrowdFlowObserved entity of one closed bin (FIWARE Smart Data Models, NGSI-v2 normalized). Pure.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "hardware/bin_aggregator.h"

namespace ck::hw {

// Kiosk ids and line names go into entity ids: [A-Za-z0-9_-]{1,64}.
bool IsValidNameToken(const std::string& s);

// urn:ngsi-ld:CrowdFlowObserved:<kioskId>-<line>-<YYYYMMDDTHHMMZ of the bin start>
Result<std::string> CrowdFlowObservedId(const std::string& kiosk_id, const std::string& line,
                                        TimePoint bin_start);

// dateObserved = bin end; dateObservedFrom/To; peopleCount = towards + away; towards/away from
// positive/negative (towards_is_positive) ; refDevice urn:ngsi-ld:Device:<kioskId>; name = line name.
Result<nlohmann::json> BuildCrowdFlowObserved(const std::string& kiosk_id, const BinCounts& bin,
                                              bool towards_is_positive);

}  // namespace ck::hw
