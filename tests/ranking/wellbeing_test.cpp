// Wellbeing: the daily limit ends the feed with a message; a long passive session nudges.
#include "services/ranking/wellbeing.h"

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using testing::kNow;
using testing::RankingFixture;

TEST_F(RankingFixture, DailyLimitIsReachedByWatchingAndResetsNextDay) {
  add_clip("v1", "cleo", "a cat");
  state.set_daily_limit("ada", 1);  // one minute
  IncomingEvent watch = event("watch", "v1");
  watch.watched_ms = 50'000;
  watch.duration_ms = 60'000;
  send("ada", {watch});
  EXPECT_FALSE(check_wellbeing(state.config(), state.viewer("ada"), kNow).limit_reached);
  IncomingEvent more = event("watch", "v1");
  more.watched_ms = 20'000;
  more.duration_ms = 60'000;
  send("ada", {more});
  const auto notice = check_wellbeing(state.config(), state.viewer("ada"), kNow);
  EXPECT_TRUE(notice.limit_reached);
  EXPECT_NE(notice.message.find("1 minutes"), std::string::npos);
  EXPECT_FALSE(
      check_wellbeing(state.config(), state.viewer("ada"), kNow + 86'400'000).limit_reached);
}

TEST_F(RankingFixture, TheDailyLimitStartsAgainAtTheViewersMidnight) {
  constexpr std::int64_t kDay = 86'400'000, kHour = 3'600'000;
  const std::int64_t utc_midnight = (kNow / kDay - 1) * kDay;
  add_clip("v1", "cleo", "a cat", utc_midnight - 30 * kDay);
  // Ada's app is at UTC−8; Bob's never said, so his day is UTC's.
  state.set_daily_limit("ada", 1, -8 * 60);
  state.set_daily_limit("bob", 1);
  for (const char* viewer : {"ada", "bob"}) {
    IncomingEvent w = event("watch", "v1", utc_midnight + 7 * kHour);  // 23:00 for Ada
    w.watched_ms = w.duration_ms = 70'000;
    send(viewer, {w});
  }
  const std::int64_t before = utc_midnight + 7 * kHour + 5 * 60'000;
  const std::int64_t after = utc_midnight + 8 * kHour + 60'000;  // 00:01 for Ada
  EXPECT_TRUE(check_wellbeing(state.config(), state.viewer("ada"), before).limit_reached);
  EXPECT_TRUE(check_wellbeing(state.config(), state.viewer("bob"), before).limit_reached);
  EXPECT_FALSE(check_wellbeing(state.config(), state.viewer("ada"), after).limit_reached);
  EXPECT_TRUE(check_wellbeing(state.config(), state.viewer("bob"), after).limit_reached)
      << "still the same UTC day";
}

TEST_F(RankingFixture, ChangingClockKeepsTodaysWatching) {
  add_clip("v1", "cleo", "a cat");
  state.set_daily_limit("ada", 1);
  IncomingEvent w = event("watch", "v1");
  w.watched_ms = w.duration_ms = 70'000;
  send("ada", {w});
  ASSERT_TRUE(check_wellbeing(state.config(), state.viewer("ada"), kNow).limit_reached);
  // Ada tells the app her clock, or travels: what she watched today still counts.
  state.set_daily_limit("ada", 1, 5 * 60);
  EXPECT_TRUE(check_wellbeing(state.config(), state.viewer("ada"), kNow).limit_reached);
  state.set_daily_limit("ada", 1, -5 * 60);
  EXPECT_TRUE(check_wellbeing(state.config(), state.viewer("ada"), kNow).limit_reached);
}

TEST_F(RankingFixture, LongPassiveSessionNudgesAndCreatingResetsIt) {
  add_clip("v1", "cleo", "a cat");
  std::vector<IncomingEvent> session;
  // 50 minutes of one-minute watches, a minute apart: one session.
  for (int i = 0; i < 50; ++i) {
    IncomingEvent w = event("watch", "v1", kNow - (50 - i) * 60'000);
    w.watched_ms = 60'000;
    w.duration_ms = 60'000;
    session.push_back(w);
  }
  const auto before = check_wellbeing(state.config(), nullptr, kNow);
  EXPECT_FALSE(before.nudge);
  send("ada", session);
  const auto notice = check_wellbeing(state.config(), state.viewer("ada"), kNow);
  ASSERT_TRUE(notice.nudge);
  EXPECT_NE(notice.nudge->find("make a clip"), std::string::npos);
  // After a long break the session is over.
  EXPECT_FALSE(check_wellbeing(state.config(), state.viewer("ada"), kNow + 3'600'000).nudge);
  // Remixing something counts as creating.
  ASSERT_TRUE(state.apply("ada", event("remix", "v1"), kNow).ok());
  EXPECT_FALSE(check_wellbeing(state.config(), state.viewer("ada"), kNow).nudge);
  // So does ordering a new clip of one's own.
  send("ada", session);  // replayed: duplicates, no new watch time
  EXPECT_FALSE(check_wellbeing(state.config(), state.viewer("ada"), kNow).nudge);
  for (auto& e : session) e.id += "-again";
  send("ada", session);
  EXPECT_TRUE(check_wellbeing(state.config(), state.viewer("ada"), kNow).nudge);
  state.note_creation("ada");
  EXPECT_FALSE(check_wellbeing(state.config(), state.viewer("ada"), kNow).nudge);
}

}  // namespace
}  // namespace dreamfeed::ranking
