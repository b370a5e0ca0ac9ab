// Pango set up the way the sketch engine needs it: the calling thread's font map (so
// concurrent clips on worker threads share nothing, while clips one after another on
// a thread reuse its loaded fonts and glyph caches), no hinting and unrounded glyph
// positions (so text scales smoothly and sizes can be estimated linearly), grey
// antialiasing.
#pragma once

#include <string_view>

#include "cairo_handles.h"

namespace dreamfeed::sketch {

enum class FontWeight { regular, bold };

struct TextExtent {
  double width = 0;
  double height = 0;
};

class TextShaper {
 public:
  TextShaper();
  TextShaper(const TextShaper&) = delete;
  TextShaper& operator=(const TextShaper&) = delete;

  // A single-paragraph layout of `text` at `pixel_size`; pango picks fonts per script.
  LayoutPtr layout(std::string_view text, double pixel_size, FontWeight weight) const;
  static TextExtent logical_extent(PangoLayout* layout);
  // Whether the text's first strong character is right-to-left (Arabic, Hebrew…).
  bool is_right_to_left(std::string_view text) const;

 private:
  FontMapPtr font_map_;
  PangoContextPtr context_;
};

}  // namespace dreamfeed::sketch
