// NGSI-v2 entities as a server sends them: the bounded JSON reader, then the entity view and every typed
// read, on a single entity and on each element of an array (a GET /v2/entities answer).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ngsi/entity.h"

namespace {

void ReadEntity(const nlohmann::json& j) {
    ck::Result<ck::ngsi::EntityView> e = ck::ngsi::ParseEntity(j);
    if (!e) return;
    for (const auto& [name, attr] : e->attributes) {
        (void)ck::ngsi::TextValue(*e, name);
        (void)ck::ngsi::NumberValue(*e, name);
        (void)ck::ngsi::IntegerValue(*e, name);
        (void)attr;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ck::Result<nlohmann::json> j = ck::ngsi::ParseJsonBounded(text);
    if (!j) return 0;
    if (j->is_array()) {
        for (const auto& element : *j) ReadEntity(element);
    } else {
        ReadEntity(*j);
    }
    return 0;
}
