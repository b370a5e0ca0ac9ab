// Everything the clip plays besides the music: ambience for the setting and weather,
// sound effects for what the subjects do (steps, hooves, wings, engines, splashes) and
// the spoken dialogue, placed in time. Rendered once per clip into a stereo buffer that
// the Soundtrack mixes under its limiter.
#pragma once

#include <string>
#include <vector>

#include "scene_plan.h"

namespace dreamfeed::sketch {

struct SpeechCue {
  double start_s = 0;
  double end_s = 0;
  int speaker = -1;
  std::string voice;
};

// A dialogue line the synthesiser failed on (it hung, crashed or has no voice data).
struct UnspokenLine {
  int line = 0;  // index into the scene graph's dialogue
  int speaker = -1;
  std::string reason;
};

struct SoundBed {
  std::vector<float> stereo;  // interleaved, plan.seconds long
  std::vector<SpeechCue> speech;
  std::vector<UnspokenLine> not_spoken;
  std::string ambience;              // what the setting sounds like, for the description
  std::vector<std::string> effects;  // effect names, for the description
};

// Speech that cannot be synthesised (no espeak-ng data, a hung or crashed synthesiser)
// is left out and listed in not_spoken, not an error: the clip still has its ambience,
// its music and the other lines.
SoundBed render_sound_bed(const ScenePlan& plan, int sample_rate);

}  // namespace dreamfeed::sketch
