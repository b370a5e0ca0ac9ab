// Weather particles; see weather_layer.h.
#include "weather_layer.h"

#include <cmath>

#include "seeded_random.h"

namespace dreamfeed::sketch {

WeatherLayer::WeatherLayer(std::string_view weather, int width, int height, std::uint64_t seed)
    : width_(width), height_(height) {
  if (weather == "rain") kind_ = Kind::rain;
  if (weather == "snow") kind_ = Kind::snow;
  if (weather == "fog") kind_ = Kind::fog;
  if (weather == "wind") kind_ = Kind::wind;
  if (weather == "storm") kind_ = Kind::storm;
  SeededRandom random(seed ^ hash_text(weather));
  const int count = kind_ == Kind::none   ? 0
                    : kind_ == Kind::fog  ? 5
                    : kind_ == Kind::wind ? 24
                                          : 140;
  const double unit = std::min(width, height);
  for (int i = 0; i < count; ++i) {
    particles_.push_back(Particle{random.uniform(), random.uniform(), random.between(0.6, 1.2),
                                  unit * random.between(0.004, 0.01), random.uniform()});
  }
  if (kind_ == Kind::storm) {
    for (int i = 0; i < 3; ++i) flashes_s_.push_back(0.7 + i * random.between(1.0, 3.5));
  }
}

void WeatherLayer::paint(cairo_t* cr, double t) const {
  if (kind_ == Kind::none) return;
  const double w = width_;
  const double h = height_;
  auto wrap = [](double v) { return v - std::floor(v); };
  if (kind_ == Kind::fog) {
    for (const Particle& p : particles_) {
      const double x = (wrap(p.x + t * 0.02 * p.speed) - 0.25) * w;
      cairo_set_source_rgba(cr, 0.92, 0.93, 0.95, 0.18);
      cairo_rectangle(cr, x, (0.3 + 0.6 * p.y) * h, w * 0.9, h * 0.12);
      cairo_fill(cr);
    }
    cairo_set_source_rgba(cr, 0.9, 0.9, 0.92, 0.15);
    cairo_paint(cr);
    return;
  }
  if (kind_ == Kind::snow) {
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    for (const Particle& p : particles_) {
      const double y = wrap(p.y + t * 0.08 * p.speed) * h;
      const double x = wrap(p.x + 0.02 * std::sin(6.283 * (t * 0.3 + p.phase))) * w;
      cairo_arc(cr, x, y, p.size, 0, 6.283);
      cairo_fill(cr);
    }
    return;
  }
  if (kind_ == Kind::wind) {
    cairo_set_line_width(cr, std::max(1.0, std::min(w, h) * 0.003));
    cairo_set_source_rgba(cr, 1, 1, 1, 0.5);
    for (const Particle& p : particles_) {
      const double x = wrap(p.x + t * 0.35 * p.speed) * w;
      const double y = p.y * h;
      cairo_move_to(cr, x, y);
      cairo_curve_to(cr, x - 0.05 * w, y - 0.01 * h, x - 0.1 * w, y + 0.01 * h, x - 0.15 * w, y);
      cairo_stroke(cr);
    }
    return;
  }
  // Rain and storm: slanted streaks falling fast.
  cairo_set_line_width(cr, std::max(1.0, std::min(w, h) * 0.0025));
  cairo_set_source_rgba(cr, 0.8, 0.85, 0.95, 0.6);
  const double len = 0.04 * h;
  for (const Particle& p : particles_) {
    const double y = wrap(p.y + t * 1.1 * p.speed) * (h + len) - len;
    const double x = wrap(p.x + t * 0.1) * w;
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x - 0.25 * len, y + len);
  }
  cairo_stroke(cr);
  for (double flash : flashes_s_) {
    const double since = t - flash;
    if (since >= 0 && since < 0.15) {
      cairo_set_source_rgba(cr, 1, 1, 1, 0.45 * (1 - since / 0.15));
      cairo_paint(cr);
    }
  }
}

}  // namespace dreamfeed::sketch
