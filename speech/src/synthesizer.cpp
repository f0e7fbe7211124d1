#include "speech/synthesizer.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <atomic>
#include <cstring>

namespace ck::speech {
namespace {

// espeak-ng is one engine per process (its state is global): this flag refuses a second Synthesizer instead
// of letting two of them reconfigure each other's voice mid-sentence.
std::atomic<bool> g_engine_in_use{false};
// espeak-ng is initialised once and kept until the process ends: in 1.51 espeak_Terminate hangs in its fifo
// thread after a second espeak_Initialize, so a Synthesizer opened again reuses the engine. Guarded by
// g_engine_in_use.
int g_engine_sample_rate = 0;

struct SynthCall {
    const Synthesizer::ChunkFn* chunk = nullptr;
    bool stopped = false;
};

int OnSamples(short* wav, int count, espeak_EVENT* events) {
    auto* call = static_cast<SynthCall*>(events ? events->user_data : nullptr);
    if (!call || call->stopped) return 1;
    if (wav && count > 0 &&
        !(*call->chunk)(std::span<const std::int16_t>(reinterpret_cast<const std::int16_t*>(wav),
                                                      static_cast<std::size_t>(count)))) {
        call->stopped = true;
        return 1;  // abort the rest of the text
    }
    return 0;
}

// One code point of UTF-8 (a lead byte and its continuation bytes).
bool IsOneCharacter(std::string_view text) {
    const auto leads = std::count_if(text.begin(), text.end(),
                                     [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return leads == 1;
}

void PutLe(std::string& out, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// One step of a setting, kept within its bounds.
Settings Stepped(Settings s, int Settings::*field, int step, int lo, int hi) {
    s.*field = std::clamp(s.*field + step, lo, hi);
    return s;
}

}  // namespace

Settings Slower(Settings s) {
    return Stepped(s, &Settings::rate_wpm, -Settings::kRateStep, Settings::kMinRate, Settings::kMaxRate);
}

Settings Faster(Settings s) {
    return Stepped(s, &Settings::rate_wpm, Settings::kRateStep, Settings::kMinRate, Settings::kMaxRate);
}

Settings Quieter(Settings s) {
    return Stepped(s, &Settings::volume, -Settings::kVolumeStep, Settings::kMinVolume, Settings::kMaxVolume);
}

Settings Louder(Settings s) {
    return Stepped(s, &Settings::volume, Settings::kVolumeStep, Settings::kMinVolume, Settings::kMaxVolume);
}

std::string VoiceFor(std::string_view ui_language) {
    const std::string_view primary = ui_language.substr(0, ui_language.find_first_of("-_"));
    for (const char* v : {"de", "en", "tr", "ar", "uk", "ru", "pl"})
        if (primary == v) return v;
    return "";
}

std::string EncodeWav(const Pcm& pcm) {
    const auto data_bytes = static_cast<std::uint32_t>(pcm.samples.size() * 2);
    std::string out;
    out.reserve(44 + data_bytes);
    out += "RIFF";
    PutLe(out, 36 + data_bytes, 4);
    out += "WAVEfmt ";
    PutLe(out, 16, 4);  // PCM header size
    PutLe(out, 1, 2);   // PCM
    PutLe(out, 1, 2);   // mono
    PutLe(out, static_cast<std::uint32_t>(pcm.sample_rate), 4);
    PutLe(out, static_cast<std::uint32_t>(pcm.sample_rate) * 2, 4);  // bytes per second
    PutLe(out, 2, 2);                                                // block align
    PutLe(out, 16, 2);                                               // bits per sample
    out += "data";
    PutLe(out, data_bytes, 4);
    for (const std::int16_t s : pcm.samples) PutLe(out, static_cast<std::uint16_t>(s), 2);
    return out;
}

Result<std::unique_ptr<Synthesizer>> Synthesizer::Open(const std::string& data_dir) {
    bool expected = false;
    if (!g_engine_in_use.compare_exchange_strong(expected, true))
        return MakeError("speech.busy", "another speech synthesizer is already open in this process");
    // Synchronous: the samples come back through the callback on the calling thread, nothing plays by itself.
    // 60 ms chunks: the first sound reaches the audio device early, interrupts act within a chunk.
    if (g_engine_sample_rate <= 0) {
        g_engine_sample_rate =
            espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 60, data_dir.empty() ? nullptr : data_dir.c_str(),
                              espeakINITIALIZE_DONT_EXIT);
    }
    if (g_engine_sample_rate <= 0) {
        g_engine_in_use = false;
        return MakeError("speech.init", "espeak-ng could not start (its data is missing or unreadable)");
    }
    espeak_SetSynthCallback(&OnSamples);
    return std::unique_ptr<Synthesizer>(new Synthesizer(g_engine_sample_rate));
}

Synthesizer::~Synthesizer() {
    g_engine_in_use = false;
}

bool Synthesizer::HasVoice(std::string_view voice) const {
    const espeak_VOICE** voices = espeak_ListVoices(nullptr);
    for (; voices && *voices; ++voices) {
        // `languages` is a list of (priority byte, NUL-terminated name), ended by a zero priority.
        for (const char* p = (*voices)->languages; p && *p; p += std::strlen(p + 1) + 2)
            if (voice == std::string_view(p + 1)) return true;
    }
    return false;
}

Status Synthesizer::Speak(std::string_view text, const std::string& voice, const Settings& settings,
                          const ChunkFn& chunk) {
    if (voice != voice_) {
        if (espeak_SetVoiceByName(voice.c_str()) != EE_OK)
            return MakeError("speech.voice", "espeak-ng has no voice \"" + voice + "\"");
        voice_ = voice;
    }
    espeak_SetParameter(espeakRATE, std::clamp(settings.rate_wpm, Settings::kMinRate, Settings::kMaxRate), 0);
    espeak_SetParameter(espeakVOLUME, std::clamp(settings.volume, Settings::kMinVolume, Settings::kMaxVolume),
                        0);
    // A text of one character (a key's echo) is read as that character's name: espeak-ng says nothing for a
    // lone "." or "-" unless it names punctuation, which in a sentence it must not.
    espeak_SetParameter(espeakPUNCTUATION, IsOneCharacter(text) ? espeakPUNCT_ALL : espeakPUNCT_NONE, 0);
    const std::string nul_terminated(text);
    SynthCall call{&chunk};
    const espeak_ERROR e = espeak_Synth(nul_terminated.c_str(), nul_terminated.size() + 1, 0, POS_CHARACTER,
                                        0, espeakCHARS_UTF8, nullptr, &call);
    if (e != EE_OK && !call.stopped) return MakeError("speech.synth", "espeak-ng could not speak the text");
    return {};
}

Result<Pcm> Synthesizer::Synthesize(std::string_view text, const std::string& voice,
                                    const Settings& settings) {
    Pcm pcm;
    pcm.sample_rate = sample_rate_;
    const ChunkFn collect = [&pcm](std::span<const std::int16_t> s) {
        pcm.samples.insert(pcm.samples.end(), s.begin(), s.end());
        return true;
    };
    if (Status s = Speak(text, voice, settings, collect); !s.ok()) return s.error();
    return pcm;
}

}  // namespace ck::speech
