// Feature hashing: each word adds ±1 to one dimension, each of its character trigrams
// ±0.5 to another (so "fox"/"foxes" share most of their mass); then unit length.
#include "services/ranking/text_embedding.h"

#include <cmath>
#include <functional>
#include <string>

#include "services/ranking/topic_vocabulary.h"

namespace dreamfeed::ranking {
namespace {

void add_feature(std::array<float, kEmbeddingDims>& v, std::string_view feature, float weight) {
  const std::uint64_t h = std::hash<std::string_view>{}(feature);
  v[h % kEmbeddingDims] += (h >> 63) ? weight : -weight;
}

}  // namespace

Embedding embed_text(std::string_view text) {
  std::array<float, kEmbeddingDims> v{};
  for (const auto& word : split_words(text)) {
    if (word.size() <= 2) continue;  // "a", "of", "in": no meaning of their own
    add_feature(v, word, 1.0f);
    const std::string padded = " " + word + " ";
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i) {
      add_feature(v, std::string_view(padded).substr(i, 3), 0.5f);
    }
  }
  float norm = 0;
  for (float x : v) norm += x * x;
  Embedding out{};
  if (norm == 0) return out;
  norm = std::sqrt(norm);
  for (int i = 0; i < kEmbeddingDims; ++i) {
    out[i] = static_cast<std::int8_t>(std::lround(v[i] / norm * 127.0f));
  }
  return out;
}

}  // namespace dreamfeed::ranking
