// The kiosk's voice: a thread of its own that turns queued utterances into audio, so that no frame ever waits
// for speech. The UI thread only queues, interrupts and changes settings (each a short lock).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>

#include "core/result.h"
#include "speech/synthesizer.h"

namespace ck::speech {

struct Utterance {
    std::string lang;  // UI language tag: picks the voice
    std::string text;
};

// Where the samples go (the kiosk's is SDL audio, kiosk/src/platform/sdl_audio.h).
class AudioSink {
  public:
    virtual ~AudioSink() = default;
    // On the speech thread: the next mono 16-bit samples, in order, as soon as they are made.
    virtual void Play(std::span<const std::int16_t> samples, int sample_rate) = 0;
    // From any thread: drop whatever was handed over but has not been heard yet.
    virtual void Stop() = 0;
};

struct SpeakerOptions {
    std::unique_ptr<AudioSink> sink;  // null: nothing is played, the log still records
    std::string log_path;             // one JSON line {"lang":..,"text":..} per utterance (the test seam)
    std::string data_dir;             // espeak-ng data; empty = its default place
};

class Speaker {
  public:
    // Starts the thread (espeak-ng loads there, not on the caller's). Error "speech.log" when the log file
    // cannot be created.
    static Result<std::unique_ptr<Speaker>> Start(SpeakerOptions options);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Queued behind what is being said, with the settings of this moment. Written to the log at once.
    // remember: "repeat" says it again (an element named while exploring is not remembered).
    void Say(Utterance utterance, bool remember = true);
    // Stops the current utterance within one audio chunk and forgets the queue.
    void Interrupt();
    // Interrupts and says the last remembered utterance again; false when there is none.
    bool Repeat();
    // Forgets the last utterance and brings back the default settings (a new visitor).
    void Reset();
    void SetSettings(const Settings& settings);
    Settings settings() const;

    // Tests and benchmarks: waits until nothing is queued or being synthesized.
    bool WaitIdle(std::chrono::milliseconds timeout);
    // Whether espeak-ng started on the thread (nullopt while it is still starting).
    std::optional<bool> engine_ok() const;

  private:
    explicit Speaker(SpeakerOptions options);
    struct Job {
        Utterance utterance;
        Settings settings;
        std::uint64_t generation = 0;
    };
    void Run();
    void Log(const Utterance& u);

    SpeakerOptions options_;
    std::ofstream log_;
    mutable std::mutex mu_;  // queue, settings, last, state flags
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::deque<Job> queue_;
    Settings settings_;
    std::optional<Utterance> last_;
    bool busy_ = false;
    bool stop_ = false;
    std::optional<bool> engine_ok_;
    std::mutex play_mu_;  // a chunk is handed to the sink only if no interrupt came since its utterance began
    std::uint64_t generation_ = 0;  // guarded by play_mu_
    std::thread thread_;
};

// A code read one character at a time: "H7K-2QM" -> "H, 7, K, 2, Q, M" (separators are not spoken).
std::string SpellOut(std::string_view code);

}  // namespace ck::speech
