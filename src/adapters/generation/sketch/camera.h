// The slow camera move over the whole scene: a pan and a gentle zoom that ease in and
// out over the clip. Layers follow the pan scaled by their depth (parallax). An orbit
// is a pan pivoting on the subjects' plane, so what is behind them slides one way and
// what is in front the other, while the subjects turn and the figures' zoom scales them
// about their group.
#pragma once

#include "easing.h"

namespace dreamfeed::sketch {

// Depth of the subjects' plane: the setting and the figures move with it.
inline constexpr double kSubjectDepth = 1.0;

struct CameraPath {
  double pan_x_px = 0;     // total horizontal travel of a layer at depth 1 from one at the pivot
  double pan_y_px = 0;     // the same, vertically
  double zoom_from = 1.0;  // the caption's gentle zoom
  double zoom_to = 1.0;
  double pivot_depth = 0;    // the depth that stays still: 0 for a pan, kSubjectDepth to orbit
  double orbit_radians = 0;  // how far the subjects turn over the clip, signed
  double subject_zoom_from = 1.0;  // the figures' scale about the focus
  double subject_zoom_to = 1.0;
  double focus_x = 0;               // the subject group's centre, frame pixels
  double focus_y = 0;               // the subject group's bottom: figures zoom about their feet
  double orbit_centre_y = 0;        // the group's mean foot line, which the orbit turns about
  double orbit_perspective_px = 1;  // a figure this much nearer than the centre looks twice as big
};

struct CameraPose {
  double pan_x = 0;  // offset of a layer at depth 1 from one at the pivot, centred on 0
  double pan_y = 0;
  double zoom = 1;
  double pivot = 0;
  double orbit = 0;  // radians turned, centred on 0 over the clip
  double subject_zoom = 1;

  // Offset of a layer at `depth` (0 far … 1 the subjects' plane, above 1 nearer still).
  double shift_x(double depth) const { return pan_x * (depth - pivot); }
  double shift_y(double depth) const { return pan_y * (depth - pivot); }
};

inline CameraPose camera_at(const CameraPath& path, double t, double duration) {
  const double k = ease_in_out_sine(duration > 0 ? t / duration : 0);
  return CameraPose{path.pan_x_px * (k - 0.5),
                    path.pan_y_px * (k - 0.5),
                    path.zoom_from + (path.zoom_to - path.zoom_from) * k,
                    path.pivot_depth,
                    path.orbit_radians * (k - 0.5),
                    path.subject_zoom_from + (path.subject_zoom_to - path.subject_zoom_from) * k};
}

}  // namespace dreamfeed::sketch
