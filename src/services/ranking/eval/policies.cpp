// The baselines walk a global order and skip what the viewer has seen or what is not yet
// published; the ranked policies are FeedRanker itself, with or without PreparedFeeds.
#include "services/ranking/eval/policies.h"

#include <algorithm>
#include <numeric>

#include "services/ranking/filters.h"
#include "services/ranking/prepared_feeds.h"

namespace dreamfeed::ranking::eval {
namespace {

class RankedPolicy final : public FeedPolicy {
 public:
  RankedPolicy(const RankingState& state, bool prepared)
      : ranker_(state), prepared_(state.config().prepared), use_prepared_(prepared) {}
  void refresh(std::int64_t now_ms) override { ranker_.refresh(now_ms); }
  std::vector<std::string> page(const std::string& viewer_id, std::int64_t now_ms,
                                int limit) override {
    std::vector<std::string> ids;
    if (!use_prepared_) ++runs_afresh_;
    FeedPage page = use_prepared_ ? prepared_.page(ranker_, viewer_id, now_ms, limit, {})
                                  : ranker_.page(viewer_id, now_ms, limit);
    for (auto& item : page.items) {
      if (!item.ad_slot) ids.push_back(std::move(item.video_id));
    }
    return ids;
  }

  std::uint64_t pipeline_runs() const override {
    return use_prepared_ ? prepared_.stats().prepared : runs_afresh_;
  }

 private:
  FeedRanker ranker_;
  PreparedFeeds prepared_;
  bool use_prepared_;
  std::uint64_t runs_afresh_ = 0;
};

// A fixed global order, filtered per viewer.
class OrderedPolicy final : public FeedPolicy {
 public:
  OrderedPolicy(const RankingState& state, PolicyKind kind) : state_(state), kind_(kind) {}
  void refresh(std::int64_t) override {
    order_.resize(state_.clip_count());
    std::iota(order_.begin(), order_.end(), 0u);
    if (kind_ == PolicyKind::newest) {
      std::sort(order_.begin(), order_.end(), [&](auto a, auto b) {
        return state_.clip(a).published_at_ms > state_.clip(b).published_at_ms;
      });
    } else {
      auto popularity = [&](std::uint32_t c) {
        const auto& s = state_.clip(c);
        return std::uint64_t{s.completions} + 2ull * s.likes;
      };
      std::stable_sort(order_.begin(), order_.end(),
                       [&](auto a, auto b) { return popularity(a) > popularity(b); });
    }
  }
  std::vector<std::string> page(const std::string& viewer_id, std::int64_t now_ms,
                                int limit) override {
    const auto user = state_.user_index(viewer_id);
    const std::uint32_t u = user.value_or(kNone);
    const ViewerState* viewer = user ? state_.viewer(*user) : nullptr;
    std::vector<std::string> ids;
    for (auto c : order_) {
      if (static_cast<int>(ids.size()) >= limit) break;
      if (filter_reason(state_, u, viewer, c, now_ms)) continue;
      ids.push_back(state_.clip_id(c));
    }
    return ids;
  }

 private:
  const RankingState& state_;
  PolicyKind kind_;
  std::vector<std::uint32_t> order_;
};

}  // namespace

std::string_view to_string(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::ranked:
      return "ranked";
    case PolicyKind::ranked_afresh:
      return "ranked afresh";
    case PolicyKind::newest:
      return "newest";
    case PolicyKind::popular:
      return "popular";
  }
  return "ranked";
}

std::unique_ptr<FeedPolicy> make_policy(PolicyKind kind, const RankingState& state) {
  if (kind == PolicyKind::ranked) return std::make_unique<RankedPolicy>(state, true);
  if (kind == PolicyKind::ranked_afresh) return std::make_unique<RankedPolicy>(state, false);
  return std::make_unique<OrderedPolicy>(state, kind);
}

}  // namespace dreamfeed::ranking::eval
