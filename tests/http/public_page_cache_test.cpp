// PublicPageCache: pages are served until they are ttl old or cleared, a page read
// before a clear is never stored after it, and the cache stays bounded.
#include "http/api/public_page_cache.h"

#include <gtest/gtest.h>

#include "support/manual_clock.h"

namespace dreamfeed::http {
namespace {

using namespace std::chrono_literals;

TEST(PublicPageCache, AStoredPageIsServedUntilItIsTtlOld) {
  testing::ManualClock clock;
  PublicPageCache cache(clock, 1000ms);
  EXPECT_EQ(cache.find("limit=20"), nullptr);
  cache.store("limit=20", "page one", cache.generation());
  ASSERT_NE(cache.find("limit=20"), nullptr);
  EXPECT_EQ(*cache.find("limit=20"), "page one");
  EXPECT_EQ(cache.find("limit=5"), nullptr) << "another query is another page";
  clock.advance_ms(999);
  EXPECT_NE(cache.find("limit=20"), nullptr);
  clock.advance_ms(1);
  EXPECT_EQ(cache.find("limit=20"), nullptr) << "a page ttl old is not served";
}

TEST(PublicPageCache, ClearDropsEveryPage) {
  testing::ManualClock clock;
  PublicPageCache cache(clock, 60'000ms);
  cache.store("", "first page", cache.generation());
  cache.store("cursor=abc", "second page", cache.generation());
  cache.clear();
  EXPECT_EQ(cache.find(""), nullptr);
  EXPECT_EQ(cache.find("cursor=abc"), nullptr);
}

TEST(PublicPageCache, APageReadBeforeAClearIsNotStoredAfterIt) {
  testing::ManualClock clock;
  PublicPageCache cache(clock, 60'000ms);
  const auto read_at = cache.generation();  // a request starts reading the feed…
  cache.clear();                            // …a video is published meanwhile…
  cache.store("", "page without the new video", read_at);
  EXPECT_EQ(cache.find(""), nullptr) << "the stale page must not be served";
  cache.store("", "fresh page", cache.generation());
  EXPECT_NE(cache.find(""), nullptr);
}

TEST(PublicPageCache, ZeroTtlTurnsItOff) {
  testing::ManualClock clock;
  PublicPageCache cache(clock, 0ms);
  cache.store("", "page", cache.generation());
  EXPECT_EQ(cache.find(""), nullptr);
}

TEST(PublicPageCache, StaysBoundedWhenManyPagesAreAsked) {
  testing::ManualClock clock;
  PublicPageCache cache(clock, 60'000ms, 4);
  for (int i = 0; i < 100; ++i) {
    cache.store("cursor=" + std::to_string(i), "page", cache.generation());
  }
  int kept = 0;
  for (int i = 0; i < 100; ++i) kept += cache.find("cursor=" + std::to_string(i)) != nullptr;
  EXPECT_LE(kept, 4);
  EXPECT_NE(cache.find("cursor=99"), nullptr) << "the newest page is kept";
}

}  // namespace
}  // namespace dreamfeed::http
