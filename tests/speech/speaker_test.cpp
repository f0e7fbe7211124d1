// The speech thread with a recording sink: what is said reaches the sink as audio, the log records every
// utterance, an interrupt stops the audio and the queue, repeat says the last one again, reset forgets.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <mutex>
#include <vector>

#include "speech/speaker.h"
#include "test_support/test_support.h"

namespace ck::speech {
namespace {

using namespace std::chrono_literals;

// Counts what it was given; shared with the test through a pointer the Speaker does not own.
struct Recording {
    std::mutex mu;
    std::size_t samples = 0;
    int stops = 0;
    int sample_rate = 0;
};

class RecordingSink : public AudioSink {
  public:
    explicit RecordingSink(Recording* r) : r_(r) {}
    void Play(std::span<const std::int16_t> samples, int sample_rate) override {
        std::lock_guard lock(r_->mu);
        r_->samples += samples.size();
        r_->sample_rate = sample_rate;
    }
    void Stop() override {
        std::lock_guard lock(r_->mu);
        ++r_->stops;
    }

  private:
    Recording* r_;
};

std::vector<nlohmann::json> ReadLog(const std::filesystem::path& path) {
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
}

std::unique_ptr<Speaker> StartSpeaker(Recording* rec, const std::filesystem::path& log) {
    SpeakerOptions o;
    o.sink = std::make_unique<RecordingSink>(rec);
    o.log_path = log.string();
    auto s = Speaker::Start(std::move(o));
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? std::move(*s) : nullptr;
}

TEST(Speaker, SaysQueuedUtterancesAsAudioAndLogsEachOne) {
    test::TempDir dir;
    Recording rec;
    auto speaker = StartSpeaker(&rec, dir / "speech.jsonl");
    ASSERT_TRUE(speaker);
    speaker->Say({"de", "Dienstleistungen, Schaltfläche"});
    speaker->Say({"ar", "الخدمات"});
    ASSERT_TRUE(speaker->WaitIdle(30s));
    ASSERT_EQ(speaker->engine_ok(), std::optional<bool>(true));
    {
        std::lock_guard lock(rec.mu);
        EXPECT_GT(rec.sample_rate, 8000);
        // Two utterances are more than a second of audio.
        EXPECT_GT(rec.samples, static_cast<std::size_t>(rec.sample_rate));
    }
    const auto log = ReadLog(dir / "speech.jsonl");
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0], (nlohmann::json{{"lang", "de"}, {"text", "Dienstleistungen, Schaltfläche"}}));
    EXPECT_EQ(log[1], (nlohmann::json{{"lang", "ar"}, {"text", "الخدمات"}}));
}

TEST(Speaker, InterruptStopsTheAudioAndForgetsTheQueue) {
    test::TempDir dir;
    Recording rec;
    auto speaker = StartSpeaker(&rec, dir / "speech.jsonl");
    ASSERT_TRUE(speaker);
    std::string long_text;  // minutes of speech: far longer than the test waits
    for (int i = 0; i < 300; ++i) long_text += "Das ist ein Satz. ";
    speaker->Say({"de", long_text});
    speaker->Say({"de", "Dieser Satz wird nie gesprochen."});
    // Wait until the first audio arrived, then interrupt: the thread must be idle soon after.
    for (int i = 0; i < 3000; ++i) {
        {
            std::lock_guard lock(rec.mu);
            if (rec.samples > 0) break;
        }
        std::this_thread::sleep_for(10ms);
    }
    speaker->Interrupt();
    ASSERT_TRUE(speaker->WaitIdle(10s));
    std::size_t after_interrupt = 0;
    {
        std::lock_guard lock(rec.mu);
        EXPECT_GE(rec.stops, 1);
        after_interrupt = rec.samples;
    }
    // Nothing more arrives: the queued sentence was forgotten.
    speaker->Say({"de", "Ende."});
    ASSERT_TRUE(speaker->WaitIdle(30s));
    std::lock_guard lock(rec.mu);
    // The long text was cut: far less than its minutes reached the sink.
    EXPECT_LT(after_interrupt, static_cast<std::size_t>(rec.sample_rate * 60));
    // "Ende." alone is well under two seconds: the queued sentence was not said.
    EXPECT_LT(rec.samples - after_interrupt, static_cast<std::size_t>(rec.sample_rate * 2));
}

TEST(Speaker, RepeatSaysTheLastRememberedUtteranceAndResetForgetsIt) {
    test::TempDir dir;
    Recording rec;
    auto speaker = StartSpeaker(&rec, dir / "speech.jsonl");
    ASSERT_TRUE(speaker);
    speaker->Say({"de", "Ihre Idee wurde gespeichert."});
    speaker->Say({"de", "Wiederholen, Schaltfläche"}, /*remember=*/false);
    EXPECT_TRUE(speaker->Repeat());
    speaker->SetSettings(Louder(Slower(Settings{})));
    EXPECT_EQ(speaker->settings().rate_wpm, Settings::kDefaultRate - Settings::kRateStep);
    EXPECT_EQ(speaker->settings().volume, Settings::kDefaultVolume + Settings::kVolumeStep);
    speaker->Reset();
    EXPECT_EQ(speaker->settings().rate_wpm, Settings::kDefaultRate);
    EXPECT_EQ(speaker->settings().volume, Settings::kDefaultVolume);
    EXPECT_FALSE(speaker->Repeat());
    ASSERT_TRUE(speaker->WaitIdle(30s));
    const auto log = ReadLog(dir / "speech.jsonl");
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[2]["text"], "Ihre Idee wurde gespeichert.");
}

TEST(Speaker, UnwritableLogIsAnError) {
    SpeakerOptions o;
    o.log_path = "/nonexistent-dir/speech.jsonl";
    auto s = Speaker::Start(std::move(o));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, "speech.log");
}

TEST(SpellOut, ReadsACodeCharacterByCharacter) {
    EXPECT_EQ(SpellOut("H7K-2QM"), "H, 7, K, 2, Q, M");
    EXPECT_EQ(SpellOut(""), "");
    EXPECT_EQ(SpellOut("A"), "A");
}

}  // namespace
}  // namespace ck::speech
