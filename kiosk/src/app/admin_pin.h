// The admin PIN: stored only as PBKDF2-HMAC-SHA256 (random 16-byte salt, 200,000 iterations) in the store's
// settings, compared in constant time, and locked for 5 minutes after 5 wrong entries, persisted across
// restarts. A plain `kiosk.admin_pin` from an older configuration is migrated into the store once.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::kiosk {

inline constexpr int kPinIterations = 200'000;
inline constexpr int kPinMaxFailures = 5;
inline constexpr std::chrono::minutes kPinLockout{5};

// 4 to 12 digits ("admin.pin_format" otherwise).
Status ValidatePinFormat(std::string_view pin);
// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>".
Result<std::string> HashPin(std::string_view pin, int iterations = kPinIterations);
// Whether `pin` matches a stored HashPin value; a malformed stored value matches nothing.
bool VerifyPin(std::string_view pin, std::string_view stored);

Status SetAdminPin(cache::Database& db, std::string_view pin);
Result<bool> AdminPinIsSet(cache::Database& db);

enum class PinCheck { kOk, kWrong, kLocked, kNotSet };
// Checks an entered PIN: counts failures in the store, locks after kPinMaxFailures for kPinLockout (a locked
// pad answers kLocked without looking at the PIN), and clears the count on success.
Result<PinCheck> CheckAdminPin(cache::Database& db, std::string_view pin, TimePoint now);
// When the pad opens again (kLocked: until then), or epoch when it is open.
Result<TimePoint> AdminPinLockedUntil(cache::Database& db, TimePoint now);

// A plain PIN from the configuration (not the factory one) is hashed into the store if none is stored yet.
// Returns true when it did; the caller warns, naming the file, that the plain PIN should be removed.
Result<bool> MigratePlainPin(cache::Database& db, std::string_view plain_pin);

}  // namespace ck::kiosk
