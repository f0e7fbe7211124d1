// A property a fuzz target checks: abort() is what libFuzzer reports as a finding (and the corpus runner as a
// failed test), also in builds where assert() is off.
#pragma once

#include <cstdlib>

namespace ck::fuzz {

inline void Check(bool condition) {
    if (!condition) std::abort();
}

}  // namespace ck::fuzz
