// SeenSet: which clips one viewer was shown, and on which day, for the "seen in the last
// N days" filter. Hand-written open addressing (no library offers a set this small per
// owner): 6 bytes per entry, 100 seen clips cost about 1 KB, so 100,000 viewers fit in
// ~100 MB. Entries older than the window are dropped whenever the table grows.
#pragma once

#include <cstdint>
#include <vector>

namespace dreamfeed::ranking {

class SeenSet {
 public:
  // Marks `clip` seen on `day` (days since the epoch).
  void insert(std::uint32_t clip, std::uint16_t day, int keep_days);
  // True when `clip` was seen on a day within `days` of `today`.
  bool seen_within(std::uint32_t clip, std::uint16_t today, int days) const;
  std::size_t size() const { return count_; }
  std::size_t bytes() const { return keys_.capacity() * 4 + days_.capacity() * 2; }

  template <class F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] != kEmpty) f(keys_[i], days_[i]);
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  std::size_t slot_of(std::uint32_t clip) const;
  void rebuild(std::size_t capacity, std::uint16_t today, int keep_days);

  std::vector<std::uint32_t> keys_;
  std::vector<std::uint16_t> days_;
  std::size_t count_ = 0;
};

}  // namespace dreamfeed::ranking
