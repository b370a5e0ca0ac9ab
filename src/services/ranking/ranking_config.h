// RankingConfig: every weight and size of the feed pipeline, read from one file
// (config/ranking.json) so they can be tuned without touching code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "services/ranking/topic_vocabulary.h"

namespace dreamfeed::ranking {

// A Beta(alpha, beta) prior: a rate is (successes + alpha) / (trials + alpha + beta),
// so a clip with 3 views and 3 completions is not "100%".
struct BetaPrior {
  double alpha = 1;
  double beta = 1;
  double rate(double successes, double trials) const {
    return (successes + alpha) / (trials + alpha + beta);
  }
};

struct RankingConfig {
  struct Priors {
    BetaPrior completion{2, 6}, like{1, 30}, share{0.5, 100}, remix{0.5, 200}, skip{2, 6};
  } priors;
  struct Weights {
    double completion = 1, like = 2, share = 3, remix = 3, skip = 0.6, freshness = 0.15,
           affinity = 1.2, steering_boost = 0.8, steering_penalty = 1.5, followed = 0.3;
  } weights;
  double freshness_half_life_hours = 24;
  double trending_half_life_hours = 6;
  struct Candidates {
    int fresh = 60, trending = 150, followed_per_creator = 3, followed_creators = 50,
        similar_seeds = 4, similar_per_seed = 25, similar_scan = 200, remixes_per_seed = 5,
        topic_top_topics = 4, topic_per_topic = 80, topic_list_size = 400, fresh_window_hours = 72,
        exploration_impressions = 100;
  } candidates;
  int seen_days = 7;
  struct Mixing {
    int exploration_slots = 2;
    std::vector<int> ad_slots;  // page positions (0-based) kept empty for ads
    int max_same_topic_in_row = 2;
  } mixing;
  struct Wellbeing {
    int nudge_after_passive_minutes = 45;
    int session_gap_minutes = 30;
  } wellbeing;
  // A signed-in viewer's next pages are ranked in one pass and kept (prepared_feeds.h).
  struct Prepared {
    int pages = 10;             // pages ranked at once
    int ttl_seconds = 600;      // how long they stay good: about what ten pages take to watch
    int max_viewers = 100'000;  // viewers kept at once (~1 KB each)
    int new_positives = 2;      // clips finished or liked since that prepare again (0: never)
  } prepared;
  std::size_t dedupe_window = 1'000'000;  // client event ids remembered
  std::int64_t max_future_ms = 300'000;   // events dated later than now + this are refused
  TopicVocabulary vocabulary;
};

// Parses the JSON text of config/ranking.json; missing keys keep their defaults.
Result<RankingConfig> parse_ranking_config(std::string_view json_text);
// Reads and parses the file (start-up only).
Result<RankingConfig> load_ranking_config(const std::string& path);

}  // namespace dreamfeed::ranking
