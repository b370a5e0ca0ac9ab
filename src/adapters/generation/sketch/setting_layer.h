// The setting in front of the landscape: sea and sand for a beach, buildings and a road
// for a city, dunes, snow, a lunar ground under a dark sky, water over everything
// underwater, walls and floor indoors, curtains on a stage, a tree line, peaks. Drawn
// once per clip onto its own surface (a margin wider than the camera's travel) and
// blitted each frame with the near layer's pan, so it costs one blit per frame.
#pragma once

#include <cairo.h>

#include "cairo_handles.h"
#include "camera.h"
#include "scene_plan.h"

namespace dreamfeed::sketch {

class SettingLayer {
 public:
  explicit SettingLayer(const ScenePlan& plan);
  void paint(cairo_t* cr, const CameraPose& camera) const;

 private:
  SurfacePtr surface_;  // null when the setting adds nothing (a field)
  double margin_x_ = 0;
  double margin_y_ = 0;
};

}  // namespace dreamfeed::sketch
