// The SocialStore contract and the allowance count of the job queue: follows, likes,
// comments, profile edits and the lists built on them, with the counters on users and
// videos, as any Store implementation must keep them.
#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store/store_contract.h"

namespace dreamfeed::testing {
namespace {

class SocialStoreContractTest : public StoreContractTest {
 protected:
  // Inserts a video by `creator`, published at `published_at_ms` (a draft when 0).
  Video add_video(const std::string& id, const std::string& creator,
                  std::int64_t published_at_ms = 0,
                  std::optional<std::string> remix_of = std::nullopt) {
    Video video = draft_video(id, creator, 1'000);
    video.remix_of = std::move(remix_of);
    EXPECT_TRUE(store().insert_video(video));
    if (published_at_ms > 0) {
      EXPECT_TRUE(store().publish_video(id, published_at_ms));
    }
    return video;
  }

  User user(const std::string& id) {
    auto found = store().find_user(id);
    EXPECT_TRUE(found) << found.error().message;
    return found ? *found : User{};
  }

  Video video(const std::string& id) {
    auto found = store().find_video(id);
    EXPECT_TRUE(found) << found.error().message;
    return found ? *found : Video{};
  }

  void add_user(const std::string& id, const std::string& handle) {
    ASSERT_TRUE(store().create_user(user_record(id, handle)));
  }
};

// ---- profiles ----

TEST_P(SocialStoreContractTest, UpdateProfileChangesOnlyTheFieldsGiven) {
  auto updated = store().update_profile("usr_alice", std::string("Alice A."), std::nullopt);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->display_name, "Alice A.");
  EXPECT_EQ(updated->bio, "");
  updated = store().update_profile("usr_alice", std::nullopt, std::string("I make storms"));
  ASSERT_TRUE(updated);
  EXPECT_EQ(user("usr_alice").display_name, "Alice A.");
  EXPECT_EQ(user("usr_alice").bio, "I make storms");
  EXPECT_EQ(store().find_user_by_handle("alice")->user.bio, "I make storms");
}

TEST_P(SocialStoreContractTest, ProfileEditsOfAnUnknownUserAreNotFound) {
  EXPECT_EQ(store().update_profile("usr_nobody", std::string("x"), std::nullopt).error().code,
            ErrorCode::not_found);
  EXPECT_EQ(store().bump_avatar_version("usr_nobody").error().code, ErrorCode::not_found);
}

TEST_P(SocialStoreContractTest, AvatarVersionStartsAtZeroAndCountsUploads) {
  EXPECT_EQ(user("usr_alice").avatar_version, 0);
  EXPECT_EQ(store().bump_avatar_version("usr_alice")->avatar_version, 1);
  EXPECT_EQ(store().bump_avatar_version("usr_alice")->avatar_version, 2);
  EXPECT_EQ(user("usr_alice").avatar_version, 2);
  EXPECT_EQ(user("usr_bob").avatar_version, 0);
}

// ---- follows ----

TEST_P(SocialStoreContractTest, FollowIsIdempotentAndCountsOnBothSides) {
  EXPECT_EQ(*store().follow("usr_bob", "usr_alice", 10), 1);
  EXPECT_EQ(*store().follow("usr_bob", "usr_alice", 11), 1);
  EXPECT_EQ(user("usr_alice").followers, 1);
  EXPECT_EQ(user("usr_alice").following, 0);
  EXPECT_EQ(user("usr_bob").following, 1);
  EXPECT_EQ(user("usr_bob").followers, 0);

  EXPECT_EQ(*store().unfollow("usr_bob", "usr_alice"), 0);
  EXPECT_EQ(*store().unfollow("usr_bob", "usr_alice"), 0);
  EXPECT_EQ(user("usr_alice").followers, 0);
  EXPECT_EQ(user("usr_bob").following, 0);
}

TEST_P(SocialStoreContractTest, FollowingAnUnknownUserIsNotFound) {
  EXPECT_EQ(store().follow("usr_bob", "usr_nobody", 10).error().code, ErrorCode::not_found);
  EXPECT_EQ(store().follow("usr_nobody", "usr_bob", 10).error().code, ErrorCode::not_found);
  EXPECT_EQ(store().unfollow("usr_bob", "usr_nobody").error().code, ErrorCode::not_found);
  EXPECT_EQ(user("usr_bob").following, 0);
}

TEST_P(SocialStoreContractTest, FollowerListsAreMostRecentFirstAndPage) {
  add_user("usr_carol", "carol");
  add_user("usr_dan", "dan");
  ASSERT_TRUE(store().follow("usr_bob", "usr_alice", 10));
  ASSERT_TRUE(store().follow("usr_carol", "usr_alice", 30));
  ASSERT_TRUE(store().follow("usr_dan", "usr_alice", 20));
  ASSERT_TRUE(store().follow("usr_alice", "usr_dan", 40));

  auto first = store().list_followers("usr_alice", std::nullopt, 2);
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].user.id, "usr_carol");
  EXPECT_EQ((*first)[0].followed_at_ms, 30);
  EXPECT_EQ((*first)[0].user.following, 1);
  EXPECT_EQ((*first)[1].user.id, "usr_dan");
  auto rest = store().list_followers("usr_alice", PagePosition{20, "usr_dan"}, 2);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ((*rest)[0].user.id, "usr_bob");

  auto following = store().list_following("usr_alice", std::nullopt, 10);
  ASSERT_TRUE(following);
  ASSERT_EQ(following->size(), 1u);
  EXPECT_EQ((*following)[0].user.id, "usr_dan");
  EXPECT_TRUE(store().list_following("usr_bob", PagePosition{10, "usr_alice"}, 10)->empty());
}

TEST_P(SocialStoreContractTest, FollowedAmongNamesOnlyTheFollowedIds) {
  add_user("usr_carol", "carol");
  ASSERT_TRUE(store().follow("usr_bob", "usr_carol", 10));
  auto followed = store().followed_among("usr_bob", {"usr_alice", "usr_carol", "usr_nobody"});
  ASSERT_TRUE(followed) << followed.error().message;
  EXPECT_EQ(*followed, std::vector<std::string>{"usr_carol"});
  EXPECT_TRUE(store().followed_among("usr_bob", {})->empty());
}

// ---- likes ----

TEST_P(SocialStoreContractTest, LikeIsIdempotentAndCountedOnTheVideo) {
  add_video("vid_a", "usr_alice", 100);
  EXPECT_EQ(*store().like("usr_bob", "vid_a", 200), 1);
  EXPECT_EQ(*store().like("usr_bob", "vid_a", 201), 1);
  EXPECT_EQ(*store().like("usr_alice", "vid_a", 202), 2);
  EXPECT_EQ(video("vid_a").likes, 2);
  EXPECT_EQ(*store().unlike("usr_bob", "vid_a"), 1);
  EXPECT_EQ(*store().unlike("usr_bob", "vid_a"), 1);
  EXPECT_EQ(video("vid_a").likes, 1);
}

TEST_P(SocialStoreContractTest, LikingAnUnknownVideoIsNotFound) {
  EXPECT_EQ(store().like("usr_bob", "vid_nope", 1).error().code, ErrorCode::not_found);
  EXPECT_EQ(store().unlike("usr_bob", "vid_nope").error().code, ErrorCode::not_found);
}

TEST_P(SocialStoreContractTest, LikedAmongNamesOnlyTheLikedVideos) {
  add_video("vid_a", "usr_alice", 100);
  add_video("vid_b", "usr_alice", 200);
  ASSERT_TRUE(store().like("usr_bob", "vid_b", 300));
  auto liked = store().liked_among("usr_bob", {"vid_a", "vid_b"});
  ASSERT_TRUE(liked) << liked.error().message;
  EXPECT_EQ(*liked, std::vector<std::string>{"vid_b"});
  EXPECT_TRUE(store().liked_among("usr_alice", {"vid_a", "vid_b"})->empty());

  ASSERT_TRUE(store().like("usr_bob", "vid_a", 400));
  auto all = store().liked_videos("usr_bob", 10);
  ASSERT_TRUE(all) << all.error().message;
  std::ranges::sort(*all);
  EXPECT_EQ(*all, (std::vector<std::string>{"vid_a", "vid_b"}));
  EXPECT_EQ(store().liked_videos("usr_bob", 1)->size(), 1u);
  EXPECT_TRUE(store().liked_videos("usr_alice", 10)->empty());
}

// ---- comments ----

Comment comment(const std::string& id, const std::string& video_id, const std::string& author,
                std::int64_t at) {
  Comment c;
  c.id = id;
  c.video_id = video_id;
  c.author.id = author;
  c.text = "comment " + id;
  c.created_at_ms = at;
  return c;
}

TEST_P(SocialStoreContractTest, CommentsAreCountedListedNewestFirstAndDeleted) {
  add_video("vid_a", "usr_alice", 100);
  auto added = store().add_comment(comment("cmt_1", "vid_a", "usr_bob", 10));
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->author.handle, "bob");
  EXPECT_EQ(added->text, "comment cmt_1");
  ASSERT_TRUE(store().add_comment(comment("cmt_2", "vid_a", "usr_alice", 30)));
  ASSERT_TRUE(store().add_comment(comment("cmt_3", "vid_a", "usr_bob", 20)));
  EXPECT_EQ(video("vid_a").comments, 3);

  auto page = store().list_comments("vid_a", std::nullopt, 2);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(ids_of(*page), (std::vector<std::string>{"cmt_2", "cmt_3"}));
  auto rest = store().list_comments("vid_a", PagePosition{20, "cmt_3"}, 2);
  EXPECT_EQ(ids_of(*rest), std::vector<std::string>{"cmt_1"});

  EXPECT_EQ(store().find_comment("cmt_3")->author.id, "usr_bob");
  ASSERT_TRUE(store().delete_comment("cmt_3"));
  EXPECT_EQ(store().find_comment("cmt_3").error().code, ErrorCode::not_found);
  EXPECT_EQ(store().delete_comment("cmt_3").error().code, ErrorCode::not_found);
  EXPECT_EQ(video("vid_a").comments, 2);
}

TEST_P(SocialStoreContractTest, CommentOnAnUnknownVideoIsNotFoundAndNotStored) {
  EXPECT_EQ(store().add_comment(comment("cmt_1", "vid_nope", "usr_bob", 10)).error().code,
            ErrorCode::not_found);
  EXPECT_EQ(store().find_comment("cmt_1").error().code, ErrorCode::not_found);
}

TEST_P(SocialStoreContractTest, DeletingAVideoTakesItsLikesAndCommentsAlong) {
  add_video("vid_a", "usr_alice", 100);
  ASSERT_TRUE(store().like("usr_bob", "vid_a", 1));
  ASSERT_TRUE(store().add_comment(comment("cmt_1", "vid_a", "usr_bob", 10)));
  ASSERT_TRUE(store().delete_video("vid_a"));
  EXPECT_EQ(store().find_comment("cmt_1").error().code, ErrorCode::not_found);
  EXPECT_TRUE(store().liked_among("usr_bob", {"vid_a"})->empty());
}

// ---- video lists and their counters ----

TEST_P(SocialStoreContractTest, CreatorVideosArePublishedOnlyNewestFirstAndCounted) {
  add_video("vid_old", "usr_alice", 100);
  add_video("vid_new", "usr_alice", 300);
  add_video("vid_draft", "usr_alice");
  add_video("vid_bobs", "usr_bob", 200);
  EXPECT_EQ(user("usr_alice").published_videos, 2);

  auto first = store().list_creator_videos("usr_alice", std::nullopt, 1);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(ids_of(*first), std::vector<std::string>{"vid_new"});
  auto rest = store().list_creator_videos("usr_alice", PagePosition{300, "vid_new"}, 5);
  EXPECT_EQ(ids_of(*rest), std::vector<std::string>{"vid_old"});

  ASSERT_TRUE(store().publish_video("vid_new", 999));  // publishing again counts once
  EXPECT_EQ(user("usr_alice").published_videos, 2);
  ASSERT_TRUE(store().delete_video("vid_old"));
  ASSERT_TRUE(store().delete_video("vid_draft"));
  EXPECT_EQ(user("usr_alice").published_videos, 1);
}

TEST_P(SocialStoreContractTest, RemixesListAndCountOnlyPublishedRemixes) {
  add_video("vid_source", "usr_alice", 100);
  add_video("vid_r1", "usr_bob", 200, "vid_source");
  add_video("vid_r2", "usr_bob", 0, "vid_source");  // a draft remix
  add_video("vid_r3", "usr_alice", 300, "vid_source");
  EXPECT_EQ(video("vid_source").remixes, 2);
  EXPECT_EQ(video("vid_r1").remix_source_handle, std::optional<std::string>("alice"));
  EXPECT_EQ(video("vid_source").remix_source_handle, std::nullopt);

  auto remixes = store().list_remixes("vid_source", std::nullopt, 10);
  ASSERT_TRUE(remixes) << remixes.error().message;
  EXPECT_EQ(ids_of(*remixes), (std::vector<std::string>{"vid_r3", "vid_r1"}));

  ASSERT_TRUE(store().delete_video("vid_r1"));
  EXPECT_EQ(video("vid_source").remixes, 1);
}

TEST_P(SocialStoreContractTest, FollowingFeedHoldsPublishedVideosOfFollowedCreatorsOnly) {
  add_user("usr_carol", "carol");
  add_video("vid_alice", "usr_alice", 100);
  add_video("vid_alice_draft", "usr_alice");
  add_video("vid_carol", "usr_carol", 200);
  add_video("vid_bob", "usr_bob", 300);
  EXPECT_TRUE(store().list_following_feed("usr_bob", std::nullopt, 10)->empty());
  ASSERT_TRUE(store().follow("usr_bob", "usr_alice", 1));
  ASSERT_TRUE(store().follow("usr_bob", "usr_carol", 1));
  auto feed = store().list_following_feed("usr_bob", std::nullopt, 10);
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_EQ(ids_of(*feed), (std::vector<std::string>{"vid_carol", "vid_alice"}));
  auto rest = store().list_following_feed("usr_bob", PagePosition{200, "vid_carol"}, 10);
  EXPECT_EQ(ids_of(*rest), std::vector<std::string>{"vid_alice"});
}

// ---- the monthly allowance's count ----

TEST_P(SocialStoreContractTest, ChargedJobsLeaveOutFailedAndNeverStartedCancelledJobs) {
  enqueue("job_before", 50);  // before the window
  enqueue("job_queued", 100);
  enqueue("job_cancelled_queued", 101);
  ASSERT_TRUE(store().cancel("job_cancelled_queued", 102));
  // Lease order is oldest first: job_before, then job_queued… so lease and handle each.
  Job before = lease("w", 103);
  ASSERT_TRUE(store().release(lease_of(before), 103));
  EXPECT_EQ(*store().count_charged_jobs("usr_alice", 100), 1);

  enqueue("job_failed", 110, /*priority=*/10, /*max_attempts=*/1);
  Job failing = lease("w", 111);
  ASSERT_EQ(failing.id, "job_failed");
  ASSERT_TRUE(store().fail(lease_of(failing), "boom", false, 112));
  enqueue("job_cancelled_running", 120, /*priority=*/10);
  Job running = lease("w", 121);
  ASSERT_EQ(running.id, "job_cancelled_running");
  ASSERT_TRUE(store().cancel(running.id, 122));

  EXPECT_EQ(*store().count_charged_jobs("usr_alice", 100), 2);  // queued + cancelled running
  EXPECT_EQ(*store().count_charged_jobs("usr_alice", 0), 3);
  EXPECT_EQ(*store().count_charged_jobs("usr_bob", 0), 0);
}

TEST_P(SocialStoreContractTest, EnqueueWithAnAllowanceRefusesPastItsLimit) {
  NewJob first = new_job("job_1", "usr_alice", 100);
  first.allowance = JobAllowance{1, 100};
  ASSERT_TRUE(store().enqueue(first));
  NewJob second = new_job("job_2", "usr_alice", 101);
  second.allowance = JobAllowance{1, 100};
  auto refused = store().enqueue(second);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::quota_exhausted);
  EXPECT_EQ(store().find_job("job_2").error().code, ErrorCode::not_found);
  second.allowance = JobAllowance{1, 101};  // a new window: the first job is before it
  EXPECT_TRUE(store().enqueue(second));
}

TEST_P(SocialStoreContractTest, ConcurrentOrdersCannotOverspendAnAllowance) {
  constexpr int kThreads = 8;
  std::atomic<int> accepted = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      NewJob job = new_job("job_" + std::to_string(i), "usr_alice", 100 + i);
      job.allowance = JobAllowance{3, 0};
      if (store().enqueue(job)) ++accepted;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(accepted.load(), 3);
  EXPECT_EQ(*store().count_charged_jobs("usr_alice", 0), 3);
}

INSTANTIATE_TEST_SUITE_P(all, SocialStoreContractTest, ::testing::ValuesIn(store_factories()),
                         store_name);

}  // namespace
}  // namespace dreamfeed::testing
