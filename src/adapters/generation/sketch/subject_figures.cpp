// Draws the placed figures in layout order (far to near, carriers before riders).
#include "subject_figures.h"

#include <cmath>

#include "figure_drawer.h"

namespace dreamfeed::sketch {

double figure_light(const ScenePlan& plan) {
  if (plan.palette.mood == Mood::night) return 0.6;
  if (plan.palette.mood == Mood::sunset) return 0.85;
  return 1.0;
}

FigureBox SubjectFigures::on_screen(std::size_t i, const CameraPose& camera, double t) const {
  FigureBox box = plan_.subjects.box_at(i, t, plan_.seconds);
  box.x += camera.pan_x;
  box.y += camera.pan_y;
  return box;
}

void SubjectFigures::paint(cairo_t* cr, const CameraPose& camera, double t) const {
  const double light = figure_light(plan_);
  for (std::size_t i = 0; i < plan_.subjects.figures.size(); ++i) {
    draw_figure(cr, plan_.subjects.figures[i], on_screen(i, camera, t), t, light);
  }
}

}  // namespace dreamfeed::sketch
