// DedupeWindow: remembers the last N client event ids (as 64-bit hashes of viewer and id)
// so a batch sent twice counts once, in bounded memory: the oldest id is forgotten when
// the N+1th arrives. A 64-bit hash collision (about 1 in 10^7 at N = 10^6) would drop one
// event; that is acceptable for ranking statistics.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace dreamfeed::ranking {

class DedupeWindow {
 public:
  explicit DedupeWindow(std::size_t capacity) : capacity_(capacity) {}

  static std::uint64_t key(std::string_view viewer_id, std::string_view event_id);
  // True when `key` was not in the window (it is now); false for a repeat.
  bool insert(std::uint64_t key);
  bool contains(std::uint64_t key) const { return set_.contains(key); }
  std::size_t size() const { return ring_.size(); }
  std::size_t capacity() const { return capacity_; }

  // Oldest first, for snapshots; restore by insert() in this order.
  std::vector<std::uint64_t> keys_oldest_first() const;

 private:
  std::size_t capacity_;
  std::vector<std::uint64_t> ring_;  // insertion order; next_ is the oldest once full
  std::size_t next_ = 0;
  std::unordered_set<std::uint64_t> set_;
};

}  // namespace dreamfeed::ranking
