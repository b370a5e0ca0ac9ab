// Weather particles over the scene: rain streaks, snowflakes, fog bands, wind-blown
// leaves, and for storms rain with lightning flashes. Particle starts are planned once
// from the seed; each frame moves them along closed-form paths (no state), so any
// frame can be drawn on its own and the clip stays deterministic.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dreamfeed::sketch {

class WeatherLayer {
 public:
  WeatherLayer(std::string_view weather, int width, int height, std::uint64_t seed);
  void paint(cairo_t* cr, double t) const;
  std::size_t particle_count() const { return particles_.size(); }

 private:
  struct Particle {
    double x, y, speed, size, phase;
  };
  enum class Kind { none, rain, snow, fog, wind, storm } kind_ = Kind::none;
  int width_;
  int height_;
  std::vector<Particle> particles_;
  std::vector<double> flashes_s_;  // storm lightning times
};

}  // namespace dreamfeed::sketch
