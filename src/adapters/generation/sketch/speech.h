// Spoken dialogue: espeak-ng (library API, synchronous mode, into a buffer) in a voice
// chosen for the speaker, resampled to the clip's rate with libswresample.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace dreamfeed::sketch {

// Mono samples in [-1, 1] at `sample_rate` of `text` spoken in `voice` (adult_male,
// adult_female, child, elder, robot, creature, narrator). unavailable when espeak-ng
// cannot start (no voice data installed). The same text and voice give the same samples
// every time, whatever was spoken before. Thread-safe: espeak-ng is not, so calls are
// serialised. The synthesiser runs in a child process that cannot hang or crash the
// caller: unavailable when it was still speaking at speech_deadline(text) (it is
// killed), internal when it crashed or failed.
Result<std::vector<float>> speak(std::string_view text, std::string_view voice, int sample_rate);

// How long one line may take to synthesise: 5 s, plus 20 ms per byte of text. Real
// lines take a small fraction of it; it only bounds a child that is stuck.
std::chrono::milliseconds speech_deadline(std::string_view text);

// Test seam: what the speech child runs in place of espeak-ng, given the line and the
// pipe for its 16-bit samples (at espeak-ng's rate); its return value is the child's
// exit code, 0 for spoken. An empty function restores espeak-ng.
using SpeechChild = std::function<int(const std::string& line, int out_fd)>;
void substitute_speech_child_for_testing(SpeechChild child);

}  // namespace dreamfeed::sketch
