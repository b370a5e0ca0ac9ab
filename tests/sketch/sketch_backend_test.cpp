// What a viewer of a sketch clip observes: the right number and size of frames, sound
// that is audible and never clips, the same clip for the same request, animation,
// a watermark, words appearing, progress, cancellation, and prompts in any script.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <chrono>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "recording_sink.h"
#include "scene_request.h"
#include "sketch_backend.h"

namespace dreamfeed {
namespace {

using testing::KeptFrame;
using testing::RecordingSink;

GenerationRequest small_request(std::string prompt = "A paper boat sails across a lake of stars",
                                std::uint64_t seed = 7) {
  GenerationRequest request;
  request.prompt = std::move(prompt);
  request.seconds = 4;
  request.aspect = Aspect::portrait;
  request.resolution = Resolution::p480;
  request.seed = seed;
  request.creator_handle = "maya";
  return request;
}

ProgressReporter keep_going() {
  return [](int) { return true; };
}

struct Channel {
  std::uint8_t r, g, b;
};
Channel rgb(std::uint32_t pixel) {
  return Channel{static_cast<std::uint8_t>(pixel >> 16), static_cast<std::uint8_t>(pixel >> 8),
                 static_cast<std::uint8_t>(pixel)};
}

// Pixels that differ between two frames inside [x0, x1) × [y0, y1).
int differing_pixels(const KeptFrame& a, const KeptFrame& b, int x0, int y0, int x1, int y1) {
  int count = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) count += a.at(x, y) != b.at(x, y);
  }
  return count;
}

int bright_pixels(const KeptFrame& frame, int x0, int y0, int x1, int y1) {
  int count = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const Channel c = rgb(frame.at(x, y));
      count += c.r > 215 && c.g > 215 && c.b > 215;
    }
  }
  return count;
}

TEST(SketchBackend, IsNamedSketch) { EXPECT_EQ(SketchBackend().name(), "sketch"); }

class ClipShape : public ::testing::TestWithParam<std::tuple<Aspect, int>> {};

TEST_P(ClipShape, WritesEveryFrameAtTheRequestedSizeAndAllTheAudio) {
  GenerationRequest request = small_request();
  request.aspect = std::get<0>(GetParam());
  request.seconds = std::get<1>(GetParam());
  RecordingSink sink;

  Result<GenerationOutput> output = SketchBackend().generate(request, sink, keep_going());

  ASSERT_TRUE(output.ok()) << output.error().message;
  EXPECT_EQ(sink.frames_seen(), request.seconds * 24);
  EXPECT_EQ(sink.frames_seen(), request.frame_count());
  EXPECT_TRUE(sink.all_frames_sized(request.size().width, request.size().height));
  EXPECT_EQ(sink.audio().size(), static_cast<std::size_t>(request.seconds) * kAudioSampleRate * 2);
  EXPECT_FALSE(output->finished_file.has_value());
}

INSTANTIATE_TEST_SUITE_P(PortraitLandscapeSquare, ClipShape,
                         ::testing::Values(std::tuple{Aspect::portrait, 4},
                                           std::tuple{Aspect::landscape, 4},
                                           std::tuple{Aspect::square, 4},
                                           std::tuple{Aspect::portrait, 8},
                                           std::tuple{Aspect::landscape, 8}));

TEST(SketchBackend, SoundIsAudibleInBothEarsAndNeverClips) {
  RecordingSink sink;
  ASSERT_TRUE(SketchBackend().generate(small_request(), sink, keep_going()).ok());

  double peak = 0, left_power = 0, right_power = 0;
  const std::vector<float>& audio = sink.audio();
  for (std::size_t i = 0; i + 1 < audio.size(); i += 2) {
    peak = std::max({peak, std::fabs(double{audio[i]}), std::fabs(double{audio[i + 1]})});
    left_power += double{audio[i]} * audio[i];
    right_power += double{audio[i + 1]} * audio[i + 1];
  }
  const double frames = static_cast<double>(audio.size() / 2);
  EXPECT_LE(peak, 0.9);
  EXPECT_GT(std::sqrt(left_power / frames), 0.02);
  EXPECT_GT(std::sqrt(right_power / frames), 0.02);
  // Chimes are panned, so the two channels are not the same signal.
  EXPECT_NE(left_power, right_power);
}

TEST(SketchBackend, SameRequestGivesTheSameClipAndAnotherSeedAnotherPicture) {
  RecordingSink first, second, other_seed;
  ASSERT_TRUE(SketchBackend().generate(small_request(), first, keep_going()).ok());
  ASSERT_TRUE(SketchBackend().generate(small_request(), second, keep_going()).ok());
  GenerationRequest reseeded = small_request();
  reseeded.seed = 8;
  ASSERT_TRUE(SketchBackend().generate(reseeded, other_seed, keep_going()).ok());

  EXPECT_EQ(first.frame_hashes(), second.frame_hashes());
  EXPECT_EQ(first.audio(), second.audio());
  ASSERT_EQ(first.frame_hashes().size(), other_seed.frame_hashes().size());
  for (std::size_t i = 0; i < first.frame_hashes().size(); ++i) {
    EXPECT_NE(first.frame_hashes()[i], other_seed.frame_hashes()[i]) << "frame " << i;
  }
}

TEST(SketchBackend, EveryFrameDiffersFromTheOneBefore) {
  RecordingSink sink;
  ASSERT_TRUE(SketchBackend().generate(small_request(), sink, keep_going()).ok());
  const auto& hashes = sink.frame_hashes();
  for (std::size_t i = 1; i < hashes.size(); ++i) {
    EXPECT_NE(hashes[i], hashes[i - 1]) << "frame " << i << " repeats the one before";
  }
}

// With no subject the engine knows, the prompt's words are the picture.
TEST(SketchBackend, WordsAppearOverTimeInTheMiddleOfTheFrameWhenNoSubjectIsKnown) {
  const GenerationRequest request = small_request("Whispers of tomorrow drift across a quiet sky");
  RecordingSink sink({0, -1}, request.frame_count());
  ASSERT_TRUE(SketchBackend().generate(request, sink, keep_going()).ok());

  const KeptFrame& first = sink.kept(0);
  const KeptFrame& last = sink.kept(request.frame_count() - 1);
  const int w = first.width, h = first.height;
  // The upper middle, where the words are set: at frame 0 none has appeared yet.
  const int changed = differing_pixels(first, last, w / 5, h / 6, w * 4 / 5, h / 2);
  const int area = (w * 4 / 5 - w / 5) * (h / 2 - h / 6);
  EXPECT_GT(changed, area / 5);
  EXPECT_LT(bright_pixels(first, w / 5, h / 6, w * 4 / 5, h / 2),
            bright_pixels(last, w / 5, h / 6, w * 4 / 5, h / 2));
}

TEST(SketchBackend, EveryFrameCarriesTheWatermarkWithTheCreatorsHandle) {
  GenerationRequest alice = small_request();
  alice.creator_handle = "alice";
  GenerationRequest bob = small_request();
  bob.creator_handle = "bob_the_builder";
  GenerationRequest anonymous = small_request();
  anonymous.creator_handle.clear();
  RecordingSink alice_sink({0, 50, -1}, alice.frame_count());
  RecordingSink bob_sink({0, 50, -1}, bob.frame_count());
  RecordingSink anonymous_sink({0}, anonymous.frame_count());
  ASSERT_TRUE(SketchBackend().generate(alice, alice_sink, keep_going()).ok());
  ASSERT_TRUE(SketchBackend().generate(bob, bob_sink, keep_going()).ok());
  ASSERT_TRUE(SketchBackend().generate(anonymous, anonymous_sink, keep_going()).ok());

  for (int index : {0, 50, alice.frame_count() - 1}) {
    const KeptFrame& a = alice_sink.kept(index);
    const KeptFrame& b = bob_sink.kept(index);
    const int w = a.width, h = a.height;
    // Only the bottom-right corner depends on the handle…
    EXPECT_EQ(differing_pixels(a, b, 0, 0, w, h * 4 / 5), 0) << "frame " << index;
    EXPECT_GT(differing_pixels(a, b, w / 3, h * 4 / 5, w, h), 100) << "frame " << index;
    // …and there is legible light text on the dark hills there.
    EXPECT_GT(bright_pixels(a, w / 3, h * 7 / 8, w, h), 150) << "frame " << index;
  }
  const KeptFrame& unnamed = anonymous_sink.kept(0);
  const int w = unnamed.width, h = unnamed.height;
  EXPECT_GT(bright_pixels(unnamed, w / 3, h * 7 / 8, w, h), 100);
  EXPECT_GT(differing_pixels(unnamed, alice_sink.kept(0), w / 3, h * 4 / 5, w, h), 100);
}

TEST(SketchBackend, ReportsProgressUpToAHundredNeverGoingBack) {
  std::vector<int> reported;
  RecordingSink sink;
  ASSERT_TRUE(SketchBackend()
                  .generate(small_request(), sink,
                            [&](int percent) {
                              reported.push_back(percent);
                              return true;
                            })
                  .ok());
  ASSERT_GE(reported.size(), 10u);
  EXPECT_TRUE(std::ranges::is_sorted(reported));
  EXPECT_GE(reported.front(), 0);
  EXPECT_EQ(reported.back(), 100);
}

TEST(SketchBackend, StopsSoonAfterProgressSaysCancelled) {
  const GenerationRequest request = small_request();
  RecordingSink sink;
  Result<GenerationOutput> output =
      SketchBackend().generate(request, sink, [](int percent) { return percent < 30; });

  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().code, ErrorCode::cancelled);
  EXPECT_GE(sink.frames_seen(), request.frame_count() * 29 / 100);
  EXPECT_LE(sink.frames_seen(), request.frame_count() * 32 / 100 + 1);
}

TEST(SketchBackend, PassesOnTheSinksError) {
  RecordingSink sink;
  sink.fail_frame(10, make_error(ErrorCode::unavailable, "disk full"));
  Result<GenerationOutput> output = SketchBackend().generate(small_request(), sink, keep_going());

  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().code, ErrorCode::unavailable);
  EXPECT_EQ(output.error().message, "disk full");
  EXPECT_EQ(sink.frames_seen(), 11);  // nothing written after the failure
}

TEST(SketchBackend, DescribesWhatItDrewAsJson) {
  RecordingSink sink;
  Result<GenerationOutput> output = SketchBackend().generate(
      small_request("A \"quoted\" cat\\dog\nwith a tab\tand <html> & emoji 🐱"), sink, keep_going());
  ASSERT_TRUE(output.ok()) << output.error().message;

  const boost::json::value scene = boost::json::parse(output->scene_json);
  EXPECT_EQ(scene.at("engine").as_string(), "sketch");
  EXPECT_EQ(scene.at("version").as_int64(), 1);
  const boost::json::array& words = scene.at("words").as_array();
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0].at("text").as_string(), "A");
  EXPECT_EQ(words[1].at("text").as_string(), "\"quoted\"");
  EXPECT_EQ(words[2].at("text").as_string(), "cat\\dog");
  EXPECT_TRUE(scene.at("palette").at("name").is_string());
}

class AnyScript : public ::testing::TestWithParam<std::string> {};

TEST_P(AnyScript, RendersTheWholeClip) {
  const GenerationRequest request = small_request(GetParam());
  RecordingSink sink;
  Result<GenerationOutput> output = SketchBackend().generate(request, sink, keep_going());

  ASSERT_TRUE(output.ok()) << output.error().message;
  EXPECT_EQ(sink.frames_seen(), request.frame_count());
  EXPECT_EQ(sink.audio().size(), static_cast<std::size_t>(request.seconds) * kAudioSampleRate * 2);
  EXPECT_FALSE(boost::json::parse(output->scene_json).at("words").as_array().empty());
}

std::string repeat_to_length(std::string_view unit, std::size_t characters) {
  std::string text;
  std::size_t count = 0;
  while (count + 1 <= characters) {
    for (std::size_t i = 0; i < unit.size() && count < characters;) {
      const std::size_t length = (static_cast<unsigned char>(unit[i]) & 0xE0) == 0xC0   ? 2
                                 : (static_cast<unsigned char>(unit[i]) & 0xF0) == 0xE0 ? 3
                                 : (static_cast<unsigned char>(unit[i]) & 0xF8) == 0xF0 ? 4
                                                                                        : 1;
      text.append(unit.substr(i, length));
      i += length;
      ++count;
    }
  }
  return text;
}

INSTANTIATE_TEST_SUITE_P(
    Prompts, AnyScript,
    ::testing::Values("一只猫在月亮上跳舞，星星在闪烁",                  // Chinese
                      "夜の東京で猫がラーメンを食べる",                  // Japanese
                      "قطة صغيرة تلعب في الحديقة تحت الشمس",             // Arabic
                      "חתול קטן משחק בגינה",                             // Hebrew
                      "🐱🚀🌙✨ 👩🏽‍🚀 🏳️‍🌈",  // emoji
                      "A cat 猫 قطة חתול 🐱 кошка γάτα बिल्ली",            // mixed
                      "x",                                               // one letter
                      repeat_to_length("a dreamy castle floats above the sea ", 2000),
                      repeat_to_length("一只猫在月亮上跳舞", 2000),
                      std::string(2000, 'w')));  // one unbreakable "word"

class EmptyPrompt : public ::testing::TestWithParam<std::string> {};

TEST_P(EmptyPrompt, IsRejectedOnThePromptField) {
  RecordingSink sink;
  Result<GenerationOutput> output =
      SketchBackend().generate(small_request(GetParam()), sink, keep_going());

  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(output.error().field, "prompt");
  EXPECT_EQ(sink.frames_seen(), 0);
}

INSTANTIATE_TEST_SUITE_P(Blank, EmptyPrompt,
                         ::testing::Values("", " ", " \t\n\r  ", "\u3000\u00a0",
                                           std::string("\xff\xfe bad utf-8")));

TEST(SketchBackend, RejectsAClipLengthItCannotMake) {
  GenerationRequest request = small_request();
  request.seconds = 0;
  RecordingSink sink;
  Result<GenerationOutput> output = SketchBackend().generate(request, sink, keep_going());
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(output.error().field, "seconds");
  EXPECT_EQ(sink.frames_seen(), 0);
}

TEST(SketchSceneRequest, RejectsOddOrEmptyFrameSizes) {
  for (auto [width, height] : {std::pair{0, 480}, std::pair{480, 0}, std::pair{481, 854},
                               std::pair{480, 855}, std::pair{-2, 480}}) {
    Status checked =
        sketch::check_scene_request(sketch::SceneRequest{"a cat", 1, width, height, 4});
    ASSERT_FALSE(checked.ok()) << width << "x" << height;
    EXPECT_EQ(checked.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(checked.error().field, "size");
  }
  EXPECT_TRUE(sketch::check_scene_request(sketch::SceneRequest{"a cat", 1, 480, 854, 4}).ok());
}

}  // namespace
}  // namespace dreamfeed

namespace dreamfeed {
namespace {

TEST(SketchBackend, APromptOfOnlyUnknownWordsIsATitledSceneReportingEveryWord) {
  const GenerationRequest request = small_request("flibber wobbles gronk");
  RecordingSink sink({-1}, request.frame_count());
  Result<GenerationOutput> output = SketchBackend().generate(request, sink, keep_going());
  ASSERT_TRUE(output.ok()) << output.error().message;
  const boost::json::value scene = boost::json::parse(output->scene_json);
  const auto& understood = scene.at("understood");
  EXPECT_TRUE(understood.at("subjects").as_array().empty());
  EXPECT_EQ(understood.at("unknown_words"),
            boost::json::parse(R"(["flibber", "wobbles", "gronk"])"));
  // The words are the picture: bright lettering fills the middle of the last frame.
  const KeptFrame& last = sink.kept(request.frame_count() - 1);
  EXPECT_GT(
      bright_pixels(last, last.width / 5, last.height / 6, last.width * 4 / 5, last.height / 2),
      500);
}

TEST(SketchBackend, TheSceneDescriptionSaysWhatWasUnderstoodDrawnAndPlayed) {
  RecordingSink sink;
  Result<GenerationOutput> output = SketchBackend().generate(
      small_request("two red horses run on the beach while a boy shouts \"faster!\""), sink,
      keep_going());
  ASSERT_TRUE(output.ok()) << output.error().message;
  const boost::json::value scene = boost::json::parse(output->scene_json);
  const auto& subjects = scene.at("understood").at("subjects").as_array();
  ASSERT_EQ(subjects.size(), 2u);
  EXPECT_EQ(subjects[0].at("kind").as_string(), "horse");
  EXPECT_EQ(subjects[0].at("count").as_int64(), 2);
  EXPECT_EQ(subjects[0].at("colour").as_string(), "red");
  EXPECT_EQ(scene.at("understood").at("setting").as_string(), "beach");
  EXPECT_EQ(scene.at("figures").as_array().size(), 3u);  // two horses and the boy
  EXPECT_EQ(scene.at("sound").at("ambience").as_string(), "waves");
  EXPECT_EQ(scene.at("sound").at("speech").at(0).at("voice").as_string(), "child");
}

TEST(SketchBackend, TheSceneDescriptionSaysWhatEachFigureWasPlacedAgainst) {
  RecordingSink sink;
  Result<GenerationOutput> output = SketchBackend().generate(
      small_request("zoom in on a girl holding a red balloon"), sink, keep_going());
  ASSERT_TRUE(output.ok()) << output.error().message;
  const boost::json::value scene = boost::json::parse(output->scene_json);
  const auto& figures = scene.at("figures").as_array();
  ASSERT_EQ(figures.size(), 2u);
  int held = 0;
  for (const auto& f : figures) {
    if (!f.as_object().contains("placed")) continue;
    ++held;
    EXPECT_EQ(f.at("placed").as_string(), "held");
    EXPECT_EQ(figures.at(static_cast<std::size_t>(f.at("against").as_int64())).at("subject"), 0);
  }
  EXPECT_EQ(held, 1);
  EXPECT_GT(scene.at("camera").at("subject_zoom").to_number<double>(), 1.1);
}

TEST(SketchBackend, AThousandBirdsCostsAboutAsMuchAsOne) {
  auto timed = [](const char* prompt) {
    RecordingSink sink;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(SketchBackend().generate(small_request(prompt), sink, keep_going()).ok());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const double one = timed("a bird flies over the sea");
  const double thousand = timed("a thousand birds fly over the sea");
  EXPECT_LT(thousand, one * 3 + 0.5);
}

}  // namespace
}  // namespace dreamfeed
