// espeak-ng turned into PCM: one voice per UI language, a rate and a volume, samples handed over in chunks as
// they are made. espeak-ng keeps its state in the process, so only one Synthesizer may exist at a time and it
// must be used from one thread (the Speaker's).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ck::speech {

// The rate espeak-ng synthesises at (every voice of espeak-ng 1.51): audio devices are opened for it before
// the engine has started on its thread.
inline constexpr int kSampleRate = 22050;

// What a visitor can change during a session; a reset brings back these defaults.
struct Settings {
    static constexpr int kDefaultRate = 160;  // words per minute: a little slower than espeak's 175
    static constexpr int kMinRate = 100;
    static constexpr int kMaxRate = 280;
    static constexpr int kRateStep = 30;
    static constexpr int kDefaultVolume = 100;  // espeak's scale, 0..200
    // Never silent (speech has its own off switch) and never so loud that espeak-ng's output clips.
    static constexpr int kMinVolume = 40;
    static constexpr int kMaxVolume = 160;
    static constexpr int kVolumeStep = 20;
    int rate_wpm = kDefaultRate;
    int volume = kDefaultVolume;
};
Settings Slower(Settings s);
Settings Faster(Settings s);
Settings Quieter(Settings s);
Settings Louder(Settings s);

// The espeak-ng voice for a UI language tag ("de", "ar", "uk-UA"), or empty when the kiosk has none for it.
std::string VoiceFor(std::string_view ui_language);

struct Pcm {
    int sample_rate = 0;
    std::vector<std::int16_t> samples;  // mono
    double seconds() const {
        return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
    }
};

// A RIFF/WAVE file (16-bit mono) of the samples.
std::string EncodeWav(const Pcm& pcm);

class Synthesizer {
  public:
    // Loads espeak-ng's data (from its default place unless data_dir is given; the engine then stays loaded
    // until the process ends, see synthesizer.cpp). Error "speech.busy" when another
    // Synthesizer is alive, "speech.init" when espeak-ng cannot start.
    static Result<std::unique_ptr<Synthesizer>> Open(const std::string& data_dir = "");
    ~Synthesizer();
    Synthesizer(const Synthesizer&) = delete;
    Synthesizer& operator=(const Synthesizer&) = delete;

    int sample_rate() const { return sample_rate_; }
    // Whether espeak-ng has the voice (its data may be incomplete on a stripped-down system).
    bool HasVoice(std::string_view voice) const;

    // Receives each chunk as it is made; returning false stops the synthesis (an interrupt).
    using ChunkFn = std::function<bool(std::span<const std::int16_t>)>;
    // Speaks UTF-8 text with the voice; error "speech.voice" for a voice espeak-ng does not have.
    Status Speak(std::string_view text, const std::string& voice, const Settings& settings,
                 const ChunkFn& chunk);
    // The same, collected into one buffer (tests, benchmarks, WAV files).
    Result<Pcm> Synthesize(std::string_view text, const std::string& voice, const Settings& settings);

  private:
    explicit Synthesizer(int sample_rate) : sample_rate_(sample_rate) {}
    int sample_rate_ = 0;
    std::string voice_;  // the voice espeak-ng has loaded
};

}  // namespace ck::speech
