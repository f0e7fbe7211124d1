#include "platform/sdl_audio.h"

#include <spdlog/spdlog.h>

#include <cstdlib>

namespace ck::kiosk {

Result<std::unique_ptr<SdlAudioSink>> SdlAudioSink::Open(int sample_rate, bool headless) {
    if (headless) setenv("SDL_AUDIODRIVER", "dummy", 0);  // an operator's explicit choice still wins
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        return MakeError("platform.audio", std::string("SDL audio could not start: ") + SDL_GetError());
    SDL_AudioSpec want{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;      // about 46 ms at 22050 Hz: short enough that an interrupt is heard at once
    want.callback = nullptr;  // queued, not pulled: the speech thread pushes as espeak-ng synthesises
    const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (device == 0) {
        const std::string why = SDL_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return MakeError("platform.audio", "no audio output: " + why);
    }
    SDL_PauseAudioDevice(device, 0);
    return std::unique_ptr<SdlAudioSink>(new SdlAudioSink(device, sample_rate));
}

SdlAudioSink::~SdlAudioSink() {
    SDL_CloseAudioDevice(device_);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudioSink::Play(std::span<const std::int16_t> samples, int sample_rate) {
    if (sample_rate != sample_rate_) {
        if (!warned_rate_.exchange(true))
            spdlog::error("speech: samples at {} Hz for an audio device opened at {} Hz are dropped",
                          sample_rate, sample_rate_);
        return;
    }
    if (SDL_QueueAudio(device_, samples.data(), static_cast<Uint32>(samples.size_bytes())) != 0)
        spdlog::warn("speech: audio queue: {}", SDL_GetError());
}

void SdlAudioSink::Stop() {
    SDL_ClearQueuedAudio(device_);
}

}  // namespace ck::kiosk
