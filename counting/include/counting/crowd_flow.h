// The CrowdFlowObserved entity of one closed bin (FIWARE Smart Data Models, NGSI-v2 normalized).
#pragma once

#include <string>

#include "core/result.h"
#include "hardware/bin_aggregator.h"
#include "ngsi/entity.h"

namespace ck::counting {

// urn:ngsi-ld:CrowdFlowObserved:<kioskId>-<line>-<YYYYMMDDTHHMMZ of the bin start>; the kiosk id and the line
// name must be tokens ([A-Za-z0-9_-]{1,64}, "counter.kiosk_id" / "counter.line_name" otherwise).
Result<std::string> CrowdFlowObservedId(const std::string& kiosk_id, const std::string& line,
                                        TimePoint bin_start);

// dateObserved = bin end; dateObservedFrom/To (an ISO interval string is not a DateTime Orion accepts);
// peopleCount = towards + away; towards/away from positive/negative (towards_is_positive); refDevice the
// kiosk's Device; name = the line. "counter.bin_invalid" for negative counts or an empty period.
Result<ngsi::Entity> CrowdFlowObserved(const std::string& kiosk_id, const hw::BinCounts& bin,
                                       bool towards_is_positive);

}  // namespace ck::counting
