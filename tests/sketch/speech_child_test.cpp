// The speech synthesiser runs in a child process that may hang or crash; a listener
// must still get the clip, with its sound and the other lines, a little late at worst,
// and the server must not collect zombie processes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "recording_sink.h"
#include "sketch_backend.h"
#include "speech.h"

namespace dreamfeed {
namespace {

using Clock = std::chrono::steady_clock;
using sketch::speech_deadline;
using sketch::substitute_speech_child_for_testing;

// True while this process has a child that has not been reaped (running or zombie).
bool has_unreaped_child() {
  int status = 0;
  return waitpid(-1, &status, WNOHANG) != -1 || errno != ECHILD;
}

// A child that tells the test its pid through `pid_pipe`, then never finishes.
sketch::SpeechChild hanging_child(int pid_pipe) {
  return [pid_pipe](const std::string&, int) {
    const pid_t self = getpid();
    (void)!write(pid_pipe, &self, sizeof self);
    for (;;) pause();
    return 0;
  };
}

// Half a second of a 440 Hz tone at espeak-ng's 22 050 Hz, as a stand-in for speech.
int tone_child(int out_fd) {
  std::vector<short> samples(11025);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i] = static_cast<short>(8000 * std::sin(2 * M_PI * 440.0 * i / 22050.0));
  }
  const auto* bytes = reinterpret_cast<const char*>(samples.data());
  std::size_t left = samples.size() * sizeof(short);
  while (left > 0) {
    const ssize_t wrote = write(out_fd, bytes, left);
    if (wrote <= 0) return 1;
    bytes += wrote;
    left -= static_cast<std::size_t>(wrote);
  }
  return 0;
}

class SpeechChild : public ::testing::Test {
 protected:
  void TearDown() override { substitute_speech_child_for_testing({}); }
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST_F(SpeechChild, AHungChildIsKilledAtTheDeadlineAndReaped) {
  int pids[2];
  ASSERT_EQ(pipe(pids), 0);
  substitute_speech_child_for_testing(hanging_child(pids[1]));
  const std::string line = "hello there";
  const double deadline = std::chrono::duration<double>(speech_deadline(line)).count();
  EXPECT_DOUBLE_EQ(deadline, 5.0 + 0.02 * static_cast<double>(line.size()));

  const Clock::time_point start = Clock::now();
  Result<std::vector<float>> spoken = sketch::speak(line, "adult_male", kAudioSampleRate);
  const double took = seconds_since(start);
  ASSERT_FALSE(spoken.ok());
  EXPECT_EQ(spoken.error().code, ErrorCode::unavailable) << spoken.error().message;
  EXPECT_GE(took, deadline - 0.05);
  // The child would hang forever; the bound is loose because loaded CI machines (and the
  // sanitizer build) are slow to schedule, and tighter bounds failed there.
  EXPECT_LT(took, deadline + 20.0);

  pid_t child = 0;
  ASSERT_EQ(read(pids[0], &child, sizeof child), static_cast<ssize_t>(sizeof child));
  close(pids[0]);
  close(pids[1]);
  EXPECT_EQ(kill(child, 0), -1) << "the hung child " << child << " is still there";
  EXPECT_EQ(errno, ESRCH);
  EXPECT_FALSE(has_unreaped_child());
}

TEST_F(SpeechChild, AChildThatClosesItsOutputAndHangsIsKilledToo) {
  substitute_speech_child_for_testing([](const std::string&, int out_fd) {
    close(out_fd);
    for (;;) pause();
    return 0;
  });
  const Clock::time_point start = Clock::now();
  Result<std::vector<float>> spoken = sketch::speak("hi", "child", kAudioSampleRate);
  ASSERT_FALSE(spoken.ok());
  EXPECT_EQ(spoken.error().code, ErrorCode::unavailable);
  EXPECT_LT(seconds_since(start), 5.04 + 20.0);  // it would hang forever (see above)
  EXPECT_FALSE(has_unreaped_child());
}

TEST_F(SpeechChild, ACrashingChildGivesAnErrorValue) {
  substitute_speech_child_for_testing([](const std::string&, int) {
    abort();
    return 0;
  });
  Result<std::vector<float>> spoken = sketch::speak("crash", "adult_male", kAudioSampleRate);
  ASSERT_FALSE(spoken.ok());
  EXPECT_EQ(spoken.error().code, ErrorCode::internal);
  EXPECT_NE(spoken.error().message.find("died of"), std::string::npos) << spoken.error().message;
  EXPECT_FALSE(has_unreaped_child());
}

TEST_F(SpeechChild, AChildThatExitsNonZeroGivesAnErrorValue) {
  substitute_speech_child_for_testing([](const std::string&, int) { return 7; });
  Result<std::vector<float>> spoken = sketch::speak("fail", "adult_male", kAudioSampleRate);
  ASSERT_FALSE(spoken.ok());
  EXPECT_EQ(spoken.error().code, ErrorCode::internal);
  EXPECT_NE(spoken.error().message.find("exit 7"), std::string::npos) << spoken.error().message;
  EXPECT_FALSE(has_unreaped_child());
}

TEST_F(SpeechChild, TheClipIsMadeWithSoundAndTheOtherLinesWhenOneLineHangs) {
  int pids[2];
  ASSERT_EQ(pipe(pids), 0);
  const sketch::SpeechChild hang = hanging_child(pids[1]);
  substitute_speech_child_for_testing([hang](const std::string& line, int out_fd) {
    return line.find("stuck") != std::string::npos ? hang(line, out_fd) : tone_child(out_fd);
  });
  GenerationRequest request;
  request.prompt = "a man says \"stuck forever\" and a girl says \"hello\" on a windy beach";
  request.seconds = 4;
  request.aspect = Aspect::portrait;
  request.resolution = Resolution::p480;
  request.seed = 5;
  request.creator_handle = "ears";
  testing::RecordingSink sink;
  const Clock::time_point start = Clock::now();
  Result<GenerationOutput> out = SketchBackend().generate(request, sink, [](int) { return true; });
  const double took = seconds_since(start);
  close(pids[0]);
  close(pids[1]);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_LT(took, std::chrono::duration<double>(speech_deadline("stuck forever")).count() + 20);
  EXPECT_FALSE(has_unreaped_child());

  const boost::json::value scene = boost::json::parse(out->scene_json);
  const auto& dialogue = scene.at("understood").at("dialogue").as_array();
  ASSERT_EQ(dialogue.size(), 2u);
  const auto& sound = scene.at("sound");
  const auto& not_spoken = sound.at("not_spoken").as_array();
  ASSERT_EQ(not_spoken.size(), 1u);
  EXPECT_EQ(not_spoken[0].at("line").as_int64(), 0);
  EXPECT_EQ(not_spoken[0].at("speaker"), dialogue[0].at("speaker"));
  EXPECT_FALSE(not_spoken[0].at("reason").as_string().empty());
  // The other line is spoken, from where the failed one would have started.
  const auto& speech = sound.at("speech").as_array();
  ASSERT_EQ(speech.size(), 1u);
  EXPECT_EQ(speech[0].at("speaker"), dialogue[1].at("speaker"));
  EXPECT_EQ(speech[0].at("from_ms").as_int64(), 500);

  // Every second of the clip still has sound.
  const std::vector<float>& audio = sink.audio();
  ASSERT_EQ(audio.size(), static_cast<std::size_t>(2 * 4 * kAudioSampleRate));
  for (double t = 0.2; t < 3.4; t += 1.0) {
    double power = 0;
    const auto from = static_cast<std::size_t>(t * kAudioSampleRate);
    for (std::size_t i = from; i < from + kAudioSampleRate / 2; ++i) {
      power += double{audio[2 * i]} * audio[2 * i];
    }
    EXPECT_GT(std::sqrt(power / (kAudioSampleRate / 2)), 0.003) << "at " << t;
  }
}

}  // namespace
}  // namespace dreamfeed
