// ClipSet: a set of clip indexes for one query, emptied in O(1) between queries, so hot
// paths can keep one per thread (`thread_local ClipSet seen; seen.reset(n);`) and never
// allocate. Open addressing over stamped slots: a slot holds (stamp << 32 | clip), and
// bumping the stamp empties every slot at once. Hand-written: std::unordered_set
// allocates a node per insert, which was a large share of a feed page's time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace dreamfeed::ranking {

class ClipSet {
 public:
  // Empties the set, with room for at least `expected` clips at half load.
  void reset(std::size_t expected) {
    std::size_t slots = 64;
    while (slots < expected * 2) slots *= 2;
    if (slots_.size() < slots) {
      slots_.assign(slots, 0);
      stamp_ = 0;
    }
    if (++stamp_ == 0) {
      std::fill(slots_.begin(), slots_.end(), 0);
      stamp_ = 1;
    }
    mask_ = slots_.size() - 1;
  }

  // True when `clip` was not in the set yet (it is now). At most `expected` inserts per reset.
  bool insert(std::uint32_t clip) {
    const std::uint64_t key = (std::uint64_t{stamp_} << 32) | clip;
    for (std::uint64_t slot = (clip * 0x9E3779B1u) & mask_;; slot = (slot + 1) & mask_) {
      if (slots_[slot] == key) return false;
      if (slots_[slot] >> 32 != stamp_) {
        slots_[slot] = key;
        return true;
      }
    }
  }

 private:
  std::vector<std::uint64_t> slots_;
  std::uint32_t stamp_ = 0;
  std::uint64_t mask_ = 0;
};

}  // namespace dreamfeed::ranking
