// Layout of the understood subjects: sizes per kind, ground or sky placement, groups,
// figures placed against others (stacks, inside, held, behind, in front), colours, and
// the drift each figure makes over the clip.
#include "subject_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "figure_hand.h"
#include "seeded_random.h"
#include "subject_anchors.h"

namespace dreamfeed::sketch {
namespace {

struct KindLook {
  double height;  // fraction of the frame's short side at size "normal"
  double aspect;  // width / height
  Rgb colour;
};

// Kinds not listed use their figure family's look.
const std::map<std::string_view, KindLook, std::less<>>& kind_looks() {
  static const std::map<std::string_view, KindLook, std::less<>> looks = {
      {"baby", {0.11, 0.6, {0.95, 0.8, 0.7}}},       {"child", {0.15, 0.45, {0.3, 0.6, 0.9}}},
      {"robot", {0.22, 0.5, {0.7, 0.72, 0.78}}},     {"astronaut", {0.22, 0.5, {0.95, 0.95, 0.97}}},
      {"horse", {0.2, 1.25, {0.55, 0.33, 0.18}}},    {"elephant", {0.26, 1.3, {0.6, 0.6, 0.65}}},
      {"giraffe", {0.34, 0.8, {0.93, 0.72, 0.3}}},   {"mouse", {0.05, 1.6, {0.6, 0.6, 0.62}}},
      {"rabbit", {0.07, 1.2, {0.9, 0.88, 0.85}}},    {"cat", {0.08, 1.4, {0.95, 0.6, 0.25}}},
      {"dog", {0.1, 1.4, {0.75, 0.55, 0.3}}},        {"cow", {0.17, 1.4, {0.95, 0.95, 0.95}}},
      {"pig", {0.1, 1.4, {0.97, 0.7, 0.75}}},        {"sheep", {0.11, 1.3, {0.96, 0.96, 0.92}}},
      {"lion", {0.15, 1.4, {0.88, 0.65, 0.3}}},      {"tiger", {0.15, 1.5, {0.95, 0.55, 0.15}}},
      {"bear", {0.18, 1.3, {0.4, 0.26, 0.15}}},      {"fox", {0.09, 1.5, {0.9, 0.45, 0.15}}},
      {"wolf", {0.12, 1.5, {0.5, 0.5, 0.55}}},       {"deer", {0.18, 1.1, {0.65, 0.42, 0.22}}},
      {"unicorn", {0.2, 1.25, {0.98, 0.96, 0.98}}},  {"dinosaur", {0.3, 1.4, {0.3, 0.6, 0.3}}},
      {"penguin", {0.08, 0.8, {0.1, 0.1, 0.15}}},    {"chicken", {0.07, 0.9, {0.95, 0.95, 0.9}}},
      {"duck", {0.07, 1.1, {0.98, 0.9, 0.3}}},       {"eagle", {0.09, 1.5, {0.4, 0.28, 0.16}}},
      {"butterfly", {0.04, 1.2, {0.95, 0.5, 0.8}}},  {"bee", {0.03, 1.2, {0.98, 0.8, 0.1}}},
      {"whale", {0.2, 2.4, {0.25, 0.35, 0.55}}},     {"shark", {0.12, 2.2, {0.5, 0.55, 0.62}}},
      {"dolphin", {0.1, 2.0, {0.45, 0.6, 0.75}}},    {"bus", {0.2, 2.2, {0.98, 0.75, 0.1}}},
      {"truck", {0.18, 1.9, {0.25, 0.45, 0.75}}},    {"bicycle", {0.1, 1.5, {0.2, 0.2, 0.25}}},
      {"motorcycle", {0.11, 1.6, {0.2, 0.2, 0.25}}}, {"train", {0.17, 3.2, {0.3, 0.3, 0.35}}},
      {"boat", {0.14, 1.6, {0.9, 0.9, 0.85}}},       {"plane", {0.1, 2.2, {0.92, 0.92, 0.95}}},
      {"rocket", {0.28, 0.4, {0.92, 0.92, 0.95}}},   {"tree", {0.36, 0.7, {0.2, 0.55, 0.25}}},
      {"flower", {0.07, 0.6, {0.95, 0.3, 0.45}}},    {"cactus", {0.2, 0.6, {0.25, 0.6, 0.3}}},
      {"mushroom", {0.06, 1.0, {0.9, 0.2, 0.2}}},    {"castle", {0.42, 1.1, {0.7, 0.68, 0.65}}},
      {"tower", {0.5, 0.35, {0.9, 0.9, 0.88}}},      {"house", {0.3, 1.1, {0.85, 0.55, 0.4}}},
      {"ball", {0.06, 1.0, {0.9, 0.25, 0.2}}},       {"balloon", {0.09, 0.6, {0.9, 0.2, 0.3}}},
      {"bowl", {0.14, 1.1, {0.75, 0.88, 0.98}}},     {"table", {0.09, 1.6, {0.55, 0.38, 0.22}}},
      {"chair", {0.11, 0.7, {0.55, 0.38, 0.22}}},    {"dragon", {0.3, 1.5, {0.3, 0.65, 0.35}}},
      {"ghost", {0.18, 0.7, {0.96, 0.96, 1.0}}},     {"alien", {0.18, 0.6, {0.45, 0.85, 0.4}}},
      {"snake", {0.05, 3.0, {0.35, 0.6, 0.25}}},     {"octopus", {0.14, 1.0, {0.75, 0.35, 0.6}}},
  };
  return looks;
}

KindLook family_look(Figure figure) {
  switch (figure) {
    case Figure::biped:
      return {0.22, 0.45, {0.85, 0.35, 0.3}};
    case Figure::quadruped:
      return {0.14, 1.3, {0.6, 0.45, 0.3}};
    case Figure::bird:
      return {0.06, 1.3, {0.3, 0.35, 0.55}};
    case Figure::fish:
      return {0.08, 1.8, {0.95, 0.55, 0.2}};
    case Figure::vehicle:
      return {0.15, 2.0, {0.85, 0.2, 0.2}};
    case Figure::plant:
      return {0.3, 0.7, {0.2, 0.55, 0.25}};
    case Figure::building:
      return {0.34, 1.0, {0.8, 0.7, 0.6}};
    case Figure::object:
      return {0.08, 1.0, {0.6, 0.5, 0.4}};
    case Figure::creature:
      return {0.22, 1.0, {0.5, 0.4, 0.7}};
  }
  return {0.1, 1.0, {0.5, 0.5, 0.5}};
}

KindLook look_of(const Subject& subject) {
  auto it = kind_looks().find(subject.kind);
  return it != kind_looks().end() ? it->second : family_look(subject.figure);
}

// How much of the box of what it is inside or under a figure may fill: what is under a
// table stays below its top.
struct Room {
  double width;
  double height;
};
Room room_for(Attachment how) { return how == Attachment::under ? Room{0.8, 0.5} : Room{0.7, 0.7}; }

double size_factor(SizeWord size) {
  switch (size) {
    case SizeWord::tiny:
      return 0.4;
    case SizeWord::small:
      return 0.7;
    case SizeWord::normal:
      return 1.0;
    case SizeWord::big:
      return 1.4;
    case SizeWord::giant:
      return 1.9;
  }
  return 1.0;
}

}  // namespace

std::string_view to_string(Attachment attachment) {
  switch (attachment) {
    case Attachment::none:
      return "free";
    case Attachment::rests_on:
      return "on";
    case Attachment::inside:
      return "inside";
    case Attachment::held:
      return "held";
    case Attachment::behind:
      return "behind";
    case Attachment::in_front:
      return "in front of";
    case Attachment::under:
      return "under";
    case Attachment::beside:
      return "next to";
    case Attachment::chasing:
      return "chasing";
  }
  return "free";
}

const Rgb* named_colour(std::string_view name) {
  static const std::map<std::string_view, Rgb, std::less<>> colours = {
      {"red", {0.86, 0.1, 0.1}},     {"orange", {0.98, 0.55, 0.1}}, {"yellow", {0.98, 0.85, 0.15}},
      {"green", {0.2, 0.7, 0.25}},   {"blue", {0.15, 0.35, 0.9}},   {"purple", {0.55, 0.25, 0.75}},
      {"pink", {0.98, 0.5, 0.7}},    {"brown", {0.5, 0.3, 0.15}},   {"black", {0.08, 0.08, 0.1}},
      {"white", {0.97, 0.97, 0.97}}, {"grey", {0.55, 0.55, 0.58}},
  };
  auto it = colours.find(name);
  return it == colours.end() ? nullptr : &it->second;
}

FigureBox SubjectLayout::box_at(std::size_t i, double t, double seconds) const {
  FigureBox box = figures[i].box;
  // Everything in a stack moves with its bottom figure.
  std::size_t mover = i;
  while (figures[mover].carrier >= 0) mover = static_cast<std::size_t>(figures[mover].carrier);
  const PlacedFigure& m = figures[mover];
  const double k = seconds > 0 ? t / seconds : 0;
  const double sign = m.facing_left ? -1 : 1;
  // Drift: eased from -travel to +travel across the clip, in the facing direction.
  box.x += sign * m.travel_px * std::sin((k - 0.5) * 3.14159265358979);
  if (m.airborne) box.y += 0.08 * m.box.height * std::sin(6.2831853 * (t * 0.6 + m.phase));
  return box;
}

namespace {

// How far into what it rests on a figure sinks, as a part of its height: riders sit a
// little into what they ride, animals stand on its back, and objects sit flat on one
// another so each one's edge shows.
double rest_sink(Figure figure) {
  return figure == Figure::biped ? 0.45 : figure == Figure::object ? 0.0 : 0.12;
}

// The unscaled height of `subject` with everything resting on it ("a cat on a box" under
// a table: the box and the cat), so what it is under or inside can hold all of it.
double stack_height(const SceneGraph& graph, const SubjectAnchors& anchors, std::size_t subject,
                    double short_side) {
  const auto own_height = [&](std::size_t k) {
    return look_of(graph.subjects[k]).height * short_side * size_factor(graph.subjects[k].size);
  };
  double above = 0;
  for (std::size_t top = 0; top < graph.subjects.size(); ++top) {
    if (anchors.anchor[top] != static_cast<int>(subject) ||
        anchors.how[top] != Attachment::rests_on) {
      continue;
    }
    above = std::max(above, stack_height(graph, anchors, top, short_side) -
                                rest_sink(graph.subjects[top].figure) * own_height(top));
  }
  return own_height(subject) + above;
}

// Sets the box, motion and draw depth of `f` (already sized `fig_w` × `fig_h`) against
// the figure `anchor` at index `anchor_index`.
void attach(PlacedFigure& f, PlacedFigure& anchor, int anchor_index, Attachment how, double fig_w,
            double fig_h, SeededRandom& random, double frame_w, double frame_h) {
  const FigureBox& a = anchor.box;
  f.carrier = anchor_index;
  f.attachment = how;
  f.travel_px = 0;
  f.airborne = false;
  // Scaled down only: a thing inside or in a hand never outgrows what holds it.
  const auto fit = [&](double limit_w, double limit_h) {
    const double k = std::min({1.0, limit_w / fig_w, limit_h / fig_h});
    fig_w *= k;
    fig_h *= k;
  };
  const double side = random.uniform() < 0.5 ? -1 : 1;
  switch (how) {
    case Attachment::none:
    case Attachment::rests_on: {
      f.facing_left = anchor.facing_left;
      f.stride_hz = f.figure == Figure::quadruped ? anchor.stride_hz : 0;
      f.box = {a.x + (a.width - fig_w) / 2, a.y - fig_h + rest_sink(f.figure) * fig_h, fig_w,
               fig_h};
      f.depth = anchor.depth + 0.001;
      break;
    }
    case Attachment::inside:
      fit(room_for(how).width * a.width, room_for(how).height * a.height);
      f.stride_hz = f.figure == Figure::fish ? f.stride_hz : 0;
      f.box = {a.x + (a.width - fig_w) / 2, a.y + (a.height - fig_h) * 0.65, fig_w, fig_h};
      f.depth = anchor.depth + 0.001;
      break;
    case Attachment::held: {
      // A balloon or umbrella rises from the hand; anything else is gripped at its middle.
      const bool rises = f.kind == "balloon" || f.kind == "umbrella" || f.kind == "flower";
      fit(a.width * (rises ? 2.0 : 0.9), a.height * (rises ? 0.9 : 0.45));
      anchor.holding = true;
      f.facing_left = anchor.facing_left;
      f.stride_hz = 0;
      const FigurePoint hand = hand_point(anchor, a);
      f.box = {hand.x - fig_w / 2, rises ? hand.y - fig_h : hand.y - fig_h / 2, fig_w, fig_h};
      f.depth = anchor.depth + 0.002;
      break;
    }
    case Attachment::under:
      fit(room_for(how).width * a.width, room_for(how).height * a.height);
      if (anchor.travel_px <= 0) f.stride_hz = 0;
      f.box = {a.x + (a.width - fig_w) / 2, a.y + a.height - fig_h, fig_w, fig_h};
      f.depth = anchor.depth + 0.001;
      break;
    case Attachment::beside:
    case Attachment::chasing: {
      // A chaser runs behind what it chases, facing the same way; a neighbour stands on
      // either side with a small gap.
      const double gap = (how == Attachment::chasing ? 0.08 : 0.03) * frame_h;
      const auto centre_at = [&](double dir) {
        return a.x + a.width / 2 + dir * ((a.width + fig_w) / 2 + gap);
      };
      const auto in_frame = [&](double dir) {
        return centre_at(dir) - fig_w / 2 > 0.08 * frame_w &&
               centre_at(dir) + fig_w / 2 < 0.92 * frame_w;
      };
      double dir = how == Attachment::chasing ? (anchor.facing_left ? 1 : -1) : side;
      if (!in_frame(dir) && in_frame(-dir)) {
        dir = -dir;
        // With no room behind, what is chased turns round so the chase has room.
        if (how == Attachment::chasing) anchor.facing_left = !anchor.facing_left;
      }
      if (how == Attachment::chasing) f.facing_left = anchor.facing_left;
      if (anchor.travel_px <= 0) f.stride_hz = 0;
      const double centre = centre_at(dir);
      f.box = {centre - fig_w / 2, a.y + a.height - fig_h, fig_w, fig_h};
      f.depth = anchor.depth + 0.0005;
      break;
    }
    case Attachment::behind:
    case Attachment::in_front: {
      const bool behind = how == Attachment::behind;
      if (behind) fit(0.85 * fig_w, 0.85 * fig_h);
      // Legs only move when the pair is going somewhere.
      if (anchor.travel_px <= 0) f.stride_hz = 0;
      const double foot = a.y + a.height + (behind ? -0.035 : 0.03) * frame_h;
      const double centre = a.x + a.width / 2 + side * (behind ? 0.45 : 0.2) * a.width;
      f.box = {centre - fig_w / 2, foot - fig_h, fig_w, fig_h};
      f.depth = anchor.depth + (behind ? -0.02 : 0.02);
      (behind ? f.shade : anchor.shade) = 0.8;
      break;
    }
  }
}

// Keeps an attached figure inside the frame wherever its carrier's drift takes it.
void keep_in_frame(PlacedFigure& f, const std::vector<PlacedFigure>& placed, double w, double h,
                   double margin) {
  const PlacedFigure* root = &f;
  while (root->carrier >= 0) root = &placed[static_cast<std::size_t>(root->carrier)];
  const double bob = root->airborne ? 0.08 * root->box.height : 0;
  const auto squeeze = [](double v, double lo, double hi) {
    return hi < lo ? (lo + hi) / 2 : std::clamp(v, lo, hi);
  };
  f.box.x = squeeze(f.box.x, margin + root->travel_px, w - margin - root->travel_px - f.box.width);
  f.box.y = squeeze(f.box.y, 0.02 * h + bob, 0.97 * h - f.box.height - bob);
}

}  // namespace

SubjectLayout lay_out_subjects(const SceneGraph& graph, int width, int height, std::uint64_t seed) {
  SubjectLayout layout;
  const double w = width;
  const double h = height;
  const double short_side = std::min(w, h);
  const double ground = 0.86 * h;
  const SubjectAnchors anchors = find_anchors(graph);
  std::vector<std::vector<int>> figures_of(graph.subjects.size());
  std::map<std::string, int> seen_of_kind;
  // Keys are assigned in prompt order so "the second horse" keeps its stream.
  std::vector<std::uint64_t> keys(graph.subjects.size());
  for (std::size_t s = 0; s < graph.subjects.size(); ++s) {
    const int nth = seen_of_kind[graph.subjects[s].kind]++;
    keys[s] = hash_text(graph.subjects[s].kind + "#" + std::to_string(nth));
  }

  for (int s : anchors.order) {
    if (static_cast<int>(layout.figures.size()) >= kMaxFigures) break;
    const auto su = static_cast<std::size_t>(s);
    const Subject& subject = graph.subjects[su];
    SeededRandom random(seed ^ (keys[su] * 0x9E3779B97F4A7C15ULL));
    const KindLook look = look_of(subject);
    Rgb colour = look.colour;
    if (const Rgb* named = named_colour(subject.colour)) colour = *named;
    const Rgb accent{colour.r * 0.6, colour.g * 0.6, colour.b * 0.6};
    // An anchor cut by the figure bound leaves its dependants standing on their own.
    const int anchor_subject =
        anchors.anchor[su] >= 0 && !figures_of[static_cast<std::size_t>(anchors.anchor[su])].empty()
            ? anchors.anchor[su]
            : -1;

    const bool stacked = anchors.self_stacked[su] && anchor_subject < 0;
    int count = static_cast<int>(std::clamp<std::int64_t>(
        subject.count, 1,
        std::min(kMaxFiguresPerSubject, kMaxFigures - static_cast<int>(layout.figures.size()))));
    if (stacked) count = std::min(count, kMaxStacked);
    const bool flock = count > 6 && !stacked;
    double fig_h = look.height * short_side * size_factor(subject.size);
    if (flock) fig_h *= std::max(0.35, 1.6 / std::sqrt(count));
    // A container grows to hold what is inside or under it at that thing's own size.
    for (std::size_t inner = 0; inner < graph.subjects.size(); ++inner) {
      const Attachment how = anchors.how[inner];
      if (anchors.anchor[inner] != s || (how != Attachment::inside && how != Attachment::under)) {
        continue;
      }
      const Subject& in = graph.subjects[inner];
      const KindLook in_look = look_of(in);
      const double in_h = in_look.height * short_side * size_factor(in.size);
      const double whole_h = stack_height(graph, anchors, inner, short_side);
      const Room room = room_for(how);
      fig_h = std::max(
          fig_h, std::min(0.45 * h, std::max(whole_h / room.height,
                                             in_h * in_look.aspect / (look.aspect * room.width))));
    }
    // A tower of figures fits under the caption.
    if (stacked) fig_h = std::min(fig_h, 0.7 * h / count);
    fig_h = std::min(fig_h, 0.6 * h);
    double fig_w = std::min(fig_h * look.aspect, 0.7 * w);
    fig_h = fig_w / look.aspect;
    const bool airborne =
        subject.action == "fly" || subject.action == "float" ||
        (subject.figure == Figure::bird && subject.action != "walk" && subject.action != "sit" &&
         subject.action != "swim" && subject.kind != "penguin" && subject.kind != "chicken") ||
        subject.kind == "ghost" || subject.kind == "balloon" ||
        (subject.kind == "plane" && subject.action != "stand");
    const bool still = subject.figure == Figure::plant || subject.figure == Figure::building ||
                       subject.action == "sleep" || subject.action == "sit";
    // The horizontal band this subject may use.
    double band_lo = 0.06 * w;
    double band_hi = 0.94 * w;
    if (subject.placement == Placement::left) band_hi = w / 3;
    if (subject.placement == Placement::right) band_lo = 2 * w / 3;
    if (subject.placement == Placement::centre) band_lo = w / 3, band_hi = 2 * w / 3;
    // The camera's pan and shake move figures up to this far; keep them clear of it.
    const double margin = 0.075 * short_side;
    band_lo = std::max(band_lo, margin);
    band_hi = std::min(band_hi, w - margin);
    if (fig_w > band_hi - band_lo) {
      // Too wide for its third: keep the side it was asked for, grow the band inward.
      if (subject.placement == Placement::right) {
        band_lo = std::max(margin, band_hi - fig_w);
      } else {
        band_hi = std::min(w - margin, band_lo + fig_w);
      }
      if (fig_w > band_hi - band_lo) {
        fig_w = band_hi - band_lo;
        fig_h = fig_w / look.aspect;
      }
    }
    const double travel =
        still ? 0 : std::clamp(0.06 * w, 0.0, std::max(0.0, (band_hi - band_lo - fig_w) / 2));

    for (int n = 0; n < count; ++n) {
      PlacedFigure f;
      f.subject = s;
      f.figure = subject.figure;
      f.kind = subject.kind;
      f.colour = colour;
      f.accent = accent;
      f.phase = random.uniform();
      f.stride_hz = still ? 0 : (subject.action == "run" || subject.action == "chase" ? 2.4 : 1.3);
      f.facing_left = random.uniform() < 0.5;
      f.airborne = airborne;
      f.travel_px = travel;
      f.box.width = fig_w;
      f.box.height = fig_h;
      if (stacked && n % 2 == 1) {
        // Alternate shades tell the members of a tower apart.
        f.colour = Rgb{colour.r * 0.85, colour.g * 0.85, colour.b * 0.85};
      }
      if (anchor_subject >= 0 || (stacked && n > 0)) {
        // The n-th figure goes with the anchor's n-th; a tower's with the one below.
        const auto& anchor_figures = figures_of[static_cast<std::size_t>(anchor_subject)];
        if (anchor_subject >= 0 && n >= static_cast<int>(anchor_figures.size())) break;
        const int a = anchor_subject >= 0 ? anchor_figures[static_cast<std::size_t>(n)]
                                          : static_cast<int>(layout.figures.size()) - 1;
        attach(f, layout.figures[static_cast<std::size_t>(a)], a,
               anchor_subject >= 0 ? anchors.how[su] : Attachment::rests_on, fig_w, fig_h, random,
               w, h);
        keep_in_frame(f, layout.figures, w, h, margin);
      } else {
        const double lo = band_lo + travel;
        const double hi = std::max(lo, band_hi - travel - fig_w);
        f.box.x = random.between(lo, hi);
        if (airborne) {
          f.box.y = random.between(0.22 * h, std::max(0.22 * h, 0.6 * h - fig_h));
        } else {
          const double foot = ground + random.between(-0.05, 0.06) * h;
          f.box.y = std::clamp(foot - fig_h, 0.05 * h, 0.97 * h - fig_h);
        }
        f.depth = (f.box.y + f.box.height) / h;
      }
      figures_of[su].push_back(static_cast<int>(layout.figures.size()));
      layout.figures.push_back(f);
    }
  }
  // Farther (higher on screen) first, stacked figures after what carries them.
  std::vector<std::size_t> idx(layout.figures.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    return layout.figures[a].depth < layout.figures[b].depth;
  });
  std::vector<int> new_index(idx.size());
  for (std::size_t k = 0; k < idx.size(); ++k) new_index[idx[k]] = static_cast<int>(k);
  std::vector<PlacedFigure> sorted;
  for (std::size_t k : idx) {
    PlacedFigure f = layout.figures[k];
    if (f.carrier >= 0) f.carrier = new_index[static_cast<std::size_t>(f.carrier)];
    sorted.push_back(f);
  }
  layout.figures = std::move(sorted);
  return layout;
}

}  // namespace dreamfeed::sketch
