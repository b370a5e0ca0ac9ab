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
  // Similar clips share buckets in several tables. Marking each clip the first time it is
  // met scores it once (a per-thread array of query stamps, so nothing is cleared between
  // queries), and only the best k are put in order: both used to be a sort of every
  // scanned entry, most of a page's time.
  thread_local std::vector<std::uint32_t> marks;
  thread_local std::uint32_t stamp = 0;
  if (marks.size() < embeddings.size()) marks.resize(embeddings.size() + embeddings.size() / 4);
  if (++stamp == 0) {
    std::fill(marks.begin(), marks.end(), 0);
    stamp = 1;
  }
  std::vector<std::pair<std::uint32_t, int>> found;
  found.reserve(static_cast<std::size_t>(tables_) * scan_limit);
  for (int t = 0; t < tables_; ++t) {
    const auto& bucket = buckets_[t][bucket_of(t, query)];
    const std::size_t start =
        bucket.size() > static_cast<std::size_t>(scan_limit) ? bucket.size() - scan_limit : 0;
    for (std::size_t i = start; i < bucket.size(); ++i) {
      const std::uint32_t clip = bucket[i];
      if (clip == exclude || marks[clip] == stamp) continue;
      marks[clip] = stamp;
      found.emplace_back(clip, similarity(query, embeddings[clip]));
    }
  }
  const auto better = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  if (found.size() > static_cast<std::size_t>(k)) {
    std::nth_element(found.begin(), found.begin() + k, found.end(), better);
    found.resize(k);
  }
  std::sort(found.begin(), found.end(), better);
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
