// FeedService: newest first, every published video exactly once across pages.
#include "services/feed/feed_service.h"

#include <set>

#include "studio_fixture.h"

namespace dreamfeed {
namespace {

using testing::StudioFixture;

TEST_F(StudioFixture, FeedPagesCoverEveryPublishedVideoOnceNewestFirst) {
  FeedService feed(*store);
  std::vector<std::string> published;
  for (int i = 0; i < 45; ++i) {
    Video v;
    v.id = new_id("vid");
    v.creator_id = alice.id;
    v.prompt = "clip " + std::to_string(i);
    v.seconds = 4;
    v.video_key = "videos/" + v.id + ".mp4";
    v.thumbnail_key = "thumbnails/" + v.id + ".jpg";
    v.created_at_ms = clock.now_ms();
    ASSERT_TRUE(store->insert_video(v).ok());
    if (i % 9 == 0) continue;  // stays a draft
    // Pairs share a publication time, so ties must be broken consistently.
    if (i % 2 == 0) clock.advance_ms(1000);
    ASSERT_TRUE(store->publish_video(v.id, clock.now_ms()).ok());
    published.push_back(v.id);
  }

  std::vector<Video> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page = feed.page(cursor, 20);
    ASSERT_TRUE(page.ok()) << page.error().message;
    seen.insert(seen.end(), page->items.begin(), page->items.end());
    cursor = page->next_cursor.value_or("");
    ++pages;
  } while (!cursor.empty() && pages < 10);

  EXPECT_EQ(pages, 2);
  ASSERT_EQ(seen.size(), published.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    ids.insert(seen[i].id);
    EXPECT_EQ(seen[i].creator_handle, "alice");
    if (i > 0) {
      EXPECT_GE(*seen[i - 1].published_at_ms, *seen[i].published_at_ms);
    }
  }
  EXPECT_EQ(ids, std::set<std::string>(published.begin(), published.end()));
}

TEST_F(StudioFixture, FeedRejectsCursorsItDidNotMake) {
  FeedService feed(*store);
  for (const std::string& bad : std::vector<std::string>{
           "garbage!", "bm90LWEtY3Vyc29y" /* "not-a-cursor" */, encode_feed_cursor({0, ""})}) {
    auto page = feed.page(bad);
    ASSERT_FALSE(page.ok()) << bad;
    EXPECT_EQ(page.error().field, "cursor");
  }
  EXPECT_EQ(feed.page("", 0).error().field, "limit");
  EXPECT_EQ(feed.page("", 51).error().field, "limit");
  auto empty = feed.page("");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->items.empty());
  EXPECT_FALSE(empty->next_cursor.has_value());
}

TEST(FeedCursor, RoundTrips) {
  FeedPosition position{1764000000123, "vid_abc"};
  auto decoded = decode_feed_cursor(encode_feed_cursor(position));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->published_at_ms, position.published_at_ms);
  EXPECT_EQ(decoded->video_id, position.video_id);
}

}  // namespace
}  // namespace dreamfeed
