// Drawing each word once, and its motion over the clip.
#include "word_sprites.h"

#include <algorithm>
#include <cmath>

#include "easing.h"

namespace dreamfeed::sketch {
namespace {

// Entrance overshoot × camera zoom stay below this, so sprites are only ever shrunk.
constexpr double kOversample = 1.2;
// How much of the camera pan the text follows: less than the hills, so it reads as
// floating in front of the landscape without drifting away from the viewer.
constexpr double kTextDepth = 0.35;
// A tilt that moves no point of a sprite by more than this many pixels is drawn
// upright: it cannot be seen, and a rotated blit costs several times an upright one.
constexpr double kInvisibleTiltPx = 0.25;

}  // namespace

WordSprites::WordSprites(const ScenePlan& plan, const TextShaper& shaper) : plan_(plan) {
  const TextPlan& text = plan.text;
  const Palette& palette = plan.palette;
  for (std::size_t i = 0; i < text.words.size(); ++i) {
    const WordBox& box = text.layout.boxes[i];
    const double size = text.layout.font_px * box.fit_scale * kOversample;
    LayoutPtr layout = shaper.layout(text.words[i].text, size, FontWeight::bold);
    PangoRectangle ink{}, logical{};
    pango_layout_get_extents(layout.get(), &ink, &logical);
    pango_extents_to_pixels(&ink, nullptr);
    pango_extents_to_pixels(&logical, nullptr);

    const double outline = std::max(1.5, size * 0.07);
    const double shadow = std::max(1.0, size * 0.05);
    const double pad = outline + shadow + 2;
    // Only the ink and what the outline and shadow add: the line's logical box is
    // mostly empty space that every frame would otherwise resample. Ink and logical
    // extents are whole pixels, so the glyphs keep their sub-pixel phase.
    const double left = ink.x - pad;
    const double top = ink.y - pad;
    const double right = ink.x + ink.width + pad;
    const double bottom = ink.y + ink.height + pad;

    Sprite sprite;
    sprite.surface = make_surface(static_cast<int>(std::ceil(right - left)),
                                  static_cast<int>(std::ceil(bottom - top)));
    sprite.anchor_x = logical.x + logical.width / 2.0 - left;
    sprite.anchor_y = logical.y + logical.height / 2.0 - top;
    sprite.reach = std::hypot(std::max(sprite.anchor_x, right - left - sprite.anchor_x),
                              std::max(sprite.anchor_y, bottom - top - sprite.anchor_y));
    CairoPtr cr(cairo_create(sprite.surface.get()));
    cairo_set_line_join(cr.get(), CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr.get(), outline * 2);
    const Rgb& edge = palette.text_outline;

    // The word filled and outlined in the outline colour, stroked once (stroking
    // glyph outlines with round joins is most of a sprite's cost) and used twice: as
    // the drop shadow, offset down and translucent (one group, so the overlap of
    // stroke and fill does not darken it twice), and under the word's own fill.
    cairo_push_group(cr.get());
    cairo_move_to(cr.get(), -left, -top);
    pango_cairo_layout_path(cr.get(), layout.get());
    cairo_set_source_rgb(cr.get(), edge.r, edge.g, edge.b);
    cairo_stroke_preserve(cr.get());
    cairo_fill(cr.get());
    cairo_pattern_t* outlined = cairo_pop_group(cr.get());

    cairo_save(cr.get());
    cairo_translate(cr.get(), 0, shadow);
    cairo_set_source(cr.get(), outlined);
    cairo_paint_with_alpha(cr.get(), 0.4);
    cairo_restore(cr.get());
    cairo_set_source(cr.get(), outlined);
    cairo_paint(cr.get());
    cairo_pattern_destroy(outlined);

    cairo_move_to(cr.get(), -left, -top);
    pango_cairo_layout_path(cr.get(), layout.get());
    const Rgb& fill = palette.text_fills[static_cast<std::size_t>(text.words[i].fill_index)];
    cairo_set_source_rgb(cr.get(), fill.r, fill.g, fill.b);
    cairo_fill(cr.get());
    cairo_surface_flush(sprite.surface.get());
    sprites_.push_back(std::move(sprite));
  }
}

void WordSprites::paint(cairo_t* cr, const CameraPose& camera, double t) const {
  const TextPlan& text = plan_.text;
  const double w = plan_.width;
  const double h = plan_.height;
  const double font = text.layout.font_px;
  const double line = text.layout.line_height;
  const double scroll = text.scroll_at(t);
  const bool scrolling = text.layout.block_height > text.area.height;
  const double area_top = text.area.y;
  const double area_bottom = text.area.y + text.area.height;

  for (std::size_t i = 0; i < sprites_.size(); ++i) {
    const PlannedWord& word = text.words[i];
    if (t < word.reveal_s) break;  // words are revealed in order
    const WordBox& box = text.layout.boxes[i];
    const double entrance = (t - word.reveal_s) / text.entrance_s;

    double y = text.area.y + scroll + box.center_y;
    double alpha = ease_out_cubic(entrance * 1.6);
    if (scrolling) {
      // Words fade out at the area's edges instead of being cut off.
      alpha *= smoothstep(area_top - line * 0.1, area_top + line * 0.9, y) *
               smoothstep(area_bottom + line * 0.1, area_bottom - line * 0.9, y);
    }
    if (alpha < 0.01) continue;

    const double phase = 2 * M_PI * word.bob_phase;
    y += (1.0 - ease_out_cubic(entrance)) * line * 0.6;  // slides up into place
    y += std::sin(2 * M_PI * t * 0.45 + phase) * font * 0.05;
    const double x =
        text.area.x + box.center_x + std::sin(2 * M_PI * t * 0.23 + phase * 2.3) * font * 0.03;
    // Crowded (scrolling) text grows in without overshoot so neighbours do not collide.
    const double grow =
        0.35 + 0.65 * (scrolling ? ease_out_cubic(entrance) : ease_out_back(entrance));
    const double screen_x = w / 2 + (x - w / 2) * camera.zoom + camera.pan_x * kTextDepth;
    const double screen_y = h / 2 + (y - h / 2) * camera.zoom + camera.pan_y * kTextDepth;
    const double scale = camera.zoom * grow / kOversample;

    const Sprite& sprite = sprites_[i];
    // Tilt only while entering: a rotated blit costs several times an upright one, and
    // settled words already move by bobbing.
    double tilt = entrance < 1 ? (1.0 - ease_out_cubic(entrance)) * (i % 2 == 0 ? 1 : -1) *
                                     (scrolling ? 0.08 : 0.2)
                               : 0.0;
    if (std::fabs(tilt) * sprite.reach * scale < kInvisibleTiltPx) tilt = 0;
    cairo_save(cr);
    cairo_translate(cr, screen_x, screen_y);
    if (tilt != 0) cairo_rotate(cr, tilt);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, sprite.surface.get(), -sprite.anchor_x, -sprite.anchor_y);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
    cairo_paint_with_alpha(cr, std::min(1.0, alpha));
    cairo_restore(cr);
  }
}

}  // namespace dreamfeed::sketch
