// PublicPageCache keeps, for a short time, the JSON of pages that every visitor
// without a session sees alike (the pages of the public feed), so that the busiest
// read in the app costs a lookup instead of a database query and a serialisation.
// This is the "microcache" a CDN or nginx would otherwise provide: a page may be up to
// `ttl` old, which is why it serves only callers without a session (a signed-in
// person sees their own changes at once) and why `ttl` is short.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/expiring_cache.h"
#include "interfaces/clock.h"

namespace dreamfeed::http {

class PublicPageCache {
 public:
  // ttl 0 turns the cache off. At most `max_pages` pages are kept; when full, the
  // expired ones go, and if none had expired, all of them.
  PublicPageCache(const Clock& clock, std::chrono::milliseconds ttl, std::size_t max_pages = 256);

  // The body stored under `key` if it is younger than ttl; nullptr otherwise.
  std::shared_ptr<const std::string> find(const std::string& key) const;

  // Read generation() before reading what the page shows and pass it to store(): a
  // page read before a clear() that ends after it is not stored, so a page from
  // before a change cannot outlive the change.
  std::uint64_t generation() const;
  void store(std::string key, std::string body, std::uint64_t read_at_generation);

  // Drops every page, after a change that shows in them.
  void clear();

 private:
  const Clock& clock_;
  const std::int64_t ttl_ms_;
  ExpiringCache<std::shared_ptr<const std::string>> pages_;
};

}  // namespace dreamfeed::http
