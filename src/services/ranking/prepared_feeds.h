// PreparedFeeds: a signed-in viewer's next few pages (config `prepared.pages`), ranked and
// mixed in one pass and kept for a short while, so a passive scroll runs the pipeline
// once instead of once a page. The pipeline's cost is nearly all candidates and scoring,
// which do not depend on how many places are mixed, so ten pages cost little more than one.
//
// A viewer's prepared places are made again when they are used up, older than the
// config's ttl (so new clips and trends reach them within it), when the viewer has said
// what they want since (ViewerState::taste_version: steering, not interested, hide,
// follow), or has finished or liked `new_positives` clips since (ViewerState::positives),
// so clips like those come soon: the simulator measured what a scroll loses without it.
// Every place is checked again as it is served — removed clips, hidden creators, clips
// seen since, clips the cursor says were served — so what a viewer does between pages
// still shows at once. Other learning from watching (affinities, skips) shapes the next
// preparation, not the places already prepared.
//
// Thread-safe: pages are made under RankingService's shared lock, by several threads at
// once; the viewers are spread over mutex-guarded shards. Memory is bounded by
// `max_viewers` (about 1 KB each).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "services/ranking/feed_ranker.h"

namespace dreamfeed::ranking {

class PreparedFeeds {
 public:
  explicit PreparedFeeds(const RankingConfig::Prepared& options) : options_(options) {}

  // FeedRanker::page's answer for `viewer_id`, from the viewer's prepared places when they
  // are still good, else from a new preparation (kept for the next pages). Visitors and
  // viewers the ranking has never heard of are ranked afresh each time.
  FeedPage page(const FeedRanker& ranker, std::string_view viewer_id, std::int64_t now_ms,
                int limit, const ServedClips& served);

  // Drops what is past its ttl; the server calls it every few seconds.
  void forget_expired(std::int64_t now_ms);

  struct Stats {
    std::uint64_t served_prepared = 0;  // pages served from places prepared earlier
    std::uint64_t prepared = 0;         // pages that ran the pipeline
    std::size_t viewers = 0;            // viewers with places kept now
  };
  Stats stats() const;

 private:
  // One prepared place, small so that many viewers fit: what a reason needs to be written.
  struct Place {
    std::uint32_t clip = 0;
    std::uint32_t id_hash = 0;  // RankingState::clip_id_hash, kept here to stay in cache
    float score = 0;
    Source source = Source::trending;
    std::int8_t topic = -1;
    std::int8_t best_topic = -1;
    bool exploring = false;    // young and under the exploration target
    bool exploration = false;  // mixed into a place reserved for exploring
  };
  struct Prepared {
    std::uint32_t taste_version = 0;
    std::uint32_t positives = 0;
    std::int64_t prepared_at_ms = 0;
    bool complete = false;  // the ranking had nothing more: a short page is the end
    std::vector<Place> places;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::uint32_t, Prepared> viewers;
  };
  static constexpr std::size_t kShards = 16;

  bool fresh(const Prepared& prepared, const ViewerState* viewer, std::int64_t now_ms) const;
  bool expired(const Prepared& prepared, std::int64_t now_ms) const;
  Prepared prepare(const FeedRanker& ranker, std::uint32_t user, const ViewerState* viewer,
                   std::int64_t now_ms, int limit, const ServedClips& served) const;
  void keep(Shard& shard, std::uint32_t user, Prepared prepared, std::int64_t now_ms);

  RankingConfig::Prepared options_;
  std::array<Shard, kShards> shards_;
  std::atomic<std::uint64_t> served_prepared_{0};
  std::atomic<std::uint64_t> prepared_{0};
};

}  // namespace dreamfeed::ranking
