// Snapshots: the state survives a restart through the file store, byte for byte; damaged
// snapshots are refused.
#include "services/ranking/state_codec.h"

#include <filesystem>

#include "adapters/ranking_snapshot/file/file_snapshot_store.h"
#include "ranking_fixture.h"
#include "services/ranking/feed_ranker.h"

namespace dreamfeed::ranking {
namespace {

using testing::kNow;
using testing::project_config;
using testing::RankingFixture;

class SnapshotTest : public RankingFixture {
 protected:
  SnapshotTest()
      : dir(std::filesystem::temp_directory_path() /
            (testing::numbered("ranking-snapshot-", ::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::create_directories(dir);
  }
  ~SnapshotTest() override { std::filesystem::remove_all(dir); }
  std::filesystem::path dir;
};

TEST_F(SnapshotTest, StateSurvivesARestartThroughTheFileStore) {
  add_clip("orig", "cleo", "a horse in a meadow");
  add_clip("rmx", "dan", "a horse in space", kNow, "orig");
  add_clip("car", "dan", "a racing car");
  send("ada", {event("impression", "orig"), finished("orig"), event("like", "orig"),
               event("hide_creator", "car"), event("not_interested", "car")});
  ASSERT_TRUE(state.set_steering("ada", "more space, less cars and dinosaurs").ok());
  state.set_daily_limit("ada", 30, 330);
  state.remove_clip("car");

  FileSnapshotStore store(dir / "ranking.snapshot");
  ASSERT_TRUE(save_snapshot(state, store).ok());

  RankingState restored(project_config());
  FileSnapshotStore reopened(dir / "ranking.snapshot");
  auto status = restore_snapshot(reopened, restored);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(StateCodec::encode(restored), StateCodec::encode(state));
  const auto orig = *restored.clip_index("orig");
  EXPECT_EQ(restored.clip(orig).completions, 1u);
  EXPECT_EQ(restored.clip(orig).likes, 1u);
  EXPECT_TRUE(restored.clip(*restored.clip_index("car")).removed);
  ASSERT_NE(restored.remixes_of(orig), nullptr);
  const ViewerState* ada = restored.viewer("ada");
  ASSERT_NE(ada, nullptr);
  EXPECT_TRUE(ada->seen.seen_within(orig, RankingState::day_of(kNow), 7));
  EXPECT_TRUE(ada->hides(*restored.user_index("dan")));
  EXPECT_EQ(ada->steering.text, "more space, less cars and dinosaurs");
  EXPECT_EQ(ada->steering.ignored_words, std::vector<std::string>{"dinosaurs"});
  EXPECT_EQ(ada->steering.less, TopicMask{1} << topic("cars"));
  EXPECT_EQ(ada->daily_limit_ms, 30u * 60'000);
  EXPECT_EQ(ada->utc_offset_minutes, 330);
  // The dedupe window came back too: the same batch still counts once.
  std::vector<IncomingEvent> like{event("like", "orig")};
  auto again = restored.apply_batch("ada", like, kNow);
  EXPECT_EQ(again.accepted, 1u);
  std::vector<IncomingEvent> replay{finished("orig")};
  replay[0].id = "ev1";  // the id used above for the finished watch
  EXPECT_EQ(restored.apply_batch("ada", replay, kNow).duplicates, 1u);
  // And pages are the same.
  FeedRanker before(state), after(restored);
  before.refresh(kNow);
  after.refresh(kNow);
  const auto a = before.page("ada", kNow, 10), b = after.page("ada", kNow, 10);
  ASSERT_EQ(a.items.size(), b.items.size());
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    EXPECT_EQ(a.items[i].video_id, b.items[i].video_id);
  }
}

TEST_F(SnapshotTest, FileStoreReplacesTheSnapshotWholeAndLeavesNoTemporaryFile) {
  FileSnapshotStore store(dir / "ranking.snapshot");
  ASSERT_TRUE(store.save("first version").ok());
  ASSERT_TRUE(store.save("second").ok());
  auto loaded = store.load();
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ(**loaded, "second");
  EXPECT_FALSE(std::filesystem::exists(dir / "ranking.snapshot.tmp"));
  FileSnapshotStore nowhere(dir / "missing-folder" / "ranking.snapshot");
  EXPECT_FALSE(nowhere.save("x").ok());
}

TEST_F(SnapshotTest, NoSnapshotYetLeavesAnEmptyState) {
  FileSnapshotStore store(dir / "absent.snapshot");
  RankingState fresh(project_config());
  ASSERT_TRUE(restore_snapshot(store, fresh).ok());
  EXPECT_EQ(fresh.clip_count(), 0u);
}

TEST_F(SnapshotTest, DamagedSnapshotsAreRefused) {
  add_clip("v1", "cleo", "a cat");
  send("ada", {finished("v1")});
  const std::string bytes = StateCodec::encode(state);
  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    RankingState target(project_config());
    EXPECT_FALSE(StateCodec::decode(bytes.substr(0, cut), target).ok()) << cut;
  }
  RankingState target(project_config());
  EXPECT_FALSE(StateCodec::decode(bytes + "x", target).ok());
  RankingState not_empty(project_config());
  not_empty.upsert_clip(ClipInfo{"x", "y", "z", 0, 0, std::nullopt});
  EXPECT_FALSE(StateCodec::decode(bytes, not_empty).ok());
  std::string future = bytes;
  future[4] = 99;  // the version, after the four-byte magic
  RankingState from_future(project_config());
  EXPECT_FALSE(StateCodec::decode(future, from_future).ok());
}

TEST_F(SnapshotTest, VersionTwoSnapshotsStillLoad) {
  // Without viewers, a version 2 snapshot differs from today's only in its version.
  add_clip("v1", "cleo", "a cat");
  std::string bytes = StateCodec::encode(state);
  ASSERT_EQ(bytes[4], 3);
  bytes[4] = 2;
  RankingState restored(project_config());
  ASSERT_TRUE(StateCodec::decode(bytes, restored).ok());
  EXPECT_EQ(restored.clip_count(), 1u);
}

}  // namespace
}  // namespace dreamfeed::ranking
