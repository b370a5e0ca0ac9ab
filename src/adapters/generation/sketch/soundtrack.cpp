// Pad, chimes and a soft limiter, computed from the absolute sample time so the result
// depends only on the plan and the block sizes asked for (bit-identical on every run).
// Each block is mixed voice by voice into scratch buffers; every sine voice is a
// SineOscillator started at the block's first sample and a chime's decays are one exp()
// a block then a multiplication a sample, which halves the CPU of per-sample table
// lookups and exp() calls. Samples move by under 1e-7 (-134 dB of full scale).
#include "soundtrack.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "sine_oscillator.h"

namespace dreamfeed::sketch {
namespace {

constexpr std::array<int, 7> kMajor = {0, 2, 4, 5, 7, 9, 11};
constexpr std::array<int, 7> kMinor = {0, 2, 3, 5, 7, 8, 10};
constexpr std::array<int, 5> kMajorPentatonic = {0, 2, 4, 7, 9};
constexpr std::array<int, 5> kMinorPentatonic = {0, 3, 5, 7, 10};

constexpr double kPadAttack = 0.6;
constexpr double kPadRelease = 0.9;
constexpr double kChimeLength = 1.4;
// A chime's three partials: their frequencies (× the note's) and how fast each dies
// away, per second.
constexpr std::array<double, 3> kChimePartials = {1.0, 2.76, 5.40};
constexpr std::array<double, 3> kChimeDecayRates = {3.2, 6.0, 11.0};

double midi_to_hz(double midi) { return 440.0 * std::pow(2.0, (midi - 69.0) / 12.0); }

// One period of a sine, looked up with linear interpolation: much cheaper than
// std::sin per oscillator per sample, and just as deterministic.
class SineTable {
 public:
  SineTable() {
    for (std::size_t i = 0; i <= kSize; ++i) {
      table_[i] = std::sin(2.0 * M_PI * static_cast<double>(i) / kSize);
    }
  }
  // `cycles` is the phase in periods; only its fractional part matters.
  double operator()(double cycles) const {
    const double position = (cycles - std::floor(cycles)) * kSize;
    const auto index = static_cast<std::size_t>(position);
    const double frac = position - static_cast<double>(index);
    return table_[index] + (table_[index + 1] - table_[index]) * frac;
  }

 private:
  static constexpr std::size_t kSize = 4096;
  std::array<double, kSize + 1> table_{};
};

const SineTable& sine() {
  static const SineTable table;
  return table;
}

double triangle(double cycles) {
  const double f = cycles - std::floor(cycles);
  return 4.0 * std::fabs(f - 0.5) - 1.0;
}

// tanh(x) as the (7,6) Padé approximant: within 1e-4 of it, rising monotonically to
// exactly 1 at |x| = 4.97179 and held there. libm's tanh was a fifth of the
// soundtrack's time, applied to every sample of both channels.
double smooth_saturate(double x) {
  constexpr double kReachesOne = 4.971786858527;
  x = std::clamp(x, -kReachesOne, kReachesOne);
  const double x2 = x * x;
  return x * (135135.0 + x2 * (17325.0 + x2 * (378.0 + x2))) /
         (135135.0 + x2 * (62370.0 + x2 * (3150.0 + x2 * 28.0)));
}

const std::array<int, 7>& scale_of(const MusicPlan& plan) { return plan.minor ? kMinor : kMajor; }

int scale_semitones(const MusicPlan& plan, int degree) {
  const auto& scale = scale_of(plan);
  return scale[static_cast<std::size_t>(degree % 7)] + 12 * (degree / 7);
}

}  // namespace

// Equal-power panning keeps loudness constant as a sound moves across.
Soundtrack::StereoGain Soundtrack::equal_power(double pan) {
  const double angle = (std::clamp(pan, -1.0, 1.0) + 1.0) * M_PI / 4.0;
  return StereoGain{std::cos(angle), std::sin(angle)};
}

double chime_frequency(const MusicPlan& plan, int step) {
  const auto& pentatonic = plan.minor ? kMinorPentatonic : kMajorPentatonic;
  const int semis = pentatonic[static_cast<std::size_t>(step % 5)] + 12 * (step / 5);
  return midi_to_hz(plan.root_midi + 24 + semis);
}

std::vector<std::string> chord_names(const MusicPlan& plan) {
  static constexpr std::array<std::string_view, 7> kUpper = {"I", "II", "III", "IV",
                                                             "V", "VI", "VII"};
  static constexpr std::array<std::string_view, 7> kLower = {"i", "ii", "iii", "iv",
                                                             "v", "vi", "vii"};
  std::vector<std::string> names;
  for (int degree : plan.progression) {
    const int third = scale_semitones(plan, degree + 2) - scale_semitones(plan, degree);
    const auto d = static_cast<std::size_t>(degree % 7);
    names.emplace_back(third == 4 ? kUpper[d] : kLower[d]);
  }
  return names;
}

std::string key_name(const MusicPlan& plan) {
  static constexpr std::array<std::string_view, 12> kNotes = {"C",  "C#", "D",  "D#", "E",  "F",
                                                              "F#", "G",  "G#", "A",  "A#", "B"};
  return std::string(kNotes[static_cast<std::size_t>(plan.root_midi % 12)]) +
         (plan.minor ? " minor" : " major");
}

Soundtrack::Soundtrack(MusicPlan plan) : plan_(std::move(plan)) {
  // Chord tones spread across the stereo field; the bass stays centred.
  for (double pan : {0.0, -0.45, 0.1, 0.5}) voice_gains_.push_back(equal_power(pan));
  for (const ChimeCue& chime : plan_.chimes) chime_gains_.push_back(equal_power(chime.pan));
  for (std::size_t k = 0; k < kChimeDecayRates.size(); ++k) {
    chime_decay_step_[k] = std::exp(-kChimeDecayRates[k] / plan_.sample_rate);
  }
  if (plan_.progression.empty()) plan_.progression = {0};
  const int count = std::max(1, static_cast<int>(std::ceil(plan_.seconds / plan_.chord_seconds)));
  for (int i = 0; i < count; ++i) {
    const int degree = plan_.progression[static_cast<std::size_t>(i) % plan_.progression.size()];
    Chord chord;
    chord.start_s = i * plan_.chord_seconds;
    chord.end_s = (i + 1) * plan_.chord_seconds;
    const double root = plan_.root_midi + scale_semitones(plan_, degree);
    chord.frequencies.push_back(midi_to_hz(root - 12));  // bass
    for (int step : {0, 2, 4}) {
      chord.frequencies.push_back(
          midi_to_hz(plan_.root_midi + 12 + scale_semitones(plan_, degree + step)));
    }
    chords_.push_back(std::move(chord));
  }
}

void Soundtrack::add_pad() {
  const double rate = plan_.sample_rate;
  const std::size_t frames = times_.size();
  for (const Chord& chord : chords_) {
    if (times_.back() < chord.start_s - 0.05 || times_.front() > chord.end_s + kPadRelease) {
      continue;
    }
    // The chord's envelope over the block: zero where it is silent.
    envelope_.assign(frames, 0.0);
    for (std::size_t i = 0; i < frames; ++i) {
      const double t = times_[i];
      if (t < chord.start_s - 0.05 || t > chord.end_s + kPadRelease) continue;
      // Overlapping attack and release crossfade one chord into the next.
      double envelope = std::clamp((t - chord.start_s + 0.05) / kPadAttack, 0.0, 1.0);
      if (t > chord.end_s) envelope *= 1.0 - (t - chord.end_s) / kPadRelease;
      envelope_[i] = std::max(0.0, envelope * envelope * (3.0 - 2.0 * envelope));
    }
    // Voice 0 is the bass (one sine); the others are two slightly detuned sines that
    // beat slowly, which is what makes a pad "breathe", and a triangle.
    for (std::size_t v = 0; v < chord.frequencies.size(); ++v) {
      const double f = chord.frequencies[v];
      const StereoGain gain = voice_gains_[v % voice_gains_.size()];
      SineOscillator first(f * times_.front(), f / rate);
      if (v == 0) {
        for (std::size_t i = 0; i < frames; ++i) {
          const double s = 0.15 * first.next();
          left_[i] += s * envelope_[i] * gain.left;
          right_[i] += s * envelope_[i] * gain.right;
        }
        continue;
      }
      SineOscillator second(f * 1.0035 * times_.front(), f * 1.0035 / rate);
      for (std::size_t i = 0; i < frames; ++i) {
        const double a = first.next();
        const double b = second.next();
        const double s = 0.04 * (a + b) + 0.024 * triangle(f * 0.9982 * times_[i]);
        left_[i] += s * envelope_[i] * gain.left;
        right_[i] += s * envelope_[i] * gain.right;
      }
    }
  }
}

void Soundtrack::add_chimes() {
  const double rate = plan_.sample_rate;
  const auto frames = static_cast<std::int64_t>(left_.size());
  for (std::size_t c = 0; c < plan_.chimes.size(); ++c) {
    const ChimeCue& chime = plan_.chimes[c];
    // The block's samples inside [time_s, time_s + kChimeLength].
    const auto first = std::max<std::int64_t>(
        next_frame_, static_cast<std::int64_t>(std::ceil(chime.time_s * rate)));
    if (first >= next_frame_ + frames) break;  // cues are in time order
    const auto last = std::min<std::int64_t>(
        next_frame_ + frames - 1,
        static_cast<std::int64_t>(std::floor((chime.time_s + kChimeLength) * rate)));
    if (last < first) continue;
    // Inharmonic partials (×2.76, ×5.4) decaying faster than the fundamental: a bell.
    // The decays start from exp() at the block's first sample and then step by one
    // multiplication a sample, as the partials step by rotation.
    const double age0 = static_cast<double>(first) / rate - chime.time_s;
    std::array<double, 3> decay{};
    std::array<SineOscillator, 3> partials{SineOscillator(0, 0), SineOscillator(0, 0),
                                           SineOscillator(0, 0)};
    for (std::size_t k = 0; k < decay.size(); ++k) {
      decay[k] = std::exp(-age0 * kChimeDecayRates[k]);
      const double f = chime.frequency_hz * kChimePartials[k];
      partials[k] = SineOscillator(f * age0, f / rate);
    }
    for (std::int64_t n = first; n <= last; ++n) {
      const auto i = static_cast<std::size_t>(n - next_frame_);
      const double age = times_[i] - chime.time_s;
      const double attack = std::min(1.0, age / 0.004);
      const double s = attack * 0.2 *
                       (partials[0].next() * decay[0] + 0.30 * partials[1].next() * decay[1] +
                        0.10 * partials[2].next() * decay[2]);
      const double fade = age > kChimeLength - 0.2 ? (kChimeLength - age) / 0.2 : 1.0;
      left_[i] += s * fade * chime_gains_[c].left;
      right_[i] += s * fade * chime_gains_[c].right;
      for (std::size_t k = 0; k < decay.size(); ++k) decay[k] *= chime_decay_step_[k];
    }
  }
}

void Soundtrack::set_bed(std::vector<float> stereo, std::vector<std::pair<double, double>> duck_s) {
  bed_ = std::move(stereo);
  duck_s_ = std::move(duck_s);
}

void Soundtrack::render_next(std::span<float> interleaved_stereo) {
  const SineTable& sin_of = sine();
  const double rate = plan_.sample_rate;
  const std::size_t frames = interleaved_stereo.size() / 2;
  if (frames == 0) return;
  times_.resize(frames);
  for (std::size_t i = 0; i < frames; ++i) {
    times_[i] = static_cast<double>(next_frame_ + static_cast<std::int64_t>(i)) / rate;
  }
  left_.assign(frames, 0.0);
  right_.assign(frames, 0.0);
  // Voice by voice over the whole block, then the per-sample tail below: each voice's
  // set-up (which chord or chime is sounding) is done once a block, not once a sample.
  add_pad();
  const double tremolo_hz = 0.23;
  for (std::size_t i = 0; i < frames; ++i) {
    const double t = times_[i];
    const double tremolo = 1.0 - 0.12 * (0.5 + 0.5 * sin_of(tremolo_hz * t));
    left_[i] *= tremolo;
    right_[i] *= tremolo;
  }
  add_chimes();

  for (std::size_t i = 0; i < frames; ++i) {
    const double t = times_[i];
    double left = left_[i], right = right_[i];
    double duck = duck_s_.empty() ? 1.0 : 0.5;
    for (const auto& [from, to] : duck_s_) {
      // 0.15 s ramps either side so the music does not pump.
      const double inside = std::min(std::clamp((t - from + 0.15) / 0.15, 0.0, 1.0),
                                     std::clamp((to + 0.15 - t) / 0.15, 0.0, 1.0));
      duck = std::min(duck, 0.5 * (1.0 - 0.75 * inside));
    }
    left *= duck;
    right *= duck;
    const std::size_t at = 2 * static_cast<std::size_t>(next_frame_ + static_cast<std::int64_t>(i));
    if (at + 1 < bed_.size()) {
      left += bed_[at];
      right += bed_[at + 1];
    }

    // Fade in and out so the clip neither clicks on nor stops dead.
    const double master =
        std::min(1.0, t / 0.12) * std::clamp((plan_.seconds - t) / 0.45, 0.0, 1.0);
    // Soft limiter: linear for quiet sounds, never beyond kPeakLimit.
    interleaved_stereo[2 * i] =
        static_cast<float>(kPeakLimit * smooth_saturate(left * master / kPeakLimit));
    interleaved_stereo[2 * i + 1] =
        static_cast<float>(kPeakLimit * smooth_saturate(right * master / kPeakLimit));
  }
  next_frame_ += static_cast<std::int64_t>(frames);
}

}  // namespace dreamfeed::sketch
