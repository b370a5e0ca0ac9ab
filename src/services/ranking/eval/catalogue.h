// Synthetic catalogue and audience for offline evaluation: clips whose prompts are made
// of topic words (so the ranking must discover topics the way it would in production, by
// reading text), creators who stick to a few topics, and viewers with hidden tastes.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking::eval {

struct SimClip {
  ClipInfo info;
  TopicMask topics = 0;  // the true topics its prompt was written from
  double quality = 0;    // hidden: how watchable it is to anyone
};

struct SimViewer {
  std::string id;
  std::array<float, kMaxTopics> taste{};  // hidden: how much they enjoy each topic
  TopicMask liked = 0;                    // the topics with a strong positive taste
};

struct CatalogueSpec {
  int clips = 2000;
  int creators = 200;
  int viewers = 200;
  int topics = 16;            // the first N topics of the vocabulary are used
  std::int64_t start_ms = 0;  // clips are published in [start_ms, end_ms)
  std::int64_t end_ms = 0;
  std::uint64_t seed = 1;
};

std::vector<SimClip> make_clips(const TopicVocabulary& vocabulary, const CatalogueSpec& spec,
                                std::mt19937_64& rng);
std::vector<SimViewer> make_viewers(const CatalogueSpec& spec, std::mt19937_64& rng);

// What the viewer truly thinks of a clip (taste of its topics plus its quality).
double interest(const SimViewer& viewer, const SimClip& clip);

}  // namespace dreamfeed::ranking::eval
