// RankingUpkeep: it refreshes the shared lists on its own, and stopping it saves a
// snapshot that a restarted service restores.
#include "services/ranking/ranking_upkeep.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

#include "adapters/ranking_snapshot/file/file_snapshot_store.h"
#include "ranking_fixture.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace dreamfeed::ranking {
namespace {

TEST(RankingUpkeep, RefreshesTheListsAndSavesASnapshotWhenStopped) {
  dreamfeed::testing::TempDir dir;
  dreamfeed::testing::ManualClock clock(testing::kNow);
  FileSnapshotStore snapshots(dir / "ranking.snapshot");
  RankingService service(testing::project_config(), clock);
  service.publish(
      ClipInfo{"c1", "maker", "a horse on a beach", testing::kNow - 1000, 4000, std::nullopt});
  ASSERT_TRUE(service.set_steering("ada", "more animals"));

  RankingUpkeep upkeep(service, snapshots,
                       UpkeepConfig{.tick = std::chrono::milliseconds(5),
                                    .lists_max_age = std::chrono::milliseconds(1000),
                                    .snapshot_every = std::chrono::hours(1)});
  upkeep.start();
  EXPECT_EQ(service.lists_computed_at_ms(), testing::kNow) << "start() refreshes at once";
  clock.advance_ms(2000);
  for (int i = 0; i < 400 && service.lists_computed_at_ms() != testing::kNow + 2000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(service.lists_computed_at_ms(), testing::kNow + 2000) << "refreshed by the thread";
  EXPECT_FALSE(snapshots.load().value()) << "no snapshot before the hour";
  upkeep.stop();

  ASSERT_TRUE(snapshots.load().value()) << "stop() saves";
  RankingService restarted(testing::project_config(), clock);
  ASSERT_TRUE(restarted.restore(snapshots));
  ASSERT_TRUE(restarted.steering("ada"));
  EXPECT_EQ(restarted.steering("ada")->text, "more animals");
}

}  // namespace
}  // namespace dreamfeed::ranking
