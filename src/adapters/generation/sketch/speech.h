// Spoken dialogue: espeak-ng (library API, synchronous mode, into a buffer) in a voice
// chosen for the speaker, resampled to the clip's rate with libswresample.
#pragma once

#include <string_view>
#include <vector>

#include "common/result.h"

namespace dreamfeed::sketch {

// Mono samples in [-1, 1] at `sample_rate` of `text` spoken in `voice` (adult_male,
// adult_female, child, elder, robot, creature, narrator). unavailable when espeak-ng
// cannot start (no voice data installed). The same text and voice give the same samples
// every time, whatever was spoken before. Thread-safe: espeak-ng is not, so calls are
// serialised.
Result<std::vector<float>> speak(std::string_view text, std::string_view voice, int sample_rate);

}  // namespace dreamfeed::sketch
