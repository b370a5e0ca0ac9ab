// Where a figure holds things: the layout puts a held object there and the drawer
// reaches the figure's arm (or muzzle) to the same point, so the two always agree.
#pragma once

#include "subject_layout.h"

namespace dreamfeed::sketch {

struct FigurePoint {
  double x = 0;
  double y = 0;
};

// In the drawer's unit space: the figure is 1 tall and `aspect` wide, facing right.
inline FigurePoint hand_in_unit(Figure figure, double aspect) {
  switch (figure) {
    case Figure::biped:
      return {aspect / 2 + 0.24, 0.44};  // an arm reaching forward from the shoulder
    case Figure::quadruped:
      return {aspect * 0.86 + 0.1, 0.3};  // in the mouth
    default:
      return {aspect, 0.5};
  }
}

// The same point in frame pixels for a figure drawn in `box`, mirrored when it faces left.
inline FigurePoint hand_point(const PlacedFigure& f, const FigureBox& box) {
  if (box.height <= 0) return {box.x, box.y};
  const FigurePoint unit = hand_in_unit(f.figure, box.width / box.height);
  const double across = unit.x * box.height;
  return {f.facing_left ? box.x + box.width - across : box.x + across, box.y + unit.y * box.height};
}

}  // namespace dreamfeed::sketch
