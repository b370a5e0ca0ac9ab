// A contact sheet: frames scaled down into a grid on one image, written as PNG with
// cairo, so a person can see a whole clip (or a whole gallery) at a glance.
#pragma once

#include <filesystem>

#include "cairo_handles.h"
#include "common/result.h"
#include "interfaces/clip_sink.h"

namespace dreamfeed::sketch {

class ContactSheet {
 public:
  ContactSheet(int columns, int rows, int cell_width, int cell_height);
  // Puts `frame` (ARGB32, any size) scaled to fit into cell `index` (row-major).
  void place(int index, const FrameView& frame);
  Status write_png(const std::filesystem::path& file) const;

 private:
  int columns_;
  int rows_;
  int cell_width_;
  int cell_height_;
  SurfacePtr sheet_;
};

}  // namespace dreamfeed::sketch
