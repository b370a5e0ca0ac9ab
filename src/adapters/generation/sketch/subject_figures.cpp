// Draws the placed figures in layout order (far to near, carriers before riders), or
// by how near each stands while an orbit turns the group.
#include "subject_figures.h"

#include <cmath>
#include <numeric>
#include <vector>

#include "figure_drawer.h"
#include "subject_camera.h"

namespace dreamfeed::sketch {

double figure_light(const ScenePlan& plan) {
  if (plan.palette.mood == Mood::night) return 0.6;
  if (plan.palette.mood == Mood::sunset) return 0.85;
  return 1.0;
}

FigureBox SubjectFigures::on_screen(std::size_t i, const CameraPose& camera, double t) const {
  FigureBox box = through_camera(plan_.subjects, i, plan_.camera, camera, t, plan_.seconds);
  box.x += camera.pan_x;
  box.y += camera.pan_y;
  return box;
}

void SubjectFigures::paint(cairo_t* cr, const CameraPose& camera, double t) const {
  const double light = figure_light(plan_);
  const auto& figures = plan_.subjects.figures;
  std::vector<std::size_t> order(figures.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (camera.orbit != 0) {
    // Figures pass one another as the group turns: far to near again, each carried
    // figure keeping its place after its carrier (they share its nearness).
    std::vector<double> near(figures.size());
    for (std::size_t i = 0; i < figures.size(); ++i) {
      near[i] = nearness(plan_.subjects, i, plan_.camera, camera, t, plan_.seconds);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return near[a] < near[b]; });
  }
  for (const std::size_t i : order) {
    const PlacedFigure& f = figures[i];
    draw_figure(cr, f, on_screen(i, camera, t), t, light * f.shade);
    if (f.attachment != Attachment::inside) continue;
    // The front of a box, bowl or car is drawn again over the lower part of what is in
    // it, so it reads as inside rather than in front.
    const auto c = static_cast<std::size_t>(f.carrier);
    const PlacedFigure& container = figures[c];
    if (container.figure != Figure::object && container.figure != Figure::vehicle) continue;
    const FigureBox box = on_screen(c, camera, t);
    cairo_save(cr);
    cairo_rectangle(cr, box.x - 1, box.y + box.height * 0.6, box.width + 2, box.height * 0.4 + 1);
    cairo_clip(cr);
    draw_figure(cr, container, box, t, light * container.shade);
    cairo_restore(cr);
  }
}

}  // namespace dreamfeed::sketch
