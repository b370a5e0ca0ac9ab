// ExpiringCache: values expire, forgetting wins over a read that began before it, and a
// full cache stays bounded without dropping everything.
#include "common/expiring_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace dreamfeed {
namespace {

// ("old" + std::to_string(i) trips GCC 12's -Wrestrict.)
std::string key(const char* prefix, int i) {
  std::string k = prefix;
  k += std::to_string(i);
  return k;
}

TEST(ExpiringCacheTest, AValueIsFoundUntilItExpires) {
  ExpiringCache<int> cache(10);
  cache.store("a", 1, 100, 200, cache.generation());
  EXPECT_EQ(cache.find("a", 150), 1);
  EXPECT_EQ(cache.find("a", 200), std::nullopt);
  EXPECT_EQ(cache.find("b", 150), std::nullopt);
  cache.store("late", 2, 300, 300, cache.generation());  // already expired: not kept
  EXPECT_EQ(cache.find("late", 300), std::nullopt);
}

TEST(ExpiringCacheTest, AReadThatBeganBeforeAForgetIsNotStored) {
  ExpiringCache<int> cache(10);
  cache.store("a", 1, 0, 1000, cache.generation());
  const auto read_at = cache.generation();  // a request starts reading "a" from the source
  cache.forget("a");                        // meanwhile "a" changes
  cache.store("a", 1, 0, 1000, read_at);    // the old value must not come back
  EXPECT_EQ(cache.find("a", 10), std::nullopt);
  cache.store("a", 2, 0, 1000, cache.generation());
  EXPECT_EQ(cache.find("a", 10), 2);
}

TEST(ExpiringCacheTest, ForgetIfAndClearDropWhatTheySay) {
  ExpiringCache<int> cache(10);
  for (int i = 0; i < 6; ++i) cache.store(std::to_string(i), i, 0, 1000, cache.generation());
  cache.forget_if([](int v) { return v % 2 == 0; });
  EXPECT_EQ(cache.find("2", 1), std::nullopt);
  EXPECT_EQ(cache.find("3", 1), 3);
  cache.clear();
  EXPECT_EQ(cache.find("3", 1), std::nullopt);
}

TEST(ExpiringCacheTest, AFullCacheDropsExpiredValuesFirstThenATenth) {
  ExpiringCache<int> cache(100);
  for (int i = 0; i < 50; ++i) cache.store(key("old", i), i, 0, 10, cache.generation());
  for (int i = 0; i < 50; ++i) cache.store(key("live", i), i, 0, 1000, cache.generation());
  cache.store("new", 1, 20, 1000, cache.generation());  // full: the 50 expired go
  int live = 0;
  for (int i = 0; i < 50; ++i) live += cache.find(key("live", i), 20).has_value();
  EXPECT_EQ(live, 50);
  for (int i = 0; i < 49; ++i) cache.store(key("more", i), i, 20, 1000, cache.generation());
  // Full of live values: one more insert drops ten of them, not all.
  cache.store("last", 1, 30, 1000, cache.generation());
  EXPECT_EQ(cache.find("last", 30), 1);
  int kept = 0;
  for (int i = 0; i < 50; ++i) kept += cache.find(key("live", i), 30).has_value();
  for (int i = 0; i < 49; ++i) kept += cache.find(key("more", i), 30).has_value();
  kept += cache.find("new", 30).has_value();
  EXPECT_EQ(kept, 90);
}

}  // namespace
}  // namespace dreamfeed
