// Where each understood subject stands and how it moves: one PlacedFigure per drawn
// figure (a group of "three cats" is three figures, a flock is bounded). Each subject
// draws from its own random stream keyed by its kind and how many of that kind came
// before it — not by its position in the prompt — so editing other parts of a prompt
// keeps its place. Stacks (on, riding, "stacked") are laid out bottom first, each member
// resting on the one below and moving with it; a subject inside another sits within its
// box, a held one at its holder's hand, and both move with them; one behind another is
// drawn first, smaller, dimmer and peeking out to one side, one in front later,
// overlapping it; one under another stands beneath it, one next to another beside it,
// and a chaser runs behind what it chases, all moving with it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "palette.h"
#include "understanding/scene_graph.h"

namespace dreamfeed::sketch {

// Figures drawn at most per subject; "a thousand birds" draws a flock this big.
inline constexpr int kMaxFiguresPerSubject = 40;
inline constexpr int kMaxFigures = 120;
// Figures in one "stacked" tower ("five cats stacked").
inline constexpr int kMaxStacked = 8;

struct FigureBox {
  double x = 0;  // left, frame pixels
  double y = 0;  // top
  double width = 0;
  double height = 0;
};

// How a figure hangs on its carrier (PlacedFigure::carrier).
enum class Attachment { none, rests_on, inside, held, behind, in_front, under, beside, chasing };
std::string_view to_string(Attachment attachment);

struct PlacedFigure {
  int subject = 0;  // index into SceneGraph::subjects
  Figure figure = Figure::object;
  std::string_view kind;  // points into the graph's subject (outlives the layout)
  Rgb colour;
  Rgb accent;
  FigureBox box;         // at t = 0, before the camera
  double travel_px = 0;  // horizontal drift amplitude over the clip
  double phase = 0;      // [0, 1): offsets the walk cycle and drift
  double stride_hz = 1;  // limb cycles per second; 0 for still things
  bool facing_left = false;
  bool airborne = false;  // flies or floats: bobs instead of walking
  int carrier = -1;       // index of the figure it is placed against (moves with it), or -1
  Attachment attachment = Attachment::none;  // how, when carrier >= 0
  bool holding = false;                      // reaches out to hold a figure attached as held
  double shade = 1;  // multiplies the light: below 1 for a figure set back behind another
  double depth = 1;  // for draw order: farther (smaller y) first
};

struct SubjectLayout {
  std::vector<PlacedFigure> figures;  // in draw order
  // The box of figure `i` at time t, with its carrier's motion, before the camera.
  FigureBox box_at(std::size_t i, double t, double seconds) const;
};

SubjectLayout lay_out_subjects(const SceneGraph& graph, int width, int height, std::uint64_t seed);

// The colour a colour word names, or nullptr for an unknown name.
const Rgb* named_colour(std::string_view name);

}  // namespace dreamfeed::sketch
