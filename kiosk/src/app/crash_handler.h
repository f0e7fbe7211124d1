// A fatal signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) writes a crash report into the log folder and
// then dies of the same signal, so systemd sees the crash and restarts the kiosk. The report holds the
// signal, the version, the time and a backtrace; it is written with async-signal-safe calls only (open,
// write, backtrace_symbols_fd), so it never holds a lock the crashed thread might own. It holds no screen
// content and no personal data: addresses and symbol names only.
#pragma once

#include <string>

namespace ck::kiosk {

// Installs the handlers for the whole process (once; later calls change the folder). The folder must exist;
// an empty one disables the reports (the signal still kills the process as before).
void InstallCrashHandler(const std::string& log_dir, const std::string& version);

}  // namespace ck::kiosk
