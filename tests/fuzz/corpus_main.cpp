// The normal (GCC) build links each fuzz target with this main instead of libFuzzer: it runs every file of
// the committed seed corpus (and any crash input added there after a fix) through the target, so the suite
// keeps the targets compiling and every past finding fixed.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        if (fs::is_directory(arg)) {
            for (const auto& entry : fs::directory_iterator(arg))
                if (entry.is_regular_file()) files.push_back(entry.path());
        } else if (fs::is_regular_file(arg)) {
            files.push_back(arg);
        } else {
            std::cerr << "corpus runner: " << arg << " is neither a file nor a folder\n";
            return 2;
        }
    }
    if (files.empty()) {
        std::cerr << "corpus runner: no inputs (give the corpus folder)\n";
        return 2;
    }
    for (const fs::path& f : files) {
        std::ifstream in(f, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::cout << "corpus runner: " << files.size() << " inputs, no finding\n";
    return 0;
}
