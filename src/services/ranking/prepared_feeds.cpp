// PreparedFeeds: serving pages from a viewer's prepared places, and making them.
#include "services/ranking/prepared_feeds.h"

#include <algorithm>

#include "services/ranking/filters.h"
#include "services/ranking/mixing.h"

namespace dreamfeed::ranking {

FeedPage PreparedFeeds::page(const FeedRanker& ranker, std::string_view viewer_id,
                             std::int64_t now_ms, int limit, const ServedClips& served) {
  const RankingState& state = ranker.state();
  const auto user = viewer_id.empty() ? std::nullopt : state.user_index(viewer_id);
  if (!user || options_.max_viewers == 0) return ranker.page(viewer_id, now_ms, limit, served);
  const ViewerState* viewer = state.viewer(*user);

  FeedPage page;
  if (!ranker.begin_page(viewer, now_ms, page)) return page;

  // The next clips of the prepared places that may still be shown, in order.
  const std::size_t wanted = static_cast<std::size_t>(clips_per_page(state.config(), limit));
  auto take = [&](const Prepared& prepared) {
    std::vector<Place> picked;
    for (const Place& place : prepared.places) {
      if (picked.size() == wanted) break;
      if (served.contains(place.id_hash)) continue;
      if (filter_reason(state, *user, viewer, place.clip, now_ms)) continue;
      picked.push_back(place);
    }
    return picked;
  };

  Shard& shard = shards_[*user % kShards];
  std::vector<Place> picked;
  bool from_kept = false;
  {
    std::lock_guard lock(shard.mutex);
    auto kept = shard.viewers.find(*user);
    if (kept != shard.viewers.end() && fresh(kept->second, viewer, now_ms)) {
      picked = take(kept->second);
      from_kept = picked.size() == wanted || kept->second.complete;
    }
  }
  if (from_kept) {
    served_prepared_.fetch_add(1, std::memory_order_relaxed);
  } else {
    // Ranked outside the shard's lock: other viewers of the shard need not wait.
    Prepared made = prepare(ranker, *user, viewer, now_ms, limit, served);
    picked = take(made);
    std::lock_guard lock(shard.mutex);
    keep(shard, *user, std::move(made), now_ms);
    prepared_.fetch_add(1, std::memory_order_relaxed);
  }

  std::size_t next = 0;
  for (int place = 0; place < limit && next < picked.size(); ++place) {
    if (is_ad_place(state.config(), place)) {
      page.items.push_back(FeedItem{.ad_slot = true});
      continue;
    }
    const Place& p = picked[next++];
    PageSlot slot;
    slot.exploration = p.exploration;
    slot.item = RankedCandidate{
        .candidate = Candidate{.clip = p.clip, .source = p.source, .topic = p.topic},
        .score = ScoreParts{.total = p.score, .best_topic = p.best_topic},
        .exploring = p.exploring};
    page.items.push_back(ranker.item_for(viewer, slot, now_ms));
  }
  if (page.items.empty()) page.message = "You're all caught up.";
  return page;
}

bool PreparedFeeds::fresh(const Prepared& prepared, const ViewerState* viewer,
                          std::int64_t now_ms) const {
  const std::uint32_t taste = viewer ? viewer->taste_version : 0;
  const std::uint32_t positives = viewer ? viewer->positives : 0;
  const bool found_new_likes =
      options_.new_positives > 0 &&
      positives - prepared.positives >= static_cast<std::uint32_t>(options_.new_positives);
  return prepared.taste_version == taste && !found_new_likes && !expired(prepared, now_ms);
}

bool PreparedFeeds::expired(const Prepared& prepared, std::int64_t now_ms) const {
  return now_ms - prepared.prepared_at_ms >= std::int64_t{options_.ttl_seconds} * 1000;
}

PreparedFeeds::Prepared PreparedFeeds::prepare(const FeedRanker& ranker, std::uint32_t user,
                                               const ViewerState* viewer, std::int64_t now_ms,
                                               int limit, const ServedClips& served) const {
  Prepared prepared;
  prepared.taste_version = viewer ? viewer->taste_version : 0;
  prepared.positives = viewer ? viewer->positives : 0;
  prepared.prepared_at_ms = now_ms;
  for (const PageSlot& slot : ranker.places(user, viewer, now_ms, limit, options_.pages, served)) {
    if (!slot.item) continue;  // ad places are put back as pages are served
    const RankedCandidate& r = *slot.item;
    prepared.places.push_back(Place{.clip = r.candidate.clip,
                                    .id_hash = ranker.state().clip_id_hash(r.candidate.clip),
                                    .score = static_cast<float>(r.score.total),
                                    .source = r.candidate.source,
                                    .topic = r.candidate.topic,
                                    .best_topic = static_cast<std::int8_t>(r.score.best_topic),
                                    .exploring = r.exploring,
                                    .exploration = slot.exploration});
  }
  prepared.complete = prepared.places.size() <
                      static_cast<std::size_t>(clips_per_page(ranker.state().config(), limit)) *
                          static_cast<std::size_t>(options_.pages);
  prepared.places.shrink_to_fit();
  return prepared;
}

void PreparedFeeds::keep(Shard& shard, std::uint32_t user, Prepared prepared, std::int64_t now_ms) {
  const std::size_t shard_limit =
      (static_cast<std::size_t>(options_.max_viewers) + kShards - 1) / kShards;
  if (!shard.viewers.contains(user) && shard.viewers.size() >= shard_limit) {
    std::erase_if(shard.viewers, [&](const auto& entry) { return expired(entry.second, now_ms); });
    // Still full of live viewers: make room by dropping one (any; it is re-ranked when it
    // comes back), so memory stays bounded however many viewers scroll at once.
    if (shard.viewers.size() >= shard_limit) shard.viewers.erase(shard.viewers.begin());
  }
  shard.viewers.insert_or_assign(user, std::move(prepared));
}

void PreparedFeeds::forget_expired(std::int64_t now_ms) {
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    std::erase_if(shard.viewers, [&](const auto& entry) { return expired(entry.second, now_ms); });
  }
}

PreparedFeeds::Stats PreparedFeeds::stats() const {
  Stats stats{served_prepared_.load(std::memory_order_relaxed),
              prepared_.load(std::memory_order_relaxed), 0};
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    stats.viewers += shard.viewers.size();
  }
  return stats;
}

}  // namespace dreamfeed::ranking
