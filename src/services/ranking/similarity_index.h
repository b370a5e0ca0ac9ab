// SimilarityIndex: approximate nearest neighbours of clip embeddings by random-hyperplane
// LSH (several tables of `bits` sign bits each). Hand-written rather than Debian's
// libhnswlib-dev or libfaiss-dev because: a clip is added on every publish and the
// benchmark builds a million in well under a second on one core (HNSW inserts take about
// a minute there); the index costs 4 bytes per clip per table instead of HNSW's ~200 B of
// links; removed clips are simply skipped by the caller; and the vectors are 32 int8s,
// where a bucket scan is already microseconds. Buckets keep insertion order, so a query
// scans only the newest `scan_limit` entries of each bucket: recent clips first, with a
// bounded cost whatever the catalogue size.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "services/ranking/text_embedding.h"

namespace dreamfeed::ranking {

class SimilarityIndex {
 public:
  explicit SimilarityIndex(int tables = 6, int bits = 10, std::uint32_t seed = 7);

  void add(std::uint32_t clip, const Embedding& embedding);
  // Up to `k` clips most similar to `query` (best first), excluding `exclude`, read from
  // `embeddings` (indexed by clip).
  std::vector<std::pair<std::uint32_t, int>> nearest(const Embedding& query, int k,
                                                     const std::vector<Embedding>& embeddings,
                                                     std::uint32_t exclude,
                                                     int scan_limit = 200) const;
  std::size_t bytes() const;

 private:
  std::uint32_t bucket_of(int table, const Embedding& e) const;

  int tables_;
  int bits_;
  std::vector<std::int8_t> planes_;                               // tables × bits × dims
  std::vector<std::vector<std::vector<std::uint32_t>>> buckets_;  // [table][bucket]
};

}  // namespace dreamfeed::ranking
