// Writing small catalogue folders for the locales tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace ck::test {

inline void WriteFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    ASSERT_TRUE(out.good()) << path;
}

// languages.json with de (root), en and ar; the usual shape of the real one.
inline const char* kThreeLanguages = R"({"languages": [
  {"tag": "de", "native_name": "Deutsch", "english_name": "German", "direction": "ltr"},
  {"tag": "en", "native_name": "English", "english_name": "English", "direction": "ltr", "fallback": "de"},
  {"tag": "ar", "native_name": "العربية", "english_name": "Arabic", "direction": "rtl", "fallback": "de"}
]})";

}  // namespace ck::test
