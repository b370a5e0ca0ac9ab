// The synthetic million-clip catalogue and its audience shared by the ranking benchmarks
// (bench_ranking_at_scale in memory, bench_seed_ranked_catalogue for the HTTP one):
// prompts from 16 topics' words, creators, clips published over 60 days with 5% remixes,
// and batches of 20 events from one viewer — 45% impressions, 35% watches, 10% skips, 7%
// likes, 2% shares, 1% not-interested — dated over the last 7 days, 70% on the viewer's
// three hidden favourite topics.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "services/ranking/ranking_state.h"

namespace dreamfeed::bench {

struct ScaleSpec {
  int clips = 1'000'000;
  int viewers = 100'000;
  int creators = 50'000;
  std::int64_t now_ms = 1'780'000'000'000;
  std::uint64_t seed = 42;
};

class ScaleAudience {
 public:
  explicit ScaleAudience(ScaleSpec spec);

  // Publishes the catalogue into `state`, calling `on_clip` with each clip as published.
  void publish_catalogue(ranking::RankingState& state,
                         const std::function<void(const ranking::ClipInfo&)>& on_clip = {});
  // Fills `batch` with 20 events from one random viewer; returns that viewer's index.
  int next_batch(const ranking::RankingState& state, std::vector<ranking::IncomingEvent>& batch);
  // Every third viewer follows five random creators.
  void add_follows(ranking::RankingState& state);

  const std::string& viewer_id(int v) const { return viewer_ids_[v]; }
  static std::string creator_id(int c);
  const ScaleSpec& spec() const { return spec_; }

 private:
  ScaleSpec spec_;
  std::mt19937_64 rng_;
  std::vector<std::vector<std::uint32_t>> clips_by_topic_;
  std::vector<std::array<std::uint8_t, 3>> taste_;
  std::vector<std::string> viewer_ids_;
  long event_counter_ = 0;
};

}  // namespace dreamfeed::bench
