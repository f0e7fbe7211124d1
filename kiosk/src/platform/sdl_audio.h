// The platform's audio seam for speech: SDL's audio device behind speech::AudioSink. The speech thread queues
// samples (SDL_QueueAudio copies them under the device lock), an interrupt clears what is not yet heard.
// Headless runs use SDL's dummy driver unless SDL_AUDIODRIVER says otherwise: nobody listens to a replay,
// and it must not depend on the machine having a sound card.
#pragma once

#include <SDL.h>

#include <atomic>
#include <memory>

#include "core/result.h"
#include "speech/speaker.h"

namespace ck::kiosk {

class SdlAudioSink : public speech::AudioSink {
  public:
    // Opens the default output for 16-bit mono at sample_rate (SDL converts if the device wants another).
    static Result<std::unique_ptr<SdlAudioSink>> Open(int sample_rate, bool headless);
    ~SdlAudioSink() override;
    SdlAudioSink(const SdlAudioSink&) = delete;
    SdlAudioSink& operator=(const SdlAudioSink&) = delete;

    void Play(std::span<const std::int16_t> samples, int sample_rate) override;
    void Stop() override;

  private:
    SdlAudioSink(SDL_AudioDeviceID device, int sample_rate) : device_(device), sample_rate_(sample_rate) {}
    SDL_AudioDeviceID device_ = 0;
    int sample_rate_ = 0;
    std::atomic<bool> warned_rate_{false};
};

}  // namespace ck::kiosk
