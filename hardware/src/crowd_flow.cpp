#include "hardware/crowd_flow.h"

#include <cctype>
#include <ctime>

namespace ck::hw {

bool IsValidNameToken(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (unsigned char c : s) {
        if (!(std::isalnum(c) || c == '_' || c == '-') || c > 127) return false;
    }
    return true;
}

Result<std::string> CrowdFlowObservedId(const std::string& kiosk_id, const std::string& line,
                                        TimePoint bin_start) {
    if (!IsValidNameToken(kiosk_id)) {
        return MakeError("counter.kiosk_id", "kiosk id must be 1..64 of [A-Za-z0-9_-]");
    }
    if (!IsValidNameToken(line))
        return MakeError("counter.line_name", "line name must be 1..64 of [A-Za-z0-9_-]");
    const std::int64_t ms = ToUnixMs(bin_start);
    const std::time_t secs = static_cast<std::time_t>(ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%MZ", &tm);
    return "urn:ngsi-ld:CrowdFlowObserved:" + kiosk_id + "-" + line + "-" + stamp;
}

Result<nlohmann::json> BuildCrowdFlowObserved(const std::string& kiosk_id, const BinCounts& bin,
                                              bool towards_is_positive) {
    auto id = CrowdFlowObservedId(kiosk_id, bin.line, bin.start);
    if (!id) return id.error();
    if (bin.positive < 0 || bin.negative < 0)
        return MakeError("counter.bin_invalid", "negative count in bin");
    if (bin.end <= bin.start) return MakeError("counter.bin_invalid", "bin end is not after its start");
    const std::int64_t towards = towards_is_positive ? bin.positive : bin.negative;
    const std::int64_t away = towards_is_positive ? bin.negative : bin.positive;
    auto attr = [](const char* type, nlohmann::json value) {
        return nlohmann::json{{"type", type}, {"value", std::move(value)}};
    };
    return nlohmann::json{
        {"id", id.value()},
        {"type", "CrowdFlowObserved"},
        {"dateObserved", attr("DateTime", FormatIsoUtc(bin.end))},
        {"dateObservedFrom", attr("DateTime", FormatIsoUtc(bin.start))},
        {"dateObservedTo", attr("DateTime", FormatIsoUtc(bin.end))},
        {"peopleCount", attr("Number", towards + away)},
        {"peopleCountTowards", attr("Number", towards)},
        {"peopleCountAway", attr("Number", away)},
        {"refDevice", attr("Relationship", "urn:ngsi-ld:Device:" + kiosk_id)},
        {"name", attr("Text", bin.line)},
    };
}

}  // namespace ck::hw
