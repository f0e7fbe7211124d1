#include "participation/reference.h"

#include <openssl/rand.h>

#include <array>
#include <cctype>

#include "offline_cache/idea_store.h"

namespace ck::part {
namespace {

bool RandomBytes(unsigned char* out, std::size_t n) {
    return RAND_bytes(out, static_cast<int>(n)) == 1;
}

std::size_t AlphabetIndex(char c) {
    return kReferenceAlphabet.find(c);
}

}  // namespace

Result<std::string> GenerateReferenceCode() {
    // Rejection sampling keeps every symbol equally likely: 250 = 10 * 25 is the largest multiple below 256.
    constexpr unsigned kLimit = 250;
    std::string symbols;
    std::array<unsigned char, 32> buf{};
    while (symbols.size() < kReferenceSymbols) {
        if (!RandomBytes(buf.data(), buf.size())) {
            return MakeError("ideas.random.unavailable", "the system random generator failed");
        }
        for (unsigned char b : buf) {
            if (b >= kLimit) continue;
            symbols.push_back(kReferenceAlphabet[b % kReferenceAlphabet.size()]);
            if (symbols.size() == kReferenceSymbols) break;
        }
    }
    return symbols.substr(0, 3) + "-" + symbols.substr(3);
}

bool IsWellFormedReferenceCode(std::string_view code) {
    if (code.size() != kReferenceSymbols + 1 || code[3] != '-') return false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i == 3) continue;
        if (AlphabetIndex(code[i]) == std::string_view::npos) return false;
    }
    return true;
}

Result<std::string> CanonicalReferenceCode(std::string_view typed) {
    std::string symbols;
    for (char c : typed) {
        if (c == '-' || c == ' ') continue;
        const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (AlphabetIndex(upper) == std::string_view::npos || symbols.size() == kReferenceSymbols) {
            return MakeError("ideas.reference.invalid", "not a reference code");
        }
        symbols.push_back(upper);
    }
    if (symbols.size() != kReferenceSymbols)
        return MakeError("ideas.reference.invalid", "not a reference code");
    return symbols.substr(0, 3) + "-" + symbols.substr(3);
}

Result<std::string> GenerateUniqueReferenceCode(cache::Database& db, int max_attempts) {
    for (int attempt = 0; attempt < max_attempts; ++attempt) {
        Result<std::string> code = GenerateReferenceCode();
        if (!code) return code.error();
        Result<bool> exists = cache::ReferenceCodeExists(db, *code);
        if (!exists) return exists.error();
        if (!*exists) return code;
    }
    return MakeError("ideas.reference.exhausted",
                     "no unused reference code after " + std::to_string(max_attempts) + " attempts");
}

Result<std::string> NewUuidV4() {
    std::array<unsigned char, 16> b{};
    if (!RandomBytes(b.data(), b.size())) {
        return MakeError("ideas.random.unavailable", "the system random generator failed");
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[b[i] >> 4]);
        out.push_back(kHex[b[i] & 0x0F]);
    }
    return out;
}

bool IsUuidV4(std::string_view t) {
    if (t.size() != 36) return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return t[14] == '4' && (t[19] == '8' || t[19] == '9' || t[19] == 'a' || t[19] == 'b');
}

std::string PercentEncode(std::string_view value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0x0F]);
        }
    }
    return out;
}

std::string BuildStatusUrl(std::string_view url_template, std::string_view reference_code,
                           std::string_view kiosk_id) {
    const std::string ref = PercentEncode(reference_code);
    const std::string kiosk = PercentEncode(kiosk_id);
    std::string out;
    for (std::size_t i = 0; i < url_template.size();) {
        if (url_template.substr(i, 5) == "{ref}") {
            out += ref;
            i += 5;
        } else if (url_template.substr(i, 7) == "{kiosk}") {
            out += kiosk;
            i += 7;
        } else {
            out.push_back(url_template[i++]);
        }
    }
    return out;
}

}  // namespace ck::part
