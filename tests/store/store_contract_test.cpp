// The Store contract: users, sessions, videos and the job queue as any implementation
// must behave. Instantiated at the bottom for every store (today: SQLite).
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "adapters/store/sqlite/sqlite_store.h"
#include "store/store_contract.h"
#include "support/temp_dir.h"

namespace dreamfeed::testing {
namespace {

// ---- users ----

TEST_P(StoreContractTest, CreatedUserIsFoundByIdAndByHandleInAnyCase) {
  UserRecord record = user_record("usr_carol", "carol_99");
  auto created = store().create_user(record);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->id, "usr_carol");

  auto by_handle = store().find_user_by_handle("CAROL_99");
  ASSERT_TRUE(by_handle) << by_handle.error().message;
  EXPECT_EQ(by_handle->user.id, "usr_carol");
  EXPECT_EQ(by_handle->user.handle, "carol_99");
  EXPECT_EQ(by_handle->user.display_name, "Display carol_99");
  EXPECT_EQ(by_handle->user.created_at_ms, 1'000);
  EXPECT_FALSE(by_handle->user.is_admin);
  EXPECT_EQ(by_handle->password_hash, record.password_hash);

  auto by_id = store().find_user("usr_carol");
  ASSERT_TRUE(by_id) << by_id.error().message;
  EXPECT_EQ(by_id->handle, "carol_99");
}

TEST_P(StoreContractTest, HandleTakenInAnotherCaseIsAConflictOnHandle) {
  auto duplicate = store().create_user(user_record("usr_other", "ALICE"));
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::conflict);
  EXPECT_EQ(duplicate.error().field, "handle");
  EXPECT_FALSE(store().find_user("usr_other"));
}

TEST_P(StoreContractTest, UnknownUserIsNotFound) {
  auto by_id = store().find_user("usr_nobody");
  ASSERT_FALSE(by_id);
  EXPECT_EQ(by_id.error().code, ErrorCode::not_found);
  auto by_handle = store().find_user_by_handle("nobody");
  ASSERT_FALSE(by_handle);
  EXPECT_EQ(by_handle.error().code, ErrorCode::not_found);
  auto admin = store().set_admin("usr_nobody", true);
  ASSERT_FALSE(admin);
  EXPECT_EQ(admin.error().code, ErrorCode::not_found);
}

TEST_P(StoreContractTest, SetAdminGrantsAndRevokes) {
  ASSERT_TRUE(store().set_admin("usr_bob", true));
  EXPECT_TRUE(store().find_user("usr_bob")->is_admin);
  EXPECT_FALSE(store().find_user("usr_alice")->is_admin);
  ASSERT_TRUE(store().set_admin("usr_bob", false));
  EXPECT_FALSE(store().find_user("usr_bob")->is_admin);
}

// ---- sessions ----

TEST_P(StoreContractTest, SessionIsFoundUntilItExpiresOrIsDeleted) {
  Session session{"ab12cd", "usr_alice", "csrf-token", 1'000, 5'000};
  ASSERT_TRUE(store().create_session(session));

  auto found = store().find_session("ab12cd", 4'999);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->user_id, "usr_alice");
  EXPECT_EQ(found->csrf_token, "csrf-token");
  EXPECT_EQ(found->created_at_ms, 1'000);
  EXPECT_EQ(found->expires_at_ms, 5'000);

  auto expired = store().find_session("ab12cd", 5'000);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, ErrorCode::not_found);

  ASSERT_TRUE(store().delete_session("ab12cd"));
  auto deleted = store().find_session("ab12cd", 2'000);
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code, ErrorCode::not_found);
  EXPECT_TRUE(store().delete_session("ab12cd")) << "deleting an absent session is not an error";
}

// ---- videos ----

TEST_P(StoreContractTest, InsertedVideoIsFoundWithEveryFieldAndItsCreatorsHandle) {
  ASSERT_TRUE(store().insert_video(draft_video("vid_source", "usr_bob", 100)));
  Video video = draft_video("vid_one", "usr_alice", 2'000);
  video.seed = (1ULL << 63) + 987'654'321ULL;
  video.remix_of = "vid_source";
  video.width = 1080;
  video.height = 1080;
  video.seconds = 12;
  video.creator_handle = "ignored on insert";
  ASSERT_TRUE(store().insert_video(video));

  auto found = store().find_video("vid_one");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->id, "vid_one");
  EXPECT_EQ(found->creator_id, "usr_alice");
  EXPECT_EQ(found->creator_handle, "alice");
  EXPECT_EQ(found->status, VideoStatus::draft);
  EXPECT_EQ(found->prompt, video.prompt);
  EXPECT_EQ(found->seconds, 12);
  EXPECT_EQ(found->width, 1080);
  EXPECT_EQ(found->height, 1080);
  EXPECT_EQ(found->seed, video.seed);
  EXPECT_EQ(found->remix_of, std::optional<std::string>("vid_source"));
  EXPECT_EQ(found->backend, "sketch");
  EXPECT_EQ(found->video_key, "videos/vid_one.mp4");
  EXPECT_EQ(found->thumbnail_key, "thumbnails/vid_one.jpg");
  EXPECT_EQ(found->size_bytes, 123'456);
  EXPECT_EQ(found->scene_json, R"({"subject":"lighthouse"})");
  EXPECT_EQ(found->created_at_ms, 2'000);
  EXPECT_EQ(found->published_at_ms, std::nullopt);

  auto missing = store().find_video("vid_missing");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST_P(StoreContractTest, PublishSetsThePublicationTimeOnce) {
  ASSERT_TRUE(store().insert_video(draft_video("vid_one", "usr_alice", 100)));
  auto first = store().publish_video("vid_one", 5'000);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->status, VideoStatus::published);
  EXPECT_EQ(first->published_at_ms, std::optional<std::int64_t>(5'000));
  EXPECT_EQ(first->creator_handle, "alice");

  auto again = store().publish_video("vid_one", 9'000);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->published_at_ms, std::optional<std::int64_t>(5'000));
  EXPECT_EQ(store().find_video("vid_one")->published_at_ms, std::optional<std::int64_t>(5'000));

  auto missing = store().publish_video("vid_missing", 5'000);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST_P(StoreContractTest, DeletedVideoIsGone) {
  ASSERT_TRUE(store().insert_video(draft_video("vid_one", "usr_alice", 100)));
  ASSERT_TRUE(store().delete_video("vid_one"));
  auto found = store().find_video("vid_one");
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, ErrorCode::not_found);
  auto again = store().delete_video("vid_one");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::not_found);
}

TEST_P(StoreContractTest, DeletingARemixedVideoKeepsTheRemix) {
  ASSERT_TRUE(store().insert_video(draft_video("vid_source", "usr_bob", 100)));
  Video remix = draft_video("vid_remix", "usr_alice", 200);
  remix.remix_of = "vid_source";
  ASSERT_TRUE(store().insert_video(remix));
  ASSERT_TRUE(store().delete_video("vid_source"));
  EXPECT_TRUE(store().find_video("vid_remix"));
}

TEST_P(StoreContractTest, FeedListsPublishedNewestFirstAndPagesThroughTies) {
  // published_at: a=1000, b=3000, c=3000, d=3000, e=2000, f=4000; g stays a draft.
  const std::vector<std::pair<std::string, std::int64_t>> published = {
      {"vid_a", 1'000}, {"vid_b", 3'000}, {"vid_c", 3'000},
      {"vid_d", 3'000}, {"vid_e", 2'000}, {"vid_f", 4'000}};
  for (const auto& [id, at] : published) {
    ASSERT_TRUE(store().insert_video(draft_video(id, "usr_alice", 10)));
    ASSERT_TRUE(store().publish_video(id, at));
  }
  ASSERT_TRUE(store().insert_video(draft_video("vid_g", "usr_alice", 10)));
  const std::vector<std::string> expected = {"vid_f", "vid_d", "vid_c", "vid_b", "vid_e", "vid_a"};

  auto all = store().list_published(std::nullopt, 20);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(ids_of(*all), expected);
  EXPECT_EQ(all->front().creator_handle, "alice");

  // Pages of 2 split the three-way tie at 3000 across pages.
  std::vector<std::string> paged;
  std::optional<FeedPosition> after;
  for (int page = 0; page < 10; ++page) {
    auto videos = store().list_published(after, 2);
    ASSERT_TRUE(videos) << videos.error().message;
    if (videos->empty()) break;
    EXPECT_LE(videos->size(), 2u);
    for (const Video& video : *videos) paged.push_back(video.id);
    after = FeedPosition{*videos->back().published_at_ms, videos->back().id};
  }
  EXPECT_EQ(paged, expected);

  // The same pages as places alone.
  std::vector<std::string> placed;
  after.reset();
  for (int page = 0; page < 10; ++page) {
    auto positions = store().list_published_positions(after, 2);
    ASSERT_TRUE(positions) << positions.error().message;
    if (positions->empty()) break;
    for (const FeedPosition& position : *positions) placed.push_back(position.video_id);
    after = positions->back();
  }
  EXPECT_EQ(placed, expected);
  EXPECT_EQ(store().list_published_positions(std::nullopt, 1)->front().published_at_ms, 4'000);
}

TEST_P(StoreContractTest, DraftsAreListedNewestFirstForTheirCreatorOnly) {
  ASSERT_TRUE(store().insert_video(draft_video("vid_old", "usr_alice", 100)));
  ASSERT_TRUE(store().insert_video(draft_video("vid_new", "usr_alice", 300)));
  ASSERT_TRUE(store().insert_video(draft_video("vid_mid", "usr_alice", 200)));
  ASSERT_TRUE(store().insert_video(draft_video("vid_bobs", "usr_bob", 250)));
  ASSERT_TRUE(store().insert_video(draft_video("vid_public", "usr_alice", 400)));
  ASSERT_TRUE(store().publish_video("vid_public", 500));

  auto drafts = store().list_drafts("usr_alice", 10);
  ASSERT_TRUE(drafts) << drafts.error().message;
  EXPECT_EQ(ids_of(*drafts), (std::vector<std::string>{"vid_new", "vid_mid", "vid_old"}));
  auto first_two = store().list_drafts("usr_alice", 2);
  ASSERT_TRUE(first_two);
  EXPECT_EQ(ids_of(*first_two), (std::vector<std::string>{"vid_new", "vid_mid"}));
  EXPECT_EQ(store().list_published(std::nullopt, 20)->size(), 1u);
}

TEST_P(StoreContractTest, FindPublishedReturnsOnlyPublishedVideosAmongTheIds) {
  ASSERT_TRUE(store().insert_video(draft_video("vid_shown", "usr_alice", 100)));
  ASSERT_TRUE(store().insert_video(draft_video("vid_draft", "usr_alice", 200)));
  ASSERT_TRUE(store().insert_video(draft_video("vid_other", "usr_bob", 300)));
  ASSERT_TRUE(store().publish_video("vid_shown", 400));
  ASSERT_TRUE(store().publish_video("vid_other", 500));

  auto found = store().find_published({"vid_draft", "vid_shown", "vid_gone"});
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(ids_of(*found), (std::vector<std::string>{"vid_shown"}));
  EXPECT_EQ((*found)[0].creator_handle, "alice") << "joined like every other read";
  EXPECT_EQ((*found)[0].published_at_ms, 400);
  auto none = store().find_published({});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

// ---- ranking event log ----

TEST_P(StoreContractTest, RankingLogKeepsChangesInOrderUntilForgotten) {
  auto first = store().append(R"({"v":"usr_alice","events":[]})");
  auto second = store().append("second");
  auto third = store().append("third");
  ASSERT_TRUE(first && second && third);
  EXPECT_LT(*first, *second);
  EXPECT_LT(*second, *third);

  auto all = store().read_after(0, 10);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].payload, R"({"v":"usr_alice","events":[]})");
  EXPECT_EQ((*all)[2].position, *third);
  auto after_first = store().read_after(*first, 1);
  ASSERT_EQ(after_first->size(), 1u);
  EXPECT_EQ((*after_first)[0].payload, "second");

  ASSERT_TRUE(store().forget_through(*second));
  auto left = store().read_after(0, 10);
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ((*left)[0].payload, "third");
  ASSERT_TRUE(store().forget_through(*third));
  auto fourth = store().append("fourth");
  ASSERT_TRUE(fourth);
  EXPECT_GT(*fourth, *third) << "positions are never reused, even after forgetting";
}

// ---- job queue ----

TEST_P(StoreContractTest, EnqueuedJobKeepsEveryRequestField) {
  NewJob job = new_job("job_1", "usr_alice", 7'000, 5, 4);
  job.request.prompt = "две кошки dancing 🐈";
  job.request.seconds = 12;
  job.request.aspect = Aspect::landscape;
  job.request.resolution = Resolution::p1080;
  job.request.seed = (1ULL << 63) + 5ULL;
  job.request.remix_of = "vid_source";
  job.request.creator_handle = "alice";
  auto queued = store().enqueue(job);
  ASSERT_TRUE(queued) << queued.error().message;

  Job found = find_job("job_1");
  EXPECT_EQ(found.id, "job_1");
  EXPECT_EQ(found.user_id, "usr_alice");
  EXPECT_EQ(found.status, JobStatus::queued);
  EXPECT_EQ(found.progress, 0);
  EXPECT_EQ(found.request.prompt, job.request.prompt);
  EXPECT_EQ(found.request.seconds, 12);
  EXPECT_EQ(found.request.aspect, Aspect::landscape);
  EXPECT_EQ(found.request.resolution, Resolution::p1080);
  EXPECT_EQ(found.request.seed, job.request.seed);
  EXPECT_EQ(found.request.remix_of, std::optional<std::string>("vid_source"));
  EXPECT_EQ(found.request.creator_handle, "alice");
  EXPECT_EQ(found.priority, 5);
  EXPECT_EQ(found.attempts, 0);
  EXPECT_EQ(found.max_attempts, 4);
  EXPECT_EQ(found.lease_token, "");
  EXPECT_EQ(found.video_id, std::nullopt);
  EXPECT_EQ(found.error, std::nullopt);
  EXPECT_EQ(found.created_at_ms, 7'000);
  EXPECT_EQ(found.updated_at_ms, 7'000);
  EXPECT_EQ(queued->request.seed, job.request.seed);

  auto missing = store().find_job("job_missing");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST_P(StoreContractTest, LeaseOnAnEmptyQueueReturnsNothing) {
  auto leased = store().lease("worker-1", 1'000, kLeaseMs);
  ASSERT_TRUE(leased) << leased.error().message;
  EXPECT_FALSE(leased->has_value());
}

TEST_P(StoreContractTest, LeaseTakesHighestPriorityThenOldest) {
  enqueue("job_low_old", 100, 0);
  enqueue("job_high_new", 300, 5);
  enqueue("job_low_new", 200, 0);
  enqueue("job_high_old", 250, 5);

  Job first = lease("worker-1", 1'000);
  EXPECT_EQ(first.id, "job_high_old");
  EXPECT_EQ(first.status, JobStatus::running);
  EXPECT_EQ(first.attempts, 1);
  EXPECT_EQ(first.lease_owner, "worker-1");
  EXPECT_EQ(first.lease_expires_at_ms, 1'000 + kLeaseMs);
  EXPECT_FALSE(first.lease_token.empty());
  EXPECT_EQ(lease("worker-1", 1'000).id, "job_high_new");
  EXPECT_EQ(lease("worker-1", 1'000).id, "job_low_old");
  EXPECT_EQ(lease("worker-1", 1'000).id, "job_low_new");
  EXPECT_FALSE(store().lease("worker-1", 1'000, kLeaseMs)->has_value());
}

TEST_P(StoreContractTest, JobsMadeInTheSameMillisecondRunInTheOrderTheyWereMade) {
  // Ids sort against the enqueue order, so an id tie-break would get this wrong.
  for (const char* id : {"job_z", "job_m", "job_a"}) enqueue(id, 100, 0);
  EXPECT_EQ(store().queue_position("job_z").value(), 1);
  EXPECT_EQ(store().queue_position("job_m").value(), 2);
  EXPECT_EQ(store().queue_position("job_a").value(), 3);
  EXPECT_EQ(lease("worker-1", 1'000).id, "job_z");
  EXPECT_EQ(lease("worker-1", 1'000).id, "job_m");
  EXPECT_EQ(lease("worker-1", 1'000).id, "job_a");
}

TEST_P(StoreContractTest, ExpiredLeaseGoesToAnotherWorkerAndTheOldLeaseIsLost) {
  enqueue("job_1", 100);
  Job first = lease("worker-1", 1'000, 5'000);
  EXPECT_FALSE(store().lease("worker-2", 5'999, 5'000)->has_value()) << "lease still valid";

  Job second = lease("worker-2", 6'000, 5'000);
  EXPECT_EQ(second.id, "job_1");
  EXPECT_EQ(second.attempts, 2);
  EXPECT_EQ(second.lease_owner, "worker-2");
  EXPECT_NE(second.lease_token, first.lease_token);

  auto beat = store().heartbeat(lease_of(first), 50, 6'100, 5'000);
  ASSERT_FALSE(beat);
  EXPECT_EQ(beat.error().code, ErrorCode::lease_lost);
  auto completed =
      store().complete(lease_of(first), draft_video("vid_1", "usr_alice", 6'200), 6'200);
  ASSERT_FALSE(completed);
  EXPECT_EQ(completed.error().code, ErrorCode::lease_lost);
  EXPECT_FALSE(store().find_video("vid_1")) << "a lost lease must not insert its video";
  auto failed = store().fail(lease_of(first), "boom", false, 6'300);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::lease_lost);
  auto released = store().release(lease_of(first), 6'300);
  ASSERT_FALSE(released);
  EXPECT_EQ(released.error().code, ErrorCode::lease_lost);

  Job now = find_job("job_1");
  EXPECT_EQ(now.status, JobStatus::running);
  EXPECT_EQ(now.lease_token, second.lease_token);
  EXPECT_TRUE(store().heartbeat(lease_of(second), 10, 6'400, 5'000));
}

TEST_P(StoreContractTest, ExpiredLeaseWithNoAttemptsLeftFailsTheJob) {
  enqueue("job_1", 100, 0, 2);
  lease("worker-1", 1'000, 1'000);
  lease("worker-2", 2'000, 1'000);
  auto third = store().lease("worker-3", 3'000, 1'000);
  ASSERT_TRUE(third) << third.error().message;
  EXPECT_FALSE(third->has_value());

  Job job = find_job("job_1");
  EXPECT_EQ(job.status, JobStatus::failed);
  EXPECT_EQ(job.attempts, 2);
  ASSERT_TRUE(job.error.has_value());
  EXPECT_NE(job.error->find("stopped responding"), std::string::npos) << *job.error;
  EXPECT_NE(job.error->find("retries exhausted"), std::string::npos) << *job.error;
  EXPECT_EQ(job.lease_token, "");
}

TEST_P(StoreContractTest, HeartbeatExtendsTheLeaseAndRecordsProgress) {
  enqueue("job_1", 100);
  Job job = lease("worker-1", 1'000, 1'000);
  ASSERT_TRUE(store().heartbeat(lease_of(job), 40, 1'900, 1'000));
  EXPECT_FALSE(store().lease("worker-2", 2'500, 1'000)->has_value())
      << "an extended lease must not be taken over";
  Job after = find_job("job_1");
  EXPECT_EQ(after.progress, 40);
  EXPECT_EQ(after.lease_expires_at_ms, 2'900);
  EXPECT_EQ(after.status, JobStatus::running);
  EXPECT_EQ(after.attempts, 1);
}

TEST_P(StoreContractTest, HeartbeatOnACancelledJobSaysCancelled) {
  enqueue("job_1", 100);
  Job job = lease("worker-1", 1'000);
  ASSERT_TRUE(store().cancel("job_1", 1'500));
  auto beat = store().heartbeat(lease_of(job), 60, 1'600, kLeaseMs);
  ASSERT_FALSE(beat);
  EXPECT_EQ(beat.error().code, ErrorCode::cancelled);
  auto completed = store().complete(lease_of(job), draft_video("vid_1", "usr_alice", 1'700), 1'700);
  ASSERT_FALSE(completed);
  EXPECT_FALSE(store().find_video("vid_1"));
  EXPECT_EQ(find_job("job_1").status, JobStatus::cancelled);
}

TEST_P(StoreContractTest, CompleteStoresTheVideoAndSucceedsTheJob) {
  enqueue("job_1", 100);
  Job job = lease("worker-1", 1'000);

  auto wrong = store().complete(JobLease{"job_1", "not-the-token"},
                                draft_video("vid_1", "usr_alice", 1'500), 1'500);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::lease_lost);
  EXPECT_FALSE(store().find_video("vid_1"));

  auto done = store().complete(lease_of(job), draft_video("vid_1", "usr_alice", 2'000), 2'000);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->status, JobStatus::succeeded);
  EXPECT_EQ(done->progress, 100);
  EXPECT_EQ(done->video_id, std::optional<std::string>("vid_1"));
  EXPECT_EQ(done->lease_token, "");
  EXPECT_EQ(done->updated_at_ms, 2'000);
  auto video = store().find_video("vid_1");
  ASSERT_TRUE(video) << video.error().message;
  EXPECT_EQ(video->status, VideoStatus::draft);
  EXPECT_EQ(find_job("job_1").status, JobStatus::succeeded);

  auto twice = store().complete(lease_of(job), draft_video("vid_2", "usr_alice", 2'100), 2'100);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::lease_lost);
  EXPECT_FALSE(store().find_video("vid_2"));
}

TEST_P(StoreContractTest, CompleteThatCannotStoreTheVideoLeavesTheJobRunning) {
  ASSERT_TRUE(store().insert_video(draft_video("vid_taken", "usr_alice", 10)));
  enqueue("job_1", 100);
  Job job = lease("worker-1", 1'000);
  auto done = store().complete(lease_of(job), draft_video("vid_taken", "usr_alice", 2'000), 2'000);
  ASSERT_FALSE(done);
  EXPECT_EQ(find_job("job_1").status, JobStatus::running);
}

TEST_P(StoreContractTest, RetryableFailureRequeuesUntilAttemptsRunOut) {
  enqueue("job_1", 100, 0, 2);
  Job first = lease("worker-1", 1'000);
  auto retried = store().fail(lease_of(first), "backend timed out", true, 1'100);
  ASSERT_TRUE(retried) << retried.error().message;
  EXPECT_EQ(retried->status, JobStatus::queued);
  EXPECT_EQ(retried->attempts, 1);
  EXPECT_EQ(retried->lease_token, "");
  EXPECT_EQ(store().queue_position("job_1").value(), 1);

  Job second = lease("worker-1", 1'200);
  EXPECT_EQ(second.attempts, 2);
  auto failed = store().fail(lease_of(second), "backend timed out again", true, 1'300);
  ASSERT_TRUE(failed) << failed.error().message;
  EXPECT_EQ(failed->status, JobStatus::failed);
  EXPECT_EQ(failed->error, std::optional<std::string>("backend timed out again"));
  EXPECT_FALSE(store().lease("worker-1", 1'400, kLeaseMs)->has_value());
}

TEST_P(StoreContractTest, NonRetryableFailureFailsAtOnce) {
  enqueue("job_1", 100, 0, 3);
  Job job = lease("worker-1", 1'000);
  auto failed = store().fail(lease_of(job), "prompt rejected by the backend", false, 1'100);
  ASSERT_TRUE(failed) << failed.error().message;
  EXPECT_EQ(failed->status, JobStatus::failed);
  EXPECT_EQ(failed->attempts, 1);
  EXPECT_EQ(failed->error, std::optional<std::string>("prompt rejected by the backend"));
  EXPECT_EQ(failed->lease_token, "");
  EXPECT_EQ(find_job("job_1").status, JobStatus::failed);
}

TEST_P(StoreContractTest, ReleaseRequeuesWithoutSpendingAnAttempt) {
  enqueue("job_1", 100, 0, 1);
  Job job = lease("worker-1", 1'000);
  ASSERT_TRUE(store().release(lease_of(job), 1'100));
  Job released = find_job("job_1");
  EXPECT_EQ(released.status, JobStatus::queued);
  EXPECT_EQ(released.attempts, 0);
  EXPECT_EQ(released.lease_token, "");

  Job again = lease("worker-2", 1'200);
  EXPECT_EQ(again.id, "job_1");
  EXPECT_EQ(again.attempts, 1);
  auto stale = store().release(lease_of(job), 1'300);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::lease_lost);
}

TEST_P(StoreContractTest, CancelStopsQueuedAndRunningJobsButNotFinishedOnes) {
  enqueue("job_queued", 100);
  enqueue("job_running", 50);
  Job running = lease("worker-1", 1'000);
  ASSERT_EQ(running.id, "job_running");

  auto cancelled_queued = store().cancel("job_queued", 1'100);
  ASSERT_TRUE(cancelled_queued) << cancelled_queued.error().message;
  EXPECT_EQ(cancelled_queued->status, JobStatus::cancelled);
  EXPECT_EQ(cancelled_queued->updated_at_ms, 1'100);
  auto cancelled_running = store().cancel("job_running", 1'200);
  ASSERT_TRUE(cancelled_running) << cancelled_running.error().message;
  EXPECT_EQ(cancelled_running->status, JobStatus::cancelled);
  EXPECT_EQ(cancelled_running->lease_token, "");
  EXPECT_FALSE(store().lease("worker-1", 100'000, kLeaseMs)->has_value())
      << "cancelled jobs are never leased";

  auto again = store().cancel("job_queued", 1'300);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);

  enqueue("job_done", 2'000);
  Job done = lease("worker-1", 2'100);
  ASSERT_TRUE(store().complete(lease_of(done), draft_video("vid_done", "usr_alice", 2'200), 2'200));
  auto finished = store().cancel("job_done", 2'300);
  ASSERT_FALSE(finished);
  EXPECT_EQ(finished.error().code, ErrorCode::conflict);
  EXPECT_EQ(find_job("job_done").status, JobStatus::succeeded);

  auto missing = store().cancel("job_missing", 2'400);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST_P(StoreContractTest, ActiveJobsAreTheUsersQueuedAndRunningOnesOldestFirst) {
  enqueue("job_running", 100);
  Job running = lease("worker-1", 150);
  ASSERT_EQ(running.id, "job_running");
  enqueue("job_later", 300);
  enqueue("job_sooner", 200);
  enqueue("job_cancelled", 250);
  ASSERT_TRUE(store().cancel("job_cancelled", 260));
  enqueue("job_done", 50);  // leased and finished below
  ASSERT_TRUE(store().enqueue(new_job("job_bobs", "usr_bob", 120)));
  Job done = lease("worker-1", 400);
  ASSERT_EQ(done.id, "job_done");
  ASSERT_TRUE(store().complete(lease_of(done), draft_video("vid_done", "usr_alice", 410), 410));

  auto active = store().list_active_jobs("usr_alice", 10);
  ASSERT_TRUE(active) << active.error().message;
  EXPECT_EQ(ids_of(*active), (std::vector<std::string>{"job_running", "job_sooner", "job_later"}));
  EXPECT_EQ((*active)[0].status, JobStatus::running);
  EXPECT_EQ(ids_of(*store().list_active_jobs("usr_alice", 2)),
            (std::vector<std::string>{"job_running", "job_sooner"}));
  EXPECT_EQ(ids_of(*store().list_active_jobs("usr_bob", 10)), std::vector<std::string>{"job_bobs"});
  EXPECT_TRUE(store().list_active_jobs("usr_nobody", 10)->empty());
}

TEST_P(StoreContractTest, QueuePositionCountsOnlyQueuedJobsAheadInLeaseOrder) {
  enqueue("job_a", 100, 0);
  enqueue("job_b", 200, 0);
  enqueue("job_c", 300, 9);
  enqueue("job_d", 400, 0);
  enqueue("job_e", 500, 0);
  // Lease order: c, a, b, d, e. Take c (running), cancel b.
  EXPECT_EQ(lease("worker-1", 1'000).id, "job_c");
  ASSERT_TRUE(store().cancel("job_b", 1'100));

  EXPECT_EQ(store().queue_position("job_a").value(), 1);
  EXPECT_EQ(store().queue_position("job_d").value(), 2);
  EXPECT_EQ(store().queue_position("job_e").value(), 3);
  EXPECT_EQ(store().queue_position("job_b").value(), 0) << "cancelled";
  EXPECT_EQ(store().queue_position("job_c").value(), 0) << "running";

  enqueue("job_urgent", 2'000, 5);
  EXPECT_EQ(store().queue_position("job_urgent").value(), 1);
  EXPECT_EQ(store().queue_position("job_e").value(), 4);

  auto missing = store().queue_position("job_missing");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

// ---- concurrency ----

TEST_P(StoreContractTest, ConcurrentWorkersRunEveryJobExactlyOnce) {
  constexpr int kJobs = 200;
  constexpr int kWorkers = 4;
  for (int i = 0; i < kJobs; ++i) enqueue("job_" + std::to_string(i), 100 + i, i % 3);

  std::mutex mutex;
  std::map<std::string, int> completions;  // job id → times this test completed it
  std::vector<std::string> errors;
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      const std::string worker = "worker-" + std::to_string(w);
      while (true) {
        auto leased = store().lease(worker, 10'000, 600'000);
        if (!leased) {
          std::lock_guard lock(mutex);
          errors.push_back("lease: " + leased.error().message);
          return;
        }
        if (!leased->has_value()) return;
        const Job& job = **leased;
        auto done = store().complete(lease_of(job),
                                     draft_video("vid_" + job.id, "usr_alice", 10'001), 10'001);
        std::lock_guard lock(mutex);
        if (!done) {
          errors.push_back("complete " + job.id + ": " + done.error().message);
        } else {
          ++completions[job.id];
        }
      }
    });
  }
  for (std::thread& thread : workers) thread.join();

  EXPECT_TRUE(errors.empty()) << errors.size() << " errors, first: " << errors.front();
  EXPECT_EQ(completions.size(), static_cast<std::size_t>(kJobs));
  for (const auto& [id, count] : completions) EXPECT_EQ(count, 1) << id;
  for (int i = 0; i < kJobs; ++i) {
    const std::string id = "job_" + std::to_string(i);
    Job job = find_job(id);
    EXPECT_EQ(job.status, JobStatus::succeeded) << id;
    EXPECT_EQ(job.attempts, 1) << id;
    EXPECT_EQ(job.video_id, std::optional<std::string>("vid_" + id));
  }
}

// ---- instantiations: one per Store implementation ----

INSTANTIATE_TEST_SUITE_P(all, StoreContractTest, ::testing::ValuesIn(store_factories()),
                         store_name);

}  // namespace

std::vector<StoreFactory> store_factories() {
  return {
      StoreFactory{"sqlite", [](const std::filesystem::path& scratch) -> std::unique_ptr<Store> {
                     auto store = SqliteStore::open(scratch / "dreamfeed.db");
                     if (!store) ADD_FAILURE() << store.error().message;
                     return store ? std::move(store).value() : nullptr;
                   }}};
}

}  // namespace dreamfeed::testing
