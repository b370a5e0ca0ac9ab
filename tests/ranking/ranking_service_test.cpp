// RankingService: the routes' view — events in, steering round trip, pages out, lists
// refreshed on a timer, snapshots — and pages served while events are being recorded.
#include "services/ranking/ranking_service.h"

#include <atomic>
#include <filesystem>
#include <thread>

#include "adapters/ranking_snapshot/file/file_snapshot_store.h"
#include "ranking_fixture.h"
#include "support/manual_clock.h"

namespace dreamfeed::ranking {
namespace {

using testing::kHourMs;
using testing::kNow;
using testing::numbered;

class RankingServiceTest : public ::testing::Test {
 protected:
  RankingServiceTest() : clock(kNow), service(testing::project_config(), clock) {
    const std::vector<std::string> themes{"horse meadow", "racing car", "rocket galaxy"};
    for (int i = 0; i < 60; ++i) {
      service.publish(ClipInfo{numbered("c", i), numbered("creator", i % 12),
                               themes[i % themes.size()], kNow - (i + 80) * kHourMs, 8000,
                               std::nullopt});
    }
  }
  IncomingEvent finished(const std::string& video) {
    return testing::finished_watch(numbered("e", next_++), video, clock.now_ms());
  }

  dreamfeed::testing::ManualClock clock;
  RankingService service;
  int next_ = 0;
};

TEST_F(RankingServiceTest, EventsSteeringAndPagesThroughOneObject) {
  std::vector<IncomingEvent> batch{finished("c0"), finished("c3"), finished("c6")};
  EXPECT_EQ(service.record_events("ada", batch)->accepted, 3u);
  EXPECT_EQ(service.record_events("ada", batch)->duplicates, 3u);
  service.refresh_if_older_than(5000);
  const auto page = service.page("ada", 10);
  ASSERT_EQ(page.items.size(), 10u);
  EXPECT_EQ(page.items[0].reason, "because you finished 3 clips about animals");

  auto steering = service.set_steering("ada", "more space, less horses");
  ASSERT_TRUE(steering.ok());
  EXPECT_EQ(steering->understood, "more space; less animals");
  ASSERT_TRUE(service.steering("ada").has_value());
  EXPECT_EQ(service.steering("ada")->text, "more space, less horses");
  EXPECT_EQ(service.page("ada", 10).items[0].reason, "you asked for more space");
  ASSERT_TRUE(service.clear_steering("ada"));
  EXPECT_FALSE(service.steering("ada").has_value());
  EXPECT_FALSE(service.set_steering("ada", "whatever").ok());
}

TEST_F(RankingServiceTest, ListsAreRefreshedOnlyWhenOlderThanAsked) {
  service.refresh_if_older_than(5000);
  const std::int64_t first = service.lists_computed_at_ms();
  EXPECT_EQ(first, kNow);
  clock.advance_ms(4000);
  service.refresh_if_older_than(5000);
  EXPECT_EQ(service.lists_computed_at_ms(), first) << "4 s old lists are young enough";
  clock.advance_ms(2000);
  service.refresh_if_older_than(5000);
  EXPECT_EQ(service.lists_computed_at_ms(), kNow + 6000);
}

TEST_F(RankingServiceTest, APublishedClipCanBeShownBeforeTheNextRefresh) {
  service.refresh_if_older_than(5000);
  service.publish(ClipInfo{"new", "newcomer", "a quiet lake", kNow - 1000, 8000, std::nullopt});
  bool shown = false;
  for (const auto& item : service.page("bob", 10).items) shown = shown || item.video_id == "new";
  EXPECT_TRUE(shown) << "a new clip is put at the head of the fresh list when published";
  service.remove("new");
  for (const auto& item : service.page("bob", 10).items) EXPECT_NE(item.video_id, "new");
}

TEST_F(RankingServiceTest, SnapshotRoundTripThroughTheService) {
  std::vector<IncomingEvent> batch{finished("c0")};
  ASSERT_EQ(service.record_events("ada", batch)->accepted, 1u);
  const auto dir =
      std::filesystem::temp_directory_path() / numbered("ranking-service-", ::getpid());
  std::filesystem::create_directories(dir);
  FileSnapshotStore store(dir / "ranking.snapshot");
  ASSERT_TRUE(service.save(store).ok());
  RankingService restarted(testing::project_config(), clock);
  ASSERT_TRUE(restarted.restore(store).ok());
  EXPECT_EQ(restarted.record_events("ada", batch)->duplicates, 1u);
  std::filesystem::remove_all(dir);
}

// Keeps the latest snapshot in memory and counts the writes.
class CountingSnapshotStore final : public RankingSnapshotStore {
 public:
  Status save(std::string_view bytes) override {
    ++saves;
    latest = std::string(bytes);
    return {};
  }
  Result<std::optional<std::string>> load() override { return latest; }
  int saves = 0;
  std::optional<std::string> latest;
};

TEST_F(RankingServiceTest, AnUnchangedStateIsNotSavedAgain) {
  CountingSnapshotStore store;
  ASSERT_TRUE(service.save(store).ok());
  EXPECT_EQ(store.saves, 1);
  ASSERT_TRUE(service.save(store).ok());
  (void)service.page("ada", 10);  // reading pages changes nothing worth saving
  ASSERT_TRUE(service.save(store).ok());
  EXPECT_EQ(store.saves, 1) << "nothing changed since the last snapshot";

  std::vector<IncomingEvent> batch{finished("c0")};
  ASSERT_EQ(service.record_events("ada", batch)->accepted, 1u);
  ASSERT_TRUE(service.save(store).ok());
  EXPECT_EQ(store.saves, 2) << "an event changed the state";
  service.publish(ClipInfo{"new", "newcomer", "a quiet lake", kNow - 1000, 8000, std::nullopt});
  ASSERT_TRUE(service.save(store).ok());
  EXPECT_EQ(store.saves, 3) << "a published clip changed the state";

  RankingService restarted(testing::project_config(), clock);
  ASSERT_TRUE(restarted.restore(store).ok());
  ASSERT_TRUE(restarted.save(store).ok());
  EXPECT_EQ(store.saves, 3) << "a state just restored is what the store holds";
  EXPECT_EQ(restarted.record_events("ada", batch)->duplicates, 1u);
  ASSERT_TRUE(restarted.save(store).ok());
  EXPECT_EQ(store.saves, 4) << "every logged change is saved, so the log can forget it";
}

TEST_F(RankingServiceTest, PagesAreServedWhileEventsArrive) {
  service.refresh_if_older_than(0);
  std::atomic<bool> done = false;
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      std::vector<IncomingEvent> batch{finished(numbered("c", i % 60))};
      (void)service.record_events(numbered("viewer", i % 7), batch);
      if (i % 50 == 0) service.refresh_if_older_than(0);
    }
    done = true;
  });
  int pages = 0, empty = 0;
  while (!done || pages < 50) {
    empty += service.page(numbered("viewer", pages % 7), 10).items.empty();
    ++pages;
  }
  writer.join();
  EXPECT_GE(pages, 50);
  EXPECT_EQ(empty, 0);
}

}  // namespace
}  // namespace dreamfeed::ranking
