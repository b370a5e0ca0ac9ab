// Steering: plain words become topic boosts and penalties, and are described back.
#include "services/ranking/steering.h"

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

class SteeringTest : public ::testing::Test {
 protected:
  TopicMask bit(const char* name) const {
    return TopicMask{1} << config.vocabulary.find_topic(name);
  }
  RankingConfig config = testing::project_config();
};

TEST_F(SteeringTest, MoreAndLessInOneSentence) {
  auto s = parse_steering("more animals and space, less cars", config.vocabulary);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->more, bit("animals") | bit("space"));
  EXPECT_EQ(s->less, bit("cars"));
  EXPECT_EQ(describe_steering(*s, config.vocabulary), "more animals, space; less cars");
}

TEST_F(SteeringTest, SynonymsPluralsAndOpposites) {
  auto s = parse_steering("Calmer please. No more zombies!", config.vocabulary);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->more, bit("calm"));
  // "calmer" asks for less intensity; "no … zombies" for less horror.
  EXPECT_EQ(s->less, bit("intense") | bit("horror"));
  auto horses = parse_steering("show me horses and puppies but fewer robots", config.vocabulary);
  ASSERT_TRUE(horses.ok());
  EXPECT_EQ(horses->more, bit("animals"));
  EXPECT_EQ(horses->less, bit("robots"));
}

TEST_F(SteeringTest, UnknownWordsAreReportedAndNoTopicIsAnError) {
  auto s = parse_steering("more dinosaurs and cats", config.vocabulary);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->more, bit("animals"));
  EXPECT_EQ(s->ignored_words, std::vector<std::string>{"dinosaurs"});
  auto none = parse_steering("something nice", config.vocabulary);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "text");
  EXPECT_FALSE(parse_steering(std::string(300, 'a'), config.vocabulary).ok());
  EXPECT_FALSE(parse_steering("", config.vocabulary).ok());
}

}  // namespace
}  // namespace dreamfeed::ranking
