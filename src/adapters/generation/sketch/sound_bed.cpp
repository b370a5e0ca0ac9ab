// Ambience and effects are synthesised by hand from seeded noise, one-pole filters and
// sine sweeps — no library in the stack synthesises sound effects, and these need only
// a few lines each. Steady sines (swells, gusts, hums) are SineOscillators rather than
// a sin() call a sample. Dialogue comes from speech.h (espeak-ng).
#include "sound_bed.h"

#include <algorithm>
#include <cmath>

#include "seeded_random.h"
#include "sine_oscillator.h"
#include "speech.h"

namespace dreamfeed::sketch {
namespace {

constexpr double kTau = 6.283185307179586;

// One-pole low-pass filter; cutoff in Hz.
class LowPass {
 public:
  LowPass(double cutoff, int rate) : a_(1.0 - std::exp(-kTau * cutoff / rate)) {}
  double operator()(double x) { return y_ += a_ * (x - y_); }

 private:
  double a_;
  double y_ = 0;
};

struct Bed {
  std::vector<float>& out;
  int rate;
  std::size_t frames() const { return out.size() / 2; }
  void add(std::size_t i, double left, double right) {
    if (i >= frames()) return;
    out[2 * i] += static_cast<float>(left);
    out[2 * i + 1] += static_cast<float>(right);
  }
};

void wind(Bed& bed, SeededRandom random, double level) {
  LowPass lp(400, bed.rate), lp2(250, bed.rate);
  SineOscillator slow(0, 0.17 / bed.rate), slower(1 / kTau, 0.05 / bed.rate);
  for (std::size_t i = 0; i < bed.frames(); ++i) {
    const double gust = 0.55 + 0.45 * slow.next() * slower.next();
    const double n = lp(random.between(-1, 1)) * gust * level * 3;
    bed.add(i, n, lp2(random.between(-1, 1)) * gust * level * 3.5);
  }
}

void waves(Bed& bed, SeededRandom random, double level) {
  LowPass lp(900, bed.rate), lp2(700, bed.rate);
  SineOscillator wave(0, 0.13 / bed.rate), wave2(1.2 / kTau, 0.13 / bed.rate);
  for (std::size_t i = 0; i < bed.frames(); ++i) {
    const double swell = std::pow(0.5 + 0.5 * wave.next(), 2.0);
    const double swell2 = std::pow(0.5 + 0.5 * wave2.next(), 2.0);
    bed.add(i, lp(random.between(-1, 1)) * swell * level * 2.5,
            lp2(random.between(-1, 1)) * swell2 * level * 2.5);
  }
}

void rain(Bed& bed, SeededRandom random, double level) {
  LowPass lp(2500, bed.rate);
  for (std::size_t i = 0; i < bed.frames(); ++i) {
    const double n = random.between(-1, 1);
    const double hiss = n - lp(n);  // high-passed: patter, not rumble
    bed.add(i, hiss * level, (random.between(-1, 1) - n * 0.3) * level * 0.6);
  }
}

void tone(Bed& bed, double start_s, double length_s, double f0, double f1, double level,
          double pan) {
  const auto start = static_cast<std::size_t>(start_s * bed.rate);
  const auto length = static_cast<std::size_t>(length_s * bed.rate);
  double phase = 0;
  for (std::size_t k = 0; k < length; ++k) {
    const double x = static_cast<double>(k) / static_cast<double>(length);
    phase += kTau * (f0 + (f1 - f0) * x) / bed.rate;
    const double env = std::sin(M_PI * x);
    const double s = std::sin(phase) * env * level;
    bed.add(start + k, s * (1 - pan) / 2 * 2 * 0.7, s * (1 + pan) / 2 * 2 * 0.7);
  }
}

void birdsong(Bed& bed, SeededRandom random, double level) {
  const double seconds = static_cast<double>(bed.frames()) / bed.rate;
  for (double t = random.between(0.2, 0.8); t < seconds - 0.3; t += random.between(0.4, 1.3)) {
    const double pan = random.between(-0.8, 0.8);
    const double f = random.between(2500, 4200);
    const int notes = 2 + random.below(3);
    for (int n = 0; n < notes; ++n) tone(bed, t + n * 0.09, 0.07, f, f * 1.25, level, pan);
  }
}

void hum(Bed& bed, double level) {
  SineOscillator low(0, 55.0 / bed.rate), octave(0, 110.7 / bed.rate);
  SineOscillator fifth(0, 82.4 / bed.rate), swell(0, 0.2 / bed.rate);
  for (std::size_t i = 0; i < bed.frames(); ++i) {
    const double s =
        low.next() * 0.6 + octave.next() * 0.3 + fifth.next() * 0.3 * (0.5 + 0.5 * swell.next());
    bed.add(i, s * level, s * level);
  }
}

// Low-passed noise, the same on both channels, for the whole bed: a city's traffic, an
// underwater hush. Draws from `random`, so what follows it continues the same stream.
void rumble(Bed& bed, SeededRandom& random, double cutoff, double level, double loudness) {
  LowPass lp(cutoff, bed.rate);
  for (std::size_t i = 0; i < bed.frames(); ++i) {
    const double n = lp(random.between(-1, 1)) * level * loudness;
    bed.add(i, n, n);
  }
}

void city(Bed& bed, SeededRandom random, double level) {
  rumble(bed, random, 180, level, 4);
  const double seconds = static_cast<double>(bed.frames()) / bed.rate;
  for (double t = random.between(0.5, 1.5); t < seconds - 0.5; t += random.between(1.5, 3.0)) {
    tone(bed, t, 0.35, 392, 392, level * 0.8, random.between(-0.6, 0.6));
    tone(bed, t, 0.35, 494, 494, level * 0.6, random.between(-0.6, 0.6));
  }
}

void murmur(Bed& bed, SeededRandom random, double level) {
  LowPass lp(900, bed.rate), lp2(300, bed.rate);
  SineOscillator slow(0, 0.4 / bed.rate);
  for (std::size_t i = 0; i < bed.frames(); ++i) {
    const double n = lp(random.between(-1, 1)) - lp2(random.between(-1, 1)) * 0.5;
    const double swell = 0.7 + 0.3 * slow.next();
    bed.add(i, n * level * 2 * swell, n * level * 2 * (1.3 - swell));
  }
}

void bubbles(Bed& bed, SeededRandom random, double level) {
  rumble(bed, random, 150, level, 5);
  const double seconds = static_cast<double>(bed.frames()) / bed.rate;
  for (double t = 0.3; t < seconds - 0.2; t += random.between(0.15, 0.6)) {
    const double f = random.between(300, 700);
    tone(bed, t, 0.05, f, f * 2.2, level * 0.8, random.between(-0.7, 0.7));
  }
}

// A short decaying noise burst: a footstep, a hoof, a splash (longer), a thud.
void burst(Bed& bed, SeededRandom& random, double at_s, double length_s, double cutoff,
           double level, double pan) {
  LowPass lp(cutoff, bed.rate);
  const auto start = static_cast<std::size_t>(std::max(0.0, at_s) * bed.rate);
  const auto length = static_cast<std::size_t>(length_s * bed.rate);
  for (std::size_t k = 0; k < length; ++k) {
    const double env = std::exp(-5.0 * static_cast<double>(k) / static_cast<double>(length));
    const double s = lp(random.between(-1, 1)) * env * level;
    bed.add(start + k, s * (1 - pan * 0.6), s * (1 + pan * 0.6));
  }
}

void engine(Bed& bed, double level, double pan, double base_hz) {
  LowPass lp(300, bed.rate);
  double phase = 0;
  for (std::size_t i = 0; i < bed.frames(); ++i) {
    const double t = static_cast<double>(i) / bed.rate;
    // std::sin, not a SineOscillator: the sawtooth's wraps follow the summed phase, and
    // a last-bit change there moves a wrap by a sample.
    phase += (base_hz + 8 * std::sin(kTau * 0.3 * t)) / bed.rate;
    const double saw = 2 * (phase - std::floor(phase)) - 1;
    const double s = lp(saw) * level;
    bed.add(i, s * (1 - pan * 0.6), s * (1 + pan * 0.6));
  }
}

std::string ambience_for(const ScenePlan& plan, Bed& bed, SeededRandom random) {
  const std::string& setting = plan.graph.setting;
  if (setting == "beach" || setting == "lake") {
    waves(bed, random.fork(1), 0.05);
    return "waves";
  }
  if (setting == "city") {
    city(bed, random.fork(1), 0.03);
    return "city";
  }
  if (setting == "space") {
    hum(bed, 0.035);
    return "space hum";
  }
  if (setting == "underwater") {
    bubbles(bed, random.fork(1), 0.03);
    return "underwater";
  }
  if (setting == "stage" || setting == "kitchen" || setting == "room") {
    murmur(bed, random.fork(1), 0.02);
    return "crowd";
  }
  if (setting == "desert" || setting == "snow" || setting == "sky" || setting == "mountain") {
    wind(bed, random.fork(1), 0.03);
    return "wind";
  }
  wind(bed, random.fork(1), 0.012);
  if (plan.graph.time_of_day != "night") {
    birdsong(bed, random.fork(2), 0.03);
    return "birdsong";
  }
  return "night breeze";
}

}  // namespace

SoundBed render_sound_bed(const ScenePlan& plan, int sample_rate) {
  SoundBed sound;
  sound.stereo.assign(static_cast<std::size_t>(plan.seconds) * sample_rate * 2, 0.0f);
  Bed bed{sound.stereo, sample_rate};
  SeededRandom random(plan.seed ^ 0x50D0BEDULL);
  sound.ambience = ambience_for(plan, bed, random.fork(1));
  const std::string& weather = plan.graph.weather;
  if (weather == "rain" || weather == "storm") {
    rain(bed, random.fork(2), 0.03);
    sound.effects.push_back("rain");
  }
  if (weather == "storm") {
    SeededRandom thunder = random.fork(3);
    burst(bed, thunder, 0.8, 1.8, 90, 0.5, 0);
    sound.effects.push_back("thunder");
  }
  if (weather == "wind") {
    wind(bed, random.fork(4), 0.04);
    sound.effects.push_back("wind");
  }

  // Effects for the first few moving figures: enough to hear the action, bounded cost.
  SeededRandom fx = random.fork(5);
  const double w = plan.width;
  int voiced = 0;
  for (std::size_t i = 0; i < plan.subjects.figures.size() && voiced < 4; ++i) {
    const PlacedFigure& f = plan.subjects.figures[i];
    if (f.carrier >= 0) continue;
    const double pan = std::clamp((f.box.x + f.box.width / 2) / w * 2 - 1, -1.0, 1.0);
    const std::string& action = plan.graph.subjects[static_cast<std::size_t>(f.subject)].action;
    const bool moving = f.stride_hz > 0 && f.travel_px > 0;
    std::string effect;
    if (f.figure == Figure::vehicle && f.kind != "bicycle" && f.kind != "boat") {
      engine(bed, 0.05, pan, f.kind == "plane" || f.kind == "rocket" ? 70 : 48);
      effect = "engine";
    } else if (f.airborne && (f.figure == Figure::bird || f.kind == "dragon")) {
      for (double t = f.phase / 5; t < plan.seconds; t += 0.2) {
        burst(bed, fx, t, 0.12, 1200, 0.05, pan);
      }
      effect = "wings";
    } else if (action == "swim" || f.figure == Figure::fish) {
      for (double t = 0.4 + f.phase; t < plan.seconds; t += 1.1) {
        burst(bed, fx, t, 0.35, 2500, 0.08, pan);
      }
      effect = "splashes";
    } else if (moving && f.figure == Figure::quadruped) {
      const double step = 1.0 / (2 * f.stride_hz);
      for (double t = f.phase * step; t < plan.seconds; t += step) {
        burst(bed, fx, t, 0.03, 1800, 0.12, pan);
        burst(bed, fx, t + step * 0.25, 0.03, 1800, 0.09, pan);
      }
      effect = "hooves";
    } else if (moving && f.figure == Figure::biped) {
      const double step = 1.0 / (2 * f.stride_hz);
      for (double t = f.phase * step; t < plan.seconds; t += step) {
        burst(bed, fx, t, 0.05, 700, 0.12, pan);
      }
      effect = "steps";
    }
    if (!effect.empty()) {
      ++voiced;
      if (std::find(sound.effects.begin(), sound.effects.end(), effect) == sound.effects.end()) {
        sound.effects.push_back(effect);
      }
    }
  }

  // Dialogue: one line after another from 0.5 s, each levelled, faded at the end
  // of the clip if it runs over. A line the synthesiser fails on is left out and
  // reported; the next one takes its place in time.
  double at = 0.5;
  const double clip_end = plan.seconds - 0.15;
  for (std::size_t index = 0; index < plan.graph.dialogue.size(); ++index) {
    const Dialogue& line = plan.graph.dialogue[index];
    if (at >= clip_end - 0.3) break;
    Result<std::vector<float>> voice = speak(line.text, line.voice, sample_rate);
    if (!voice) {
      sound.not_spoken.push_back(
          UnspokenLine{static_cast<int>(index), line.speaker, voice.error().message});
      continue;
    }
    if (voice->empty()) continue;
    float peak = 0;
    double power = 0;
    for (float s : *voice) {
      peak = std::max(peak, std::fabs(s));
      power += double{s} * s;
    }
    if (peak <= 0) continue;
    // Loud enough to follow over the music (by its average level), with its peaks kept
    // below the limiter's knee.
    const double rms = std::sqrt(power / static_cast<double>(voice->size()));
    const double gain = std::min(0.22 / rms, 0.85 / peak);
    double pan = 0;
    if (line.speaker >= 0) {
      for (const PlacedFigure& f : plan.subjects.figures) {
        if (f.subject == line.speaker) {
          pan = std::clamp((f.box.x + f.box.width / 2) / w * 2 - 1, -1.0, 1.0) * 0.5;
          break;
        }
      }
    }
    const auto start = static_cast<std::size_t>(at * sample_rate);
    const auto last = static_cast<std::size_t>(clip_end * sample_rate);
    const std::size_t length = std::min(voice->size(), last - start);
    const std::size_t fade = static_cast<std::size_t>(0.1 * sample_rate);
    for (std::size_t k = 0; k < length; ++k) {
      double s = (*voice)[k] * gain;
      if (length < voice->size() && k + fade > length) {
        s *= static_cast<double>(length - k) / static_cast<double>(fade);
      }
      bed.add(start + k, s * (1 - pan), s * (1 + pan));
    }
    const double end = at + static_cast<double>(length) / sample_rate;
    sound.speech.push_back(SpeechCue{at, end, line.speaker, line.voice});
    at = end + 0.3;
  }
  return sound;
}

}  // namespace dreamfeed::sketch
