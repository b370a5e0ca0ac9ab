// What a listener hears: dialogue spoken where the scene description says it is, the
// setting's ambience, never a silent track, never a clipped sample, the same sound for
// the same request.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cmath>
#include <string>

#include "recording_sink.h"
#include "sketch_backend.h"

namespace dreamfeed {
namespace {

using testing::RecordingSink;

struct Clip {
  std::vector<float> audio;
  boost::json::value scene;
};

Clip generate(std::string prompt, int seconds = 4) {
  GenerationRequest request;
  request.prompt = std::move(prompt);
  request.seconds = seconds;
  request.aspect = Aspect::portrait;
  request.resolution = Resolution::p480;
  request.seed = 5;
  request.creator_handle = "ears";
  RecordingSink sink;
  Result<GenerationOutput> out = SketchBackend().generate(request, sink, [](int) { return true; });
  EXPECT_TRUE(out.ok());
  if (!out.ok()) return {};
  return Clip{sink.audio(), boost::json::parse(out->scene_json)};
}

// Mean power of the mono mix in the speech band (a band-pass made of two one-pole
// low-passes at 3.4 kHz and 300 Hz) in [from_s, to_s).
double speech_band_power(const std::vector<float>& stereo, double from_s, double to_s) {
  const double rate = kAudioSampleRate;
  const double hi = 1.0 - std::exp(-2 * M_PI * 3400 / rate);
  const double lo = 1.0 - std::exp(-2 * M_PI * 300 / rate);
  const auto from = static_cast<std::size_t>(from_s * rate);
  const auto to = std::min(stereo.size() / 2, static_cast<std::size_t>(to_s * rate));
  double a = 0, b = 0, sum = 0;
  for (std::size_t i = 0; i < to; ++i) {
    const double x = stereo[2 * i] + stereo[2 * i + 1];
    a += hi * (x - a);
    b += lo * (x - b);
    if (i >= from) sum += (a - b) * (a - b);
  }
  return to > from ? sum / static_cast<double>(to - from) : 0;
}

TEST(SketchSound, DialogueMakesSpeechBandEnergyWhereItIsPlaced) {
  const Clip clip = generate("a robot in a quiet room says \"hello there, I am a robot\"", 8);
  const auto& speech = clip.scene.at("sound").at("speech").as_array();
  ASSERT_EQ(speech.size(), 1u);
  const double from = speech[0].at("from_ms").to_number<double>() / 1000;
  const double to = speech[0].at("to_ms").to_number<double>() / 1000;
  EXPECT_EQ(speech[0].at("voice").as_string(), "robot");
  EXPECT_GT(to - from, 0.8);  // a sentence, not a blip
  EXPECT_LT(to, 8.0);
  const double during = speech_band_power(clip.audio, from, to);
  const double after = speech_band_power(clip.audio, to + 0.3, 7.5);
  EXPECT_GT(during, 2 * after) << "during " << during << " after " << after;
}

TEST(SketchSound, TheSameLineHasAVoiceForItsSpeaker) {
  const Clip child = generate("a girl says \"look at the stars\"");
  const Clip man = generate("a man says \"look at the stars\"");
  EXPECT_EQ(child.scene.at("sound").at("speech").at(0).at("voice").as_string(), "child");
  EXPECT_EQ(man.scene.at("sound").at("speech").at(0).at("voice").as_string(), "adult_male");
}

TEST(SketchSound, NeverSilentNeverClippedForAnyKindOfPrompt) {
  for (const char* prompt :
       {"flibber wobbles gronk", "一只猫在月光下跳舞", "قطة ترقص", "😀🎉🐱",
        "a storm over the city with a bus and a rocket and a dragon while a robot says "
        "\"EVERYONE RUN NOW RUN RUN\"",
        "a thousand birds fly over the beach"}) {
    const Clip clip = generate(prompt);
    ASSERT_FALSE(clip.audio.empty()) << prompt;
    double peak = 0;
    for (float s : clip.audio) peak = std::max(peak, std::fabs(double{s}));
    EXPECT_LT(peak, 0.9) << prompt;
    // Each second has sound in it (after the fade-in, before the fade-out).
    for (double t = 0.2; t < 3.4; t += 1.0) {
      double power = 0;
      const auto from = static_cast<std::size_t>(t * kAudioSampleRate);
      for (std::size_t i = from; i < from + kAudioSampleRate / 2; ++i) {
        power += double{clip.audio[2 * i]} * clip.audio[2 * i];
      }
      EXPECT_GT(std::sqrt(power / (kAudioSampleRate / 2)), 0.003) << prompt << " at " << t;
    }
  }
}

TEST(SketchSound, TheSettingChoosesTheAmbienceAndActionsTheirEffects) {
  EXPECT_EQ(generate("a dog on the beach").scene.at("sound").at("ambience").as_string(), "waves");
  EXPECT_EQ(generate("a bus in the city").scene.at("sound").at("ambience").as_string(), "city");
  EXPECT_EQ(generate("an astronaut in space").scene.at("sound").at("ambience").as_string(),
            "space hum");
  const auto effects = generate("a horse runs in the rain").scene.at("sound").at("effects");
  EXPECT_NE(
      std::find(effects.as_array().begin(), effects.as_array().end(), boost::json::value("hooves")),
      effects.as_array().end());
  EXPECT_NE(
      std::find(effects.as_array().begin(), effects.as_array().end(), boost::json::value("rain")),
      effects.as_array().end());
}

TEST(SketchSound, SameRequestSameSamplesWithoutDialogue) {
  const Clip a = generate("a horse runs on a windy beach in the rain");
  const Clip b = generate("a horse runs on a windy beach in the rain");
  EXPECT_EQ(a.audio, b.audio);
}

// espeak-ng carries state from one utterance to the next; a clip with dialogue must still
// sound the same every time, even after other lines were spoken in between.
TEST(SketchSound, SameRequestWithDialogueSameSamples) {
  const std::string prompt = "a man says \"again and again\" on a windy beach";
  const Clip first = generate(prompt);
  const Clip other = generate("a girl and a robot say \"something else, quite different\"");
  const Clip again = generate(prompt);
  ASSERT_FALSE(other.audio.empty());
  ASSERT_EQ(first.scene.at("sound").at("speech").as_array().size(), 1u);
  EXPECT_EQ(first.scene.at("sound").at("speech"), again.scene.at("sound").at("speech"));
  ASSERT_EQ(first.audio.size(), again.audio.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < first.audio.size(); ++i)
    differing += first.audio[i] != again.audio[i];
  EXPECT_EQ(differing, 0u) << "of " << first.audio.size() << " samples";
}

}  // namespace
}  // namespace dreamfeed
