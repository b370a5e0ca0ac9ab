// Steering: what a viewer asked for in their own words ("more animals and space, less
// cars", "calmer"), read into topic boosts and penalties with the topic vocabulary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "services/ranking/topic_vocabulary.h"

namespace dreamfeed::ranking {

struct Steering {
  std::string text;                        // as the viewer wrote it
  TopicMask more = 0;                      // topics to boost
  TopicMask less = 0;                      // topics to push down
  std::vector<std::string> ignored_words;  // words that named no topic (shown back to them)

  bool empty() const { return more == 0 && less == 0; }
};

inline constexpr std::size_t kMaxSteeringText = 280;

// Clauses are split at commas, ";", "." and "but"; "more", "lots of", "show me" make the
// following topics boosts, "less", "fewer", "no", "not", "without", "stop" make them
// penalties, and a topic with no such word is a boost ("calmer", "horses please"). Asking
// for a topic also asks for less of its opposites (config "opposites"). Errors: empty or
// over-long text, or text naming no known topic (field "text").
Result<Steering> parse_steering(std::string_view text, const TopicVocabulary& vocabulary);

// "more animals, space; less cars" — how the feed understood it.
std::string describe_steering(const Steering& steering, const TopicVocabulary& vocabulary);

}  // namespace dreamfeed::ranking
