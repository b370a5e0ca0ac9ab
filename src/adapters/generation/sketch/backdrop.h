// Everything behind the words: sky, sun or moon, clouds, hills and floating motes.
// The static parts are drawn once per clip onto their own surfaces; each frame only
// blits them at whole-pixel offsets (cheap, no resampling) and draws a few motes.
#pragma once

#include <vector>

#include "cairo_handles.h"
#include "camera.h"
#include "scene_plan.h"

namespace dreamfeed::sketch {

class Backdrop {
 public:
  explicit Backdrop(const ScenePlan& plan);
  void paint(cairo_t* cr, const CameraPose& camera, double t) const;

 private:
  struct Layer {
    SurfacePtr surface;
    double x = 0;  // where its top-left sits when the camera is centred
    double y = 0;
    double depth = 0;
  };
  struct Cloud {
    SurfacePtr surface;
    CloudPlan plan;
    double width = 0;
  };

  const ScenePlan& plan_;
  Layer sky_;
  Layer sun_;
  std::vector<Cloud> clouds_;
  std::vector<Layer> hills_;
};

}  // namespace dreamfeed::sketch
