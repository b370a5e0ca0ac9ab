// Drawing of the backdrop layers (once) and their per-frame placement.
#include "backdrop.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "seeded_random.h"

namespace dreamfeed::sketch {
namespace {

constexpr double kSkyDepth = 0.06;
constexpr double kSunDepth = 0.1;

void set_rgb(cairo_t* cr, const Rgb& c, double alpha = 1.0) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

void add_stop(cairo_pattern_t* pattern, double offset, const Rgb& c, double alpha = 1.0) {
  cairo_pattern_add_color_stop_rgba(pattern, offset, c.r, c.g, c.b, alpha);
}

Rgb mix(const Rgb& a, const Rgb& b, double k) {
  return Rgb{a.r + (b.r - a.r) * k, a.g + (b.g - a.g) * k, a.b + (b.b - a.b) * k};
}

// Whole pixels keep the blits on pixman's copy/composite fast paths.
int whole(double v) { return static_cast<int>(std::lround(v)); }

void blit(cairo_t* cr, cairo_surface_t* surface, double x, double y) {
  cairo_set_source_surface(cr, surface, whole(x), whole(y));
  cairo_paint(cr);
}

// The same, touching only frame rows [from_row, to_row).
void blit_rows(cairo_t* cr, cairo_surface_t* surface, double x, double y, int from_row,
               int to_row) {
  if (to_row <= from_row) return;
  cairo_save(cr);
  cairo_rectangle(cr, whole(x), from_row, cairo_image_surface_get_width(surface),
                  to_row - from_row);
  cairo_clip(cr);
  blit(cr, surface, x, y);
  cairo_restore(cr);
}

// Whether every pixel in `row` of `surface` passes `test`, given the pixel's alpha.
template <typename AlphaTest>
bool whole_row(cairo_surface_t* surface, int row, AlphaTest test) {
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int width = cairo_image_surface_get_width(surface);
  const auto* pixels = reinterpret_cast<const std::uint32_t*>(
      data + static_cast<std::ptrdiff_t>(row) * cairo_image_surface_get_stride(surface));
  // ARGB32: alpha is the top byte of each native-endian word.
  return std::all_of(pixels, pixels + width, [&](std::uint32_t p) { return test(p >> 24); });
}

// The first row of `surface` from which every pixel, to the bottom, is opaque.
int first_opaque_row(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  int row = cairo_image_surface_get_height(surface);
  while (row > 0 &&
         whole_row(surface, row - 1, [](std::uint32_t alpha) { return alpha == 0xFF; })) {
    --row;
  }
  return row;
}

// The first row of `surface` with anything in it: the rows above are fully transparent
// and blending them changes nothing.
int first_visible_row(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const int height = cairo_image_surface_get_height(surface);
  int row = 0;
  while (row < height && whole_row(surface, row, [](std::uint32_t alpha) { return alpha == 0; })) {
    ++row;
  }
  return row;
}

// A radial glow of `colour`, `alpha` at (x, y) fading linearly to nothing at `reach`.
// pixman evaluates a radial gradient per pixel in floating point, which made this
// glow (a million pixels at 720p) half of a clip's renderer set-up. The glow is so
// smooth that computing it on an 8× coarser grid and enlarging that bilinearly gives
// the same pixels within one level, at a fifth of the cost.
void paint_glow(cairo_t* cr, double x, double y, double reach, const Rgb& colour, double alpha) {
  constexpr int kCoarse = 8;
  const int side = static_cast<int>(std::ceil(2 * reach / kCoarse)) + 2;
  const double centre = side / 2.0;
  SurfacePtr coarse = make_surface(side, side);
  {
    CairoPtr coarse_cr(cairo_create(coarse.get()));
    cairo_pattern_t* glow =
        cairo_pattern_create_radial(centre, centre, 0, centre, centre, reach / kCoarse);
    add_stop(glow, 0.0, colour, alpha);
    add_stop(glow, 1.0, colour, 0.0);
    cairo_set_source(coarse_cr.get(), glow);
    cairo_paint(coarse_cr.get());
    cairo_pattern_destroy(glow);
  }
  cairo_save(cr);
  // Beyond `reach` the glow is fully transparent: paint only the square around it
  // (whole pixels, so the clip is a plain box).
  cairo_rectangle(cr, std::floor(x - reach), std::floor(y - reach), std::ceil(2 * reach) + 2,
                  std::ceil(2 * reach) + 2);
  cairo_clip(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, kCoarse, kCoarse);
  cairo_set_source_surface(cr, coarse.get(), -centre, -centre);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
  cairo_paint(cr);
  cairo_restore(cr);
}

SurfacePtr draw_sky(const ScenePlan& plan, int margin) {
  const int w = plan.width;
  const int h = plan.height + 2 * margin;
  SurfacePtr surface = make_surface(w, h);
  CairoPtr cr(cairo_create(surface.get()));
  const Palette& p = plan.palette;

  cairo_pattern_t* gradient = cairo_pattern_create_linear(0, 0, 0, h);
  add_stop(gradient, 0.0, p.sky_top);
  add_stop(gradient, 0.45, p.sky_middle);
  add_stop(gradient, 0.72, p.sky_horizon);
  add_stop(gradient, 1.0, mix(p.sky_horizon, p.hills[0], 0.3));
  cairo_set_source(cr.get(), gradient);
  cairo_paint(cr.get());
  cairo_pattern_destroy(gradient);

  // A broad glow around the sun lights the sky without any blur filter.
  const double short_side = std::min(plan.width, plan.height);
  const double reach = short_side * 0.75;
  paint_glow(cr.get(), plan.sun.x * w, plan.sun.y * plan.height + margin, reach, p.sun,
             plan.palette.mood == Mood::night ? 0.18 : 0.38);

  SeededRandom random(plan.seed ^ 0x57A125ULL);
  for (int i = 0; i < plan.stars; ++i) {
    const double x = random.uniform() * w;
    const double y = random.uniform() * h * 0.7;
    const double r = random.between(0.6, 1.8) * short_side / 720.0;
    cairo_arc(cr.get(), x, y, std::max(0.5, r), 0, 2 * M_PI);
    cairo_set_source_rgba(cr.get(), 1, 1, 0.95, random.between(0.35, 0.95));
    cairo_fill(cr.get());
  }
  return surface;
}

SurfacePtr draw_sun(const ScenePlan& plan, double& size) {
  const double short_side = std::min(plan.width, plan.height);
  const double r = plan.sun.radius * short_side;
  size = std::ceil(r * 3.2);
  SurfacePtr surface = make_surface(static_cast<int>(size), static_cast<int>(size));
  CairoPtr cr(cairo_create(surface.get()));
  const double c = size / 2;
  const Rgb& sun = plan.palette.sun;

  cairo_pattern_t* halo = cairo_pattern_create_radial(c, c, r * 0.9, c, c, size / 2);
  add_stop(halo, 0.0, sun, 0.45);
  add_stop(halo, 1.0, sun, 0.0);
  cairo_set_source(cr.get(), halo);
  cairo_paint(cr.get());
  cairo_pattern_destroy(halo);

  cairo_pattern_t* disc = cairo_pattern_create_radial(c - r * 0.3, c - r * 0.3, r * 0.1, c, c, r);
  add_stop(disc, 0.0, mix(sun, Rgb{1, 1, 1}, 0.6));
  add_stop(disc, 1.0, sun);
  cairo_arc(cr.get(), c, c, r, 0, 2 * M_PI);
  cairo_set_source(cr.get(), disc);
  cairo_fill(cr.get());
  cairo_pattern_destroy(disc);

  if (plan.palette.mood == Mood::night) {
    // A few soft craters make it read as a moon rather than a pale sun.
    const Rgb crater = mix(sun, plan.palette.sky_middle, 0.25);
    const double spots[][3] = {{-0.3, -0.15, 0.22}, {0.25, 0.2, 0.16}, {0.05, -0.45, 0.1}};
    for (const auto& spot : spots) {
      cairo_arc(cr.get(), c + spot[0] * r, c + spot[1] * r, spot[2] * r, 0, 2 * M_PI);
      set_rgb(cr.get(), crater, 0.35);
      cairo_fill(cr.get());
    }
  }
  return surface;
}

SurfacePtr draw_cloud(const ScenePlan& plan, const CloudPlan& cloud, SeededRandom random,
                      double& width) {
  const double short_side = std::min(plan.width, plan.height);
  width = cloud.scale * short_side * 1.5;
  const double height = width * 0.42;
  SurfacePtr surface =
      make_surface(static_cast<int>(std::ceil(width)), static_cast<int>(std::ceil(height)));
  CairoPtr cr(cairo_create(surface.get()));
  const double base = height * 0.92;
  const int puffs = 4 + random.below(3);
  for (int i = 0; i < puffs; ++i) {
    const double k = (i + 0.5) / puffs;
    const double r = height * (0.22 + 0.22 * std::sin(M_PI * k)) * random.between(0.85, 1.1);
    cairo_new_sub_path(cr.get());
    cairo_arc(cr.get(), width * (0.12 + 0.76 * k), base - r * 0.9, r, 0, 2 * M_PI);
  }
  cairo_rectangle(cr.get(), width * 0.12, base - height * 0.25, width * 0.76, height * 0.25);
  const bool night = plan.palette.mood == Mood::night;
  cairo_pattern_t* shade = cairo_pattern_create_linear(0, 0, 0, height);
  const Rgb top = night ? mix(plan.palette.sky_horizon, Rgb{1, 1, 1}, 0.3) : Rgb{1, 1, 1};
  add_stop(shade, 0.0, top, night ? 0.35 : 0.95);
  add_stop(shade, 1.0, mix(top, plan.palette.sky_middle, 0.35), night ? 0.2 : 0.75);
  cairo_set_source(cr.get(), shade);
  cairo_set_fill_rule(cr.get(), CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr.get());
  cairo_pattern_destroy(shade);
  return surface;
}

double ridge_y(const HillLayer& layer, double x, int width, int height) {
  double y = layer.crest;
  for (const Wave& wave : layer.waves) {
    y += wave.amplitude * std::sin(2 * M_PI * (wave.cycles * x / width + wave.phase));
  }
  return y * height;
}

void draw_tree(cairo_t* cr, double x, double ground, double size, bool pine, const Rgb& color) {
  set_rgb(cr, color);
  if (pine) {
    cairo_move_to(cr, x, ground - size * 1.6);
    cairo_line_to(cr, x + size * 0.45, ground + size * 0.1);
    cairo_line_to(cr, x - size * 0.45, ground + size * 0.1);
    cairo_close_path(cr);
    cairo_fill(cr);
  } else {
    cairo_rectangle(cr, x - size * 0.06, ground - size * 0.6, size * 0.12, size * 0.7);
    cairo_fill(cr);
    cairo_arc(cr, x, ground - size * 0.85, size * 0.38, 0, 2 * M_PI);
    cairo_fill(cr);
  }
}

}  // namespace

Backdrop::Backdrop(const ScenePlan& plan) : plan_(plan), motes_(plan) {
  const double w = plan.width;
  const double h = plan.height;
  const double short_side = std::min(w, h);
  const CameraPath& camera = plan.camera;

  const int sky_margin =
      static_cast<int>(std::ceil(std::fabs(camera.pan_y_px * (kSkyDepth - camera.pivot_depth)))) +
      2;
  sky_ = Layer{draw_sky(plan, sky_margin), 0, -static_cast<double>(sky_margin), kSkyDepth};

  double sun_size = 0;
  sun_.surface = draw_sun(plan, sun_size);
  sun_.x = plan.sun.x * w - sun_size / 2;
  sun_.y = plan.sun.y * h - sun_size / 2;
  sun_.depth = kSunDepth;

  SeededRandom cloud_random(plan.seed ^ 0xC10D5ULL);
  for (const CloudPlan& cloud : plan.clouds) {
    Cloud drawn;
    drawn.plan = cloud;
    drawn.surface = draw_cloud(plan, cloud, cloud_random.fork(clouds_.size() + 1), drawn.width);
    clouds_.push_back(std::move(drawn));
  }

  SeededRandom tree_random(plan.seed ^ 0x7EE5ULL);
  for (std::size_t i = 0; i < plan.hills.size(); ++i) {
    const HillLayer& layer = plan.hills[i];
    // Wide and tall enough that the camera's travel never reveals an edge.
    const int margin_x = static_cast<int>(std::ceil(
                             std::fabs(camera.pan_x_px * (layer.depth - camera.pivot_depth)) / 2)) +
                         2;
    const int margin_y = static_cast<int>(std::ceil(
                             std::fabs(camera.pan_y_px * (layer.depth - camera.pivot_depth)) / 2)) +
                         2;
    double amplitude = 0;
    for (const Wave& wave : layer.waves) amplitude += wave.amplitude;
    const double tree_room = layer.trees > 0 ? short_side * 0.1 : 0;
    const double top = std::floor((layer.crest - amplitude) * h - tree_room - 4);
    const int strip_width = plan.width + 2 * margin_x;
    const int strip_height = static_cast<int>(h - top) + margin_y;
    SurfacePtr strip = make_surface(strip_width, strip_height);
    CairoPtr cr(cairo_create(strip.get()));
    cairo_translate(cr.get(), margin_x, -top);

    const Rgb& color = plan.palette.hills[i];
    // Far layers fade toward the horizon colour: aerial perspective.
    const double haze = 0.35 * (1.0 - layer.depth);
    const Rgb near_color = mix(color, plan.palette.sky_horizon, haze);
    cairo_move_to(cr.get(), -margin_x, h + margin_y);
    for (double x = -margin_x; x <= w + margin_x + 4; x += 4) {
      cairo_line_to(cr.get(), x, ridge_y(layer, x, plan.width, plan.height));
    }
    cairo_line_to(cr.get(), w + margin_x + 4, h + margin_y);
    cairo_close_path(cr.get());
    cairo_pattern_t* fill = cairo_pattern_create_linear(0, top, 0, h);
    add_stop(fill, 0.0, mix(near_color, Rgb{1, 1, 1}, 0.12));
    add_stop(fill, 1.0, mix(near_color, Rgb{0, 0, 0}, 0.25));
    cairo_set_source(cr.get(), fill);
    cairo_fill(cr.get());
    cairo_pattern_destroy(fill);

    // A thin light rim along the ridge separates it from the layer behind.
    for (double x = -margin_x; x <= w + margin_x + 4; x += 4) {
      const double y = ridge_y(layer, x, plan.width, plan.height) + 1;
      if (x == -margin_x) {
        cairo_move_to(cr.get(), x, y);
      } else {
        cairo_line_to(cr.get(), x, y);
      }
    }
    cairo_set_line_width(cr.get(), std::max(1.0, short_side / 360.0));
    set_rgb(cr.get(), mix(near_color, Rgb{1, 1, 1}, 0.45), 0.5);
    cairo_stroke(cr.get());

    SeededRandom trees = tree_random.fork(i + 1);
    const Rgb tree_color = mix(near_color, Rgb{0, 0, 0}, 0.28);
    for (int k = 0; k < layer.trees; ++k) {
      const double x = trees.between(-margin_x, w + margin_x);
      const double size = short_side * trees.between(0.04, 0.075) * (0.6 + 0.4 * layer.depth);
      draw_tree(cr.get(), x, ridge_y(layer, x, plan.width, plan.height) + size * 0.15, size,
                trees.uniform() < 0.5, tree_color);
    }
    const int opaque_from = first_opaque_row(strip.get());
    const int visible_from = first_visible_row(strip.get());
    hills_.push_back(Layer{std::move(strip), -static_cast<double>(margin_x), top, layer.depth,
                           opaque_from, visible_from});
  }
}

int Backdrop::covers_from(const Layer& hill, const CameraPose& camera) const {
  const int x = whole(hill.x + camera.shift_x(hill.depth));
  const int y = whole(hill.y + camera.shift_y(hill.depth));
  cairo_surface_t* surface = hill.surface.get();
  // Only opaque rows that span the whole width down to the bottom hide what is behind
  // them (the margins make this so; checked rather than assumed).
  if (x > 0 || x + cairo_image_surface_get_width(surface) < plan_.width ||
      y + cairo_image_surface_get_height(surface) < plan_.height) {
    return plan_.height;
  }
  return std::clamp(y + hill.opaque_from, 0, plan_.height);
}

int Backdrop::hidden_from(std::size_t first, const CameraPose& camera) const {
  int row = plan_.height;
  for (std::size_t i = first; i < hills_.size(); ++i) {
    row = std::min(row, covers_from(hills_[i], camera));
  }
  return row;
}

void Backdrop::paint(cairo_t* cr, const CameraPose& camera, double t) const {
  const double w = plan_.width;
  const double h = plan_.height;
  const double duration = plan_.seconds;
  const int behind_hills = hidden_from(0, camera);

  cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
  blit_rows(cr, sky_.surface.get(), 0, sky_.y + camera.shift_y(sky_.depth), 0, behind_hills);
  cairo_set_operator(cr, CAIRO_OPERATOR_OVER);

  blit_rows(cr, sun_.surface.get(), sun_.x + camera.shift_x(sun_.depth),
            sun_.y - plan_.sun.rise * h * (t / duration) + camera.shift_y(sun_.depth), 0,
            behind_hills);

  for (const Cloud& cloud : clouds_) {
    // Clouds drift across and wrap around, entering from the other side.
    const double span = w + cloud.width * 2;
    double x = cloud.plan.x * span + cloud.plan.speed * w * t;
    x = std::fmod(std::fmod(x, span) + span, span) - cloud.width;
    blit_rows(cr, cloud.surface.get(), x + camera.shift_x(cloud.plan.depth),
              cloud.plan.y * h + camera.shift_y(cloud.plan.depth), 0, behind_hills);
  }

  for (std::size_t i = 0; i < hills_.size(); ++i) {
    const Layer& hill = hills_[i];
    const double x = hill.x + camera.shift_x(hill.depth);
    const double y = hill.y + camera.shift_y(hill.depth);
    const int hidden = hidden_from(i + 1, camera);
    // Blended where the ridge lets the layers behind show through; copied where solid
    // (over an opaque pixel OVER gives exactly the source, so the frame is the same).
    const int solid = std::min(covers_from(hill, camera), hidden);
    blit_rows(cr, hill.surface.get(), x, y, std::max(0, whole(y) + hill.visible_from), solid);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    blit_rows(cr, hill.surface.get(), x, y, solid, hidden);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
  }

  motes_.paint(cr, camera, t);
}

}  // namespace dreamfeed::sketch
