// Random-hyperplane LSH: a clip's bucket in each table is the signs of its dot products
// with `bits` random planes; similar vectors agree on most signs.
#include "services/ranking/similarity_index.h"

#include <algorithm>
#include <random>

namespace dreamfeed::ranking {

SimilarityIndex::SimilarityIndex(int tables, int bits, std::uint32_t seed)
    : tables_(tables), bits_(bits) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> coord(-127, 127);
  planes_.resize(static_cast<std::size_t>(tables) * bits * kEmbeddingDims);
  for (auto& p : planes_) p = static_cast<std::int8_t>(coord(rng));
  buckets_.assign(tables, std::vector<std::vector<std::uint32_t>>(std::size_t{1} << bits));
}

std::uint32_t SimilarityIndex::bucket_of(int table, const Embedding& e) const {
  std::uint32_t bucket = 0;
  const std::int8_t* plane = &planes_[static_cast<std::size_t>(table) * bits_ * kEmbeddingDims];
  for (int b = 0; b < bits_; ++b, plane += kEmbeddingDims) {
    int dot = 0;
    for (int i = 0; i < kEmbeddingDims; ++i) dot += int{plane[i]} * int{e[i]};
    bucket = (bucket << 1) | (dot >= 0 ? 1u : 0u);
  }
  return bucket;
}

void SimilarityIndex::add(std::uint32_t clip, const Embedding& embedding) {
  for (int t = 0; t < tables_; ++t) buckets_[t][bucket_of(t, embedding)].push_back(clip);
}

std::vector<std::pair<std::uint32_t, int>> SimilarityIndex::nearest(
    const Embedding& query, int k, const std::vector<Embedding>& embeddings, std::uint32_t exclude,
    int scan_limit) const {
  std::vector<std::pair<std::uint32_t, int>> found;
  for (int t = 0; t < tables_; ++t) {
    const auto& bucket = buckets_[t][bucket_of(t, query)];
    const std::size_t start =
        bucket.size() > static_cast<std::size_t>(scan_limit) ? bucket.size() - scan_limit : 0;
    for (std::size_t i = start; i < bucket.size(); ++i) {
      if (bucket[i] == exclude) continue;
      found.emplace_back(bucket[i], similarity(query, embeddings[bucket[i]]));
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              found.end());
  if (found.size() > static_cast<std::size_t>(k)) found.resize(k);
  return found;
}

std::size_t SimilarityIndex::bytes() const {
  std::size_t total = planes_.size();
  for (const auto& table : buckets_) {
    for (const auto& b : table) total += b.capacity() * 4 + sizeof(b);
  }
  return total;
}

}  // namespace dreamfeed::ranking
