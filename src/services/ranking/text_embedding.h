// TextEmbedding: a clip's prompt and scene words as a 32-dimensional vector, so "clips
// like the ones you finished" is a nearest-neighbour query. Feature hashing of words and
// character trigrams (the "hashing trick"): no model file, no training, deterministic,
// and close texts ("a red fox", "two foxes in snow") land close. Hand-written because it
// is a few lines and no Debian package offers a small C++ text embedder; a learned
// embedding (from a video model's own text encoder) can replace it behind this type.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace dreamfeed::ranking {

inline constexpr int kEmbeddingDims = 32;
// Quantised to int8 (unit length × 127): 32 bytes per clip, 32 MB for a million clips.
using Embedding = std::array<std::int8_t, kEmbeddingDims>;

Embedding embed_text(std::string_view text);
// Dot product of two quantised unit vectors, in 1/127² units (≈ cosine × 16129). Inline:
// nearest-neighbour scans call it thousands of times a page, and inlined it vectorises.
inline int similarity(const Embedding& a, const Embedding& b) {
  int sum = 0;
  for (int i = 0; i < kEmbeddingDims; ++i) sum += int{a[i]} * int{b[i]};
  return sum;
}

}  // namespace dreamfeed::ranking
