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
