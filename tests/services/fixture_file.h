// Reads a whole fixture file (the PVOG catalogue CSV or a description) as the tests use it.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ck::svc::fixtures {

inline std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace ck::svc::fixtures
