// ForYouFeed and RankingActivity over the real SQLite store: the ranking hears of clips as
// the studio publishes and deletes them, pages are joined with the store's records and
// carry reasons, the cursor never repeats a clip, and start-up reconciles the catalogue.
// As in `dreamfeed serve`, the records come through a CachedClipStore, whose remembered
// records must never hide a change made through it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/crypto.h"
#include "ranking/ranking_fixture.h"
#include "services/feed/cached_clip_store.h"
#include "services/feed/feed_service.h"
#include "services/feed/for_you_feed.h"
#include "services/ranking/ranking_activity.h"
#include "studio_fixture.h"

namespace dreamfeed {
namespace {

class ForYouFeedTest : public testing::StudioFixture {
 protected:
  void SetUp() override {
    StudioFixture::SetUp();
    ranking = std::make_unique<ranking::RankingService>(ranking::testing::project_config(), clock);
    listener = std::make_unique<ranking::RankingActivity>(*ranking);
    // The studio under test reports to the ranking (the fixture's own reports to a recorder).
    clips = std::make_unique<CachedClipStore>(*store, *store, clock);
    ranked_studio =
        std::make_unique<StudioService>(*store, *clips, *blobs, clock, StudioConfig{}, *listener);
    feed = std::make_unique<ForYouFeed>(*ranking, *clips);
  }

  Video publish_clip(const User& user) {
    Video draft = make_draft(user);
    clock.advance_ms(10);
    return ranked_studio->publish(user, draft.id).value();
  }

  std::vector<std::string> ids(const ForYouPage& page) {
    std::vector<std::string> out;
    for (const auto& item : page.items) out.push_back(item.video->id);
    return out;
  }

  std::unique_ptr<ranking::RankingService> ranking;
  std::unique_ptr<ranking::RankingActivity> listener;
  std::unique_ptr<CachedClipStore> clips;
  std::unique_ptr<StudioService> ranked_studio;
  std::unique_ptr<ForYouFeed> feed;
};

TEST_F(ForYouFeedTest, PublishedClipsAreShownWithTheirRecordsAndReasons) {
  Video first = publish_clip(alice);
  Video second = publish_clip(alice);
  make_draft(alice);  // drafts are never shown

  auto page = feed->page(bob.id, "", 10);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->items.size(), 2u);
  for (const auto& item : page->items) {
    EXPECT_FALSE(item.reason.empty());
    EXPECT_EQ(item.video->creator_handle, "alice") << "the store's joined record";
    EXPECT_TRUE(item.video->id == first.id || item.video->id == second.id);
  }
  EXPECT_FALSE(page->next_cursor) << "a short page: nothing more to give";
  EXPECT_TRUE(feed->page(alice.id, "", 10)->items.empty()) << "never one's own clips";

  ASSERT_TRUE(ranked_studio->delete_video(alice, first.id));
  EXPECT_EQ(ids(*feed->page(bob.id, "", 10)), std::vector<std::string>{second.id});
}

TEST_F(ForYouFeedTest, ARememberedRecordShowsEveryChangeAtOnce) {
  Video clip = publish_clip(alice);
  auto shown = [&] {
    auto page = feed->page(bob.id, "", 10);
    EXPECT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->items.size(), 1u);
    return page->items.empty() ? Video{} : *page->items.front().video;
  };
  EXPECT_EQ(shown().likes, 0);  // now remembered
  const std::vector<std::string> page_ids{clip.id};
  EXPECT_TRUE(clips->liked_among(bob.id, page_ids)->empty());  // bob's likes, too

  ASSERT_TRUE(clips->like(bob.id, clip.id, clock.now_ms()));
  EXPECT_EQ(shown().likes, 1);
  EXPECT_EQ(*clips->liked_among(bob.id, page_ids), page_ids);
  ASSERT_TRUE(clips->unlike(bob.id, clip.id));
  EXPECT_EQ(shown().likes, 0);
  EXPECT_TRUE(clips->liked_among(bob.id, page_ids)->empty());

  Comment comment;
  comment.id = "cmt_1";
  comment.video_id = clip.id;
  comment.author.id = bob.id;
  comment.text = "nice";
  comment.created_at_ms = clock.now_ms();
  ASSERT_TRUE(clips->add_comment(comment));
  EXPECT_EQ(shown().comments, 1);
  ASSERT_TRUE(clips->delete_comment("cmt_1"));
  EXPECT_EQ(shown().comments, 0);

  ASSERT_TRUE(clips->update_profile(alice.id, "Alice A.", std::nullopt));
  EXPECT_EQ(shown().creator_display_name, "Alice A.");
  ASSERT_TRUE(clips->bump_avatar_version(alice.id));
  EXPECT_EQ(shown().creator_avatar_version, 1);

  // A published remix (by bob, shown to carol) counts on its source and names it.
  User carol = accounts->create_user("carol", "long enough password").value();
  Video remix = make_draft(bob);
  ASSERT_TRUE(store->delete_video(remix.id));
  remix.id = "vid_remix";
  remix.remix_of = clip.id;
  ASSERT_TRUE(store->insert_video(remix));
  ASSERT_TRUE(ranked_studio->publish(bob, remix.id));
  auto page = feed->page(carol.id, "", 10).value();
  ASSERT_EQ(page.items.size(), 2u);
  for (const auto& item : page.items) {
    if (item.video->id == clip.id) {
      EXPECT_EQ(item.video->remixes, 1);
    } else {
      EXPECT_EQ(item.video->remix_source_handle, "alice");
    }
  }
  ASSERT_TRUE(ranked_studio->delete_video(alice, clip.id));
  page = feed->page(carol.id, "", 10).value();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_FALSE(page.items.front().video->remix_source_handle) << "its source is gone";
}

TEST_F(ForYouFeedTest, AViewerWithMoreLikesThanAreKeptIsAskedOfTheStore) {
  CachedClipStore few(*store, *store, clock, ClipCacheConfig{.max_likes_kept = 1});
  Video first = publish_clip(alice);
  Video second = publish_clip(alice);
  const std::vector<std::string> both{first.id, second.id};
  EXPECT_TRUE(few.liked_among(bob.id, both)->empty());
  ASSERT_TRUE(few.like(bob.id, first.id, clock.now_ms()));
  ASSERT_TRUE(few.like(bob.id, second.id, clock.now_ms()));
  auto liked = few.liked_among(bob.id, both).value();
  std::ranges::sort(liked);
  auto expected = both;
  std::ranges::sort(expected);
  EXPECT_EQ(liked, expected);
  ASSERT_TRUE(few.unlike(bob.id, first.id));
  EXPECT_EQ(few.liked_among(bob.id, both).value(), std::vector<std::string>{second.id});
}

TEST_F(ForYouFeedTest, EachItemSaysWhetherTheViewerLikedIt) {
  Video liked = publish_clip(alice);
  Video other = publish_clip(alice);
  auto liked_of = [&](const std::string& viewer) {
    std::map<std::string, bool> out;
    auto page = feed->page(viewer, "", 10);
    EXPECT_TRUE(page) << page.error().message;
    for (const auto& item : page->items) {
      out[item.video->id] = item.liked_by_me;
    }
    return out;
  };
  EXPECT_EQ(liked_of(bob.id), (std::map<std::string, bool>{{liked.id, false}, {other.id, false}}));
  ASSERT_TRUE(clips->like(bob.id, liked.id, clock.now_ms()));
  EXPECT_EQ(liked_of(bob.id), (std::map<std::string, bool>{{liked.id, true}, {other.id, false}}));
  EXPECT_EQ(liked_of(""), (std::map<std::string, bool>{{liked.id, false}, {other.id, false}}))
      << "a visitor has liked nothing";
}

TEST_F(ForYouFeedTest, AChangeMadeByAnotherProcessShowsWithinTheCacheTime) {
  Video clip = publish_clip(alice);
  ASSERT_EQ(feed->page(bob.id, "", 10)->items.size(), 1u);
  ASSERT_TRUE(clips->liked_among(bob.id, {clip.id})->empty());
  ASSERT_TRUE(store->like(bob.id, clip.id, clock.now_ms()));  // not through the cache
  clock.advance_ms(ClipCacheConfig{}.ttl.count());
  EXPECT_EQ(feed->page(bob.id, "", 10)->items.front().video->likes, 1);
  EXPECT_EQ(clips->liked_among(bob.id, {clip.id})->size(), 1u);
}

TEST_F(ForYouFeedTest, TheCursorCarriesServedClipsSoAScrollNeverRepeatsOne) {
  std::set<std::string> published;
  for (int i = 0; i < 5; ++i) published.insert(publish_clip(alice).id);
  std::set<std::string> seen;
  std::string cursor;
  for (int page_number = 0; page_number < 3; ++page_number) {
    auto page = feed->page(bob.id, cursor, 2);
    ASSERT_TRUE(page) << page.error().message;
    for (const auto& id : ids(*page)) EXPECT_TRUE(seen.insert(id).second) << id << " repeated";
    if (!page->next_cursor) break;
    cursor = *page->next_cursor;
  }
  EXPECT_EQ(seen, published);
}

TEST_F(ForYouFeedTest, ACursorFromBeforeTheUpgradeStillSkipsItsClips) {
  Video first = publish_clip(alice);
  Video second = publish_clip(alice);
  // Version 1 carried the served ids themselves.
  const std::string old_cursor = base64url_encode("r1." + first.id);
  auto page = feed->page(bob.id, old_cursor, 10);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(ids(*page), std::vector<std::string>{second.id});
}

TEST_F(ForYouFeedTest, BadCursorsAndLimitsNameTheField) {
  // "cjEu" is "r1." and "cjI" is "r2", with no clips: never made here; "cjIA" is "r2"
  // and a part of a clip's hash.
  for (const std::string& bad :
       {std::string("not-a-cursor"), std::string("cjEu"), std::string("cjI"), std::string("cjIA"),
        encode_feed_cursor({5, "vid_x"})}) {
    auto page = feed->page(bob.id, bad, 10);
    ASSERT_FALSE(page) << bad;
    EXPECT_EQ(page.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(page.error().field, "cursor");
  }
  for (int limit : {0, 51}) {
    auto page = feed->page(bob.id, "", limit);
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().field, "limit");
  }
  std::vector<std::uint32_t> too_long(ForYouFeed::kCursorMemory + 1, 7);
  EXPECT_FALSE(decode_for_you_cursor(encode_for_you_cursor(too_long)));
  std::vector<std::uint32_t> served{0, 0xDEADBEEF, 42};
  EXPECT_EQ(decode_for_you_cursor(encode_for_you_cursor(served)), served);
}

TEST_F(ForYouFeedTest, StartUpMakesTheCatalogueMatchTheStore) {
  Video kept = publish_clip(alice);
  // Published while the ranking was not listening (another process, or before a crash
  // lost events since the last snapshot).
  Video unknown = make_draft(alice);
  ASSERT_TRUE(studio->publish(alice, unknown.id));
  // Known to the ranking but deleted behind its back.
  ranking->publish(
      ranking::ClipInfo{"vid_ghost", alice.id, "a ghost", clock.now_ms(), 4000, std::nullopt});

  auto loaded = ranking::load_catalogue(*ranking, *store);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, 2u);
  ranking->refresh_if_older_than(0);
  auto page = ranking->page(bob.id, 10);
  std::set<std::string> shown;
  for (const auto& item : page.items) shown.insert(item.video_id);
  EXPECT_EQ(shown, (std::set<std::string>{kept.id, unknown.id}));
}

TEST(SceneWords, TheUnderstoodSceneBecomesWordsTheRankingCanMatch) {
  const std::string scene = R"({"understood": {"subjects": [
      {"kind": "horse", "word": "stallion", "colour": "brown", "action": "gallop"},
      {"kind": "person", "word": "man", "colour": "", "action": "ride"}],
    "setting": "beach", "time_of_day": "night", "weather": "rain", "camera": "orbit",
    "moods": ["calm"], "unknown_words": ["zorblat"]}, "figures": []})";
  EXPECT_EQ(ranking::scene_words(scene),
            "horse stallion brown gallop person man ride beach night rain orbit calm");
  EXPECT_EQ(ranking::scene_words(""), "");
  EXPECT_EQ(ranking::scene_words("{not json"), "");

  Video video;
  video.id = "vid_a";
  video.creator_id = "usr_a";
  video.prompt = "a stallion at night";
  video.scene_json = scene;
  video.seconds = 8;
  video.published_at_ms = 1234;
  ranking::ClipInfo clip = ranking::clip_info_of(video);
  EXPECT_EQ(clip.duration_ms, 8000);
  EXPECT_EQ(clip.published_at_ms, 1234);
  EXPECT_TRUE(clip.text.starts_with("a stallion at night horse stallion"));
}

}  // namespace
}  // namespace dreamfeed
