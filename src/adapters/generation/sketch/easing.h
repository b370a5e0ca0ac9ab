// Easing curves for the sketch engine's motion; each maps [0, 1] onto [0, 1] (the
// "back" curve overshoots a little on purpose, which reads as a playful pop).
#pragma once

#include <algorithm>
#include <cmath>

namespace dreamfeed::sketch {

inline double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

inline double ease_out_cubic(double x) {
  const double inv = 1.0 - clamp01(x);
  return 1.0 - inv * inv * inv;
}

inline double ease_in_out_sine(double x) { return 0.5 - 0.5 * std::cos(M_PI * clamp01(x)); }

inline double ease_out_back(double x) {
  constexpr double c1 = 1.70158;
  constexpr double c3 = c1 + 1.0;
  const double p = clamp01(x) - 1.0;
  return 1.0 + c3 * p * p * p + c1 * p * p;
}

inline double smoothstep(double edge0, double edge1, double x) {
  const double t = clamp01((x - edge0) / (edge1 - edge0));
  return t * t * (3.0 - 2.0 * t);
}

}  // namespace dreamfeed::sketch
