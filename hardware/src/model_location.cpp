#include <cstdlib>
#include <filesystem>
#include <string>

#include "hardware/detector.h"

namespace ck::hw {
namespace {

namespace fs = std::filesystem;

bool HoldsModel(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return false;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".cfg") return true;
    }
    return false;
}

}  // namespace

std::string BundledModelDir() {
    const char* env = std::getenv("CK_MODEL_DIR");
    if (env && *env) return HoldsModel(env) ? std::string(env) : std::string();
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed =
            exe.parent_path().parent_path() / "share" / "civic-kiosk" / "models" / "yolo-fastest-1.1-body";
        if (HoldsModel(installed)) return installed.string();
    }
    return HoldsModel(CK_SOURCE_MODEL_DIR) ? std::string(CK_SOURCE_MODEL_DIR) : std::string();
}

}  // namespace ck::hw
