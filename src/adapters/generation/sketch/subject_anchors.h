// Which subject is laid out relative to which: the relations the layout draws (resting
// on, inside, held by, behind, in front of, under, next to, chasing) turned into one
// anchor per subject, and the order that places every anchor before what hangs on it.
#pragma once

#include <vector>

#include "subject_layout.h"
#include "understanding/scene_graph.h"

namespace dreamfeed::sketch {

struct SubjectAnchors {
  std::vector<int> anchor;         // per subject: the subject it is placed against, or -1
  std::vector<Attachment> how;     // per subject: how; Attachment::none without an anchor
  std::vector<bool> self_stacked;  // per subject: its own figures stand on one another
  std::vector<int> order;          // every subject once, each after its anchor
};

// Stacks (on, riding) win over the other relations; after that the first relation
// naming a subject wins, and one that would close a loop is ignored. A later beside,
// behind, in front of or chasing for a subject already anchored places the bottom of
// its anchor chain instead ("a cat on a box and next to a dog": the box is beside it).
SubjectAnchors find_anchors(const SceneGraph& graph);

}  // namespace dreamfeed::sketch
