// Tufts of a few blades and flat stones, seeded per clip, in the near hills' colour
// darkened as a silhouette and dimmed like the figures at dusk and night.
#include "foreground_layer.h"

#include <algorithm>
#include <cmath>

#include "seeded_random.h"
#include "subject_figures.h"

namespace dreamfeed::sketch {

ForegroundLayer::ForegroundLayer(const ScenePlan& plan) {
  const CameraPath& camera = plan.camera;
  if (camera.pivot_depth <= 0) return;
  const double w = plan.width;
  const double h = plan.height;
  margin_x_ =
      std::ceil(std::fabs(camera.pan_x_px * (kForegroundDepth - camera.pivot_depth)) / 2) + 2;
  const double strip = std::ceil(0.09 * h);
  top_ = h - strip;
  surface_ = make_surface(static_cast<int>(w + 2 * margin_x_), static_cast<int>(strip));
  CairoPtr cr(cairo_create(surface_.get()));
  const double light = figure_light(plan) * 0.45;
  const Rgb& base = plan.palette.hills.back();
  cairo_set_source_rgb(cr.get(), base.r * light, base.g * light, base.b * light);
  SeededRandom random(plan.seed ^ 0xF0E6A55ULL);
  const double short_side = std::min(w, h);
  // A low bank along the bottom edge ties the tufts together.
  cairo_rectangle(cr.get(), 0, strip - 0.012 * h, w + 2 * margin_x_, 0.012 * h);
  cairo_fill(cr.get());
  for (double x = 0; x < w + 2 * margin_x_; x += random.between(0.04, 0.11) * w) {
    if (random.uniform() < 0.3) {
      const double r = random.between(0.015, 0.03) * short_side;
      cairo_save(cr.get());
      cairo_translate(cr.get(), x, strip - 0.01 * h);
      cairo_scale(cr.get(), r * 1.6, r);
      cairo_arc(cr.get(), 0, 0, 1, 0, 2 * M_PI);
      cairo_restore(cr.get());
      cairo_fill(cr.get());
      continue;
    }
    const int blades = 3 + random.below(4);
    const double tall = random.between(0.035, 0.075) * h;
    for (int b = 0; b < blades; ++b) {
      const double lean = random.between(-0.5, 0.5) * tall;
      const double foot = x + b * 0.006 * w;
      cairo_move_to(cr.get(), foot - 0.004 * w, strip);
      cairo_line_to(cr.get(), foot + lean, strip - tall * random.between(0.6, 1.0));
      cairo_line_to(cr.get(), foot + 0.004 * w, strip);
      cairo_close_path(cr.get());
    }
    cairo_fill(cr.get());
  }
  cairo_surface_flush(surface_.get());
}

void ForegroundLayer::paint(cairo_t* cr, const CameraPose& camera) const {
  if (!surface_) return;
  // Whole pixels: a plain composite, no resampling.
  cairo_set_source_surface(cr, surface_.get(),
                           std::round(camera.shift_x(kForegroundDepth) - margin_x_), top_);
  cairo_paint(cr);
}

}  // namespace dreamfeed::sketch
