// See public_page_cache.h.
#include "http/api/public_page_cache.h"

#include <iterator>

namespace dreamfeed::http {

PublicPageCache::PublicPageCache(const Clock& clock, std::chrono::milliseconds ttl,
                                 std::size_t max_pages)
    : clock_(clock), ttl_ms_(ttl.count()), max_pages_(max_pages) {}

std::shared_ptr<const std::string> PublicPageCache::find(const std::string& key) const {
  if (ttl_ms_ <= 0) return nullptr;
  const std::int64_t now = clock_.now_ms();
  std::lock_guard lock(mutex_);
  auto found = pages_.find(key);
  if (found == pages_.end() || now - found->second.stored_at_ms >= ttl_ms_) return nullptr;
  return found->second.body;
}

std::uint64_t PublicPageCache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void PublicPageCache::store(std::string key, std::string body, std::uint64_t read_at_generation) {
  if (ttl_ms_ <= 0) return;
  const std::int64_t now = clock_.now_ms();
  auto page = std::make_shared<const std::string>(std::move(body));
  std::lock_guard lock(mutex_);
  if (read_at_generation != generation_) return;
  if (pages_.size() >= max_pages_ && !pages_.contains(key)) {
    std::erase_if(pages_,
                  [&](const auto& entry) { return now - entry.second.stored_at_ms >= ttl_ms_; });
    if (pages_.size() >= max_pages_) pages_.clear();
  }
  pages_[std::move(key)] = Page{std::move(page), now};
}

void PublicPageCache::clear() {
  std::lock_guard lock(mutex_);
  pages_.clear();
  ++generation_;
}

}  // namespace dreamfeed::http
