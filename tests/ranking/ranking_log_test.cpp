// The ranking's event log: every change is logged before it is applied, a crash after the
// last snapshot loses nothing (snapshot + replay give the same state), a saved snapshot
// lets the log forget, a log that cannot be written refuses the change, and changes
// survive their JSON encoding exactly.
#include <gtest/gtest.h>

#include <map>

#include "ranking_fixture.h"
#include "services/ranking/ranking_change.h"
#include "services/ranking/ranking_service.h"
#include "support/manual_clock.h"

namespace dreamfeed::ranking {
namespace {

using testing::kHourMs;
using testing::kNow;
using testing::numbered;

// The log in memory, as the SQLite table behaves; `broken` makes appends fail.
class MemoryLog final : public RankingEventLog {
 public:
  Result<std::uint64_t> append(std::string_view payload) override {
    if (broken) return make_error(ErrorCode::unavailable, "disk full");
    changes[++last] = std::string(payload);
    return last;
  }
  Result<std::vector<LoggedChange>> read_after(std::uint64_t position, int limit) override {
    std::vector<LoggedChange> out;
    for (auto it = changes.upper_bound(position);
         it != changes.end() && static_cast<int>(out.size()) < limit; ++it) {
      out.push_back({it->first, it->second});
    }
    return out;
  }
  Status forget_through(std::uint64_t position) override {
    changes.erase(changes.begin(), changes.upper_bound(position));
    return {};
  }
  std::map<std::uint64_t, std::string> changes;
  std::uint64_t last = 0;
  bool broken = false;
};

// The latest snapshot in memory.
class MemorySnapshots final : public RankingSnapshotStore {
 public:
  Status save(std::string_view bytes) override {
    saved = std::string(bytes);
    return {};
  }
  Result<std::optional<std::string>> load() override { return saved; }
  std::optional<std::string> saved;
};

class RankingLogTest : public ::testing::Test {
 protected:
  RankingLogTest() : clock(kNow) {}

  std::unique_ptr<RankingService> start() {
    auto service = std::make_unique<RankingService>(testing::project_config(), clock, &log);
    EXPECT_TRUE(service->restore(snapshots));
    for (int i = 0; i < 12; ++i) {
      service->publish(ClipInfo{numbered("c", i), numbered("creator", i % 3),
                                i % 2 ? "horse meadow" : "rocket galaxy", kNow - (i + 2) * kHourMs,
                                8000, std::nullopt});
    }
    return service;
  }
  IncomingEvent finished(const std::string& video) {
    return testing::finished_watch(numbered("e", next_++), video, clock.now_ms());
  }

  dreamfeed::testing::ManualClock clock;
  MemoryLog log;
  MemorySnapshots snapshots;
  int next_ = 0;
};

TEST_F(RankingLogTest, ACrashAfterTheLastSnapshotLosesNothing) {
  auto before = start();
  std::vector<IncomingEvent> early{finished("c1")};
  ASSERT_EQ(before->record_events("ada", early)->accepted, 1u);
  ASSERT_TRUE(before->save(snapshots));
  EXPECT_TRUE(log.changes.empty()) << "the snapshot holds everything logged so far";

  // After the snapshot: events, a signal, steering, a limit, a creation.
  std::vector<IncomingEvent> late{finished("c3"), finished("c5")};
  ASSERT_EQ(before->record_events("ada", late)->accepted, 2u);
  IncomingEvent follow;
  follow.id = "follow:creator1";
  follow.type = "follow";
  follow.creator_id = "creator1";
  follow.at_ms = kNow;
  ASSERT_TRUE(before->record_signal("ada", follow).value());
  ASSERT_TRUE(before->set_steering("ada", "more animals"));
  ASSERT_TRUE(before->set_daily_limit("ada", 45, -240));
  ASSERT_TRUE(before->note_creation("ada"));
  EXPECT_EQ(log.changes.size(), 5u);
  const auto expected_page = before->page("ada", 10);
  before.reset();  // the crash: no save

  auto after = start();
  auto replayed = after->replay_log();
  ASSERT_TRUE(replayed) << replayed.error().message;
  EXPECT_EQ(*replayed, 5u);
  ASSERT_TRUE(after->steering("ada"));
  EXPECT_EQ(after->steering("ada")->text, "more animals");
  EXPECT_EQ(after->watch_limit("ada").daily_limit_minutes, 45u);
  EXPECT_EQ(after->watch_limit("ada").utc_offset_minutes, -240);
  EXPECT_EQ(after->record_events("ada", late)->duplicates, 2u) << "replayed events count once";
  EXPECT_EQ(after->record_events("ada", early)->duplicates, 1u) << "from the snapshot";
  std::vector<std::string> ids_before, ids_after;
  for (const auto& item : expected_page.items) ids_before.push_back(item.video_id);
  for (const auto& item : after->page("ada", 10).items) ids_after.push_back(item.video_id);
  EXPECT_EQ(ids_after, ids_before) << "the same state gives the same page";
}

TEST_F(RankingLogTest, AChangeTheLogCannotKeepIsRefusedAndNotApplied) {
  auto service = start();
  log.broken = true;
  std::vector<IncomingEvent> batch{finished("c1")};
  auto refused = service->record_events("ada", batch);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::unavailable);
  auto steering = service->set_steering("ada", "more animals");
  ASSERT_FALSE(steering);
  EXPECT_EQ(steering.error().code, ErrorCode::unavailable);
  EXPECT_FALSE(service->steering("ada"));
  log.broken = false;
  EXPECT_EQ(service->record_events("ada", batch)->accepted, 1u) << "not counted the first time";
}

TEST_F(RankingLogTest, SteeringThatCannotApplyIsNotLogged) {
  auto service = start();
  ASSERT_FALSE(service->set_steering("ada", ""));
  EXPECT_TRUE(log.changes.empty());
}

TEST(RankingChange, EveryKindSurvivesItsEncoding) {
  IncomingEvent e;
  e.id = "id \"quoted\" ✓";
  e.type = "watch";
  e.video_id = "vid_1";
  e.creator_id = "usr_2";
  e.at_ms = -5;
  e.watched_ms = 4000;
  e.duration_ms = 8000;
  e.completed = true;
  e.loops = 3;
  const std::vector<RankingChange> changes{{"ada", EventBatchChange{{e, e}}},
                                           {"ada", SignalChange{e}},
                                           {"ada", SteeringChange{"more space"}},
                                           {"ada", SteeringChange{}},
                                           {"ada", DailyLimitChange{90}},
                                           {"ada", DailyLimitChange{90, -150}},
                                           {"ada", CreationChange{}}};
  for (const auto& change : changes) {
    const std::string payload = encode_change(change);
    auto decoded = decode_change(payload);
    ASSERT_TRUE(decoded) << payload;
    EXPECT_EQ(decoded->viewer_id, "ada");
    EXPECT_EQ(decoded->what.index(), change.what.index()) << payload;
    EXPECT_EQ(encode_change(*decoded), payload);
  }
  const auto batch = std::get<EventBatchChange>(decode_change(encode_change(changes[0]))->what);
  ASSERT_EQ(batch.events.size(), 2u);
  EXPECT_EQ(batch.events[1].id, e.id);
  EXPECT_EQ(batch.events[1].at_ms, -5);
  EXPECT_EQ(batch.events[1].loops, 3);
  EXPECT_TRUE(batch.events[1].completed);
  for (const char* bad : {"", "[]", "{}", R"({"viewer": 1})", R"({"viewer": "a", "batch": [1]})",
                          R"({"viewer": "a", "daily_limit": "x"})", R"({"viewer": "a"})",
                          R"({"viewer": "a", "daily_limit": 5, "utc_offset": "+1"})"}) {
    EXPECT_FALSE(decode_change(bad)) << bad;
  }
}

}  // namespace
}  // namespace dreamfeed::ranking
