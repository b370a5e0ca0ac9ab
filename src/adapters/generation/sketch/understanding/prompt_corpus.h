// The prompt corpus: prompts with the scene graph the parser must understand from them,
// written as a compact summary (tests/sketch/prompt_parser_test.cpp checks every one).
// `dreamfeed gallery` renders the same prompts, so what people look at is what the
// tests check.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dreamfeed::sketch {

struct CorpusCase {
  std::string_view prompt;
  // "subjects | relations | setting time weather camera | moods | unknown"
  // subject: [count ][colour ][size ]kind[ action][ @placement], joined by "; "
  // relation: type subject object, joined by "; "
  std::string_view expected;
};

const std::vector<CorpusCase>& prompt_corpus();

}  // namespace dreamfeed::sketch
