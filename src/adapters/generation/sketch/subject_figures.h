// The layer of understood subjects: every placed figure drawn where the layout and the
// camera put it, dimmed by the time of day. Also answers where each figure is on
// screen at a frame, so tests can check what was drawn where.
#pragma once

#include <cairo.h>

#include <vector>

#include "camera.h"
#include "scene_plan.h"

namespace dreamfeed::sketch {

class SubjectFigures {
 public:
  explicit SubjectFigures(const ScenePlan& plan) : plan_(plan) {}
  // `camera` is the pose of the subjects' plane (SceneRenderer::figure_camera).
  void paint(cairo_t* cr, const CameraPose& camera, double t) const;
  // Where figure `i` of plan.subjects is drawn at time t, in frame pixels.
  FigureBox on_screen(std::size_t i, const CameraPose& camera, double t) const;

 private:
  const ScenePlan& plan_;
};

// How much the time of day dims drawn figures: 1 by day.
double figure_light(const ScenePlan& plan);

}  // namespace dreamfeed::sketch
