#include "ngsi/rules.h"

#include <algorithm>

#include "core/quote.h"

namespace ck::ngsi {
namespace {

constexpr std::size_t kMaxTokenLength = 64;

bool IsForbidden(char c) {
    return kForbiddenChars.find(c) != std::string_view::npos;
}

}  // namespace

bool HasForbiddenChars(std::string_view text) {
    return std::any_of(text.begin(), text.end(), IsForbidden);
}

std::string StripForbiddenChars(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (IsForbidden(c) || c == '\0') c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool IsValidIdentifier(std::string_view text) {
    return CheckIdentifier({}, text).ok();
}

Status CheckIdentifier(std::string_view field, std::string_view text) {
    // Orion's own wording, so that an operator who reads both recognises the rule.
    const std::string what(field);
    if (text.empty()) return MakeError("ngsi.invalid", what + " length: 0, min length supported: 1");
    if (text.size() > kMaxIdentifierLength) {
        return MakeError("ngsi.invalid",
                         what + " length: " + std::to_string(text.size()) +
                             ", max length supported: " + std::to_string(kMaxIdentifierLength));
    }
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '&' || c == '?' || c == '/' || c == '#' || IsForbidden(c)) {
            return MakeError("ngsi.invalid", "Invalid characters in " + what + " " + QuoteInput(text));
        }
    }
    return {};
}

bool IsValidToken(std::string_view text) {
    return CheckToken({}, text).ok();
}

Status CheckToken(std::string_view field, std::string_view text) {
    const bool ok =
        !text.empty() && text.size() <= kMaxTokenLength && std::all_of(text.begin(), text.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                   c == '-';
        });
    if (ok) return {};
    return MakeError("ngsi.invalid", std::string(field) + " must be 1-64 letters, digits, '-' or '_', got " +
                                         QuoteInput(text));
}

Result<std::string> MakeUrn(std::string_view field, std::string_view type, std::string_view rest) {
    std::string urn = "urn:ngsi-ld:";
    urn.append(type).append(":").append(rest);
    if (rest.empty()) return MakeError("ngsi.invalid", std::string(field) + ": empty id after the type");
    if (Status s = CheckIdentifier(field, urn); !s) return s.error();
    return urn;
}

bool IsUrnOf(std::string_view type, std::string_view id) {
    constexpr std::string_view kPrefix = "urn:ngsi-ld:";
    const std::size_t head = kPrefix.size() + type.size() + 1;
    return id.size() > head && id.substr(0, kPrefix.size()) == kPrefix &&
           id.substr(kPrefix.size(), type.size()) == type && id[head - 1] == ':' && IsValidIdentifier(id);
}

Result<std::string> DeviceUrn(std::string_view kiosk_id) {
    if (Status s = CheckToken("kiosk id", kiosk_id); !s) return s.error();
    return MakeUrn("Device id", "Device", kiosk_id);
}

}  // namespace ck::ngsi
