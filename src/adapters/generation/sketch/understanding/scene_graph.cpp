// Names of the scene graph's enums and the stacking chains derived from its relations.
#include "scene_graph.h"

#include <algorithm>

namespace dreamfeed::sketch {

std::string_view to_string(Figure figure) {
  switch (figure) {
    case Figure::biped:
      return "biped";
    case Figure::quadruped:
      return "quadruped";
    case Figure::bird:
      return "bird";
    case Figure::fish:
      return "fish";
    case Figure::vehicle:
      return "vehicle";
    case Figure::plant:
      return "plant";
    case Figure::building:
      return "building";
    case Figure::object:
      return "object";
    case Figure::creature:
      return "creature";
  }
  return "object";
}

std::string_view to_string(SizeWord size) {
  switch (size) {
    case SizeWord::normal:
      return "normal";
    case SizeWord::tiny:
      return "tiny";
    case SizeWord::small:
      return "small";
    case SizeWord::big:
      return "big";
    case SizeWord::giant:
      return "giant";
  }
  return "normal";
}

std::string_view to_string(Placement placement) {
  switch (placement) {
    case Placement::unset:
      return "auto";
    case Placement::left:
      return "left";
    case Placement::centre:
      return "centre";
    case Placement::right:
      return "right";
  }
  return "auto";
}

std::vector<std::vector<int>> SceneGraph::stacks() const {
  const int n = static_cast<int>(subjects.size());
  std::vector<int> below(n, -1);  // the subject each one rests on
  std::vector<int> above(n, -1);
  for (const Relation& r : relations) {
    if (r.type != "on" && r.type != "riding") continue;
    if (r.subject == r.object || r.subject < 0 || r.object < 0 || r.subject >= n || r.object >= n)
      continue;
    // One thing on each thing and each thing on one: the first relation wins, and a
    // relation that would close a loop is ignored.
    if (below[r.subject] != -1 || above[r.object] != -1) continue;
    bool loop = false;
    for (int k = r.object; k != -1; k = below[k]) loop = loop || k == r.subject;
    if (loop) continue;
    below[r.subject] = r.object;
    above[r.object] = r.subject;
  }
  std::vector<std::vector<int>> chains;
  for (int bottom = 0; bottom < n; ++bottom) {
    if (below[bottom] != -1 || above[bottom] == -1) continue;
    std::vector<int> chain;
    for (int k = bottom; k != -1; k = above[k]) chain.push_back(k);
    chains.push_back(std::move(chain));
  }
  return chains;
}

}  // namespace dreamfeed::sketch
