// The floating motes in front of the hills: small discs that rise, sway and fade near
// the top and bottom. Each mote's disc is drawn once per clip at a few sub-pixel
// offsets and blitted each frame at a whole pixel with the frame's fade as a mask:
// one cairo fill of a small arc cost about as much as blitting the whole sky, and a
// dozen or more a frame were a twentieth of the drawing. The discs land within 1/8
// of a pixel of where a direct fill would put them.
#pragma once

#include <cairo.h>

#include <array>
#include <vector>

#include "cairo_handles.h"
#include "camera.h"
#include "scene_plan.h"

namespace dreamfeed::sketch {

class MoteLayer {
 public:
  explicit MoteLayer(const ScenePlan& plan);
  void paint(cairo_t* cr, const CameraPose& camera, double t) const;

 private:
  static constexpr int kSubpixelSteps = 4;  // offsets per pixel, on each axis

  struct Mote {
    // discs[dy * kSubpixelSteps + dx]: the disc centred at (centre + dx / steps,
    // centre + dy / steps) of its surface.
    std::array<SurfacePtr, kSubpixelSteps * kSubpixelSteps> discs;
    int centre = 0;
  };

  const ScenePlan& plan_;
  std::vector<Mote> motes_;  // one per plan_.motes entry
};

}  // namespace dreamfeed::sketch
