// The admin PIN in the store: PBKDF2 hashes that verify only the right PIN, a lockout after five wrong PINs
// that survives a restart (a reopened store), and the one-time migration of a plain PIN from the
// configuration.
#include <gtest/gtest.h>

#include "app/admin_pin.h"
#include "app/config.h"
#include "offline_cache/content_cache.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

const TimePoint kNow = FromUnixMs(1795792500000);

TEST(AdminPin, HashesVerifyOnlyTheRightPin) {
    const std::string stored = HashPin("2468", 1000).value();
    EXPECT_EQ(stored.rfind("pbkdf2-sha256$1000$", 0), 0u) << stored;
    EXPECT_EQ(stored.find("2468"), std::string::npos);
    EXPECT_TRUE(VerifyPin("2468", stored));
    EXPECT_FALSE(VerifyPin("2469", stored));
    EXPECT_FALSE(VerifyPin("", stored));
    // A fresh salt each time: the same PIN never gives the same stored value.
    EXPECT_NE(HashPin("2468", 1000).value(), stored);
    EXPECT_EQ(HashPin("2468").value().rfind("pbkdf2-sha256$200000$", 0), 0u);
    for (const char* broken : {"", "2468", "pbkdf2-sha256$", "pbkdf2-sha256$x$00$00",
                               "pbkdf2-sha256$1000$zz$00", "md5$1000$00$00", "pbkdf2-sha256$0$0011$0011"}) {
        EXPECT_FALSE(VerifyPin("2468", broken)) << broken;
    }
    EXPECT_TRUE(ValidatePinFormat("1234").ok());
    EXPECT_TRUE(ValidatePinFormat("123456789012").ok());
    for (const char* bad : {"", "123", "1234567890123", "12a4", "12 34", "١٢٣٤"})
        EXPECT_EQ(ValidatePinFormat(bad).error().code, "admin.pin_format") << bad;
}

TEST(AdminPin, FiveWrongPinsLockThePadForFiveMinutesAcrossRestarts) {
    ck::test::TempDir dir;
    const std::string path = (dir / "kiosk.db").string();
    {
        auto db = cache::Database::Open(path);
        ASSERT_TRUE(db.ok());
        EXPECT_EQ(CheckAdminPin(*db, "2468", kNow).value(), PinCheck::kNotSet);
        ASSERT_TRUE(SetAdminPin(*db, "2468").ok());
        // The stored value is the hash, never the PIN.
        const auto stored = cache::GetSetting(*db, "admin.pin").value();
        ASSERT_TRUE(stored.has_value());
        EXPECT_EQ(stored->find("2468"), std::string::npos);
        EXPECT_EQ(CheckAdminPin(*db, "2468", kNow).value(), PinCheck::kOk);
        for (int i = 0; i < 4; ++i)
            EXPECT_EQ(CheckAdminPin(*db, "1111", kNow).value(), PinCheck::kWrong) << i;
        EXPECT_EQ(CheckAdminPin(*db, "1111", kNow).value(), PinCheck::kLocked);
    }
    auto db = cache::Database::Open(path);  // a restart
    ASSERT_TRUE(db.ok());
    // Locked: even the right PIN is refused until the five minutes are over.
    EXPECT_EQ(CheckAdminPin(*db, "2468", kNow + std::chrono::minutes(4)).value(), PinCheck::kLocked);
    EXPECT_EQ(AdminPinLockedUntil(*db, kNow).value(), kNow + kPinLockout);
    EXPECT_EQ(CheckAdminPin(*db, "2468", kNow + std::chrono::minutes(5)).value(), PinCheck::kOk);
    EXPECT_EQ(ToUnixMs(AdminPinLockedUntil(*db, kNow + std::chrono::minutes(5)).value()), 0);
    // A success clears the count: four more wrong ones do not lock yet.
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(CheckAdminPin(*db, "0000", kNow + std::chrono::minutes(6)).value(), PinCheck::kWrong);
    EXPECT_EQ(SetAdminPin(*db, "12").error().code, "admin.pin_format");
}

TEST(AdminPin, APlainConfiguredPinIsMigratedOnce) {
    ck::test::TempDir dir;
    auto db = cache::Database::Open((dir / "kiosk.db").string());
    ASSERT_TRUE(db.ok());
    EXPECT_FALSE(MigratePlainPin(*db, kFactoryAdminPin).value());  // the factory PIN is never a PIN
    EXPECT_FALSE(AdminPinIsSet(*db).value());
    EXPECT_TRUE(MigratePlainPin(*db, "97531").value());
    EXPECT_EQ(CheckAdminPin(*db, "97531", kNow).value(), PinCheck::kOk);
    // Once: a stored PIN (e.g. set later with admin set-pin) is never overwritten by the file's.
    ASSERT_TRUE(SetAdminPin(*db, "2468").ok());
    EXPECT_FALSE(MigratePlainPin(*db, "97531").value());
    EXPECT_EQ(CheckAdminPin(*db, "2468", kNow).value(), PinCheck::kOk);
}

}  // namespace
}  // namespace ck::kiosk
