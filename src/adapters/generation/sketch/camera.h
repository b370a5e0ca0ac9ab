// The slow camera move over the whole scene: a pan and a gentle zoom that ease in and
// out over the clip. Layers follow the pan scaled by their depth (parallax).
#pragma once

#include "easing.h"

namespace dreamfeed::sketch {

struct CameraPath {
  double pan_x_px = 0;  // total horizontal travel of the nearest layer, signed
  double pan_y_px = 0;  // total vertical travel of the nearest layer, signed
  double zoom_from = 1.0;
  double zoom_to = 1.0;
};

struct CameraPose {
  double pan_x = 0;  // offset of the nearest layer, centred on 0 over the clip
  double pan_y = 0;
  double zoom = 1;
};

inline CameraPose camera_at(const CameraPath& path, double t, double duration) {
  const double k = ease_in_out_sine(duration > 0 ? t / duration : 0);
  return CameraPose{path.pan_x_px * (k - 0.5), path.pan_y_px * (k - 0.5),
                    path.zoom_from + (path.zoom_to - path.zoom_from) * k};
}

}  // namespace dreamfeed::sketch
