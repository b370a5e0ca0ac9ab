// Feed policies compared by the simulator: the ranked For You feed and two baselines,
// newest first and pure popularity (all-time completions and likes). All three read the
// same RankingState, so "already seen" is filtered the same way for each.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "services/ranking/feed_ranker.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking::eval {

// `ranked` is the feed as the server serves it (through PreparedFeeds: several pages
// ranked at once); `ranked_afresh` ranks every page anew, to show what preparing costs.
enum class PolicyKind { ranked, ranked_afresh, newest, popular };
std::string_view to_string(PolicyKind kind);

class FeedPolicy {
 public:
  virtual ~FeedPolicy() = default;
  // Called every few pages with the simulated time: recompute shared lists.
  virtual void refresh(std::int64_t now_ms) = 0;
  virtual std::vector<std::string> page(const std::string& viewer_id, std::int64_t now_ms,
                                        int limit) = 0;
  // How many times the ranking pipeline ran (0 for the baselines).
  virtual std::uint64_t pipeline_runs() const { return 0; }
};

std::unique_ptr<FeedPolicy> make_policy(PolicyKind kind, const RankingState& state);

}  // namespace dreamfeed::ranking::eval
