// The prompt corpus: prompts with the scene graph the parser must understand from them,
// written as a compact summary (see summarise()). Shared by the corpus test and the
// `dreamfeed gallery` command's tests, so the gallery renders what the tests check.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dreamfeed::sketch::testing {

struct CorpusCase {
  std::string_view prompt;
  // "subjects | relations | setting time weather camera | moods | unknown"
  // subject: [count ][colour ][size ]kind[ action][ @placement], joined by "; "
  // relation: type subject object, joined by "; "
  std::string_view expected;
};

const std::vector<CorpusCase>& prompt_corpus();

}  // namespace dreamfeed::sketch::testing
