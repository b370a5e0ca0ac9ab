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

struct SoundBed {
  std::vector<float> stereo;  // interleaved, plan.seconds long
  std::vector<SpeechCue> speech;
  std::string ambience;              // what the setting sounds like, for the description
  std::vector<std::string> effects;  // effect names, for the description
};

// Speech that cannot be synthesised (no espeak-ng data) is left out, not an error: the
// clip still has its ambience and music.
SoundBed render_sound_bed(const ScenePlan& plan, int sample_rate);

}  // namespace dreamfeed::sketch
