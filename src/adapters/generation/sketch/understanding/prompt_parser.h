// Prompt → scene graph. A pure function over the vocabulary tables: no drawing, no
// randomness, so the same prompt always gives the same graph and tests can state the
// graph they expect for a prompt.
#pragma once

#include <string_view>

#include "scene_graph.h"

namespace dreamfeed::sketch {

// `prompt` must be valid UTF-8. Never fails: what is not understood is listed in
// SceneGraph::unknown_words.
SceneGraph parse_prompt(std::string_view prompt);

}  // namespace dreamfeed::sketch
