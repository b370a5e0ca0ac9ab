// The visible watermark every sketch frame carries: the Dreamfeed mark, the word
// "Dreamfeed" and "@handle" on a translucent pill in the bottom-right corner. Drawn
// once per clip and blitted at a fixed whole-pixel position, so it costs one copy.
#pragma once

#include <string_view>

#include "cairo_handles.h"
#include "text_shaper.h"

namespace dreamfeed::sketch {

class Watermark {
 public:
  // An empty handle shows the mark and the name only.
  Watermark(std::string_view creator_handle, int frame_width, int frame_height,
            const TextShaper& shaper);
  void paint(cairo_t* cr) const;

 private:
  SurfacePtr surface_;
  int x_ = 0;
  int y_ = 0;
};

}  // namespace dreamfeed::sketch
