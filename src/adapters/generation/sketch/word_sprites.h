// The prompt's words as sprites: each word is shaped and drawn by pango once per clip
// (fill, outline and drop shadow, slightly larger than it will be shown so the zoom
// never upscales it), then every frame places each sprite with its entrance, bobbing
// and the camera move: one small resampled blit per visible word.
#pragma once

#include <vector>

#include "cairo_handles.h"
#include "camera.h"
#include "scene_plan.h"
#include "text_shaper.h"

namespace dreamfeed::sketch {

class WordSprites {
 public:
  WordSprites(const ScenePlan& plan, const TextShaper& shaper);
  void paint(cairo_t* cr, const CameraPose& camera, double t) const;

 private:
  struct Sprite {
    SurfacePtr surface;
    double anchor_x = 0;  // the word's logical centre inside the surface
    double anchor_y = 0;
    double reach = 0;  // the farthest any of its pixels lies from the anchor
  };

  const ScenePlan& plan_;
  std::vector<Sprite> sprites_;
};

}  // namespace dreamfeed::sketch
