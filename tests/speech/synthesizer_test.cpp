// Real espeak-ng synthesis: every kiosk voice says a sentence in its language; the audio must be there
// (not silence) and last about as long as the words take at the rate asked for.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "speech/synthesizer.h"
#include "test_support/test_support.h"

namespace ck::speech {
namespace {

struct Sample {
    const char* lang;
    const char* text;
    int words;
};

// One short sentence per UI language of the kiosk.
const Sample kSamples[] = {
    {"de", "Ihre Idee wurde gespeichert. Vielen Dank für Ihren Vorschlag.", 9},
    {"en", "Your idea has been saved. Thank you for your suggestion.", 10},
    {"tr", "Fikriniz kaydedildi. Öneriniz için teşekkür ederiz.", 6},
    {"ar", "تم حفظ فكرتك. شكرا على اقتراحك.", 6},
    {"uk", "Вашу ідею збережено. Дякуємо за вашу пропозицію.", 7},
    {"ru", "Ваша идея сохранена. Спасибо за ваше предложение.", 7},
    {"pl", "Twój pomysł został zapisany. Dziękujemy za propozycję.", 7},
};

double Rms(const Pcm& pcm) {
    double sum = 0;
    for (const auto s : pcm.samples) sum += static_cast<double>(s) * s;
    return pcm.samples.empty() ? 0 : std::sqrt(sum / static_cast<double>(pcm.samples.size()));
}

class SynthesizerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = Synthesizer::Open();
        ASSERT_TRUE(s.ok()) << s.error().message;
        synth_ = std::move(*s);
    }
    std::unique_ptr<Synthesizer> synth_;
};

TEST_F(SynthesizerTest, EveryKioskVoiceSpeaksAudibleSpeechOfSensibleLength) {
    for (const Sample& sample : kSamples) {
        SCOPED_TRACE(sample.lang);
        const std::string voice = VoiceFor(sample.lang);
        ASSERT_EQ(voice, sample.lang);
        if (!synth_->HasVoice(voice)) {
            ADD_FAILURE() << "espeak-ng has no voice " << voice << " (package espeak-ng-data)";
            continue;
        }
        Result<Pcm> pcm = synth_->Synthesize(sample.text, voice, Settings{});
        ASSERT_TRUE(pcm.ok()) << pcm.error().message;
        EXPECT_EQ(pcm->sample_rate, synth_->sample_rate());
        // Speech, not silence or a click: a clearly audible level (16-bit full scale is 32767).
        EXPECT_GT(Rms(*pcm), 500.0);
        // Words at 160 per minute, with a generous margin for pauses and long words either way.
        const double expected = sample.words * 60.0 / Settings::kDefaultRate;
        EXPECT_GT(pcm->seconds(), expected * 0.4) << pcm->seconds() << " s";
        EXPECT_LT(pcm->seconds(), expected * 2.5 + 1.0) << pcm->seconds() << " s";
    }
}

TEST_F(SynthesizerTest, SlowerTakesLongerAndFasterShorter) {
    const std::string text = "Willkommen im Bürgerbüro der Stadt Herne.";
    Settings slow = Settings{};
    for (int i = 0; i < 3; ++i) slow = Slower(slow);
    Settings fast = Settings{};
    for (int i = 0; i < 3; ++i) fast = Faster(fast);
    auto normal = synth_->Synthesize(text, "de", Settings{});
    auto slower = synth_->Synthesize(text, "de", slow);
    auto faster = synth_->Synthesize(text, "de", fast);
    ASSERT_TRUE(normal.ok() && slower.ok() && faster.ok());
    EXPECT_GT(slower->seconds(), normal->seconds() * 1.15);
    EXPECT_LT(faster->seconds(), normal->seconds() * 0.85);
    // The steps stop at their bounds.
    Settings s;
    for (int i = 0; i < 50; ++i) s = Slower(s);
    EXPECT_EQ(s.rate_wpm, Settings::kMinRate);
    for (int i = 0; i < 50; ++i) s = Faster(s);
    EXPECT_EQ(s.rate_wpm, Settings::kMaxRate);
}

int Peak(const Pcm& pcm) {
    int peak = 0;
    for (const auto s : pcm.samples) peak = std::max(peak, std::abs(static_cast<int>(s)));
    return peak;
}

// The volume a visitor sets reaches the engine: the quietest step is clearly quieter than the default and
// the loudest clearly louder, in peak and in RMS; the steps stop at their bounds.
TEST_F(SynthesizerTest, QuieterIsQuieterAndLouderLouder) {
    const std::string text = "Willkommen im Bürgerbüro der Stadt Herne.";
    Settings quiet, loud;
    for (int i = 0; i < 50; ++i) quiet = Quieter(quiet);
    for (int i = 0; i < 50; ++i) loud = Louder(loud);
    EXPECT_EQ(quiet.volume, Settings::kMinVolume);
    EXPECT_EQ(loud.volume, Settings::kMaxVolume);
    EXPECT_EQ(quiet.rate_wpm, Settings::kDefaultRate);  // volume steps leave the rate alone
    auto normal = synth_->Synthesize(text, "de", Settings{});
    auto quieter = synth_->Synthesize(text, "de", quiet);
    auto louder = synth_->Synthesize(text, "de", loud);
    ASSERT_TRUE(normal.ok() && quieter.ok() && louder.ok());
    EXPECT_LT(Rms(*quieter), Rms(*normal) * 0.7) << Rms(*quieter) << " vs " << Rms(*normal);
    EXPECT_GT(Rms(*louder), Rms(*normal) * 1.2) << Rms(*louder) << " vs " << Rms(*normal);
    EXPECT_LT(Peak(*quieter), Peak(*normal));
    EXPECT_GT(Peak(*louder), Peak(*normal));
    // Still speech at the quietest step (never muted by the volume alone).
    EXPECT_GT(Rms(*quieter), 150.0);
}

// The keyboard echoes each key: a lone character, punctuation included, must be heard (espeak-ng says
// nothing for a lone "." unless asked to name punctuation), while a sentence's punctuation stays unspoken.
TEST_F(SynthesizerTest, ALoneCharacterIsSpokenPunctuationToo) {
    for (const char* key : {".", ",", "-", "/", "?", "!", "@", "7", "h", "ä"}) {
        SCOPED_TRACE(key);
        auto pcm = synth_->Synthesize(key, "de", Settings{});
        ASSERT_TRUE(pcm.ok()) << pcm.error().message;
        EXPECT_GT(pcm->seconds(), 0.15);
        EXPECT_GT(Rms(*pcm), 300.0);
    }
    auto arabic = synth_->Synthesize("،", "ar", Settings{});  // the Arabic comma
    ASSERT_TRUE(arabic.ok());
    EXPECT_GT(arabic->seconds(), 0.15);
    // Commas and the full stop of a sentence are pauses (about 1.8 times the words alone); named, they would
    // add four words (about 2.6 times).
    auto plain = synth_->Synthesize("Eins zwei drei vier", "de", Settings{});
    auto marked = synth_->Synthesize("Eins, zwei, drei, vier.", "de", Settings{});
    ASSERT_TRUE(plain.ok() && marked.ok());
    EXPECT_LT(marked->seconds(), plain->seconds() * 2.2) << marked->seconds() << " vs " << plain->seconds();
}

TEST_F(SynthesizerTest, WavFileHasAValidHeaderAndTheSamples) {
    auto pcm = synth_->Synthesize("Hallo", "de", Settings{});
    ASSERT_TRUE(pcm.ok());
    test::TempDir dir;
    const auto path = dir.path() / "hallo.wav";
    {
        std::ofstream out(path, std::ios::binary);
        out << EncodeWav(*pcm);
    }
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_EQ(bytes.size(), 44 + pcm->samples.size() * 2);
    EXPECT_EQ(bytes.substr(0, 4), "RIFF");
    EXPECT_EQ(bytes.substr(8, 8), "WAVEfmt ");
    auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        std::memcpy(&v, bytes.data() + at, 4);  // little-endian host, as the format
        return v;
    };
    EXPECT_EQ(u32(24), static_cast<std::uint32_t>(pcm->sample_rate));
    EXPECT_EQ(u32(40), pcm->samples.size() * 2);
    EXPECT_GT(pcm->seconds(), 0.2);
}

TEST_F(SynthesizerTest, UnknownVoiceIsAnErrorAndASecondEngineIsRefused) {
    auto pcm = synth_->Synthesize("Hallo", "xx-not-a-voice", Settings{});
    ASSERT_FALSE(pcm.ok());
    EXPECT_EQ(pcm.error().code, "speech.voice");
    auto second = Synthesizer::Open();
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, "speech.busy");
    // The first still works after the refusal.
    EXPECT_TRUE(synth_->Synthesize("Hallo", "de", Settings{}).ok());
}

TEST(VoiceFor, MapsUiTagsAndHasNoVoiceForOthers) {
    EXPECT_EQ(VoiceFor("de"), "de");
    EXPECT_EQ(VoiceFor("uk-UA"), "uk");
    EXPECT_EQ(VoiceFor("ar"), "ar");
    EXPECT_EQ(VoiceFor("fr"), "");
    EXPECT_EQ(VoiceFor(""), "");
}

}  // namespace
}  // namespace ck::speech
