#include "child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "test_support/test_support.h"

extern char** environ;

namespace ck::test {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

ChildResult RunChild(const std::string& binary, const std::vector<std::string>& args,
                     std::chrono::milliseconds timeout, std::chrono::milliseconds terminate_after) {
    const auto start = std::chrono::steady_clock::now();
    std::function<bool()> when;
    if (terminate_after.count() > 0)
        when = [=] { return std::chrono::steady_clock::now() - start > terminate_after; };
    return RunChildUntil(binary, args, when, timeout, SIGTERM);
}

ChildResult RunChildUntil(const std::string& binary, const std::vector<std::string>& args,
                          const std::function<bool()>& terminate_when, std::chrono::milliseconds timeout,
                          int signal) {
    ChildResult result;
    TempDir io;  // output goes to files: no pipe can fill up and block the child
    const std::string out_path = (io / "stdout").string();
    const std::string err_path = (io / "stderr").string();

    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        if (std::string_view(*e).rfind("SDL_VIDEODRIVER=", 0) == 0) continue;
        env_strings.emplace_back(*e);
    }
    env_strings.emplace_back("SDL_VIDEODRIVER=offscreen");
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);

    std::vector<std::string> argv_strings{binary};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        result.err = "cannot start " + binary + ": " + std::strerror(rc);
        return result;
    }
    int status = 0;
    bool terminated = false;
    for (;;) {
        const pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) break;
        if (terminate_when && !terminated && terminate_when()) {
            kill(pid, signal);
            terminated = true;
        }
        if (std::chrono::steady_clock::now() - start > timeout) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            result.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result.timed_out && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    result.out = ReadAll(out_path);
    result.err = ReadAll(err_path);
    return result;
}

}  // namespace ck::test
