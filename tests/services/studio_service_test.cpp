// StudioService: what is accepted, who may see and change what.
#include "services/studio/studio_service.h"

#include "studio_fixture.h"

namespace dreamfeed {
namespace {

using testing::StudioFixture;

Error order_error(StudioService& studio, const User& user, VideoOrder order) {
  auto result = studio.order_video(user, std::move(order));
  EXPECT_FALSE(result.ok());
  return result.ok() ? Error{} : result.error();
}

TEST_F(StudioFixture, BadOrdersNameTheFieldAndQueueNothing) {
  auto with_prompt = [&](std::string prompt) {
    VideoOrder o = order();
    o.prompt = std::move(prompt);
    return o;
  };
  EXPECT_EQ(order_error(*studio, alice, with_prompt("")).field, "prompt");
  EXPECT_EQ(order_error(*studio, alice, with_prompt(" \n\t ")).message, "prompt is empty");
  EXPECT_EQ(order_error(*studio, alice, with_prompt("bad \xC3\x28 utf8")).message,
            "prompt is not valid UTF-8");
  auto too_long = order_error(*studio, alice, with_prompt(std::string(2001, 'a')));
  EXPECT_EQ(too_long.field, "prompt");
  EXPECT_NE(too_long.message.find("2000"), std::string::npos);
  // 2,000 characters of three bytes each is within the limit: it counts characters.
  std::string cjk;
  for (int i = 0; i < 2000; ++i) cjk += "\xE9\xA6\xAC";
  EXPECT_TRUE(studio->order_video(alice, with_prompt(cjk)).ok());

  VideoOrder bad_seconds = order();
  bad_seconds.seconds = 5;
  EXPECT_EQ(order_error(*studio, alice, bad_seconds).field, "seconds");
  VideoOrder bad_seed = order();
  bad_seed.seed = kMaxSeed + 1;
  EXPECT_EQ(order_error(*studio, alice, bad_seed).field, "seed");
  VideoOrder missing_source = order();
  missing_source.remix_of = "vid_doesnotexist0000";
  auto missing = order_error(*studio, alice, missing_source);
  EXPECT_EQ(missing.code, ErrorCode::not_found);
  EXPECT_EQ(missing.field, "remix_of");

  clock.advance_ms(1);
  EXPECT_EQ(store->queue_position(studio->order_video(alice, order())->job.id).value(), 2)
      << "only the CJK order and this one were queued";
}

TEST_F(StudioFixture, PromptIsTrimmedAndASeedIsChosenWhenAbsent) {
  VideoOrder o = order("  a calm lake at dawn \n");
  o.seed.reset();
  auto job = studio->order_video(alice, o).value().job;
  EXPECT_EQ(job.request.prompt, "a calm lake at dawn");
  EXPECT_LE(job.request.seed, kMaxSeed);
  EXPECT_EQ(job.request.creator_handle, "alice");
  auto other = studio->order_video(alice, o).value().job;
  EXPECT_NE(job.request.seed, other.request.seed);
}

TEST_F(StudioFixture, JobsAreVisibleOnlyToTheirOwner) {
  auto job = studio->order_video(alice, order()).value().job;
  EXPECT_EQ(studio->job(bob, job.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(studio->cancel_job(bob, job.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(studio->job(alice, job.id)->job.status, JobStatus::queued);
  EXPECT_EQ(studio->job(alice, "job_missing").error().code, ErrorCode::not_found);
}

TEST_F(StudioFixture, CancellingAFinishedJobIsAConflict) {
  auto job = studio->order_video(alice, order()).value().job;
  ASSERT_TRUE(studio->cancel_job(alice, job.id).ok());
  auto again = studio->cancel_job(alice, job.id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(again.error().message, "the job has already cancelled");
}

TEST_F(StudioFixture, DraftsArePrivateUntilPublished) {
  Video draft = make_draft(alice);
  EXPECT_EQ(studio->video(&bob, draft.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(studio->video(nullptr, draft.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(studio->publish(bob, draft.id).error().code, ErrorCode::not_found);
  VideoOrder remix = order();
  remix.remix_of = draft.id;
  EXPECT_EQ(order_error(*studio, bob, remix).field, "remix_of")
      << "bob cannot remix a private draft";

  auto published = studio->publish(alice, draft.id);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->status, VideoStatus::published);
  EXPECT_TRUE(published->published_at_ms.has_value());
  EXPECT_TRUE(studio->video(nullptr, draft.id).ok());
  EXPECT_TRUE(studio->order_video(bob, remix).ok()) << "published videos can be remixed";
  EXPECT_TRUE(studio->drafts(alice)->empty());
}

TEST_F(StudioFixture, OnlyTheCreatorOrAnAdminDeletes) {
  Video video = make_draft(alice);
  ASSERT_TRUE(studio->publish(alice, video.id).ok());
  EXPECT_EQ(studio->delete_video(bob, video.id).error().code, ErrorCode::forbidden);
  ASSERT_TRUE(studio->delete_video(alice, video.id).ok());
  EXPECT_EQ(studio->video(&alice, video.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(blobs->locate(video.video_key).error().code, ErrorCode::not_found);
  EXPECT_EQ(blobs->locate(video.thumbnail_key).error().code, ErrorCode::not_found);

  Video other = make_draft(alice);
  ASSERT_TRUE(studio->publish(alice, other.id).ok());
  User admin = accounts->make_admin("bob").value();
  EXPECT_TRUE(studio->delete_video(admin, other.id).ok());
}

TEST_F(StudioFixture, OrdersPublicationsAndDeletionsAreReportedOnlyWhenTheyHappen) {
  Video draft = make_draft(alice);
  EXPECT_EQ(activity.lines, std::vector<std::string>{"ordered by " + alice.id});
  activity.lines.clear();

  ASSERT_FALSE(studio->publish(bob, draft.id)) << "not bob's to publish";
  ASSERT_TRUE(studio->publish(alice, draft.id));
  VideoOrder remix = order("the same fox, at night");
  remix.remix_of = draft.id;
  auto job = studio->order_video(bob, remix);
  ASSERT_TRUE(job) << job.error().message;
  ASSERT_FALSE(studio->delete_video(bob, draft.id)) << "not bob's to delete";
  ASSERT_TRUE(studio->delete_video(alice, draft.id));
  EXPECT_EQ(activity.lines,
            (std::vector<std::string>{
                "published " + draft.id, "ordered by " + bob.id,
                "remix by " + bob.id + " of " + draft.id + " (remix:" + job->job.id + ")",
                "removed " + draft.id}));
}

}  // namespace
}  // namespace dreamfeed
