// DedupeWindow: a ring of hashes plus a hash set of the same hashes.
#include "services/ranking/dedupe_window.h"

#include <functional>

namespace dreamfeed::ranking {

std::uint64_t DedupeWindow::key(std::string_view viewer_id, std::string_view event_id) {
  const std::uint64_t a = std::hash<std::string_view>{}(viewer_id);
  const std::uint64_t b = std::hash<std::string_view>{}(event_id);
  return a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2));
}

bool DedupeWindow::insert(std::uint64_t key) {
  if (capacity_ == 0) return true;
  if (!set_.insert(key).second) return false;
  if (ring_.size() < capacity_) {
    ring_.push_back(key);
  } else {
    set_.erase(ring_[next_]);
    ring_[next_] = key;
    next_ = (next_ + 1) % capacity_;
  }
  return true;
}

std::vector<std::uint64_t> DedupeWindow::keys_oldest_first() const {
  std::vector<std::uint64_t> out;
  out.reserve(ring_.size());
  for (std::size_t i = 0; i < ring_.size(); ++i) out.push_back(ring_[(next_ + i) % ring_.size()]);
  return out;
}

}  // namespace dreamfeed::ranking
