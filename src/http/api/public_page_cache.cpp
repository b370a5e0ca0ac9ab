// See public_page_cache.h.
#include "http/api/public_page_cache.h"

namespace dreamfeed::http {

PublicPageCache::PublicPageCache(const Clock& clock, std::chrono::milliseconds ttl,
                                 std::size_t max_pages)
    : clock_(clock), ttl_ms_(ttl.count()), pages_(ttl.count() > 0 ? max_pages : 0) {}

std::shared_ptr<const std::string> PublicPageCache::find(const std::string& key) const {
  if (ttl_ms_ <= 0) return nullptr;
  return pages_.find(key, clock_.now_ms()).value_or(nullptr);
}

std::uint64_t PublicPageCache::generation() const { return pages_.generation(); }

void PublicPageCache::store(std::string key, std::string body, std::uint64_t read_at_generation) {
  if (ttl_ms_ <= 0) return;
  const std::int64_t now = clock_.now_ms();
  pages_.store(std::move(key), std::make_shared<const std::string>(std::move(body)), now,
               now + ttl_ms_, read_at_generation);
}

void PublicPageCache::clear() { pages_.clear(); }

}  // namespace dreamfeed::http
