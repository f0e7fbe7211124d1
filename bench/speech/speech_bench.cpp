// Prints, per kiosk voice, the time from Speaker::Say to the first sample handed to the audio sink (what a
// visitor waits before hearing anything; the sink itself adds SDL's device buffer, about 46 ms), as median
// and max over N requests, and espeak-ng's synthesis speed as a multiple of real time.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#include "speech/speaker.h"

namespace {

using Clock = std::chrono::steady_clock;

struct FirstSample {
    std::mutex mu;
    std::condition_variable cv;
    bool seen = false;
    Clock::time_point at;
};

class TimingSink : public ck::speech::AudioSink {
  public:
    explicit TimingSink(FirstSample* f) : f_(f) {}
    void Play(std::span<const std::int16_t>, int) override {
        std::lock_guard lock(f_->mu);
        if (!f_->seen) {
            f_->seen = true;
            f_->at = Clock::now();
            f_->cv.notify_all();
        }
    }
    void Stop() override {}

  private:
    FirstSample* f_;
};

struct Sample {
    const char* lang;
    const char* text;
};
const Sample kSamples[] = {
    {"de", "Dienstleistungen, Schaltfläche"},
    {"en", "Services, button"},
    {"tr", "Hizmetler, düğme"},
    {"ar", "الخدمات، زر"},
    {"uk", "Послуги, кнопка"},
    {"ru", "Услуги, кнопка"},
    {"pl", "Usługi, przycisk"},
};

}  // namespace

int main(int argc, char** argv) {
    int runs = 30;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
    FirstSample first;
    ck::speech::SpeakerOptions options;
    options.sink = std::make_unique<TimingSink>(&first);
    auto speaker = ck::speech::Speaker::Start(std::move(options));
    if (!speaker.ok()) {
        std::fprintf(stderr, "bench_speech: %s\n", speaker.error().message.c_str());
        return 1;
    }
    (*speaker)->WaitIdle(std::chrono::seconds(30));  // espeak-ng loaded
    std::printf("| voice | first sample median ms | max ms |\n|---|---|---|\n");
    for (const Sample& s : kSamples) {
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            {
                std::lock_guard lock(first.mu);
                first.seen = false;
            }
            const Clock::time_point asked = Clock::now();
            (*speaker)->Say({s.lang, s.text});
            std::unique_lock lock(first.mu);
            if (!first.cv.wait_for(lock, std::chrono::seconds(10), [&] { return first.seen; })) {
                std::fprintf(stderr, "bench_speech: no audio for %s\n", s.lang);
                return 1;
            }
            ms.push_back(std::chrono::duration<double, std::milli>(first.at - asked).count());
            lock.unlock();
            (*speaker)->Interrupt();  // as a visitor's next touch would
            (*speaker)->WaitIdle(std::chrono::seconds(10));
        }
        std::sort(ms.begin(), ms.end());
        std::printf("| %s | %.1f | %.1f |\n", s.lang, ms[ms.size() / 2], ms.back());
    }
    speaker->reset();  // the engine is free for a Synthesizer of our own

    auto synth = ck::speech::Synthesizer::Open();
    if (!synth.ok()) return 1;
    const char* text =
        "Ihre Idee wurde gespeichert. Mit dem Code auf dem Beleg können Sie verfolgen, was aus ihr wird.";
    const Clock::time_point t0 = Clock::now();
    double audio_s = 0;
    for (int i = 0; i < 10; ++i) {
        auto pcm = (*synth)->Synthesize(text, "de", ck::speech::Settings{});
        if (!pcm.ok()) return 1;
        audio_s += pcm->seconds();
    }
    const double wall_s = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("\nsynthesis: %.1f s of German speech in %.2f s wall = %.0fx real time\n", audio_s, wall_s,
                audio_s / wall_s);
    return 0;
}
