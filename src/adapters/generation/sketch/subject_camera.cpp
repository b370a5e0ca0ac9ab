// The orbit treats the ground as a plane seen at a low angle: a figure's foot line says
// how far away it stands (lower on screen is nearer), stretched so that small steps up
// the frame read as real depth, and the group turns about its centre in that plane.
#include "subject_camera.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dreamfeed::sketch {
namespace {

// Pixels of depth per pixel of foot height on screen.
constexpr double kGroundStretch = 4.0;
constexpr int kFitAttempts = 12;

bool fits(const CameraPath& path, const SubjectLayout& layout, double w, double h, int seconds,
          double slack) {
  for (int step = 0; step <= seconds * 4; ++step) {
    const double t = step * 0.25;
    const CameraPose pose = camera_at(path, t, seconds);
    const double pan_x = pose.shift_x(kSubjectDepth);
    const double pan_y = pose.shift_y(kSubjectDepth);
    for (std::size_t i = 0; i < layout.figures.size(); ++i) {
      const FigureBox b = through_camera(layout, i, path, pose, t, seconds);
      if (b.x + pan_x < slack || b.x + b.width + pan_x > w - slack || b.y + pan_y < slack ||
          b.y + b.height + pan_y > h - slack) {
        return false;
      }
    }
  }
  return true;
}

// Where the root of figure `i` (what it rests on, is held by or is inside, all the way
// down) stands on the ground at time t, turned by the orbit.
struct Turned {
  double foot_x = 0;  // before the turn
  double foot_y = 0;
  double across = 0;  // after it, from the group's centre
  double nearer = 0;
};

Turned turn(const SubjectLayout& layout, std::size_t i, const CameraPath& path,
            const CameraPose& pose, double t, double seconds) {
  std::size_t root = i;
  while (layout.figures[root].carrier >= 0) {
    root = static_cast<std::size_t>(layout.figures[root].carrier);
  }
  const FigureBox r = layout.box_at(root, t, seconds);
  Turned turned{r.x + r.width / 2, r.y + r.height, 0, 0};
  const double dx = turned.foot_x - path.focus_x;
  const double dz = (turned.foot_y - path.orbit_centre_y) * kGroundStretch;
  const double c = std::cos(pose.orbit);
  const double s = std::sin(pose.orbit);
  turned.across = dx * c + dz * s;
  turned.nearer = -dx * s + dz * c;
  return turned;
}

}  // namespace

double nearness(const SubjectLayout& layout, std::size_t i, const CameraPath& path,
                const CameraPose& pose, double t, double seconds) {
  return turn(layout, i, path, pose, t, seconds).nearer;
}

FigureBox through_camera(const SubjectLayout& layout, std::size_t i, const CameraPath& path,
                         const CameraPose& pose, double t, double seconds) {
  FigureBox box = layout.box_at(i, t, seconds);
  if (pose.orbit != 0) {
    // Everything resting on, held by or inside a figure turns with it on the ground.
    const Turned turned = turn(layout, i, path, pose, t, seconds);
    const double scale = std::clamp(1 + turned.nearer / path.orbit_perspective_px, 0.6, 1.6);
    const double x = path.focus_x + turned.across;
    const double y = path.orbit_centre_y + turned.nearer / kGroundStretch;
    box = FigureBox{x + (box.x - turned.foot_x) * scale, y + (box.y - turned.foot_y) * scale,
                    box.width * scale, box.height * scale};
  }
  const double z = pose.subject_zoom;
  return FigureBox{path.focus_x + (box.x - path.focus_x) * z,
                   path.focus_y + (box.y - path.focus_y) * z, box.width * z, box.height * z};
}

void fit_subject_camera(CameraPath& path, const SubjectLayout& layout, int width, int height,
                        int seconds, double shake_px) {
  if (layout.figures.empty()) {
    path.orbit_radians = 0;
    path.subject_zoom_from = path.subject_zoom_to = 1;
    return;
  }
  double left = std::numeric_limits<double>::max();
  double right = std::numeric_limits<double>::lowest();
  double bottom = right;
  double feet = 0;
  int roots = 0;
  for (int step = 0; step <= seconds * 4; ++step) {
    for (std::size_t i = 0; i < layout.figures.size(); ++i) {
      const FigureBox b = layout.box_at(i, step * 0.25, seconds);
      left = std::min(left, b.x);
      right = std::max(right, b.x + b.width);
      bottom = std::max(bottom, b.y + b.height);
      if (step == 0 && layout.figures[i].carrier < 0) feet += b.y + b.height, ++roots;
    }
  }
  path.focus_x = (left + right) / 2;
  path.focus_y = bottom;
  path.orbit_centre_y = feet / std::max(1, roots);
  path.orbit_perspective_px = 1.2 * std::min(width, height);
  // The jitter of a shaky camera is at most 1.6 × shake_px (two sines).
  const double slack = 1.6 * shake_px + 1;
  for (int attempt = 0; attempt < kFitAttempts; ++attempt) {
    if (fits(path, layout, width, height, seconds, slack)) return;
    path.orbit_radians *= 0.8;
    path.subject_zoom_from = 1 + (path.subject_zoom_from - 1) * 0.8;
    path.subject_zoom_to = 1 + (path.subject_zoom_to - 1) * 0.8;
  }
  path.orbit_radians = 0;
  path.subject_zoom_from = path.subject_zoom_to = 1;
}

}  // namespace dreamfeed::sketch
