// The sketch clip's sound: a soft pad playing a chord progression (sine and triangle
// oscillators, slow envelopes) and a bell-like chime each time a word appears, panned
// to where the word is. Synthesised by hand because no library in the stack makes
// music; it is a few oscillators and envelopes. Output never exceeds kPeakLimit.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/generation_request.h"
#include "sine_oscillator.h"

namespace dreamfeed::sketch {

inline constexpr double kPeakLimit = 0.89;

struct ChimeCue {
  double time_s = 0;
  double pan = 0;  // -1 left … +1 right
  double frequency_hz = 880;
};

struct MusicPlan {
  int sample_rate = kAudioSampleRate;
  double seconds = 4;
  int root_midi = 57;
  bool minor = false;
  std::vector<int> progression;  // scale degrees (0-based) of the chord roots, looped
  double chord_seconds = 2;
  std::vector<ChimeCue> chimes;  // in time order
};

// The pentatonic note of the plan's key that a chime plays, for a 0-based step.
double chime_frequency(const MusicPlan& plan, int step);
// Roman numeral names of the progression ("I", "vi", …), for the scene description.
std::vector<std::string> chord_names(const MusicPlan& plan);
std::string key_name(const MusicPlan& plan);

class Soundtrack {
 public:
  explicit Soundtrack(MusicPlan plan);
  // Mixes `stereo` (interleaved, from the clip's start) under the limiter with the music.
  // Speech must stay clear: with any `duck_s` windows the music plays at half level, and
  // at a quarter of that inside each [start, end).
  void set_bed(std::vector<float> stereo, std::vector<std::pair<double, double>> duck_s);
  // Fills `interleaved_stereo` with the next size()/2 sample frames.
  void render_next(std::span<float> interleaved_stereo);

 private:
  struct Chord {
    double start_s = 0;
    double end_s = 0;
    std::vector<double> frequencies;  // bass first
  };
  struct StereoGain {
    double left = 0;
    double right = 0;
  };
  static StereoGain equal_power(double pan);
  // Each adds its voices for the block of sample frames at times_ into left_ and right_.
  void add_pad();
  void add_chimes();

  MusicPlan plan_;
  std::vector<Chord> chords_;
  std::vector<StereoGain> voice_gains_;
  std::vector<StereoGain> chime_gains_;  // one per plan_.chimes entry
  // A chime partial's decay over one sample, exp(-rate / sample_rate), per partial.
  std::array<double, 3> chime_decay_step_{};
  // The block being mixed, reused from call to call: each sample frame's time in
  // seconds, the sound so far, and one chord's envelope.
  std::vector<double> times_;
  std::vector<double> left_;
  std::vector<double> right_;
  std::vector<double> envelope_;
  std::int64_t next_frame_ = 0;
  std::vector<float> bed_;
  std::vector<std::pair<double, double>> duck_s_;
};

}  // namespace dreamfeed::sketch
