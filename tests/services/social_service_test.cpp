// SocialService: what is accepted, who may see and do what, and what the counters and
// lists show afterwards. Avatars go through a stand-in transcoder here; the FFmpeg one
// is exercised through the real binary in tests/integration/social_test.cpp.
#include "services/social/social_service.h"

#include <fstream>

#include "studio_fixture.h"

namespace dreamfeed {
namespace {

// Writes a small file for any input except one that starts with "garbage".
class StandInTranscoder final : public ImageTranscoder {
 public:
  Status square_jpeg(const std::filesystem::path& image_file, int side,
                     const std::filesystem::path& jpeg_file) override {
    std::ifstream in(image_file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.starts_with("garbage")) {
      return make_error(ErrorCode::invalid_argument, "not an image");
    }
    sides.push_back(side);
    std::ofstream(jpeg_file, std::ios::binary) << "jpeg of " << bytes;
    return {};
  }
  std::vector<int> sides;
};

class SocialServiceTest : public testing::StudioFixture {
 protected:
  void SetUp() override {
    StudioFixture::SetUp();
    social = std::make_unique<SocialService>(*store, *store, *studio, *blobs, images, clock,
                                             dir / "scratch", activity);
    carol = accounts->create_user("carol", "long enough password").value();
  }

  Video published(const User& user) {
    Video draft = make_draft(user);
    clock.advance_ms(10);
    return studio->publish(user, draft.id).value();
  }

  Error error_of(const Status& status) {
    EXPECT_FALSE(status.ok());
    return status.ok() ? Error{} : status.error();
  }
  template <class T>
  Error error_of(const Result<T>& result) {
    EXPECT_FALSE(result.ok());
    return result.ok() ? Error{} : result.error();
  }

  StandInTranscoder images;
  std::unique_ptr<SocialService> social;
  User carol;
};

// ---- profiles and follows ----

TEST_F(SocialServiceTest, ProfileOfAnUnknownHandleIsNotFound) {
  EXPECT_EQ(error_of(social->profile(nullptr, "nobody")).code, ErrorCode::not_found);
  EXPECT_EQ(error_of(social->follow(alice, "nobody")).code, ErrorCode::not_found);
  EXPECT_EQ(error_of(social->creator_videos(nullptr, "nobody", "", 20)).code, ErrorCode::not_found);
}

TEST_F(SocialServiceTest, FollowShowsOnBothProfilesAndOnlyToTheFollower) {
  auto state = social->follow(bob, "ALICE").value();
  EXPECT_TRUE(state.following);
  EXPECT_EQ(state.followers, 1);
  EXPECT_EQ(social->follow(bob, "alice")->followers, 1);  // idempotent

  EXPECT_TRUE(social->profile(&bob, "alice")->followed_by_me);
  EXPECT_FALSE(social->profile(&carol, "alice")->followed_by_me);
  EXPECT_FALSE(social->profile(nullptr, "alice")->followed_by_me);
  EXPECT_EQ(social->profile(nullptr, "bob")->user.following, 1);

  auto followers = social->followers(&carol, "alice", "", 20).value();
  ASSERT_EQ(followers.items.size(), 1u);
  EXPECT_EQ(followers.items[0].user.handle, "bob");
  EXPECT_FALSE(followers.items[0].followed_by_me);
  ASSERT_TRUE(social->follow(carol, "bob"));
  EXPECT_TRUE(social->followers(&carol, "alice", "", 20)->items[0].followed_by_me);

  auto after = social->unfollow(bob, "alice").value();
  EXPECT_FALSE(after.following);
  EXPECT_EQ(after.followers, 0);
  EXPECT_EQ(social->unfollow(bob, "alice")->followers, 0);
}

TEST_F(SocialServiceTest, FollowingYourselfIsRefused) {
  Error error = error_of(social->follow(alice, "alice"));
  EXPECT_EQ(error.code, ErrorCode::invalid_argument);
  EXPECT_EQ(error.message, "you cannot follow yourself");
  EXPECT_EQ(social->profile(nullptr, "alice")->user.followers, 0);
}

TEST_F(SocialServiceTest, FollowerListsPageWithCursors) {
  User dan = accounts->create_user("dan", "long enough password").value();
  for (const User* follower : {&bob, &carol, &dan}) {
    ASSERT_TRUE(social->follow(*follower, "alice"));
    clock.advance_ms(5);
  }
  auto first = social->followers(nullptr, "alice", "", 2).value();
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].user.handle, "dan");
  EXPECT_EQ(first.items[1].user.handle, "carol");
  ASSERT_TRUE(first.next_cursor);
  auto rest = social->followers(nullptr, "alice", *first.next_cursor, 2).value();
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_EQ(rest.items[0].user.handle, "bob");
  EXPECT_FALSE(rest.next_cursor);
  EXPECT_EQ(error_of(social->following(nullptr, "alice", "not-a-cursor", 2)).field, "cursor");
  EXPECT_EQ(error_of(social->following(nullptr, "alice", "", 0)).field, "limit");
  EXPECT_EQ(error_of(social->following(nullptr, "alice", "", 51)).field, "limit");
}

// ---- profile edits ----

TEST_F(SocialServiceTest, ProfileEditsAreTrimmedAndChecked) {
  auto edited = social->edit_profile(alice, {"  Alice Liddell ", " down the hole "}).value();
  EXPECT_EQ(edited.display_name, "Alice Liddell");
  EXPECT_EQ(edited.bio, "down the hole");
  EXPECT_EQ(social->edit_profile(alice, {std::nullopt, ""})->display_name, "Alice Liddell");

  EXPECT_EQ(error_of(social->edit_profile(alice, {"   ", std::nullopt})).field, "display_name");
  EXPECT_EQ(error_of(social->edit_profile(alice, {std::string(51, 'a'), std::nullopt})).field,
            "display_name");
  std::string fifty_accented;
  for (int i = 0; i < 50; ++i) fifty_accented += "\xC3\xA9";  // é: counts characters
  EXPECT_TRUE(social->edit_profile(alice, {fifty_accented, std::nullopt}));
  EXPECT_EQ(error_of(social->edit_profile(alice, {std::nullopt, std::string(161, 'b')})).message,
            "bio is 161 characters long; the limit is 160");
  EXPECT_EQ(error_of(social->edit_profile(alice, {"bad \xC3\x28", std::nullopt})).message,
            "display_name is not valid UTF-8");
  EXPECT_EQ(social->profile(nullptr, "alice")->user.display_name, fifty_accented);
}

// ---- avatars ----

TEST_F(SocialServiceTest, AvatarIsTranscodedStoredAndVersioned) {
  auto user = social->set_avatar(alice, "image/png", "png bytes").value();
  EXPECT_EQ(user.avatar_version, 1);
  EXPECT_EQ(images.sides, std::vector<int>{kAvatarSide});
  auto stored = blobs->locate("avatars/" + alice.id + ".jpg").value();
  std::ifstream in(*stored.local_file);
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(contents, "jpeg of png bytes");
  EXPECT_EQ(social->set_avatar(alice, "image/jpeg; charset=binary", "jpeg")->avatar_version, 2);
  // Scratch files do not pile up.
  EXPECT_TRUE(std::filesystem::is_empty(dir / "scratch"));
}

TEST_F(SocialServiceTest, BadAvatarsAreRefusedAndChangeNothing) {
  EXPECT_EQ(error_of(social->set_avatar(alice, "image/gif", "gif")).code,
            ErrorCode::unsupported_media_type);
  EXPECT_EQ(error_of(social->set_avatar(alice, "", "x")).code, ErrorCode::unsupported_media_type);
  EXPECT_EQ(error_of(social->set_avatar(alice, "image/png", "")).code, ErrorCode::invalid_argument);
  EXPECT_EQ(
      error_of(social->set_avatar(alice, "image/png", std::string(kMaxAvatarBytes + 1, 'x'))).code,
      ErrorCode::payload_too_large);
  EXPECT_EQ(error_of(social->set_avatar(alice, "image/webp", "garbage!")).code,
            ErrorCode::invalid_argument);
  EXPECT_EQ(social->profile(nullptr, "alice")->user.avatar_version, 0);
}

// ---- likes ----

TEST_F(SocialServiceTest, LikesCountOnceAndShowAsLikedByMe) {
  Video video = published(alice);
  EXPECT_EQ(social->like(bob, video.id)->likes, 1);
  EXPECT_EQ(social->like(bob, video.id)->likes, 1);
  EXPECT_EQ(social->like(carol, video.id)->likes, 2);

  std::vector<Video> page{studio->video(&bob, video.id).value()};
  ASSERT_TRUE(social->mark_liked(&bob, page));
  EXPECT_TRUE(page[0].liked_by_me);
  EXPECT_EQ(page[0].likes, 2);
  std::vector<Video> anonymous{studio->video(nullptr, video.id).value()};
  ASSERT_TRUE(social->mark_liked(nullptr, anonymous));
  EXPECT_FALSE(anonymous[0].liked_by_me);

  auto unliked = social->unlike(bob, video.id).value();
  EXPECT_FALSE(unliked.liked);
  EXPECT_EQ(unliked.likes, 1);
}

TEST_F(SocialServiceTest, OthersDraftsCannotBeLikedOrCommentedOn) {
  Video draft = make_draft(alice);
  EXPECT_EQ(error_of(social->like(bob, draft.id)).code, ErrorCode::not_found);
  EXPECT_EQ(error_of(social->add_comment(bob, draft.id, "hi")).code, ErrorCode::not_found);
  EXPECT_EQ(error_of(social->comments(&bob, draft.id, "", 20)).code, ErrorCode::not_found);
  EXPECT_EQ(error_of(social->remixes(nullptr, draft.id, "", 20)).code, ErrorCode::not_found);
  EXPECT_EQ(error_of(social->like(bob, "vid_nope")).code, ErrorCode::not_found);
  // The creator can like their own draft.
  EXPECT_EQ(social->like(alice, draft.id)->likes, 1);
}

// ---- comments ----

TEST_F(SocialServiceTest, CommentsAreTrimmedCheckedAndListedNewestFirst) {
  Video video = published(alice);
  auto first = social->add_comment(bob, video.id, "  lovely fox \n").value();
  EXPECT_EQ(first.text, "lovely fox");
  EXPECT_EQ(first.author.handle, "bob");
  clock.advance_ms(1);
  ASSERT_TRUE(social->add_comment(carol, video.id, std::string(500, 'c')));

  EXPECT_EQ(error_of(social->add_comment(bob, video.id, " \t ")).message, "text is empty");
  EXPECT_EQ(error_of(social->add_comment(bob, video.id, std::string(501, 'c'))).field, "text");
  EXPECT_EQ(error_of(social->add_comment(bob, video.id, "\xFF")).message,
            "text is not valid UTF-8");

  auto page = social->comments(nullptr, video.id, "", 1).value();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].author.handle, "carol");
  ASSERT_TRUE(page.next_cursor);
  auto rest = social->comments(nullptr, video.id, *page.next_cursor, 1).value();
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_EQ(rest.items[0].id, first.id);
  EXPECT_EQ(studio->video(nullptr, video.id)->comments, 2);
}

TEST_F(SocialServiceTest, CommentsAreDeletedByAuthorCreatorOrAdminOnly) {
  Video video = published(alice);
  auto by_bob = social->add_comment(bob, video.id, "first").value();
  auto by_bob_again = social->add_comment(bob, video.id, "second").value();
  auto by_carol = social->add_comment(carol, video.id, "third").value();

  EXPECT_EQ(error_of(social->delete_comment(carol, by_bob.id)).code, ErrorCode::forbidden);
  EXPECT_TRUE(social->delete_comment(bob, by_bob.id));          // the author
  EXPECT_TRUE(social->delete_comment(alice, by_bob_again.id));  // the video's creator
  User admin = accounts->create_user("root", "long enough password").value();
  admin = accounts->make_admin("root").value();
  EXPECT_TRUE(social->delete_comment(admin, by_carol.id));
  EXPECT_EQ(error_of(social->delete_comment(admin, by_carol.id)).code, ErrorCode::not_found);
  EXPECT_EQ(studio->video(nullptr, video.id)->comments, 0);
}

// ---- lists ----

TEST_F(SocialServiceTest, CreatorVideosAndRemixesShowPublishedVideosOnly) {
  Video source = published(alice);
  Video draft = make_draft(alice);

  VideoOrder remix = order("the fox again");
  remix.remix_of = source.id;
  ASSERT_TRUE(studio->order_video(bob, remix));
  auto worker = make_worker();
  ASSERT_EQ(worker->run_next().value(), WorkOutcome::succeeded);
  auto remixes = social->remixes(nullptr, source.id, "", 20).value();
  EXPECT_TRUE(remixes.items.empty());  // still a draft

  auto bobs_draft = studio->drafts(bob).value().front();
  clock.advance_ms(10);
  auto remixed = studio->publish(bob, bobs_draft.id).value();
  EXPECT_EQ(remixed.remix_source_handle, std::optional<std::string>("alice"));
  remixes = social->remixes(nullptr, source.id, "", 20).value();
  ASSERT_EQ(remixes.items.size(), 1u);
  EXPECT_EQ(remixes.items[0].id, remixed.id);
  EXPECT_EQ(studio->video(nullptr, source.id)->remixes, 1);

  auto alices = social->creator_videos(&alice, "alice", "", 20).value();
  ASSERT_EQ(alices.items.size(), 1u);
  EXPECT_EQ(alices.items[0].id, source.id);
  EXPECT_NE(alices.items[0].id, draft.id);
  EXPECT_EQ(social->profile(nullptr, "alice")->user.published_videos, 1);
}

TEST_F(SocialServiceTest, FollowingFeedShowsFollowedCreatorsNewestFirstWithLikes) {
  Video alices = published(alice);
  Video carols = published(carol);
  published(bob);
  EXPECT_TRUE(social->following_feed(bob, "", 20)->items.empty());
  ASSERT_TRUE(social->follow(bob, "alice"));
  ASSERT_TRUE(social->follow(bob, "carol"));
  ASSERT_TRUE(social->like(bob, alices.id));

  auto first = social->following_feed(bob, "", 1).value();
  ASSERT_EQ(first.items.size(), 1u);
  EXPECT_EQ(first.items[0].id, carols.id);
  EXPECT_FALSE(first.items[0].liked_by_me);
  ASSERT_TRUE(first.next_cursor);
  auto rest = social->following_feed(bob, *first.next_cursor, 1).value();
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_EQ(rest.items[0].id, alices.id);
  EXPECT_TRUE(rest.items[0].liked_by_me);
  EXPECT_FALSE(rest.next_cursor);
}

TEST_F(SocialServiceTest, LikesCommentsAndFollowsAreReportedWithIdsThatCountOnce) {
  Video clip = published(alice);
  activity.lines.clear();
  ASSERT_TRUE(social->like(bob, clip.id));
  ASSERT_TRUE(social->unlike(bob, clip.id));
  auto comment = social->add_comment(bob, clip.id, "lovely");
  ASSERT_TRUE(comment);
  ASSERT_TRUE(social->follow(bob, "alice"));
  ASSERT_TRUE(social->unfollow(bob, "alice"));
  // Refused requests report nothing.
  ASSERT_FALSE(social->add_comment(bob, clip.id, "   "));
  ASSERT_FALSE(social->follow(bob, "bob"));
  ASSERT_FALSE(social->like(bob, "vid_missing"));
  EXPECT_EQ(activity.lines,
            (std::vector<std::string>{
                "like by " + bob.id + " of " + clip.id + " (like:" + clip.id + ")",
                "unlike by " + bob.id + " of " + clip.id + " (unlike:" + clip.id + ")",
                "comment by " + bob.id + " of " + clip.id + " (comment:" + comment->id + ")",
                "follow by " + bob.id + " of " + alice.id + " (follow:" + alice.id + ")",
                "unfollow by " + bob.id + " of " + alice.id + " (unfollow:" + alice.id + ")"}));
}

}  // namespace
}  // namespace dreamfeed
