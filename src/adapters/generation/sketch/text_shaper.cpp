// Pango font map, context and layouts for the sketch engine.
#include "text_shaper.h"

#include <string>

namespace dreamfeed::sketch {

// Pango's default font map is per thread (since 1.32.6). A fresh map for every clip
// loaded DejaVu again and threw its glyph caches away: ~2 ms of a clip's set-up.
TextShaper::TextShaper()
    : font_map_(PANGO_FONT_MAP(g_object_ref(pango_cairo_font_map_get_default()))),
      context_(pango_font_map_create_context(font_map_.get())) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context_.get(), options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
}

LayoutPtr TextShaper::layout(std::string_view text, double pixel_size, FontWeight weight) const {
  LayoutPtr layout(pango_layout_new(context_.get()));
  FontDescriptionPtr font(pango_font_description_from_string("DejaVu Sans"));
  pango_font_description_set_weight(
      font.get(), weight == FontWeight::bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font.get(), pixel_size * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

TextExtent TextShaper::logical_extent(PangoLayout* layout) {
  PangoRectangle logical{};
  pango_layout_get_extents(layout, nullptr, &logical);
  return TextExtent{static_cast<double>(logical.width) / PANGO_SCALE,
                    static_cast<double>(logical.height) / PANGO_SCALE};
}

bool TextShaper::is_right_to_left(std::string_view text) const {
  LayoutPtr probe = layout(text, 10.0, FontWeight::regular);
  PangoLayoutLine* line = pango_layout_get_line_readonly(probe.get(), 0);
  return line != nullptr && line->resolved_dir == PANGO_DIRECTION_RTL;
}

}  // namespace dreamfeed::sketch
