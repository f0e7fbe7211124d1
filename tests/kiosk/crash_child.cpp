// Crashes on purpose after installing the kiosk's crash handler: argv[1] is the report folder, argv[2] what
// to do ("segv" writes through a null pointer, "abort" calls abort()).
#include <cstdlib>
#include <cstring>

#include "app/crash_handler.h"

int main(int argc, char** argv) {
    if (argc < 3) return 2;
    ck::kiosk::InstallCrashHandler(argv[1], "9.9.9-test");
    if (std::strcmp(argv[2], "abort") == 0) std::abort();
    volatile int* nowhere = nullptr;
    *nowhere = 1;  // NOLINT: the point of this program
    return 0;
}
