// Relations to anchors. Holding anchors the held thing on its holder (the holder is
// the relation's subject); the other relations anchor their subject on their object.
// A second ground relation for a subject that already has an anchor goes to the bottom
// of its anchor chain, so a prompt's relations are all drawn where they can be.
#include "subject_anchors.h"

namespace dreamfeed::sketch {
namespace {

bool reaches(const std::vector<int>& anchor, int from, int target) {
  for (int k = from; k != -1; k = anchor[static_cast<std::size_t>(k)]) {
    if (k == target) return true;
  }
  return false;
}

int root_of(const std::vector<int>& anchor, int from) {
  while (anchor[static_cast<std::size_t>(from)] != -1)
    from = anchor[static_cast<std::size_t>(from)];
  return from;
}

// Places on the ground beside another subject, which whatever carries a subject can
// take for it.
bool takes_carrier_along(Attachment how) {
  return how == Attachment::beside || how == Attachment::behind || how == Attachment::in_front ||
         how == Attachment::chasing;
}

}  // namespace

SubjectAnchors find_anchors(const SceneGraph& graph) {
  const std::size_t n = graph.subjects.size();
  SubjectAnchors out{std::vector<int>(n, -1),
                     std::vector<Attachment>(n, Attachment::none),
                     std::vector<bool>(n, false),
                     {}};
  for (const auto& chain : graph.stacks()) {
    for (std::size_t k = 1; k < chain.size(); ++k) {
      out.anchor[static_cast<std::size_t>(chain[k])] = chain[k - 1];
      out.how[static_cast<std::size_t>(chain[k])] = Attachment::rests_on;
    }
  }
  for (const Relation& r : graph.relations) {
    const int count = static_cast<int>(n);
    if (r.subject < 0 || r.object < 0 || r.subject >= count || r.object >= count) continue;
    if (r.type == "stacked" && r.subject == r.object) {
      out.self_stacked[static_cast<std::size_t>(r.subject)] = true;
      continue;
    }
    if (r.subject == r.object) continue;
    Attachment how = Attachment::none;
    int attached = r.subject;
    int anchor = r.object;
    if (r.type == "inside") {
      how = Attachment::inside;
    } else if (r.type == "holding") {
      how = Attachment::held;
      attached = r.object;
      anchor = r.subject;
    } else if (r.type == "behind") {
      how = Attachment::behind;
    } else if (r.type == "in front of") {
      how = Attachment::in_front;
    } else if (r.type == "under") {
      how = Attachment::under;
    } else if (r.type == "next to") {
      how = Attachment::beside;
    } else if (r.type == "chasing") {
      how = Attachment::chasing;
    }
    if (how == Attachment::none) continue;
    // A subject already placed (on a box, under a table) that is also beside, behind,
    // in front of or chasing something takes what it is placed on along: "a cat under a
    // table and next to a dog" puts the table next to the dog.
    if (out.anchor[static_cast<std::size_t>(attached)] != -1 && takes_carrier_along(how)) {
      attached = root_of(out.anchor, attached);
    }
    if (out.anchor[static_cast<std::size_t>(attached)] != -1) continue;
    if (reaches(out.anchor, anchor, attached)) continue;
    out.anchor[static_cast<std::size_t>(attached)] = anchor;
    out.how[static_cast<std::size_t>(attached)] = how;
  }
  // Free subjects in prompt order, then each attached one once its anchor is placed.
  std::vector<bool> placed(n, false);
  for (bool progress = true; progress && out.order.size() < n;) {
    progress = false;
    for (std::size_t s = 0; s < n; ++s) {
      const int a = out.anchor[s];
      if (placed[s] || (a >= 0 && !placed[static_cast<std::size_t>(a)])) continue;
      placed[s] = true;
      out.order.push_back(static_cast<int>(s));
      progress = true;
    }
  }
  return out;
}

}  // namespace dreamfeed::sketch
