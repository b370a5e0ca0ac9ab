// Random-hyperplane LSH: a clip's bucket in each table is the signs of its dot products
// with `bits` random planes; similar vectors agree on most signs.
#include "services/ranking/similarity_index.h"

#include <algorithm>
#include <random>

#include "services/ranking/clip_set.h"

namespace dreamfeed::ranking {

SimilarityIndex::SimilarityIndex(int tables, int bits, std::uint32_t seed)
    : tables_(tables), bits_(bits) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> coord(-127, 127);
  planes_.resize(static_cast<std::size_t>(tables) * bits * kEmbeddingDims);
  for (auto& p : planes_) p = static_cast<std::int8_t>(coord(rng));
  buckets_.assign(tables, std::vector<std::vector<Entry>>(std::size_t{1} << bits));
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
  for (int t = 0; t < tables_; ++t)
    buckets_[t][bucket_of(t, embedding)].push_back({clip, embedding});
}

std::vector<std::pair<std::uint32_t, int>> SimilarityIndex::nearest(const Embedding& query, int k,
                                                                    std::uint32_t exclude,
                                                                    int scan_limit) const {
  // Similar clips share buckets in several tables; the set of clips met so far keeps
  // each from being kept twice. The best k are kept in a heap whose top is the worst
  // kept, so most of the ~1,000 scanned clips cost a dot product and one comparison.
  if (k <= 0) return {};
  const std::size_t most = static_cast<std::size_t>(tables_) * static_cast<std::size_t>(scan_limit);
  thread_local ClipSet met;
  met.reset(most);
  const auto better = [](const std::pair<std::uint32_t, int>& a,
                         const std::pair<std::uint32_t, int>& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  std::vector<std::pair<std::uint32_t, int>> best;
  best.reserve(static_cast<std::size_t>(k));
  for (int t = 0; t < tables_; ++t) {
    const auto& bucket = buckets_[t][bucket_of(t, query)];
    const std::size_t start =
        bucket.size() > static_cast<std::size_t>(scan_limit) ? bucket.size() - scan_limit : 0;
    for (std::size_t i = start; i < bucket.size(); ++i) {
      const Entry& entry = bucket[i];
      if (entry.clip == exclude) continue;
      const std::pair<std::uint32_t, int> found{entry.clip, similarity(query, entry.embedding)};
      const bool full = best.size() == static_cast<std::size_t>(k);
      // A clip too far to be kept now stays too far when met again in another table (the
      // bar only rises), so only clips that would be kept need the set.
      if (full && !better(found, best.front())) continue;
      if (!met.insert(entry.clip)) continue;
      if (!full) {
        best.push_back(found);
        std::push_heap(best.begin(), best.end(), better);
      } else {
        std::pop_heap(best.begin(), best.end(), better);
        best.back() = found;
        std::push_heap(best.begin(), best.end(), better);
      }
    }
  }
  std::sort_heap(best.begin(), best.end(), better);
  return best;
}

std::size_t SimilarityIndex::bytes() const {
  std::size_t total = planes_.size();
  for (const auto& table : buckets_) {
    for (const auto& b : table) total += b.capacity() * sizeof(Entry) + sizeof(b);
  }
  return total;
}

}  // namespace dreamfeed::ranking
