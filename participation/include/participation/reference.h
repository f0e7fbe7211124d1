// Reference codes for receipts, entity ids and the status link. Randomness comes from the OS CSPRNG.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "offline_cache/database.h"

namespace ck::part {

// 25 symbols without look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
inline constexpr std::string_view kReferenceAlphabet = "34679ACDEFGHJKMNPQRTUVWXY";
inline constexpr std::size_t kReferenceSymbols = 7;  // shown as "K7P-4XM9" style: 3 + '-' + 4 (25^7 ~ 6e9)

// A fresh random code "XXX-XXXX". Error "ideas.random.unavailable" if the CSPRNG fails.
Result<std::string> GenerateReferenceCode();
bool IsWellFormedReferenceCode(std::string_view code);
// What a visitor may type back (lower case, without the dash, spaces): the canonical form, or an error.
Result<std::string> CanonicalReferenceCode(std::string_view typed);
// A code not yet in the store (ReferenceCodeExists), trying a few times.
Result<std::string> GenerateUniqueReferenceCode(cache::Database& db, int max_attempts = 8);

// RFC 4122 version 4 UUID, lower-case "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx".
Result<std::string> NewUuidV4();
bool IsUuidV4(std::string_view text);

// RFC 3986 percent-encoding of everything but the unreserved characters A-Z a-z 0-9 - . _ ~
std::string PercentEncode(std::string_view value);
// Replaces every "{ref}" and "{kiosk}" in the template by the percent-encoded values.
std::string BuildStatusUrl(std::string_view url_template, std::string_view reference_code,
                           std::string_view kiosk_id);

}  // namespace ck::part
