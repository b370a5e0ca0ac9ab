// Contact sheet composition and PNG output.
#include "contact_sheet.h"

#include <algorithm>

namespace dreamfeed::sketch {

constexpr int kGap = 4;

ContactSheet::ContactSheet(int columns, int rows, int cell_width, int cell_height)
    : columns_(columns),
      rows_(rows),
      cell_width_(cell_width),
      cell_height_(cell_height),
      sheet_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, columns * (cell_width + kGap) + kGap,
                                        rows * (cell_height + kGap) + kGap)) {
  CairoPtr cr(cairo_create(sheet_.get()));
  cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.12);
  cairo_paint(cr.get());
}

void ContactSheet::place(int index, const FrameView& frame) {
  if (index < 0 || index >= columns_ * rows_ || frame.width <= 0 || frame.height <= 0) return;
  SurfacePtr source(cairo_image_surface_create_for_data(const_cast<unsigned char*>(frame.pixels),
                                                        CAIRO_FORMAT_ARGB32, frame.width,
                                                        frame.height, frame.stride));
  CairoPtr cr(cairo_create(sheet_.get()));
  const double scale = std::min(static_cast<double>(cell_width_) / frame.width,
                                static_cast<double>(cell_height_) / frame.height);
  const double x = kGap + (index % columns_) * (cell_width_ + kGap);
  const double y = kGap + (index / columns_) * (cell_height_ + kGap);
  cairo_translate(cr.get(), x, y);
  cairo_scale(cr.get(), scale, scale);
  cairo_set_source_surface(cr.get(), source.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
  cairo_paint(cr.get());
}

Status ContactSheet::write_png(const std::filesystem::path& file) const {
  cairo_surface_flush(sheet_.get());
  if (cairo_surface_write_to_png(sheet_.get(), file.c_str()) != CAIRO_STATUS_SUCCESS) {
    return make_error(ErrorCode::unavailable, "could not write " + file.string());
  }
  return {};
}

}  // namespace dreamfeed::sketch
