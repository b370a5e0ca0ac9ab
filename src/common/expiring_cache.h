// ExpiringCache: a bounded, thread-safe map from a string key to a value that expires
// at a time given with it. It is the one piece the server's short-lived caches share
// (sessions, clip records, public feed pages), so that each of them states only what
// it keeps and what makes it stale.
//
// A value read from the source of truth before an invalidation must not be stored
// after it (it would bring the old value back until it expires): read generation()
// before reading the source and pass it to store(); a store whose read began before
// the latest forget/clear is dropped. Every forget counts, not only the key's own,
// which costs at most a later miss and keeps the cache one counter wide.
//
// Written here because neither the standard library nor Boost has an expiring map.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace dreamfeed {

template <class Value>
class ExpiringCache {
 public:
  // At most `max_entries` are kept; when full, the expired ones go, and if that frees
  // nothing, an arbitrary tenth of the live ones (the map's order), so a cache sized
  // below its working set keeps most of what it holds instead of starting cold.
  explicit ExpiringCache(std::size_t max_entries) : max_entries_(max_entries) {}

  // The value under `key` while `now_ms` is before its expiry; nullopt otherwise.
  std::optional<Value> find(const std::string& key, std::int64_t now_ms) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(key);
    if (found == entries_.end() || now_ms >= found->second.expires_at_ms) return std::nullopt;
    return found->second.value;
  }

  std::uint64_t generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
  }

  // Keeps `value` until `expires_at_ms`, unless something was forgotten since
  // `read_at_generation` (see the top of the file).
  void store(std::string key, Value value, std::int64_t now_ms, std::int64_t expires_at_ms,
             std::uint64_t read_at_generation) {
    if (max_entries_ == 0 || expires_at_ms <= now_ms) return;
    std::lock_guard lock(mutex_);
    if (read_at_generation != generation_) return;
    if (entries_.size() >= max_entries_ && !entries_.contains(key)) {
      std::erase_if(entries_,
                    [&](const auto& entry) { return now_ms >= entry.second.expires_at_ms; });
      if (entries_.size() >= max_entries_) {
        std::size_t drop = std::max<std::size_t>(1, max_entries_ / 10);
        for (auto it = entries_.begin(); drop > 0 && it != entries_.end(); --drop) {
          it = entries_.erase(it);
        }
      }
    }
    entries_.insert_or_assign(std::move(key), Entry{std::move(value), expires_at_ms});
  }

  void forget(const std::string& key) {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
    ++generation_;
  }

  // Drops every value for which `matches(value)` is true; walks the whole cache, so it
  // is for rare changes (a profile edit), not for every request.
  template <class Predicate>
  void forget_if(Predicate matches) {
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [&](const auto& entry) { return matches(entry.second.value); });
    ++generation_;
  }

  void clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    ++generation_;
  }

 private:
  struct Entry {
    Value value;
    std::int64_t expires_at_ms = 0;
  };

  const std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 0;  // how many times something was forgotten
};

}  // namespace dreamfeed
