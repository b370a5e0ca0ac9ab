// The figure drawers. Each works in a unit where the figure is 1 tall and `a` wide
// (its aspect), facing right; draw_figure() maps that unit onto the box and mirrors
// figures that face left.
#include "figure_drawer.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "figure_hand.h"

namespace dreamfeed::sketch {
namespace {

constexpr double kTau = 6.283185307179586;

struct Pen {
  cairo_t* cr;
  double light;
  void colour(const Rgb& c, double alpha = 1) const {
    cairo_set_source_rgba(cr, c.r * light, c.g * light, c.b * light, alpha);
  }
  // Limbs, tails, necks, masts: round-capped strokes. They are most of a figure's
  // drawing time, nearly all of it cairo's default antialiasing sampling each pixel
  // 15 sub-rows deep along their long edges. Its "fast" 4×4 grid (17 coverage levels)
  // costs a fraction of that and cannot be told apart on a thin limb swinging from
  // frame to frame; bodies and heads keep the finer edges.
  void line(double x0, double y0, double x1, double y1, double width, const Rgb& c) const {
    const cairo_antialias_t antialias = cairo_get_antialias(cr);
    colour(c);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST);
    cairo_set_line_width(cr, width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
    cairo_set_antialias(cr, antialias);
  }
  void ellipse(double cx, double cy, double rx, double ry, const Rgb& c) const {
    colour(c);
    cairo_save(cr);
    cairo_translate(cr, cx, cy);
    cairo_scale(cr, rx, ry);
    cairo_arc(cr, 0, 0, 1, 0, kTau);
    cairo_restore(cr);
    cairo_fill(cr);
  }
  void rect(double x, double y, double w, double h, const Rgb& c) const {
    colour(c);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
  }
  void round_rect(double x, double y, double w, double h, double r, const Rgb& c) const {
    colour(c);
    r = std::min({r, w / 2, h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -kTau / 4, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, kTau / 4);
    cairo_arc(cr, x + r, y + h - r, r, kTau / 4, kTau / 2);
    cairo_arc(cr, x + r, y + r, r, kTau / 2, 3 * kTau / 4);
    cairo_close_path(cr);
    cairo_fill(cr);
  }
  void triangle(double x0, double y0, double x1, double y1, double x2, double y2,
                const Rgb& c) const {
    colour(c);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
    cairo_close_path(cr);
    cairo_fill(cr);
  }
};

const Rgb kSkin{0.96, 0.8, 0.66};
const Rgb kDark{0.08, 0.08, 0.1};
const Rgb kGlass{0.7, 0.85, 0.95};
const Rgb kWhite{0.98, 0.98, 0.98};

double swing(const PlacedFigure& f, double t) {
  return f.stride_hz > 0 ? std::sin(kTau * (t * f.stride_hz + f.phase)) : 0;
}

void biped(const Pen& p, const PlacedFigure& f, double a, double t) {
  const double cx = a / 2;
  const double s = swing(f, t) * 0.45;
  const bool robot = f.kind == "robot";
  const bool astronaut = f.kind == "astronaut";
  const Rgb legs = f.accent;
  // Legs: two strokes from the hip, swinging in opposite phase.
  for (double side : {1.0, -1.0}) {
    const double angle = side * s;
    p.line(cx, 0.58, cx + 0.4 * std::sin(angle), 0.58 + 0.38 * std::cos(angle), 0.08, legs);
  }
  p.round_rect(cx - 0.13, 0.24, 0.26, 0.38, 0.06, f.colour);
  // Arms swing against the legs; a waving figure raises one arm.
  const double arm = -s * 0.8;
  if (f.holding) {
    const FigurePoint hand = hand_in_unit(f.figure, a);
    p.line(cx, 0.3, hand.x, hand.y, 0.06, f.colour);
  } else {
    p.line(cx, 0.3, cx + 0.28 * std::sin(arm), 0.3 + 0.28 * std::cos(arm), 0.06, f.colour);
  }
  p.line(cx, 0.3, cx - 0.28 * std::sin(arm), 0.3 + 0.28 * std::cos(arm), 0.06, f.colour);
  const Rgb head = robot ? Rgb{0.75, 0.77, 0.82} : astronaut ? kWhite : kSkin;
  if (robot) {
    p.rect(cx - 0.1, 0.02, 0.2, 0.19, head);
    p.rect(cx + 0.02, 0.08, 0.05, 0.04, Rgb{0.2, 0.9, 1.0});
  } else {
    p.ellipse(cx, 0.12, 0.1, 0.1, head);
    if (astronaut) p.ellipse(cx + 0.03, 0.12, 0.06, 0.05, Rgb{0.3, 0.45, 0.7});
    p.ellipse(cx + 0.05, 0.11, 0.015, 0.015, kDark);
  }
}

void quadruped(const Pen& p, const PlacedFigure& f, double a, double t) {
  const double s = swing(f, t) * 0.4;
  const bool long_neck = f.kind == "giraffe";
  const double body_y = long_neck ? 0.55 : 0.45;
  const double leg_top = body_y + 0.1;
  const double leg_len = 1.0 - leg_top;
  const double xs[4] = {a * 0.24, a * 0.34, a * 0.62, a * 0.72};
  for (int i = 0; i < 4; ++i) {
    const double angle = (i % 2 == 0 ? s : -s);
    p.line(xs[i], leg_top, xs[i] + leg_len * std::sin(angle), leg_top + leg_len * std::cos(angle),
           std::max(0.05, a * 0.06), i < 2 ? f.accent : f.colour);
  }
  // Tail wags.
  p.line(a * 0.17, body_y - 0.05, a * 0.04, body_y + 0.12 + 0.05 * swing(f, t * 1.7), 0.04,
         f.accent);
  p.ellipse(a * 0.48, body_y, a * 0.33, 0.17, f.colour);
  const double head_x = a * 0.86;
  const double head_y = long_neck ? 0.1 : body_y - 0.2;
  p.line(a * 0.72, body_y - 0.05, head_x, head_y + 0.05, long_neck ? 0.09 : 0.14, f.colour);
  p.ellipse(head_x, head_y, 0.13, 0.11, f.colour);
  p.triangle(head_x - 0.06, head_y - 0.07, head_x - 0.01, head_y - 0.2, head_x + 0.03,
             head_y - 0.08, f.accent);
  p.ellipse(head_x + 0.05, head_y - 0.02, 0.02, 0.02, kDark);
  if (f.kind == "unicorn") {
    p.triangle(head_x + 0.02, head_y - 0.09, head_x + 0.12, head_y - 0.32, head_x + 0.07,
               head_y - 0.07, Rgb{0.98, 0.85, 0.3});
  }
}

void bird(const Pen& p, const PlacedFigure& f, double a, double t) {
  const double flap = f.airborne ? std::sin(kTau * (t * 5 + f.phase)) : 0.2;
  p.ellipse(a * 0.48, 0.58, a * 0.26, 0.2, f.colour);
  p.ellipse(a * 0.74, 0.4, 0.15, 0.15, f.colour);
  p.triangle(a * 0.74 + 0.12, 0.37, a * 0.74 + 0.3, 0.42, a * 0.74 + 0.12, 0.46,
             Rgb{0.98, 0.65, 0.1});
  p.ellipse(a * 0.74 + 0.05, 0.37, 0.025, 0.025, kDark);
  // The wing: a triangle whose tip swings between up and down.
  p.triangle(a * 0.32, 0.55, a * 0.6, 0.55, a * 0.4, 0.55 - 0.5 * flap, f.accent);
  if (!f.airborne) {
    p.line(a * 0.45, 0.75, a * 0.45, 1.0, 0.03, Rgb{0.95, 0.6, 0.1});
    p.line(a * 0.55, 0.75, a * 0.55, 1.0, 0.03, Rgb{0.95, 0.6, 0.1});
  }
}

void fish(const Pen& p, const PlacedFigure& f, double a, double t) {
  const double wag = std::sin(kTau * (t * 2.5 + f.phase)) * 0.15;
  p.triangle(a * 0.22, 0.5, 0.0, 0.15 + wag, 0.0, 0.85 + wag, f.accent);
  p.ellipse(a * 0.58, 0.5, a * 0.4, 0.4, f.colour);
  p.triangle(a * 0.5, 0.15, a * 0.7, 0.15, a * 0.45, -0.0, f.accent);
  p.ellipse(a * 0.82, 0.42, 0.06, 0.06, kDark);
}

void wheel(const Pen& p, double cx, double cy, double r, double turn) {
  p.ellipse(cx, cy, r, r, kDark);
  p.ellipse(cx, cy, r * 0.5, r * 0.5, Rgb{0.7, 0.7, 0.72});
  for (int k = 0; k < 3; ++k) {
    const double angle = turn + k * kTau / 3;
    p.line(cx, cy, cx + r * 0.5 * std::cos(angle), cy + r * 0.5 * std::sin(angle), r * 0.15, kDark);
  }
}

void vehicle(const Pen& p, const PlacedFigure& f, double a, double t) {
  const double turn = f.travel_px > 0 || f.stride_hz > 0 ? t * 9 : 0;
  const std::string_view k = f.kind;
  if (k == "boat") {
    const double rock = 0.03 * std::sin(kTau * (t * 0.7 + f.phase));
    p.triangle(0, 0.62 + rock, a, 0.62 - rock, a * 0.8, 1.0, f.colour);
    p.triangle(0, 0.62 + rock, a * 0.8, 1.0, a * 0.15, 1.0, f.colour);
    p.line(a * 0.5, 0.62, a * 0.5, 0.0, 0.04, kDark);
    p.triangle(a * 0.52, 0.05, a * 0.52, 0.55, a * 0.9, 0.55, kWhite);
    return;
  }
  if (k == "plane") {
    p.round_rect(0, 0.35, a, 0.3, 0.15, f.colour);
    p.triangle(a * 0.35, 0.5, a * 0.6, 0.5, a * 0.4, 1.0, f.accent);
    p.triangle(0, 0.4, a * 0.12, 0.4, 0.0, 0.0, f.accent);
    for (int w = 0; w < 5; ++w) p.ellipse(a * (0.45 + w * 0.09), 0.45, 0.04, 0.04, kGlass);
    return;
  }
  if (k == "rocket") {
    const double flicker = 0.1 * std::sin(kTau * t * 11);
    p.triangle(a * 0.3, 0.82, a * 0.7, 0.82, a * 0.5, 1.0 + flicker, Rgb{1.0, 0.6, 0.1});
    p.round_rect(a * 0.25, 0.12, a * 0.5, 0.72, a * 0.2, f.colour);
    p.triangle(a * 0.25, 0.16, a * 0.75, 0.16, a * 0.5, 0.0, Rgb{0.85, 0.15, 0.15});
    p.triangle(a * 0.25, 0.6, a * 0.25, 0.85, 0.0, 0.85, Rgb{0.85, 0.15, 0.15});
    p.triangle(a * 0.75, 0.6, a * 0.75, 0.85, a, 0.85, Rgb{0.85, 0.15, 0.15});
    p.ellipse(a * 0.5, 0.38, a * 0.12, a * 0.12, kGlass);
    return;
  }
  if (k == "bicycle" || k == "motorcycle") {
    const double r = 0.3;
    wheel(p, r, 1 - r, r, turn);
    wheel(p, a - r, 1 - r, r, turn);
    p.line(r, 1 - r, a * 0.45, 0.45, 0.06, f.colour);
    p.line(a * 0.45, 0.45, a - r, 1 - r, 0.06, f.colour);
    p.line(a * 0.45, 0.45, a * 0.75, 0.4, 0.06, f.colour);
    p.line(r, 1 - r, a * 0.55, 1 - r, 0.06, f.colour);
    if (k == "motorcycle") p.round_rect(a * 0.3, 0.4, a * 0.4, 0.25, 0.1, f.colour);
    return;
  }
  const double r = 0.19;
  if (k == "train") {
    p.round_rect(0, 0.1, a, 0.72, 0.08, f.colour);
    for (double x = 0.1; x < a - 0.3; x += 0.4) p.rect(x, 0.22, 0.25, 0.22, kGlass);
    for (double x = 0.3; x < a; x += 0.8) wheel(p, x, 1 - r, r, turn);
    return;
  }
  // Car, bus, truck: body, cabin, windows, two turning wheels.
  const bool tall = k == "bus" || k == "truck";
  p.round_rect(0, tall ? 0.08 : 0.38, a, tall ? 0.74 : 0.44, 0.1, f.colour);
  if (!tall) p.round_rect(a * 0.22, 0.06, a * 0.5, 0.4, 0.12, f.colour);
  if (tall) {
    for (double x = 0.15; x < a - 0.3; x += 0.42) p.rect(x, 0.18, 0.3, 0.25, kGlass);
  } else {
    p.rect(a * 0.27, 0.13, a * 0.18, 0.22, kGlass);
    p.rect(a * 0.5, 0.13, a * 0.17, 0.22, kGlass);
  }
  p.ellipse(a - 0.05, 0.5, 0.04, 0.04, Rgb{1.0, 0.95, 0.6});
  wheel(p, a * 0.22, 1 - r, r, turn);
  wheel(p, a * 0.78, 1 - r, r, turn);
}

void plant(const Pen& p, const PlacedFigure& f, double a, double t) {
  const double sway = 0.02 * std::sin(kTau * (t * 0.4 + f.phase));
  const std::string_view k = f.kind;
  if (k == "flower") {
    p.line(a / 2, 1.0, a / 2 + sway, 0.35, 0.06, Rgb{0.25, 0.6, 0.25});
    for (int i = 0; i < 5; ++i) {
      const double angle = i * kTau / 5;
      p.ellipse(a / 2 + sway + 0.13 * std::cos(angle), 0.25 + 0.13 * std::sin(angle), 0.11, 0.11,
                f.colour);
    }
    p.ellipse(a / 2 + sway, 0.25, 0.08, 0.08, Rgb{0.98, 0.85, 0.2});
    return;
  }
  if (k == "cactus") {
    p.round_rect(a * 0.35, 0.05, a * 0.3, 0.95, a * 0.15, f.colour);
    p.round_rect(a * 0.05, 0.3, a * 0.2, 0.35, a * 0.1, f.colour);
    p.rect(a * 0.1, 0.55, a * 0.3, 0.08, f.colour);
    return;
  }
  if (k == "mushroom") {
    p.rect(a * 0.38, 0.45, a * 0.24, 0.55, Rgb{0.95, 0.92, 0.85});
    p.ellipse(a * 0.5, 0.45, a * 0.5, 0.4, f.colour);
    p.ellipse(a * 0.35, 0.3, a * 0.07, a * 0.07, kWhite);
    return;
  }
  p.rect(a * 0.43, 0.5, a * 0.14, 0.5, Rgb{0.45, 0.3, 0.18});
  p.ellipse(a * 0.5 + sway, 0.35, a * 0.45, 0.3, f.colour);
  p.ellipse(a * 0.35 + sway, 0.22, a * 0.3, 0.2, f.colour);
  p.ellipse(a * 0.62 + sway, 0.2, a * 0.28, 0.18, f.accent);
}

void building(const Pen& p, const PlacedFigure& f, double a, double t) {
  const std::string_view k = f.kind;
  const Rgb window = t >= 0 && p.light < 0.7 ? Rgb{1.0, 0.9, 0.5} : kGlass;
  if (k == "tower") {
    p.rect(a * 0.15, 0.15, a * 0.7, 0.85, f.colour);
    for (double y = 0.3; y < 0.9; y += 0.2) p.rect(a * 0.15, y, a * 0.7, 0.06, Rgb{0.85, 0.2, 0.2});
    p.rect(a * 0.3, 0.02, a * 0.4, 0.13, Rgb{1.0, 0.95, 0.6});
    return;
  }
  if (k == "castle") {
    p.rect(a * 0.15, 0.35, a * 0.7, 0.65, f.colour);
    p.rect(0, 0.15, a * 0.22, 0.85, f.colour);
    p.rect(a * 0.78, 0.15, a * 0.22, 0.85, f.colour);
    p.triangle(0, 0.15, a * 0.22, 0.15, a * 0.11, 0.0, Rgb{0.6, 0.2, 0.3});
    p.triangle(a * 0.78, 0.15, a, 0.15, a * 0.89, 0.0, Rgb{0.6, 0.2, 0.3});
    for (double x = a * 0.17; x < a * 0.8; x += a * 0.12) p.rect(x, 0.29, a * 0.07, 0.07, f.colour);
    p.round_rect(a * 0.42, 0.65, a * 0.16, 0.35, a * 0.08, kDark);
    return;
  }
  p.rect(a * 0.1, 0.4, a * 0.8, 0.6, f.colour);
  p.triangle(0, 0.42, a, 0.42, a * 0.5, 0.0, f.accent);
  p.rect(a * 0.2, 0.55, a * 0.18, 0.16, window);
  p.rect(a * 0.62, 0.55, a * 0.18, 0.16, window);
  p.rect(a * 0.42, 0.68, a * 0.16, 0.32, Rgb{0.4, 0.25, 0.15});
}

void object(const Pen& p, const PlacedFigure& f, double a, double t) {
  const std::string_view k = f.kind;
  if (k == "ball") {
    const double r = std::min(a, 1.0) / 2;
    p.ellipse(a / 2, 1 - r, r, r, f.colour);
    p.ellipse(a / 2 - r * 0.3, 1 - r * 1.3, r * 0.25, r * 0.25, kWhite);
    return;
  }
  if (k == "balloon") {
    p.line(a / 2, 0.6, a / 2 + 0.03 * std::sin(kTau * t), 1.0, 0.02, kDark);
    p.ellipse(a / 2, 0.32, a * 0.48, 0.3, f.colour);
    return;
  }
  if (k == "table" || k == "chair") {
    p.rect(0, 0.3, a, 0.12, f.colour);
    p.rect(a * 0.05, 0.3, 0.08, 0.7, f.colour);
    p.rect(a * 0.95 - 0.08, 0.3, 0.08, 0.7, f.colour);
    if (k == "chair") p.rect(0, 0.0, 0.08, 0.4, f.colour);
    return;
  }
  if (k == "umbrella") {
    p.line(a / 2, 0.3, a / 2, 1.0, 0.05, kDark);
    p.colour(f.colour);
    cairo_arc(p.cr, a / 2, 0.35, a / 2, kTau / 2, kTau);
    cairo_close_path(p.cr);
    cairo_fill(p.cr);
    return;
  }
  if (k == "cake") {
    p.rect(0, 0.45, a, 0.55, f.colour);
    p.rect(0, 0.45, a, 0.12, kWhite);
    p.line(a / 2, 0.45, a / 2, 0.2, 0.05, Rgb{0.9, 0.9, 0.3});
    p.ellipse(a / 2, 0.15, 0.04, 0.06 + 0.02 * std::sin(kTau * t * 3), Rgb{1.0, 0.6, 0.1});
    return;
  }
  if (k == "bowl") {
    // Glass: a pale round body, water in its lower part, a rim; what is inside shows.
    p.colour(f.colour, 0.35);
    cairo_save(p.cr);
    cairo_translate(p.cr, a / 2, 0.55);
    cairo_scale(p.cr, a / 2, 0.45);
    cairo_arc(p.cr, 0, 0, 1, 0, kTau);
    cairo_restore(p.cr);
    cairo_fill(p.cr);
    p.colour(Rgb{0.3, 0.55, 0.9}, 0.35);
    cairo_save(p.cr);
    cairo_translate(p.cr, a / 2, 0.55);
    cairo_scale(p.cr, a / 2, 0.45);
    cairo_arc(p.cr, 0, 0, 0.97, kTau * 0.02, kTau * 0.48);
    cairo_restore(p.cr);
    cairo_close_path(p.cr);
    cairo_fill(p.cr);
    p.line(a * 0.2, 0.14, a * 0.8, 0.14, 0.03, f.accent);
    return;
  }
  if (k == "lamp") {
    p.rect(a * 0.3, 0.2, a * 0.4, 0.6, f.colour);
    p.ellipse(a / 2, 0.5, a * 0.15, 0.2, Rgb{1.0, 0.9, 0.5});
    return;
  }
  p.rect(0, 0, a, 1, f.colour);
  p.rect(0, 0, a, 0.1, f.accent);
  p.rect(a * 0.45, 0, a * 0.1, 1, f.accent);
}

void creature(const Pen& p, const PlacedFigure& f, double a, double t) {
  const std::string_view k = f.kind;
  if (k == "ghost") {
    const double wave = 0.04 * std::sin(kTau * (t + f.phase));
    p.colour(f.colour, 0.85);
    cairo_move_to(p.cr, 0, 1.0);
    cairo_arc(p.cr, a / 2, 0.4, a / 2, kTau / 2, kTau);
    for (int i = 0; i <= 4; ++i) {
      cairo_line_to(p.cr, a - i * a / 4, 1.0 - (i % 2 ? 0.1 + wave : 0));
    }
    cairo_close_path(p.cr);
    cairo_fill(p.cr);
    p.ellipse(a * 0.35, 0.35, 0.06, 0.09, kDark);
    p.ellipse(a * 0.65, 0.35, 0.06, 0.09, kDark);
    return;
  }
  if (k == "snake") {
    p.colour(f.colour);
    cairo_set_line_width(p.cr, 0.3);
    cairo_set_line_cap(p.cr, CAIRO_LINE_CAP_ROUND);
    for (int i = 0; i <= 20; ++i) {
      const double x = 0.15 + (a - 0.3) * i / 20.0;
      const double y = 0.6 + 0.2 * std::sin(kTau * (i / 8.0 - t + f.phase));
      i == 0 ? cairo_move_to(p.cr, x, y) : cairo_line_to(p.cr, x, y);
    }
    cairo_stroke(p.cr);
    p.ellipse(a - 0.1, 0.6 + 0.2 * std::sin(kTau * (20 / 8.0 - t + f.phase)), 0.04, 0.04, kDark);
    return;
  }
  if (k == "octopus") {
    for (int i = 0; i < 6; ++i) {
      const double x = a * (0.15 + i * 0.14);
      p.line(x, 0.5, x + 0.08 * std::sin(kTau * (t + i * 0.2)), 0.95, 0.08, f.colour);
    }
    p.ellipse(a / 2, 0.35, a * 0.38, 0.3, f.colour);
    p.ellipse(a * 0.4, 0.35, 0.05, 0.05, kDark);
    p.ellipse(a * 0.6, 0.35, 0.05, 0.05, kDark);
    return;
  }
  if (k == "alien") {
    p.line(a * 0.4, 0.6, a * 0.35, 1.0, 0.08, f.accent);
    p.line(a * 0.6, 0.6, a * 0.65, 1.0, 0.08, f.accent);
    p.ellipse(a / 2, 0.5, a * 0.22, 0.2, f.colour);
    p.ellipse(a / 2, 0.2, a * 0.42, 0.2, f.colour);
    p.ellipse(a * 0.35, 0.2, 0.07, 0.1, kDark);
    p.ellipse(a * 0.65, 0.2, 0.07, 0.1, kDark);
    return;
  }
  // Dragon and monster: a quadruped body; a dragon also has flapping wings.
  PlacedFigure body = f;
  quadruped(p, body, a, t);
  if (k == "dragon") {
    const double flap = std::sin(kTau * (t * 1.5 + f.phase));
    p.triangle(a * 0.35, 0.35, a * 0.6, 0.35, a * 0.3, 0.35 - 0.4 * (0.5 + 0.5 * flap), f.accent);
  } else {
    p.triangle(a * 0.82, 0.12, a * 0.86, -0.0, a * 0.9, 0.12, kWhite);
  }
}

}  // namespace

void draw_figure(cairo_t* cr, const PlacedFigure& figure, const FigureBox& box, double t,
                 double light) {
  if (box.height <= 0.5 || box.width <= 0.5) return;
  const double a = box.width / box.height;
  cairo_save(cr);
  // Curves flattened to within a quarter pixel rather than cairo's default tenth: fewer
  // edges to rasterise for round caps and ellipses, no visible change in their shape.
  cairo_set_tolerance(cr, 0.25);
  cairo_translate(cr, box.x, box.y);
  if (figure.facing_left) {
    cairo_translate(cr, box.width, 0);
    cairo_scale(cr, -box.height, box.height);
  } else {
    cairo_scale(cr, box.height, box.height);
  }
  const Pen pen{cr, light};
  switch (figure.figure) {
    case Figure::biped:
      biped(pen, figure, a, t);
      break;
    case Figure::quadruped:
      quadruped(pen, figure, a, t);
      break;
    case Figure::bird:
      bird(pen, figure, a, t);
      break;
    case Figure::fish:
      fish(pen, figure, a, t);
      break;
    case Figure::vehicle:
      vehicle(pen, figure, a, t);
      break;
    case Figure::plant:
      plant(pen, figure, a, t);
      break;
    case Figure::building:
      building(pen, figure, a, t);
      break;
    case Figure::object:
      object(pen, figure, a, t);
      break;
    case Figure::creature:
      creature(pen, figure, a, t);
      break;
  }
  cairo_restore(cr);
}

}  // namespace dreamfeed::sketch
