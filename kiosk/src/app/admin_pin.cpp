#include "app/admin_pin.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

#include "app/config.h"
#include "offline_cache/content_cache.h"

namespace ck::kiosk {
namespace {

constexpr const char* kHashKey = "admin.pin";
constexpr const char* kLockKey = "admin.pin_lock";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string Hex(const unsigned char* data, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += kDigits[data[i] >> 4];
        out += kDigits[data[i] & 0xF];
    }
    return out;
}

bool FromHex(std::string_view hex, std::vector<unsigned char>& out) {
    if (hex.size() % 2 != 0) return false;
    out.clear();
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        unsigned value = 0;
        const auto [p, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
        if (ec != std::errc() || p != hex.data() + i + 2) return false;
        out.push_back(static_cast<unsigned char>(value));
    }
    return true;
}

bool Derive(std::string_view pin, const unsigned char* salt, std::size_t salt_len, int iterations,
            unsigned char* out) {
    return PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt, static_cast<int>(salt_len),
                             iterations, EVP_sha256(), static_cast<int>(kHashBytes), out) == 1;
}

struct Lock {
    int failures = 0;
    TimePoint until{};
};

Result<Lock> LoadLock(cache::Database& db) {
    Result<std::optional<std::string>> stored = cache::GetSetting(db, kLockKey);
    if (!stored) return stored.error();
    Lock lock;
    if (!*stored) return lock;
    const nlohmann::json j = nlohmann::json::parse(**stored, nullptr, false);
    if (j.is_object()) {
        const auto failures = j.find("failures");
        const auto until = j.find("until_ms");
        if (failures != j.end() && failures->is_number_integer()) lock.failures = failures->get<int>();
        if (until != j.end() && until->is_number_integer())
            lock.until = FromUnixMs(until->get<std::int64_t>());
    }
    return lock;
}

Status SaveLock(cache::Database& db, const Lock& lock) {
    return cache::PutSetting(
        db, kLockKey, nlohmann::json{{"failures", lock.failures}, {"until_ms", ToUnixMs(lock.until)}}.dump());
}

}  // namespace

Status ValidatePinFormat(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 12 ||
        !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return MakeError("admin.pin_format", "the admin PIN must be 4 to 12 digits");
    }
    return {};
}

Result<std::string> HashPin(std::string_view pin, int iterations) {
    std::array<unsigned char, kSaltBytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        return MakeError("admin.pin_hash", "no random bytes for the salt");
    std::array<unsigned char, kHashBytes> hash{};
    if (!Derive(pin, salt.data(), salt.size(), iterations, hash.data()))
        return MakeError("admin.pin_hash", "PBKDF2 failed");
    return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + Hex(salt.data(), salt.size()) + "$" +
           Hex(hash.data(), hash.size());
}

bool VerifyPin(std::string_view pin, std::string_view stored) {
    // pbkdf2-sha256$<iterations>$<salt>$<hash>
    constexpr std::string_view kScheme = "pbkdf2-sha256$";
    if (stored.substr(0, kScheme.size()) != kScheme) return false;
    stored.remove_prefix(kScheme.size());
    const std::size_t a = stored.find('$');
    const std::size_t b = a == std::string_view::npos ? a : stored.find('$', a + 1);
    if (b == std::string_view::npos) return false;
    int iterations = 0;
    const auto [p, ec] = std::from_chars(stored.data(), stored.data() + a, iterations);
    if (ec != std::errc() || p != stored.data() + a || iterations < 1 || iterations > 10'000'000)
        return false;
    std::vector<unsigned char> salt, expected;
    if (!FromHex(stored.substr(a + 1, b - a - 1), salt) || !FromHex(stored.substr(b + 1), expected) ||
        expected.size() != kHashBytes || salt.empty()) {
        return false;
    }
    std::array<unsigned char, kHashBytes> hash{};
    if (!Derive(pin, salt.data(), salt.size(), iterations, hash.data())) return false;
    return CRYPTO_memcmp(hash.data(), expected.data(), kHashBytes) == 0;
}

Status SetAdminPin(cache::Database& db, std::string_view pin) {
    if (Status s = ValidatePinFormat(pin); !s) return s;
    Result<std::string> hash = HashPin(pin);
    if (!hash) return hash.error();
    if (Status s = cache::PutSetting(db, kHashKey, *hash); !s) return s;
    return SaveLock(db, Lock{});
}

Result<bool> AdminPinIsSet(cache::Database& db) {
    Result<std::optional<std::string>> stored = cache::GetSetting(db, kHashKey);
    if (!stored) return stored.error();
    return stored->has_value();
}

Result<PinCheck> CheckAdminPin(cache::Database& db, std::string_view pin, TimePoint now) {
    Result<std::optional<std::string>> stored = cache::GetSetting(db, kHashKey);
    if (!stored) return stored.error();
    if (!*stored) return PinCheck::kNotSet;
    Result<Lock> lock = LoadLock(db);
    if (!lock) return lock.error();
    if (now < lock->until) return PinCheck::kLocked;
    if (VerifyPin(pin, **stored)) {
        if (lock->failures != 0 || ToUnixMs(lock->until) != 0) {
            if (Status s = SaveLock(db, Lock{}); !s) return s.error();
        }
        return PinCheck::kOk;
    }
    Lock next{lock->failures + 1, {}};
    if (next.failures >= kPinMaxFailures) next = Lock{0, now + kPinLockout};
    if (Status s = SaveLock(db, next); !s) return s.error();
    return ToUnixMs(next.until) != 0 ? PinCheck::kLocked : PinCheck::kWrong;
}

Result<TimePoint> AdminPinLockedUntil(cache::Database& db, TimePoint now) {
    Result<Lock> lock = LoadLock(db);
    if (!lock) return lock.error();
    return now < lock->until ? lock->until : TimePoint{};
}

Result<bool> MigratePlainPin(cache::Database& db, std::string_view plain_pin) {
    if (plain_pin.empty() || plain_pin == kFactoryAdminPin) return false;
    Result<bool> set = AdminPinIsSet(db);
    if (!set) return set.error();
    if (*set) return false;
    if (Status s = SetAdminPin(db, plain_pin); !s) return s.error();
    return true;
}

}  // namespace ck::kiosk
