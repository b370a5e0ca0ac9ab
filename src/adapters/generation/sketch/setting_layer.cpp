// Setting foregrounds; see setting_layer.h. Colours are dimmed with the figures'
// light so night scenes stay dark.
#include "setting_layer.h"

#include <cmath>

#include "seeded_random.h"
#include "subject_figures.h"

namespace dreamfeed::sketch {
namespace {

struct Painter {
  cairo_t* cr;
  double light;
  double w;  // frame size (the surface is larger by the margins)
  double h;
  void fill(double r, double g, double b, double a = 1) const {
    cairo_set_source_rgba(cr, r * light, g * light, b * light, a);
  }
  void rect(double x, double y, double width, double height) const {
    cairo_rectangle(cr, x, y, width, height);
    cairo_fill(cr);
  }
  // A gently waving band from y (fraction of h) down to the bottom.
  void ground(double y, double amplitude, double cycles, double phase) const {
    cairo_move_to(cr, -w, h * 2);
    for (int i = 0; i <= 64; ++i) {
      const double x = -0.2 * w + 1.4 * w * i / 64.0;
      cairo_line_to(cr, x, h * (y + amplitude * std::sin(6.2832 * (cycles * x / w + phase))));
    }
    cairo_line_to(cr, 2 * w, h * 2);
    cairo_close_path(cr);
    cairo_fill(cr);
  }
};

void paint_setting(const Painter& p, std::string_view setting, SeededRandom random) {
  const double w = p.w, h = p.h;
  if (setting == "beach") {
    p.fill(0.2, 0.5, 0.8);
    p.rect(-w, 0.72 * h, 3 * w, 0.2 * h);
    p.fill(0.95, 0.97, 1.0, 0.8);
    for (int i = 0; i < 6; ++i)
      p.rect(random.between(-0.1, 1.0) * w, 0.74 * h + i * 0.012 * h, 0.12 * w, 0.004 * h);
    p.fill(0.93, 0.84, 0.62);
    p.ground(0.8, 0.01, 1.5, random.uniform());
  } else if (setting == "lake") {
    p.fill(0.25, 0.55, 0.8);
    p.ground(0.79, 0.0, 1, 0);
    p.fill(0.3, 0.55, 0.3);
    p.ground(0.92, 0.01, 2, random.uniform());
  } else if (setting == "city") {
    for (double x = -0.2 * w; x < 1.2 * w;) {
      const double bw = random.between(0.08, 0.16) * w;
      const double top = random.between(0.35, 0.62) * h;
      const double shade = random.between(0.35, 0.55);
      p.fill(shade, shade, shade + 0.05);
      p.rect(x, top, bw - 0.01 * w, h - top);
      p.fill(1.0, 0.9, 0.55, 0.8);
      for (double wy = top + 0.02 * h; wy < 0.78 * h; wy += 0.04 * h) {
        for (double wx = x + 0.015 * w; wx < x + bw - 0.03 * w; wx += 0.035 * w) {
          if (random.uniform() < 0.6) p.rect(wx, wy, 0.015 * w, 0.018 * h);
        }
      }
      x += bw;
    }
    p.fill(0.25, 0.25, 0.28);
    p.rect(-w, 0.8 * h, 3 * w, h);
    p.fill(0.95, 0.9, 0.5);
    for (double x = -0.2 * w; x < 1.2 * w; x += 0.12 * w) p.rect(x, 0.9 * h, 0.06 * w, 0.006 * h);
  } else if (setting == "desert") {
    p.fill(0.9, 0.72, 0.45);
    p.ground(0.74, 0.03, 0.8, random.uniform());
    p.fill(0.95, 0.8, 0.55);
    p.ground(0.83, 0.02, 1.3, random.uniform());
  } else if (setting == "snow") {
    p.fill(0.92, 0.95, 1.0);
    p.ground(0.78, 0.015, 1.2, random.uniform());
  } else if (setting == "space") {
    p.fill(0.03, 0.03, 0.1, 0.75);
    p.rect(-w, -h, 3 * w, 3 * h);
    p.fill(1, 1, 1, 0.9);
    for (int i = 0; i < 80; ++i) {
      cairo_arc(p.cr, random.between(-0.1, 1.1) * w, random.uniform() * 0.75 * h,
                random.between(0.5, 1.8), 0, 6.2832);
      cairo_fill(p.cr);
    }
    p.fill(0.55, 0.55, 0.58);
    p.ground(0.82, 0.01, 1, random.uniform());
    p.fill(0.42, 0.42, 0.45);
    for (int i = 0; i < 8; ++i) {
      cairo_save(p.cr);
      cairo_translate(p.cr, random.between(-0.1, 1.1) * w, random.between(0.86, 0.97) * h);
      cairo_scale(p.cr, 1, 0.35);
      cairo_arc(p.cr, 0, 0, random.between(0.02, 0.05) * w, 0, 6.2832);
      cairo_restore(p.cr);
      cairo_fill(p.cr);
    }
  } else if (setting == "underwater") {
    p.fill(0.05, 0.35, 0.6, 0.7);
    p.rect(-w, -h, 3 * w, 3 * h);
    p.fill(0.85, 0.78, 0.55);
    p.ground(0.86, 0.015, 1.5, random.uniform());
    cairo_set_line_width(p.cr, 0.012 * w);
    cairo_set_line_cap(p.cr, CAIRO_LINE_CAP_ROUND);
    for (int i = 0; i < 9; ++i) {
      const double x = random.between(-0.1, 1.1) * w;
      p.fill(0.15, 0.6, 0.35);
      cairo_move_to(p.cr, x, h);
      cairo_curve_to(p.cr, x - 0.03 * w, 0.9 * h, x + 0.03 * w, 0.82 * h, x,
                     random.between(0.7, 0.8) * h);
      cairo_stroke(p.cr);
    }
  } else if (setting == "kitchen" || setting == "room") {
    const bool kitchen = setting == "kitchen";
    p.fill(kitchen ? 0.93 : 0.85, kitchen ? 0.9 : 0.78, kitchen ? 0.8 : 0.7);
    p.rect(-w, -h, 3 * w, 1.8 * h);
    p.fill(0.55, 0.7, 0.85);
    p.rect(0.35 * w, 0.2 * h, 0.3 * w, 0.25 * h);  // a window
    p.fill(1, 1, 1);
    p.rect(0.495 * w, 0.2 * h, 0.01 * w, 0.25 * h);
    if (kitchen) {
      p.fill(0.6, 0.45, 0.3);
      p.rect(-w, 0.6 * h, 3 * w, 0.2 * h);  // counter
    }
    p.fill(0.55, 0.38, 0.25);
    p.rect(-w, 0.8 * h, 3 * w, h);
  } else if (setting == "stage") {
    p.fill(0.12, 0.08, 0.1);
    p.rect(-w, -h, 3 * w, 1.8 * h);
    p.fill(1.0, 0.95, 0.7, 0.25);
    cairo_move_to(p.cr, 0.45 * w, 0);
    cairo_line_to(p.cr, 0.55 * w, 0);
    cairo_line_to(p.cr, 0.85 * w, 0.85 * h);
    cairo_line_to(p.cr, 0.15 * w, 0.85 * h);
    cairo_close_path(p.cr);
    cairo_fill(p.cr);
    p.fill(0.7, 0.1, 0.15);
    p.rect(-w, -h, w * 1.06, 2.8 * h);
    p.rect(0.94 * w, -h, 2 * w, 2.8 * h);
    p.fill(0.6, 0.4, 0.22);
    p.rect(-w, 0.8 * h, 3 * w, h);
  } else if (setting == "forest") {
    for (int i = 0; i < 14; ++i) {
      const double x = random.between(-0.1, 1.1) * w;
      const double top = random.between(0.45, 0.62) * h;
      p.fill(0.1, 0.35 + random.between(0, 0.15), 0.18);
      cairo_move_to(p.cr, x, top);
      cairo_line_to(p.cr, x + 0.06 * w, 0.84 * h);
      cairo_line_to(p.cr, x - 0.06 * w, 0.84 * h);
      cairo_close_path(p.cr);
      cairo_fill(p.cr);
    }
    p.fill(0.2, 0.4, 0.2);
    p.ground(0.83, 0.01, 1.5, random.uniform());
  } else if (setting == "mountain") {
    for (int i = 0; i < 3; ++i) {
      const double x = random.between(0.1, 0.9) * w;
      const double top = random.between(0.3, 0.45) * h;
      const double half = random.between(0.25, 0.4) * w;
      p.fill(0.45, 0.45, 0.52);
      cairo_move_to(p.cr, x, top);
      cairo_line_to(p.cr, x + half, 0.8 * h);
      cairo_line_to(p.cr, x - half, 0.8 * h);
      cairo_close_path(p.cr);
      cairo_fill(p.cr);
      p.fill(0.97, 0.97, 1.0);
      const double cap = 0.25;
      cairo_move_to(p.cr, x, top);
      cairo_line_to(p.cr, x + half * cap, top + (0.8 * h - top) * cap);
      cairo_line_to(p.cr, x - half * cap, top + (0.8 * h - top) * cap);
      cairo_close_path(p.cr);
      cairo_fill(p.cr);
    }
  }
}

bool adds_nothing(std::string_view setting) { return setting == "field" || setting == "sky"; }

}  // namespace

SettingLayer::SettingLayer(const ScenePlan& plan) {
  if (adds_nothing(plan.graph.setting)) return;
  margin_x_ = std::ceil(std::fabs(plan.camera.pan_x_px) / 2 + 2 * plan.shake_px) + 2;
  margin_y_ = std::ceil(std::fabs(plan.camera.pan_y_px) / 2 + 2 * plan.shake_px) + 2;
  surface_.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                            plan.width + 2 * static_cast<int>(margin_x_),
                                            plan.height + 2 * static_cast<int>(margin_y_)));
  CairoPtr cr(cairo_create(surface_.get()));
  cairo_translate(cr.get(), margin_x_, margin_y_);
  const Painter painter{cr.get(), figure_light(plan), static_cast<double>(plan.width),
                        static_cast<double>(plan.height)};
  paint_setting(painter, plan.graph.setting,
                SeededRandom(plan.seed ^ hash_text(plan.graph.setting)));
  cairo_surface_flush(surface_.get());
}

void SettingLayer::paint(cairo_t* cr, const CameraPose& camera) const {
  if (!surface_) return;
  // Whole-pixel offsets: a plain copy, no resampling.
  cairo_set_source_surface(cr, surface_.get(), std::round(camera.pan_x - margin_x_),
                           std::round(camera.pan_y - margin_y_));
  cairo_paint(cr);
}

}  // namespace dreamfeed::sketch
