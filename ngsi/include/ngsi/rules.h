// Orion's syntax rules for what goes into a request, as checks that name the offending field.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace ck::ngsi {

// Orion rejects these anywhere in a request ("General syntax restrictions"), except inside the value of a
// TextUnrestricted attribute.
inline constexpr std::string_view kForbiddenChars = "<>\"'=;()";
inline constexpr std::size_t kMaxIdentifierLength = 256;

bool HasForbiddenChars(std::string_view text);
// Replaces each forbidden character (and NUL) with a space and collapses runs of spaces; for display texts
// such as a site name that travel as Text.
std::string StripForbiddenChars(std::string_view text);

// "Field syntax restrictions" for an entity id or type, an attribute name or type: 1..256 characters of
// printable ASCII without whitespace, & ? / # and the forbidden characters. `field` names what is checked in
// the error ("entity id", "CitizenIdea.title attribute type"); code "ngsi.invalid".
Status CheckIdentifier(std::string_view field, std::string_view text);
bool IsValidIdentifier(std::string_view text);

// Our own tokens that become parts of entity ids (the kiosk id, a counting line's name):
// [A-Za-z0-9_-]{1,64}, so that any id made from them passes CheckIdentifier. Code "ngsi.invalid".
Status CheckToken(std::string_view field, std::string_view text);
bool IsValidToken(std::string_view text);

// urn:ngsi-ld:<Type>:<rest>, with the id rules checked on the whole ("ngsi.invalid" naming `field`).
Result<std::string> MakeUrn(std::string_view field, std::string_view type, std::string_view rest);
// Whether `id` is a valid identifier of the form urn:ngsi-ld:<type>:<something>.
bool IsUrnOf(std::string_view type, std::string_view id);
// The Device entity of a kiosk: urn:ngsi-ld:Device:<kiosk id> (the kiosk id must pass CheckToken).
Result<std::string> DeviceUrn(std::string_view kiosk_id);

}  // namespace ck::ngsi
