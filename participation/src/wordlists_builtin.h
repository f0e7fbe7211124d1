// The word lists compiled into the binary (generated from participation/wordlists/*.txt).
#pragma once

#include <cstddef>

namespace ck::part {

struct BuiltInWordListFile {
    const char* name;
    const char* text;
};
extern const BuiltInWordListFile kBuiltInWordListFiles[];
extern const std::size_t kBuiltInWordListFileCount;

}  // namespace ck::part
