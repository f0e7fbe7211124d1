// One PVOG service description (detail JSON, HTML inside), merged into a catalogue entry the way the sync
// connector does it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "services/pvog.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ck::Result<ck::svc::ServiceDetail> detail = ck::svc::ParseServiceDetail(text);
    if (!detail) return 0;
    ck::svc::Service service;
    service.id = detail->id;
    service.name = detail->name;
    ck::svc::MergeDetail(service, *detail);
    (void)ck::svc::ServiceFromJson(ck::svc::ServiceToJson(service));
    return 0;
}
