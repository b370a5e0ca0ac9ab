// The most specific true statement wins: what the viewer asked for, whom they follow, a
// reserved exploration place, what they watched, then popularity.
#include "services/ranking/reasons.h"

#include <bit>

namespace dreamfeed::ranking {
namespace {

std::string finished_about(const RankingState& state, const ViewerState& v, int topic) {
  const int n = v.finished_by_topic[topic];
  const std::string& name = state.config().vocabulary.name(topic);
  if (n == 1) return "because you finished a clip about " + name;
  return "because you finished " + std::to_string(n) + " clips about " + name;
}

}  // namespace

std::string reason_for(const RankingState& state, const ViewerState* viewer, const PageSlot& slot,
                       std::int64_t now_ms) {
  if (!slot.item) return {};
  const auto& r = *slot.item;
  const ClipStats& clip = state.clip(r.candidate.clip);
  const auto& vocabulary = state.config().vocabulary;
  if (viewer && (clip.topics & viewer->steering.more)) {
    const int topic = std::countr_zero(clip.topics & viewer->steering.more);
    return "you asked for more " + vocabulary.name(topic);
  }
  if (r.candidate.source == Source::followed || (viewer && viewer->follows(clip.creator))) {
    const bool recent = now_ms - clip.published_at_ms < 3 * 86'400'000LL;
    return recent ? "new from someone you follow" : "from someone you follow";
  }
  if (slot.exploration || (r.candidate.source == Source::fresh && r.exploring)) {
    return "exploring new clips";
  }
  if (viewer && r.score.best_topic >= 0 && viewer->finished_by_topic[r.score.best_topic] > 0 &&
      (r.candidate.source == Source::topic || r.candidate.source == Source::similar)) {
    return finished_about(state, *viewer, r.score.best_topic);
  }
  switch (r.candidate.source) {
    case Source::similar:
      return "like a clip you enjoyed";
    case Source::remix:
      return "a remix of a clip you enjoyed";
    case Source::topic:
      return "more " + vocabulary.name(r.candidate.topic) + ", which you watch";
    case Source::fresh:
      return "new on Dreamfeed";
    case Source::newest:
      return "recently posted";
    case Source::trending:
    case Source::followed:
      break;
  }
  return "popular right now";
}

}  // namespace dreamfeed::ranking
