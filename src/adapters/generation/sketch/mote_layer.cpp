// Mote drawing; see mote_layer.h.
#include "mote_layer.h"

#include <algorithm>
#include <cmath>

namespace dreamfeed::sketch {

MoteLayer::MoteLayer(const ScenePlan& plan) : plan_(plan) {
  const double short_side = std::min(plan.width, plan.height);
  for (const MotePlan& planned : plan.motes) {
    const double radius = planned.radius * short_side;
    const Rgb& colour = plan.palette.accents[static_cast<std::size_t>(planned.accent_index)];
    Mote mote;
    mote.centre = static_cast<int>(std::ceil(radius)) + 1;
    const int size = 2 * mote.centre + 1;
    for (int dy = 0; dy < kSubpixelSteps; ++dy) {
      for (int dx = 0; dx < kSubpixelSteps; ++dx) {
        SurfacePtr disc = make_surface(size, size);
        CairoPtr cr(cairo_create(disc.get()));
        cairo_arc(cr.get(), mote.centre + static_cast<double>(dx) / kSubpixelSteps,
                  mote.centre + static_cast<double>(dy) / kSubpixelSteps, radius, 0, 2 * M_PI);
        cairo_set_source_rgb(cr.get(), colour.r, colour.g, colour.b);
        cairo_fill(cr.get());
        cairo_surface_flush(disc.get());
        mote.discs[static_cast<std::size_t>(dy * kSubpixelSteps + dx)] = std::move(disc);
      }
    }
    motes_.push_back(std::move(mote));
  }
}

void MoteLayer::paint(cairo_t* cr, const CameraPose& camera, double t) const {
  const double w = plan_.width;
  const double h = plan_.height;
  const double short_side = std::min(w, h);
  // A position as a whole pixel and the nearest sub-pixel step past it.
  const auto split = [](double v, int& whole, int& step) {
    const double steps = std::round(v * kSubpixelSteps);
    whole = static_cast<int>(std::floor(steps / kSubpixelSteps));
    step = static_cast<int>(steps - static_cast<double>(whole) * kSubpixelSteps);
  };
  for (std::size_t i = 0; i < motes_.size(); ++i) {
    const MotePlan& mote = plan_.motes[i];
    const double sway = std::sin(2 * M_PI * (t * 0.35 + mote.sway_phase)) * short_side * 0.015;
    const double y = std::fmod(mote.y - mote.rise_speed * t + 1.0, 1.0) * h;
    const double x = mote.x * w + sway + camera.shift_x(0.7);
    // Fade out near the top and bottom so wrapping around is never seen as a jump.
    const double alpha = 0.55 * std::sin(M_PI * y / h);
    if (alpha <= 0) continue;
    int x_whole = 0, x_step = 0, y_whole = 0, y_step = 0;
    split(x, x_whole, x_step);
    split(y, y_whole, y_step);
    const Mote& drawn = motes_[i];
    cairo_set_source_surface(
        cr, drawn.discs[static_cast<std::size_t>(y_step * kSubpixelSteps + x_step)].get(),
        x_whole - drawn.centre, y_whole - drawn.centre);
    cairo_paint_with_alpha(cr, alpha);
  }
}

}  // namespace dreamfeed::sketch
