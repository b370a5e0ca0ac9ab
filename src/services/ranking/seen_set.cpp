// SeenSet: linear probing over a power-of-two table, at most 3/4 full.
#include "services/ranking/seen_set.h"

namespace dreamfeed::ranking {

std::size_t SeenSet::slot_of(std::uint32_t clip) const {
  const std::size_t mask = keys_.size() - 1;
  std::size_t i = (clip * 0x9E3779B1u) & mask;
  while (keys_[i] != kEmpty && keys_[i] != clip) i = (i + 1) & mask;
  return i;
}

void SeenSet::rebuild(std::size_t capacity, std::uint16_t today, int keep_days) {
  std::vector<std::uint32_t> old_keys(capacity, kEmpty);
  std::vector<std::uint16_t> old_days(capacity, 0);
  old_keys.swap(keys_);
  old_days.swap(days_);
  count_ = 0;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == kEmpty || today - old_days[i] >= keep_days) continue;
    const std::size_t s = slot_of(old_keys[i]);
    keys_[s] = old_keys[i];
    days_[s] = old_days[i];
    ++count_;
  }
}

void SeenSet::insert(std::uint32_t clip, std::uint16_t day, int keep_days) {
  if (keys_.empty()) rebuild(8, day, keep_days);
  std::size_t s = slot_of(clip);
  if (keys_[s] == clip) {
    if (day > days_[s]) days_[s] = day;
    return;
  }
  if ((count_ + 1) * 4 > keys_.size() * 3) {
    // Drop what has aged out first; grow only if that did not free enough.
    rebuild(keys_.size(), day, keep_days);
    if ((count_ + 1) * 4 > keys_.size() * 3) rebuild(keys_.size() * 2, day, keep_days);
    s = slot_of(clip);
  }
  keys_[s] = clip;
  days_[s] = day;
  ++count_;
}

bool SeenSet::seen_within(std::uint32_t clip, std::uint16_t today, int days) const {
  if (keys_.empty()) return false;
  const std::size_t s = slot_of(clip);
  return keys_[s] == clip && today - days_[s] < days;
}

}  // namespace dreamfeed::ranking
