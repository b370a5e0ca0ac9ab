// Draws one placed figure with cairo paths: a small set of parametrised drawers, one per
// figure family (biped, quadruped, bird, fish, vehicle, plant, building, object,
// creature), each with simple articulated motion — legs swing, wings flap, wheels
// turn, tails wag — driven by time. Vector paths rather than sprites because every
// figure is recoloured and resized per prompt and the path count per figure is small.
#pragma once

#include <cairo.h>

#include "subject_layout.h"

namespace dreamfeed::sketch {

// Draws `figure` filling `box` (frame pixels) at time `t`. `light` in (0, 1] dims the
// colours for dusk and night.
void draw_figure(cairo_t* cr, const PlacedFigure& figure, const FigureBox& box, double t,
                 double light);

}  // namespace dreamfeed::sketch
