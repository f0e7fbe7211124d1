// The PVOG catalogue CSV of a region, as the sync connector or `services import` receives it; every service
// that parses goes through the store's JSON form and back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "services/pvog.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ck::Result<ck::svc::ParsedCatalogue> parsed = ck::svc::ParseCatalogueCsv(text);
    if (!parsed) return 0;
    for (const ck::svc::Service& s : parsed->services) {
        ck::fuzz::Check(ck::svc::IsServiceId(s.id));
        ck::Result<ck::svc::Service> back = ck::svc::ServiceFromJson(ck::svc::ServiceToJson(s));
        ck::fuzz::Check(back.ok() && back->id == s.id);
    }
    return 0;
}
