// The bundled person detector: found without configuration, and a missing one is said clearly.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "hardware/detector.h"
#include "test_support/test_support.h"

namespace ck::hw {
namespace {

TEST(BundledModel, FoundAndLoadedWithoutAnyPath) {
    ::unsetenv("CK_MODEL_DIR");
    const std::string dir = BundledModelDir();
    ASSERT_FALSE(dir.empty());
    EXPECT_TRUE(
        std::filesystem::is_regular_file(std::filesystem::path(dir) / "yolo-fastest-1.1_body.weights"));
    auto dnn = MakeDnnDetector(DnnParams{});
    ASSERT_TRUE(dnn.ok()) << dnn.error().message;
    EXPECT_EQ(dnn.value()->Name(), "dnn");
    // The default detector is the DNN, and with the bundled model nothing falls back.
    auto choice = MakeDetector(DetectorConfig{}, /*allow_fallback=*/true);
    ASSERT_TRUE(choice.ok());
    EXPECT_EQ(choice->detector->Name(), "dnn");
    EXPECT_TRUE(choice->fallback_reason.empty());
}

TEST(BundledModel, WithoutOneTheCounterFallsBackAndSaysWhy) {
    ck::test::TempDir empty;
    ::setenv("CK_MODEL_DIR", empty.path().c_str(), 1);
    EXPECT_EQ(BundledModelDir(), "");
    auto choice = MakeDetector(DetectorConfig{}, /*allow_fallback=*/true);
    ::unsetenv("CK_MODEL_DIR");
    ASSERT_TRUE(choice.ok());
    EXPECT_EQ(choice->detector->Name(), "motion");
    EXPECT_NE(choice->fallback_reason.find("no bundled model"), std::string::npos) << choice->fallback_reason;
}

}  // namespace
}  // namespace ck::hw
