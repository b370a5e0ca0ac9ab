// Everything behind the words: sky, sun or moon, clouds, hills and floating motes.
// The static parts are drawn once per clip onto their own surfaces; each frame only
// blits them at whole-pixel offsets (cheap, no resampling) and the motes (MoteLayer).
// Each hill's solid lower part hides whatever is behind it, so those rows of the
// layers behind are not blitted at all, and the solid rows themselves are copied
// rather than blended (the same pixels, about a third less memory traffic a frame);
// the empty rows above each ridge, kept for its trees, are not blended either.
#pragma once

#include <vector>

#include "cairo_handles.h"
#include "camera.h"
#include "mote_layer.h"
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
    int opaque_from = 0;   // surface row from which every pixel below is opaque
    int visible_from = 0;  // surface row above which every pixel is transparent
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
  MoteLayer motes_;

  // The first frame row from which `hill` hides everything behind it at this camera
  // pose (the frame height when it hides nothing).
  int covers_from(const Layer& hill, const CameraPose& camera) const;
  // The same for hills_[first] and every nearer hill together.
  int hidden_from(std::size_t first, const CameraPose& camera) const;
};

}  // namespace dreamfeed::sketch
