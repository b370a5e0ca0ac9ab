// The pipeline in order; each stage is its own file and tested alone.
#include "services/ranking/feed_ranker.h"

#include <algorithm>

#include "services/ranking/candidates.h"
#include "services/ranking/filters.h"
#include "services/ranking/mixing.h"
#include "services/ranking/reasons.h"
#include "services/ranking/scoring.h"
#include "services/ranking/wellbeing.h"

namespace dreamfeed::ranking {

FeedPage FeedRanker::page(std::string_view viewer_id, std::int64_t now_ms, int limit,
                          const ServedClips& served) const {
  FeedPage page;
  const auto user = viewer_id.empty() ? std::nullopt : state_.user_index(viewer_id);
  const ViewerState* viewer = user ? state_.viewer(*user) : nullptr;
  if (!begin_page(viewer, now_ms, page)) return page;
  for (const PageSlot& slot : places(user.value_or(kNone), viewer, now_ms, limit, 1, served)) {
    page.items.push_back(item_for(viewer, slot, now_ms));
  }
  if (page.items.empty()) page.message = "You're all caught up.";
  return page;
}

bool FeedRanker::begin_page(const ViewerState* viewer, std::int64_t now_ms, FeedPage& page) const {
  const WellbeingNotice notice = check_wellbeing(state_.config(), viewer, now_ms);
  if (notice.limit_reached) {
    page.limit_reached = true;
    page.message = notice.message;
    return false;
  }
  page.nudge = notice.nudge;
  return true;
}

std::vector<PageSlot> FeedRanker::places(std::uint32_t viewer_user, const ViewerState* viewer,
                                         std::int64_t now_ms, int limit, int pages,
                                         const ServedClips& served) const {
  const std::uint64_t rotation =
      (std::uint64_t{viewer_user} * 0x9E3779B97F4A7C15ull) ^ (viewer ? viewer->seen.size() : 0);
  CandidateContext ctx{state_, lists_, viewer_user, viewer, now_ms, rotation};
  std::vector<Candidate> candidates = collect_candidates(ctx);
  apply_filters(state_, viewer_user, viewer, now_ms, candidates);
  if (!served.empty()) {
    std::erase_if(candidates,
                  [&](const Candidate& c) { return served.contains(state_.clip_id_hash(c.clip)); });
  }

  const Scorer score(state_.config(), viewer, now_ms);
  std::vector<RankedCandidate> scored;
  scored.reserve(candidates.size());
  // Best first, ties by clip. The order is found over small keys and the (larger)
  // candidates moved once into it, instead of being swapped about by the sort.
  struct Key {
    double total;
    std::uint32_t clip;
    std::uint32_t index;
  };
  std::vector<Key> order;
  order.reserve(candidates.size());
  for (const auto& c : candidates) {
    const ClipStats& clip = state_.clip(c.clip);
    scored.push_back(RankedCandidate{c, score(clip), is_exploring(state_.config(), clip, now_ms)});
    order.push_back({scored.back().score.total, c.clip, static_cast<std::uint32_t>(order.size())});
  }
  std::sort(order.begin(), order.end(), [](const Key& a, const Key& b) {
    return a.total != b.total ? a.total > b.total : a.clip < b.clip;
  });
  std::vector<RankedCandidate> ranked;
  ranked.reserve(scored.size());
  for (const Key& key : order) ranked.push_back(std::move(scored[key.index]));
  return mix_page(state_, std::move(ranked), limit, pages);
}

FeedItem FeedRanker::item_for(const ViewerState* viewer, const PageSlot& slot,
                              std::int64_t now_ms) const {
  FeedItem item;
  item.ad_slot = slot.ad;
  if (slot.item) {
    item.video_id = state_.clip_id(slot.item->candidate.clip);
    item.reason = reason_for(state_, viewer, slot, now_ms);
    item.source = std::string(to_string(slot.item->candidate.source));
    item.score = slot.item->score.total;
    item.exploring = slot.exploration;
  }
  return item;
}

}  // namespace dreamfeed::ranking
