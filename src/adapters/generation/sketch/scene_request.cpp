// Validation of a SceneRequest.
#include "scene_request.h"

#include <glib.h>

#include "model/generation_request.h"

namespace dreamfeed::sketch {

Status check_scene_request(const SceneRequest& request) {
  if (request.width <= 0 || request.height <= 0 || request.width % 2 != 0 ||
      request.height % 2 != 0 || request.width > kMaxSide || request.height > kMaxSide) {
    return make_error(ErrorCode::invalid_argument,
                      "frame size must be positive, even and at most 4096 pixels a side", "size");
  }
  if (request.seconds <= 0 || request.seconds > kMaxSeconds) {
    return make_error(ErrorCode::invalid_argument, "seconds must be between 1 and 60", "seconds");
  }
  const char* end = nullptr;
  if (!g_utf8_validate(request.prompt.data(), static_cast<gssize>(request.prompt.size()), &end)) {
    return make_error(ErrorCode::invalid_argument, "prompt is not valid UTF-8", "prompt");
  }
  const auto characters = static_cast<std::size_t>(
      g_utf8_strlen(request.prompt.data(), static_cast<gssize>(request.prompt.size())));
  if (characters > kMaxPromptCharacters) {
    return make_error(ErrorCode::invalid_argument, "prompt is longer than 2000 characters",
                      "prompt");
  }
  return {};
}

}  // namespace dreamfeed::sketch
