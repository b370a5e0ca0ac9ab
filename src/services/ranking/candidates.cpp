// Candidate sources over the global lists and the viewer's own history.
#include "services/ranking/candidates.h"

#include <algorithm>

#include "services/ranking/clip_set.h"

namespace dreamfeed::ranking {
namespace {

bool unseen(const CandidateContext& ctx, std::uint32_t clip) {
  if (!ctx.viewer) return true;
  return !ctx.viewer->seen.seen_within(clip, RankingState::day_of(ctx.now_ms),
                                       ctx.state.config().seen_days);
}

// The viewer's recently finished or liked clips, newest first.
std::vector<std::uint32_t> recent_seeds(const ViewerState& v, int limit) {
  std::vector<std::uint32_t> seeds;
  const auto n = v.recent_positive.size();
  for (std::size_t i = 1; i <= n && static_cast<int>(seeds.size()) < limit; ++i) {
    const auto clip = v.recent_positive[(v.recent_positive_next + n - i) % n];
    if (clip != kNone) seeds.push_back(clip);
  }
  return seeds;
}

void take_unseen(const CandidateContext& ctx, const std::vector<std::uint32_t>& list,
                 std::size_t start, int quota, Candidate proto, std::vector<Candidate>& out) {
  int taken = 0;
  for (std::size_t i = 0; i < list.size() && taken < quota; ++i) {
    const auto clip = list[(start + i) % list.size()];
    if (!unseen(ctx, clip)) continue;
    proto.clip = clip;
    out.push_back(proto);
    ++taken;
  }
}

}  // namespace

std::string_view to_string(Source source) {
  switch (source) {
    case Source::followed:
      return "followed";
    case Source::similar:
      return "similar";
    case Source::remix:
      return "remix";
    case Source::topic:
      return "topic";
    case Source::trending:
      return "trending";
    case Source::fresh:
      return "fresh";
    case Source::newest:
      return "newest";
  }
  return "fresh";
}

void add_fresh(const CandidateContext& ctx, std::vector<Candidate>& out) {
  if (ctx.lists.fresh.empty()) return;
  // The pool is ordered newest first. Each viewer starts at a different place within its
  // head (two quotas deep), so the newest clips reach their first 100 impressions quickly
  // instead of every young clip getting a trickle.
  const std::size_t head = std::min(
      ctx.lists.fresh.size(), static_cast<std::size_t>(ctx.state.config().candidates.fresh) * 2);
  const std::size_t start = ctx.rotation % head;
  take_unseen(ctx, ctx.lists.fresh, start, ctx.state.config().candidates.fresh,
              Candidate{.source = Source::fresh}, out);
}

void add_trending(const CandidateContext& ctx, std::vector<Candidate>& out) {
  take_unseen(ctx, ctx.lists.trending, 0, ctx.state.config().candidates.trending,
              Candidate{.source = Source::trending}, out);
}

void add_followed(const CandidateContext& ctx, std::vector<Candidate>& out) {
  if (!ctx.viewer) return;
  const auto& cand = ctx.state.config().candidates;
  int creators = 0;
  for (auto creator : ctx.viewer->followed_creators) {
    if (creators++ >= cand.followed_creators) break;
    const auto& clips = ctx.state.clips_of_creator(creator);
    int taken = 0;
    for (auto it = clips.rbegin(); it != clips.rend() && taken < cand.followed_per_creator; ++it) {
      if (!unseen(ctx, *it)) continue;
      out.push_back(Candidate{.clip = *it, .source = Source::followed});
      ++taken;
    }
  }
}

void add_similar(const CandidateContext& ctx, std::vector<Candidate>& out) {
  if (!ctx.viewer) return;
  const auto& cand = ctx.state.config().candidates;
  for (auto seed : recent_seeds(*ctx.viewer, cand.similar_seeds)) {
    // Ask for more than the quota: some neighbours will already have been seen.
    auto near = ctx.state.similarity_index().nearest(
        ctx.state.embeddings()[seed], cand.similar_per_seed * 3, seed, cand.similar_scan);
    int taken = 0;
    for (auto [clip, score] : near) {
      if (taken >= cand.similar_per_seed) break;
      if (!unseen(ctx, clip)) continue;
      out.push_back(Candidate{.clip = clip, .source = Source::similar, .seed_clip = seed});
      ++taken;
    }
  }
}

void add_remixes(const CandidateContext& ctx, std::vector<Candidate>& out) {
  if (!ctx.viewer) return;
  const auto& cand = ctx.state.config().candidates;
  for (auto seed : recent_seeds(*ctx.viewer, cand.similar_seeds)) {
    const auto* remixes = ctx.state.remixes_of(seed);
    if (!remixes) continue;
    int taken = 0;
    for (auto it = remixes->rbegin(); it != remixes->rend() && taken < cand.remixes_per_seed;
         ++it) {
      if (!unseen(ctx, *it)) continue;
      out.push_back(Candidate{.clip = *it, .source = Source::remix, .seed_clip = seed});
      ++taken;
    }
  }
}

void add_topic(const CandidateContext& ctx, std::vector<Candidate>& out) {
  if (!ctx.viewer) return;
  const auto& cand = ctx.state.config().candidates;
  // The viewer's strongest positive topics, plus any they asked for by steering.
  std::vector<std::pair<float, int>> topics;
  for (int t = 0; t < kMaxTopics; ++t) {
    const bool asked = ctx.viewer->steering.more >> t & 1;
    if (ctx.viewer->affinity[t] > 0 || asked) {
      topics.emplace_back(ctx.viewer->affinity[t] + (asked ? 100.0f : 0.0f), t);
    }
  }
  std::sort(topics.begin(), topics.end(), std::greater<>());
  const std::size_t n = std::min<std::size_t>(topics.size(), cand.topic_top_topics);
  for (std::size_t i = 0; i < n; ++i) {
    const int t = topics[i].second;
    take_unseen(ctx, ctx.lists.by_topic[t], 0, cand.topic_per_topic,
                Candidate{.source = Source::topic, .topic = static_cast<std::int8_t>(t)}, out);
  }
}

void add_newest(const CandidateContext& ctx, std::vector<Candidate>& out) {
  take_unseen(ctx, ctx.lists.newest, 0, ctx.state.config().candidates.fresh,
              Candidate{.source = Source::newest}, out);
}

std::vector<Candidate> collect_candidates(const CandidateContext& ctx) {
  std::vector<Candidate> all;
  all.reserve(600);
  add_followed(ctx, all);
  add_similar(ctx, all);
  add_remixes(ctx, all);
  add_topic(ctx, all);
  add_trending(ctx, all);
  add_fresh(ctx, all);
  add_newest(ctx, all);
  thread_local ClipSet kept;
  kept.reset(all.size());
  std::erase_if(all, [&](const Candidate& c) { return !kept.insert(c.clip); });
  return all;
}

}  // namespace dreamfeed::ranking
