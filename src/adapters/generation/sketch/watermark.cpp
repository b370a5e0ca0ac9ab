// Drawing of the watermark pill.
#include "watermark.h"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace dreamfeed::sketch {
namespace {

void rounded_rectangle(cairo_t* cr, double x, double y, double w, double h, double r) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

// The Dreamfeed mark: a rounded square in the brand gradient with a white play
// triangle and a small sparkle.
void draw_mark(cairo_t* cr, double x, double y, double size) {
  cairo_pattern_t* brand = cairo_pattern_create_linear(x, y, x + size, y + size);
  cairo_pattern_add_color_stop_rgb(brand, 0, 1.0, 0.44, 0.66);
  cairo_pattern_add_color_stop_rgb(brand, 1, 0.48, 0.42, 1.0);
  rounded_rectangle(cr, x, y, size, size, size * 0.28);
  cairo_set_source(cr, brand);
  cairo_fill(cr);
  cairo_pattern_destroy(brand);

  cairo_move_to(cr, x + size * 0.36, y + size * 0.27);
  cairo_line_to(cr, x + size * 0.74, y + size * 0.5);
  cairo_line_to(cr, x + size * 0.36, y + size * 0.73);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill(cr);

  const double cx = x + size * 0.8;
  const double cy = y + size * 0.2;
  const double r = size * 0.13;
  cairo_move_to(cr, cx, cy - r);
  cairo_curve_to(cr, cx, cy, cx, cy, cx + r, cy);
  cairo_curve_to(cr, cx, cy, cx, cy, cx, cy + r);
  cairo_curve_to(cr, cx, cy, cx, cy, cx - r, cy);
  cairo_curve_to(cr, cx, cy, cx, cy, cx, cy - r);
  cairo_fill(cr);
}

}  // namespace

Watermark::Watermark(std::string_view creator_handle, int frame_width, int frame_height,
                     const TextShaper& shaper) {
  const double short_side = std::min(frame_width, frame_height);
  const double font = std::max(11.0, short_side * 0.03);
  const double pad = font * 0.45;
  const double mark = font * 1.25;
  const double gap = font * 0.4;

  std::string label = "Dreamfeed";
  if (!creator_handle.empty()) {
    // A handle from an old record might not be valid UTF-8; show it rather than fail.
    gchar* valid =
        g_utf8_make_valid(creator_handle.data(), static_cast<gssize>(creator_handle.size()));
    label += "  @";
    label += valid;
    g_free(valid);
  }
  LayoutPtr text = shaper.layout(label, font, FontWeight::bold);
  // A very long handle is cut with an ellipsis so the pill stays in its corner.
  const double max_text = frame_width * 0.62 - mark - gap - 2 * pad;
  pango_layout_set_width(text.get(), static_cast<int>(max_text * PANGO_SCALE));
  pango_layout_set_ellipsize(text.get(), PANGO_ELLIPSIZE_END);
  PangoRectangle logical{};
  pango_layout_get_extents(text.get(), nullptr, &logical);
  pango_extents_to_pixels(&logical, nullptr);
  // Unlike a layout without width, one with a width reports the full width; measure
  // the line itself.
  PangoRectangle line_logical{};
  pango_layout_line_get_pixel_extents(pango_layout_get_line_readonly(text.get(), 0), nullptr,
                                      &line_logical);
  const double text_width = std::min<double>(line_logical.width, max_text);
  const double height = std::max<double>(mark, logical.height) + 2 * pad;
  const double width = pad + mark + gap + text_width + pad * 1.4;

  surface_ = make_surface(static_cast<int>(std::ceil(width)), static_cast<int>(std::ceil(height)));
  CairoPtr cr(cairo_create(surface_.get()));
  rounded_rectangle(cr.get(), 0, 0, width, height, height / 2);
  cairo_set_source_rgba(cr.get(), 0.05, 0.04, 0.12, 0.42);
  cairo_fill(cr.get());
  draw_mark(cr.get(), pad, (height - mark) / 2, mark);

  const double text_x = pad + mark + gap - line_logical.x;
  const double text_y = (height - logical.height) / 2;
  cairo_move_to(cr.get(), text_x + 1, text_y + 1);
  cairo_set_source_rgba(cr.get(), 0, 0, 0, 0.45);
  pango_cairo_show_layout(cr.get(), text.get());
  cairo_move_to(cr.get(), text_x, text_y);
  cairo_set_source_rgba(cr.get(), 1, 1, 1, 0.92);
  pango_cairo_show_layout(cr.get(), text.get());
  cairo_surface_flush(surface_.get());

  const double margin = short_side * 0.035;
  x_ = static_cast<int>(std::lround(frame_width - margin - width));
  y_ = static_cast<int>(std::lround(frame_height - margin - height));
}

void Watermark::paint(cairo_t* cr) const {
  cairo_set_source_surface(cr, surface_.get(), x_, y_);
  cairo_paint(cr);
}

}  // namespace dreamfeed::sketch
