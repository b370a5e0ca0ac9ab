// Places the revealed words in the text area: picks the largest font size at which the
// wrapped words fit, or, for prompts too long to fit at a readable size, keeps the
// smallest readable size and lets the block scroll (see TextPlan::scroll_at).
#pragma once

#include <string>
#include <vector>

#include "prompt_words.h"
#include "text_shaper.h"

namespace dreamfeed::sketch {

struct WordBox {
  // Centre in text-block coordinates (origin at the block's top-left).
  double center_x = 0;
  double center_y = 0;
  double width = 0;      // as drawn, after fit_scale
  double height = 0;     // as drawn, after fit_scale
  double fit_scale = 1;  // < 1 for a single word wider than the area
  int line = 0;
};

struct WordLayout {
  double font_px = 0;
  double line_height = 0;
  double block_width = 0;
  double block_height = 0;
  bool right_to_left = false;
  std::vector<WordBox> boxes;  // one per word, same order
};

struct LayoutLimits {
  double area_width = 0;
  double area_height = 0;
  double largest_font_px = 0;
  double smallest_font_px = 0;  // the smallest size still readable on a phone
};

WordLayout lay_out_words(const std::vector<PromptWord>& words, bool right_to_left,
                         const LayoutLimits& limits, const TextShaper& shaper);

}  // namespace dreamfeed::sketch
