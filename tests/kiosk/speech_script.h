// Replay scripts for explore by touch and reading what the kiosk said (the --speech-log JSON lines). Shared
// by the journeys through the real binary (speech_replay_test.cpp) and the in-process ones
// (speech_session_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support/test_support.h"

namespace ck::test {

// A catalogue text as the kiosk shows it.
inline std::string Text(const std::string& lang, const std::string& key) {
    std::ifstream in(SourceDir() / "locales" / "catalogues" / (lang + ".json"));
    return nlohmann::json::parse(in).at(key).get<std::string>();
}

inline std::string Step(const char* kind, const std::string& value) {
    return nlohmann::json{{kind, value}}.dump();
}

// One finger, 3.2 s, on the attract screen: speech and explore by touch on.
inline constexpr char kHoldToSpeak[] = R"({"drag":[700,700,700,700,3200]})";

class SpeechScript {
  public:
    // Explore by touch: the first tap names the element, a pause, then a double tap performs it.
    void Name(const std::string& label) {
        steps_.push_back(Step("tap_text", label));
        steps_.push_back(R"({"wait_ms":1000})");
    }
    void Perform(const std::string& label) {
        Name(label);
        steps_.push_back(Step("tap_text", label));
        steps_.push_back(Step("tap_text", label));
    }
    // Types with the on-screen keys: a double tap on each (its first tap names it).
    void TypeKeys(const std::vector<std::string>& keys) {
        for (const auto& k : keys) {
            steps_.push_back(Step("tap_text", k));
            steps_.push_back(Step("tap_text", k));
        }
    }
    void Add(const std::string& step) { steps_.push_back(step); }
    // Writes the script and starts a new one.
    void WriteTo(const std::filesystem::path& path) {
        std::ofstream out(path);
        for (const auto& s : steps_) out << s << "\n";
        steps_.clear();
    }

  private:
    std::vector<std::string> steps_;
};

struct Utterance {
    std::string lang, text;
};

inline std::vector<Utterance> ReadSpeechLog(const std::filesystem::path& path) {
    std::vector<Utterance> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line);
        EXPECT_EQ(j.size(), 2u) << line;  // exactly {"lang":..,"text":..}
        out.push_back({j.at("lang").get<std::string>(), j.at("text").get<std::string>()});
    }
    return out;
}

// Index of the first utterance at or after `from` equal to text (in lang), or -1.
inline int FindUtterance(const std::vector<Utterance>& spoken, const std::string& lang,
                         const std::string& text, int from = 0) {
    for (int i = std::max(0, from); i < static_cast<int>(spoken.size()); ++i)
        if (spoken[i].lang == lang && spoken[i].text == text) return i;
    return -1;
}

inline std::string DumpSpeech(const std::vector<Utterance>& spoken) {
    std::string out;
    for (const auto& u : spoken) out += "  [" + u.lang + "] " + u.text + "\n";
    return out;
}

}  // namespace ck::test
