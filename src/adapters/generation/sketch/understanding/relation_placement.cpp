// Two views of the kept relations. Orders: "on", "riding", "under" and "inside" order
// things from upper or inner to lower or outer, "behind" and "in front of" from far to
// near; an order that goes round cannot be drawn (or imagined). Places: between one
// pair of subjects the placing relations must all say the same (a on b is b under a,
// a behind b is b in front of a), and a subject rests on, or is inside, one thing.
// "holding" and "chasing" are what subjects do rather than where they are, so they
// are only checked for naming a subject against itself.
#include "relation_placement.h"

#include <algorithm>
#include <optional>
#include <string>

namespace dreamfeed::sketch {
namespace {

enum class Order { none, vertical, depth };

// An edge in its order, from the upper (inner, farther) subject to the other one.
struct Edge {
  Order order = Order::none;
  int from = 0;
  int to = 0;
};

Edge edge_of(const Relation& r) {
  if (r.type == "on" || r.type == "riding" || r.type == "inside") {
    return {Order::vertical, r.subject, r.object};
  }
  if (r.type == "under") return {Order::vertical, r.object, r.subject};
  if (r.type == "behind") return {Order::depth, r.subject, r.object};
  if (r.type == "in front of") return {Order::depth, r.object, r.subject};
  return {};
}

// True when `to` already reaches `from` through kept edges of the same order.
bool reaches(const std::vector<Relation>& kept, Order order, int from, int to) {
  std::vector<int> frontier{from};
  std::vector<int> seen{from};
  while (!frontier.empty()) {
    const int at = frontier.back();
    frontier.pop_back();
    if (at == to) return true;
    for (const Relation& r : kept) {
      const Edge e = edge_of(r);
      if (e.order != order || e.from != at) continue;
      if (std::find(seen.begin(), seen.end(), e.to) != seen.end()) continue;
      seen.push_back(e.to);
      frontier.push_back(e.to);
    }
  }
  return false;
}

// Where the lower-numbered subject of a pair is against the other, whichever way
// round the prompt said it; nullopt for relations that do not place.
struct PairPlace {
  int first = 0;
  int second = 0;
  std::string place;
};

std::optional<PairPlace> pair_place(const Relation& r) {
  static const struct {
    const char* type;
    const char* forward;  // the subject's place against the object
    const char* reverse;  // the object's place against the subject
  } kPlaces[] = {
      {"on", "above", "below"},         {"riding", "above", "below"},
      {"under", "below", "above"},      {"inside", "in", "around"},
      {"behind", "behind", "in front"}, {"in front of", "in front", "behind"},
      {"next to", "beside", "beside"},
  };
  for (const auto& p : kPlaces) {
    if (r.type != p.type) continue;
    if (r.subject < r.object) return PairPlace{r.subject, r.object, p.forward};
    return PairPlace{r.object, r.subject, p.reverse};
  }
  return std::nullopt;
}

// The one thing a subject rests on or is inside, for that kind of relation.
bool single_support(const std::string& type) {
  return type == "on" || type == "riding" || type == "inside";
}
bool same_support(const std::string& a, const std::string& b) {
  return (a == "inside") == (b == "inside");
}

}  // namespace

Contradiction contradiction(const std::vector<Relation>& kept, const Relation& candidate) {
  if (candidate.type == "stacked") return Contradiction::none;
  if (candidate.subject == candidate.object) return Contradiction::closes_a_loop;
  const Edge edge = edge_of(candidate);
  if (edge.order != Order::none && reaches(kept, edge.order, edge.to, edge.from)) {
    return Contradiction::closes_a_loop;
  }
  if (const std::optional<PairPlace> place = pair_place(candidate)) {
    for (const Relation& r : kept) {
      const std::optional<PairPlace> other = pair_place(r);
      if (other && other->first == place->first && other->second == place->second &&
          other->place != place->place) {
        return Contradiction::second_place;
      }
    }
  }
  if (single_support(candidate.type)) {
    for (const Relation& r : kept) {
      if (r.subject == candidate.subject && r.object != candidate.object &&
          single_support(r.type) && same_support(r.type, candidate.type)) {
        return Contradiction::second_place;
      }
    }
  }
  return Contradiction::none;
}

}  // namespace dreamfeed::sketch
