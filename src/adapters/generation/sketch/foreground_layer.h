// What stands between the camera and the subjects when the camera orbits: dark grass
// tufts and stones along the bottom edge. An orbit needs something nearer than the
// subjects to slide the opposite way to the hills; other moves leave the layer out.
// Drawn once per clip onto a strip wider than its travel and blitted each frame.
#pragma once

#include <cairo.h>

#include "cairo_handles.h"
#include "camera.h"
#include "scene_plan.h"

namespace dreamfeed::sketch {

// Depth of the layer: nearer than the subjects' plane (kSubjectDepth).
inline constexpr double kForegroundDepth = 1.6;

class ForegroundLayer {
 public:
  explicit ForegroundLayer(const ScenePlan& plan);
  // `camera` is the whole scene's pose (with its pivot), not the subjects' plane's.
  void paint(cairo_t* cr, const CameraPose& camera) const;

 private:
  SurfacePtr surface_;  // null when the camera does not orbit
  double margin_x_ = 0;
  double top_ = 0;
};

}  // namespace dreamfeed::sketch
