// Whether a relation a prompt gives can stand with the relations already kept for the
// scene. Every relation is kept unless it contradicts those: then the parser drops it
// and reports its words as not understood, so nothing is dropped silently.
#pragma once

#include <vector>

#include "scene_graph.h"

namespace dreamfeed::sketch {

enum class Contradiction {
  none,
  closes_a_loop,  // stacking, containment or depth would go round: a on b on a,
                  // a behind b behind a, a thing on or in itself
  second_place,   // the subject is already somewhere incompatible: under the table
                  // and on it, on a box and on a table, in a bowl and in a box
};

// What `candidate` contradicts among `kept`, or Contradiction::none. "stacked" (a
// group on itself) contradicts nothing.
Contradiction contradiction(const std::vector<Relation>& kept, const Relation& candidate);

}  // namespace dreamfeed::sketch
