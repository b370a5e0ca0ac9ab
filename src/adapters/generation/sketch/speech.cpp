// espeak-ng keeps global state, so one process-wide initialisation guarded by a mutex.
// Each line is synthesised in a forked child (forked_child.h: under a deadline, killed
// if it hangs, always reaped) and its samples come back through a pipe:
// espeak-ng carries state from one utterance to the next that no API call resets (the
// pitch-flutter phase and the automatic gain are function-local statics, breathy
// voices draw on rand()), so the same line spoken after another sounded slightly
// different and clips with dialogue were not bit-identical. The parent only ever
// initialises espeak-ng, so every child starts from the same untouched state; srand()
// in the child pins the breath noise. The robot voice is a monotone espeak voice
// ring-modulated afterwards (a metallic buzz espeak cannot do).
#include "speech.h"

#include <espeak-ng/speak_lib.h>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

#include "forked_child.h"

namespace dreamfeed::sketch {
namespace {

std::mutex& espeak_mutex() {
  static std::mutex mutex;
  return mutex;
}

int espeak_rate = 0;  // set once under the mutex; 0 until initialised, -1 on failure

int collect(short* wav, int count, espeak_EVENT* events) {
  if (wav && count > 0 && events) {
    auto* out = static_cast<std::vector<short>*>(events->user_data);
    out->insert(out->end(), wav, wav + count);
  }
  return 0;  // keep going
}

// Named espeak-ng variants rather than voice properties: selecting by gender and age
// lets espeak pick among variants, and the same line must sound the same every time.
struct VoiceSettings {
  const char* name;
  int pitch;  // 0..100
  int range;  // 0..100
  int words_per_minute;
};

VoiceSettings settings_for(std::string_view voice) {
  if (voice == "adult_female") return {"en+f3", 55, 60, 165};
  if (voice == "child") return {"en+f4", 90, 70, 170};
  if (voice == "elder") return {"en+grandpa", 35, 40, 135};
  if (voice == "robot") return {"en+UniRobot", 30, 0, 150};
  if (voice == "creature") return {"en+croak", 15, 30, 140};
  if (voice == "narrator") return {"en+announcer", 45, 50, 155};
  return {"en+m3", 40, 50, 160};
}

std::vector<float> resample(const std::vector<short>& in, int from, int to) {
  std::vector<float> out;
  SwrContext* swr = nullptr;
  AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
  if (swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_FLT, to, &mono, AV_SAMPLE_FMT_S16, from, 0,
                          nullptr) < 0 ||
      swr_init(swr) < 0) {
    swr_free(&swr);
    return out;
  }
  out.resize(static_cast<std::size_t>(swr_get_out_samples(swr, static_cast<int>(in.size()))) + 64);
  auto* out_ptr = reinterpret_cast<uint8_t*>(out.data());
  const auto* in_ptr = reinterpret_cast<const uint8_t*>(in.data());
  int made = swr_convert(swr, &out_ptr, static_cast<int>(out.size()), &in_ptr,
                         static_cast<int>(in.size()));
  if (made < 0) made = 0;
  // Drain what the filter still holds.
  auto* tail = reinterpret_cast<uint8_t*>(out.data() + made);
  const int flushed = swr_convert(swr, &tail, static_cast<int>(out.size()) - made, nullptr, 0);
  out.resize(static_cast<std::size_t>(made + std::max(0, flushed)));
  swr_free(&swr);
  return out;
}

enum ChildExit { kSpoken = 0, kNoVoice = 2, kNotSpoken = 3 };

// Runs in the forked child: only espeak-ng and writes; its return value is the exit code.
int speak_into(const std::string& line, const VoiceSettings& s, int out_fd) {
  std::vector<short> raw;
  if (espeak_SetVoiceByName(s.name) != EE_OK && espeak_SetVoiceByName("en") != EE_OK) {
    return kNoVoice;
  }
  espeak_SetParameter(espeakRATE, s.words_per_minute, 0);
  espeak_SetParameter(espeakPITCH, s.pitch, 0);
  espeak_SetParameter(espeakRANGE, s.range, 0);
  std::srand(1);
  if (espeak_Synth(line.c_str(), line.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                   &raw) != EE_OK) {
    return kNotSpoken;
  }
  const auto* bytes = reinterpret_cast<const char*>(raw.data());
  std::size_t left = raw.size() * sizeof(short);
  while (left > 0) {
    const ssize_t wrote = write(out_fd, bytes, left);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return kNotSpoken;
    bytes += wrote;
    left -= static_cast<std::size_t>(wrote);
  }
  return kSpoken;
}

// What the child runs instead of espeak-ng, set by tests; guarded by the espeak mutex.
SpeechChild& substitute_child() {
  static SpeechChild child;
  return child;
}

// Call with the espeak mutex held and espeak-ng initialised.
Result<std::vector<short>> synthesise_in_child(std::string_view text, const VoiceSettings& s) {
  const std::string line(text);
  const SpeechChild& substitute = substitute_child();
  Result<ChildOutput> ran = run_forked_child(
      [&](int out_fd) {
        return substitute ? substitute(line, out_fd) : speak_into(line, s, out_fd);
      },
      speech_deadline(text));
  if (!ran) {
    return make_error(ran.error().code, "espeak-ng could not speak: " + ran.error().message);
  }
  if (ran->exit_code == kNoVoice) {
    return make_error(ErrorCode::unavailable, "espeak-ng has no English voice");
  }
  if (ran->exit_code != kSpoken) {
    return make_error(ErrorCode::internal,
                      "espeak-ng could not speak (exit " + std::to_string(ran->exit_code) + ")");
  }
  std::vector<short> raw(ran->bytes.size() / sizeof(short));
  std::memcpy(raw.data(), ran->bytes.data(), raw.size() * sizeof(short));
  return raw;
}

}  // namespace

std::chrono::milliseconds speech_deadline(std::string_view text) {
  return std::chrono::milliseconds(5000 + 20 * static_cast<std::int64_t>(text.size()));
}

void substitute_speech_child_for_testing(SpeechChild child) {
  std::lock_guard lock(espeak_mutex());
  substitute_child() = std::move(child);
}

Result<std::vector<float>> speak(std::string_view text, std::string_view voice, int sample_rate) {
  std::vector<short> raw;
  int rate = 0;
  {
    std::lock_guard lock(espeak_mutex());
    if (espeak_rate == 0) {
      espeak_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 500, nullptr, 0);
      if (espeak_rate <= 0) espeak_rate = -1;
      if (espeak_rate > 0) espeak_SetSynthCallback(collect);
    }
    if (espeak_rate < 0) {
      return make_error(ErrorCode::unavailable, "espeak-ng could not start (voice data missing?)");
    }
    rate = espeak_rate;
    Result<std::vector<short>> spoken = synthesise_in_child(text, settings_for(voice));
    if (!spoken) return spoken.error();
    raw = std::move(spoken.value());
  }
  std::vector<float> out = resample(raw, rate, sample_rate);
  if (voice == "robot") {
    for (std::size_t i = 0; i < out.size(); ++i) {
      out[i] *= static_cast<float>(
          0.6 + 0.4 * std::sin(2 * M_PI * 55.0 * static_cast<double>(i) / sample_rate));
    }
  }
  return out;
}

}  // namespace dreamfeed::sketch
