#include "speech/speaker.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace ck::speech {

Result<std::unique_ptr<Speaker>> Speaker::Start(SpeakerOptions options) {
    std::unique_ptr<Speaker> s(new Speaker(std::move(options)));
    if (!s->options_.log_path.empty()) {
        s->log_.open(s->options_.log_path, std::ios::out | std::ios::trunc);
        if (!s->log_) return MakeError("speech.log", "cannot create the speech log " + s->options_.log_path);
    }
    s->thread_ = std::thread([raw = s.get()] { raw->Run(); });
    return s;
}

Speaker::Speaker(SpeakerOptions options) : options_(std::move(options)) {}

Speaker::~Speaker() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
        queue_.clear();
    }
    {
        std::lock_guard lock(play_mu_);
        ++generation_;  // the utterance in progress stops at its next chunk
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Speaker::Log(const Utterance& u) {
    if (!log_.is_open()) return;
    // Replaced, not rejected: the log must never stop the kiosk over a stray byte in a text.
    const nlohmann::json line = {{"lang", u.lang}, {"text", u.text}};
    log_ << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    log_.flush();
}

void Speaker::Say(Utterance utterance, bool remember) {
    if (utterance.text.empty()) return;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(play_mu_);
        generation = generation_;
    }
    {
        std::lock_guard lock(mu_);
        Log(utterance);
        if (remember) last_ = utterance;
        queue_.push_back(Job{std::move(utterance), settings_, generation});
    }
    wake_.notify_one();
}

void Speaker::Interrupt() {
    {
        std::lock_guard lock(mu_);
        queue_.clear();
    }
    std::lock_guard lock(play_mu_);
    ++generation_;
    if (options_.sink) options_.sink->Stop();
}

bool Speaker::Repeat() {
    std::optional<Utterance> last;
    {
        std::lock_guard lock(mu_);
        last = last_;
    }
    Interrupt();
    if (!last) return false;
    Say(*last, true);
    return true;
}

void Speaker::Reset() {
    Interrupt();
    std::lock_guard lock(mu_);
    last_.reset();
    settings_ = Settings{};
}

void Speaker::SetSettings(const Settings& settings) {
    std::lock_guard lock(mu_);
    settings_ = settings;
}

Settings Speaker::settings() const {
    std::lock_guard lock(mu_);
    return settings_;
}

std::optional<bool> Speaker::engine_ok() const {
    std::lock_guard lock(mu_);
    return engine_ok_;
}

bool Speaker::WaitIdle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mu_);
    return idle_.wait_for(lock, timeout, [&] { return engine_ok_.has_value() && queue_.empty() && !busy_; });
}

void Speaker::Run() {
    Result<std::unique_ptr<Synthesizer>> synth = Synthesizer::Open(options_.data_dir);
    if (!synth.ok()) spdlog::error("speech output unavailable: {}", synth.error().message);
    {
        std::lock_guard lock(mu_);
        engine_ok_ = synth.ok();
    }
    idle_.notify_all();
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mu_);
            wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            job = std::move(queue_.front());
            queue_.pop_front();
            busy_ = true;
        }
        const std::string voice = VoiceFor(job.utterance.lang);
        if (synth.ok() && !voice.empty()) {
            Synthesizer& s = **synth;
            const Synthesizer::ChunkFn play = [&](std::span<const std::int16_t> samples) {
                std::lock_guard lock(play_mu_);
                if (generation_ != job.generation) return false;
                if (options_.sink) options_.sink->Play(samples, s.sample_rate());
                return true;
            };
            if (Status st = s.Speak(job.utterance.text, voice, job.settings, play); !st.ok())
                spdlog::warn("speech: {}", st.error().message);
        } else if (synth.ok()) {
            spdlog::warn("speech: no voice for language {}", job.utterance.lang);
        }
        {
            std::lock_guard lock(mu_);
            busy_ = false;
        }
        idle_.notify_all();
    }
}

std::string SpellOut(std::string_view code) {
    std::string out;
    for (const char c : code) {
        if (c == '-' || c == ' ' || c == '_' || c == '.') continue;
        if (!out.empty()) out += ", ";
        out += c;
    }
    return out;
}

}  // namespace ck::speech
