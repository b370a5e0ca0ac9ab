// Splits a prompt into the units the scene reveals one after another: words where the
// script separates words with spaces, short runs of characters where it does not
// (Chinese, Japanese), using pango's Unicode line-break rules so any script works.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dreamfeed::sketch {

struct PromptWord {
  std::string text;
  bool space_before = false;  // the prompt had whitespace before this word
};

// `prompt` must be valid UTF-8. Returns no words for an empty or whitespace-only
// prompt. Never returns more than `max_words`: past that, neighbours are grouped.
std::vector<PromptWord> split_prompt_words(std::string_view prompt, std::size_t max_words);

}  // namespace dreamfeed::sketch
