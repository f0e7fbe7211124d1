// The idea sanitiser and the contact e-mail check: whatever a visitor (or a replay) types. Besides not
// crashing, the promises of SanitizeText are checked: valid UTF-8, within the limits, and stable (sanitising
// the result again changes nothing, so the text stored is the text validated).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "locales/utf8.h"
#include "participation/text.h"

namespace {

using ck::fuzz::Check;

void SanitizeWith(std::string_view text, const ck::part::TextLimits& limits) {
    ck::Result<std::string> once = ck::part::SanitizeText(text, limits);
    if (!once) return;
    Check(ck::part::IsValidUtf8(*once));
    Check(once->size() <= limits.max_bytes);
    Check(ck::loc::CountGraphemeClusters(*once) <= limits.max_graphemes);
    ck::Result<std::string> twice = ck::part::SanitizeText(*once, limits);
    Check(twice.ok() && *twice == *once);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    SanitizeWith(text, ck::part::TitleLimits());
    SanitizeWith(text, ck::part::DescriptionLimits());
    if (ck::Result<std::string> email = ck::part::ValidateEmail(text)) {
        Check(email->size() <= ck::part::kMaxEmailBytes);
    }
    return 0;
}
