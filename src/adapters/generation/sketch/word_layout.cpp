// Greedy line filling with pango-measured word widths and a font size search.
#include "word_layout.h"

#include <algorithm>
#include <cmath>

namespace dreamfeed::sketch {
namespace {

constexpr double kReferencePx = 100.0;
constexpr double kSpaceEm = 0.28;
constexpr double kLineEm = 1.22;
constexpr double kSizeStep = 0.92;

struct Flow {
  int lines = 0;
  double height = 0;
};

// How many lines the words take at a font size, with widths scaled from the reference.
Flow flow_lines(const std::vector<double>& reference_widths, double font_px, double area_width) {
  const double scale = font_px / kReferencePx;
  const double space = kSpaceEm * font_px;
  int lines = reference_widths.empty() ? 0 : 1;
  double x = 0;
  for (double reference : reference_widths) {
    const double width = std::min(reference * scale, area_width);
    if (x > 0 && x + space + width > area_width) {
      ++lines;
      x = width;
    } else {
      x += (x > 0 ? space : 0) + width;
    }
  }
  return Flow{lines, lines * kLineEm * font_px};
}

}  // namespace

WordLayout lay_out_words(const std::vector<PromptWord>& words, bool right_to_left,
                         const LayoutLimits& limits, const TextShaper& shaper) {
  WordLayout layout;
  layout.right_to_left = right_to_left;
  layout.block_width = limits.area_width;

  std::vector<double> reference_widths;
  double widest = 0;
  for (const PromptWord& word : words) {
    LayoutPtr measured = shaper.layout(word.text, kReferencePx, FontWeight::bold);
    reference_widths.push_back(TextShaper::logical_extent(measured.get()).width);
    widest = std::max(widest, reference_widths.back());
  }

  // Largest size at which everything fits, with a little slack for the estimate, and
  // preferring that the widest word fits on its own line unscaled.
  double font_px = limits.smallest_font_px;
  for (double size = limits.largest_font_px; size >= limits.smallest_font_px; size *= kSizeStep) {
    const bool widest_fits = widest * size / kReferencePx <= limits.area_width * 0.97;
    if (widest_fits &&
        flow_lines(reference_widths, size, limits.area_width * 0.97).height <= limits.area_height) {
      font_px = size;
      break;
    }
  }
  layout.font_px = font_px;
  layout.line_height = kLineEm * font_px;

  // Real widths at the chosen size, then greedy filling.
  std::vector<double> widths;
  double text_height = 0;
  for (const PromptWord& word : words) {
    LayoutPtr measured = shaper.layout(word.text, font_px, FontWeight::bold);
    const TextExtent extent = TextShaper::logical_extent(measured.get());
    widths.push_back(extent.width);
    text_height = std::max(text_height, extent.height);
  }
  const double space = kSpaceEm * font_px;
  std::vector<std::vector<std::size_t>> lines(1);
  double x = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const double width = std::min(widths[i], limits.area_width);
    if (x > 0 && x + space + width > limits.area_width) {
      lines.emplace_back();
      x = width;
    } else {
      x += (x > 0 ? space : 0) + width;
    }
    lines.back().push_back(i);
  }

  layout.boxes.resize(words.size());
  for (std::size_t line = 0; line < lines.size(); ++line) {
    double line_width = 0;
    for (std::size_t i : lines[line]) {
      line_width += std::min(widths[i], limits.area_width) + (line_width > 0 ? space : 0);
    }
    // Lines are centred; right-to-left prompts fill each line from the right.
    double cursor = (limits.area_width - line_width) / 2;
    if (right_to_left) cursor = limits.area_width - cursor;
    for (std::size_t i : lines[line]) {
      const double fit = widths[i] > limits.area_width ? limits.area_width / widths[i] : 1.0;
      WordBox& box = layout.boxes[i];
      box.fit_scale = fit;
      box.width = widths[i] * fit;
      box.height = text_height * fit;
      box.line = static_cast<int>(line);
      box.center_x = right_to_left ? cursor - box.width / 2 : cursor + box.width / 2;
      box.center_y = (static_cast<double>(line) + 0.5) * layout.line_height;
      cursor += (right_to_left ? -1 : 1) * (box.width + space);
    }
  }
  layout.block_height = static_cast<double>(lines.size()) * layout.line_height;
  return layout;
}

}  // namespace dreamfeed::sketch
