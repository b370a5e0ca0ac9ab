// FeedRanker: one personalised page of the For You feed — wellbeing check, candidates,
// filters, scoring, mixing, reasons — over a RankingState and its latest GlobalLists.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "services/ranking/global_lists.h"
#include "services/ranking/mixing.h"
#include "services/ranking/ranking_state.h"
#include "services/ranking/served_clips.h"

namespace dreamfeed::ranking {

struct FeedItem {
  std::string video_id;  // empty for an ad slot
  std::string reason;    // for people, e.g. "because you finished 3 clips about horses"
  std::string source;    // which candidate source found it: "similar", "fresh", …
  double score = 0;
  bool ad_slot = false;
  bool exploring = false;
};

struct FeedPage {
  std::vector<FeedItem> items;
  bool limit_reached = false;        // the daily watch limit is reached; items is empty
  std::string message;               // why the feed ended, when it did
  std::optional<std::string> nudge;  // "want to make a clip of your own?"
};

class FeedRanker {
 public:
  explicit FeedRanker(const RankingState& state) : state_(state) {}

  // Recomputes the lists shared by every viewer; call every few seconds.
  void refresh(std::int64_t now_ms) { lists_ = compute_global_lists(state_, now_ms); }
  // Installs lists computed elsewhere (RankingService computes them under a shared lock).
  void set_lists(GlobalLists lists) { lists_ = std::move(lists); }
  const GlobalLists& lists() const { return lists_; }
  // A clip published since the last refresh (see add_published_clip).
  void add_published(std::uint32_t clip) { add_published_clip(lists_, clip); }

  // A page of `limit` places for `viewer_id` (empty: a visitor). `served`: clips the
  // scroll's earlier pages showed, whose impressions may not have arrived yet (the feed
  // route keeps them in its cursor), so a quick scroll never repeats a clip.
  FeedPage page(std::string_view viewer_id, std::int64_t now_ms, int limit,
                const ServedClips& served = {}) const;

  // The wellbeing part of a page: the nudge, or the daily limit's end (then false: the
  // page stays empty).
  bool begin_page(const ViewerState* viewer, std::int64_t now_ms, FeedPage& page) const;
  // The pipeline without the wellbeing check: `pages` consecutive pages of `limit` places
  // for `viewer_user` (kNone: a visitor), ranked and mixed in one pass.
  std::vector<PageSlot> places(std::uint32_t viewer_user, const ViewerState* viewer,
                               std::int64_t now_ms, int limit, int pages,
                               const ServedClips& served) const;
  // One place as a feed item, with its reason as of `now_ms`.
  FeedItem item_for(const ViewerState* viewer, const PageSlot& slot, std::int64_t now_ms) const;
  const RankingState& state() const { return state_; }

 private:
  const RankingState& state_;
  GlobalLists lists_;
};

}  // namespace dreamfeed::ranking
