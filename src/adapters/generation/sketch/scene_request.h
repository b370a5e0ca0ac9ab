// What the sketch planner is asked to make, and the check that it can make it. Kept
// apart from scene_plan.h so callers can validate without pulling in cairo or pango.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/result.h"

namespace dreamfeed::sketch {

inline constexpr int kMaxSeconds = 60;
inline constexpr int kMaxSide = 4096;

struct SceneRequest {
  std::string_view prompt;
  std::uint64_t seed = 0;
  int width = 0;
  int height = 0;
  int seconds = 0;
};

// invalid_argument naming "size" (zero, negative, odd or huge), "seconds" or "prompt"
// (not UTF-8, longer than kMaxPromptCharacters). A blank prompt is caught by the
// planner, which knows what counts as a word.
Status check_scene_request(const SceneRequest& request);

}  // namespace dreamfeed::sketch
