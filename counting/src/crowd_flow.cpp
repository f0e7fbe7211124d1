#include "counting/crowd_flow.h"

#include <ctime>

#include "ngsi/rules.h"

namespace ck::counting {

Result<std::string> CrowdFlowObservedId(const std::string& kiosk_id, const std::string& line,
                                        TimePoint bin_start) {
    if (Status s = ngsi::CheckToken("kiosk id", kiosk_id); !s)
        return MakeError("counter.kiosk_id", s.error().message);
    if (Status s = ngsi::CheckToken("line name", line); !s)
        return MakeError("counter.line_name", s.error().message);
    const std::int64_t ms = ToUnixMs(bin_start);
    const auto secs = static_cast<std::time_t>(ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%MZ", &tm);
    return ngsi::MakeUrn("CrowdFlowObserved id", "CrowdFlowObserved", kiosk_id + "-" + line + "-" + stamp);
}

Result<ngsi::Entity> CrowdFlowObserved(const std::string& kiosk_id, const hw::BinCounts& bin,
                                       bool towards_is_positive) {
    Result<std::string> id = CrowdFlowObservedId(kiosk_id, bin.line, bin.start);
    if (!id) return id.error();
    if (bin.positive < 0 || bin.negative < 0)
        return MakeError("counter.bin_invalid", "negative count in bin");
    if (bin.end <= bin.start) return MakeError("counter.bin_invalid", "bin end is not after its start");
    Result<std::string> device = ngsi::DeviceUrn(kiosk_id);
    if (!device) return device.error();
    const std::int64_t towards = towards_is_positive ? bin.positive : bin.negative;
    const std::int64_t away = towards_is_positive ? bin.negative : bin.positive;
    ngsi::Entity e{*id, "CrowdFlowObserved", {}};
    e.Set("dateObserved", ngsi::DateTime(bin.end))
        .Set("dateObservedFrom", ngsi::DateTime(bin.start))
        .Set("dateObservedTo", ngsi::DateTime(bin.end))
        .Set("peopleCount", ngsi::WholeNumber(towards + away))
        .Set("peopleCountTowards", ngsi::WholeNumber(towards))
        .Set("peopleCountAway", ngsi::WholeNumber(away))
        .Set("refDevice", ngsi::Relationship(*device))
        .Set("name", ngsi::Text(bin.line));
    return e;
}

}  // namespace ck::counting
