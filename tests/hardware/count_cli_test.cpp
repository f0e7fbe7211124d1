// `civic-kiosk count` as operators and scripts run it: output shapes, exit codes, one clear error line,
// and privacy (a full count leaves no file behind).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <array>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "synthetic_video.h"
#include "test_support/test_support.h"

namespace ck::hw {
namespace {

namespace fs = std::filesystem;

struct ProcessRun {
    int exit_code = -1;
    std::string out, err;
};

std::string Slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs civic-kiosk with `args` in `cwd`, HOME and TMPDIR pointing into `cwd` too (so stray files show).
ProcessRun RunKiosk(const std::vector<std::string>& args, const fs::path& cwd, const fs::path& capture_dir) {
    const fs::path out_file = capture_dir / "stdout.txt", err_file = capture_dir / "stderr.txt";
    const std::string binary = ck::test::KioskBinary().string();
    const pid_t pid = fork();
    if (pid == 0) {
        if (chdir(cwd.c_str()) != 0) _exit(127);
        const int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out, 1);
        dup2(err, 2);
        setenv("HOME", cwd.c_str(), 1);
        setenv("TMPDIR", cwd.c_str(), 1);
        std::vector<char*> argv{const_cast<char*>(binary.c_str())};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ProcessRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = Slurp(out_file);
    run.err = Slurp(err_file);
    return run;
}

std::set<std::string> Tree(const fs::path& root) {
    std::set<std::string> entries;
    for (const auto& e : fs::recursive_directory_iterator(root))
        entries.insert(fs::relative(e.path(), root).string());
    return entries;
}

class CountCli : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::exists(ck::test::KioskBinary()))
            GTEST_SKIP() << "civic-kiosk not built: " << ck::test::KioskBinary();
        fs::create_directories(cwd_);
        fs::create_directories(capture_);
        video_ = inputs_.path() / "scene.avi";
        ASSERT_TRUE(test::WriteSceneVideo(video_, Scene(), 120, 15));
    }
    static std::vector<test::Walker> Scene() {
        return {{{20, 150}, {300, 160}, 15, 95, 16, 44, {40, 40, 170}},
                {{300, 175}, {20, 165}, 20, 100, 18, 48, {160, 60, 30}}};
    }
    ProcessRun Count(std::vector<std::string> args) {
        args.insert(args.begin(), "count");
        return RunKiosk(args, cwd_, capture_);
    }
    ck::test::TempDir inputs_, work_;
    fs::path cwd_ = work_ / "cwd", capture_ = work_ / "capture";
    fs::path video_;
};

TEST_F(CountCli, OneLineJson) {
    const auto run =
        Count({"--video", video_.string(), "--line", "160,0,160,240", "--detector", "motion", "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j.size(), 4u) << run.out;
    EXPECT_EQ(j.at("positive"), 1);
    EXPECT_EQ(j.at("negative"), 1);
    EXPECT_EQ(j.at("frames"), 120);
    EXPECT_GT(j.at("fps").get<double>(), 0);
}

TEST_F(CountCli, SeveralLinesInOrderAndATable) {
    // The generated rectangles are no people to the DNN, which is the default with the bundled model.
    const auto run = Count({"--video", video_.string(), "--line", "160,0,160,240", "--line", "160,240,160,0",
                            "--line", "0,20,320,20", "--detector", "motion", "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    ASSERT_EQ(j.at("lines").size(), 3u);
    EXPECT_EQ(j["lines"][0]["line"], "160,0,160,240");
    EXPECT_EQ(j["lines"][0]["positive"], 1);
    EXPECT_EQ(j["lines"][1]["positive"], j["lines"][0]["negative"]);  // reversed line swaps directions
    EXPECT_EQ(j["lines"][1]["negative"], j["lines"][0]["positive"]);
    EXPECT_EQ(j["lines"][2]["positive"], 0);
    EXPECT_EQ(j["lines"][2]["negative"], 0);
    EXPECT_FALSE(j.contains("positive"));
    EXPECT_EQ(j.at("frames"), 120);

    const auto table = Count({"--video", video_.string(), "--line", "160,0,160,240", "--detector", "motion"});
    ASSERT_EQ(table.exit_code, 0);
    EXPECT_NE(table.out.find("positive"), std::string::npos);
    EXPECT_NE(table.out.find("120 frames"), std::string::npos);
}

void ExpectOneClearLine(const ProcessRun& run, int code, const std::string& fragment) {
    EXPECT_EQ(run.exit_code, code) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_NE(run.err.find(fragment), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
}

TEST_F(CountCli, BadVideosExitWithInputError) {
    ExpectOneClearLine(Count({"--video", (inputs_ / "missing.mp4").string(), "--line", "1,1,100,100"}), 3,
                       "not found");
    { std::ofstream(inputs_ / "empty.mp4"); }
    ExpectOneClearLine(Count({"--video", (inputs_ / "empty.mp4").string(), "--line", "1,1,100,100"}), 3,
                       "empty");
    {
        std::ofstream out(inputs_ / "corrupt.mp4", std::ios::binary);
        std::mt19937 rng(5);
        for (int i = 0; i < 300000; ++i) out.put(static_cast<char>(rng() & 0xff));
    }
    ExpectOneClearLine(Count({"--video", (inputs_ / "corrupt.mp4").string(), "--line", "1,1,100,100"}), 3,
                       "not a readable video");
}

TEST_F(CountCli, AbsurdLinesAreUsageErrors) {
    ExpectOneClearLine(Count({"--video", video_.string(), "--line", "0,0,5000,100"}), 2, "outside");
    ExpectOneClearLine(Count({"--video", video_.string(), "--line", "50,50,50,50"}), 2, "2 px");
    ExpectOneClearLine(Count({"--video", video_.string(), "--line", "1,2,3"}), 2, "x1,y1,x2,y2");
    ExpectOneClearLine(Count({"--video", video_.string(), "--line", "-5,0,100,100"}), 2, "outside");
    EXPECT_EQ(Count({"--video", video_.string()}).exit_code, 2);  // --line is required
}

TEST_F(CountCli, UnloadableModelIsAnInputError) {
    { std::ofstream(inputs_ / "m.cfg") << "[net]\nwidth=320\n[nonsense]\n"; }
    { std::ofstream(inputs_ / "m.weights") << "garbage"; }
    ExpectOneClearLine(Count({"--video", video_.string(), "--line", "160,0,160,240", "--model",
                              (inputs_ / "m.cfg").string()}),
                       3, "model");
    ExpectOneClearLine(Count({"--video", video_.string(), "--line", "160,0,160,240", "--model",
                              (inputs_ / "none").string()}),
                       3, "does not exist");
    // Without the bundled model (CK_MODEL_DIR names an empty folder) the DNN needs --model.
    fs::create_directories(inputs_ / "no-model");
    ::setenv("CK_MODEL_DIR", (inputs_ / "no-model").c_str(), 1);
    ExpectOneClearLine(Count({"--video", video_.string(), "--line", "160,0,160,240", "--detector", "dnn"}), 2,
                       "--model");
    ::unsetenv("CK_MODEL_DIR");
}

TEST_F(CountCli, AFullCountLeavesNoFileBehind) {
    // The real clip and the DNN when the shared material is there, else the generated one with motion.
    std::vector<std::string> args{"--video", video_.string(), "--line", "160,0,160,240", "--json"};
    const fs::path clip = ck::test::SharedFile("data/pets2009-s2l1/pets2009-s2l1-view001-480x360.mp4");
    const fs::path model = ck::test::SharedFile("models/yolo-fastest-1.1-body");
    if (fs::exists(clip) && fs::exists(model)) {
        args = {"--video", clip.string(), "--line", "240,0,240,360", "--model", model.string(), "--json"};
    }
    const auto inputs_before = Tree(inputs_.path());
    ASSERT_TRUE(Tree(cwd_).empty());
    const auto run = Count(args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(Tree(cwd_).empty()) << "count created " << *Tree(cwd_).begin();
    EXPECT_EQ(Tree(inputs_.path()), inputs_before);
}

}  // namespace
}  // namespace ck::hw
