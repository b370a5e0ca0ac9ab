// RankingConfig: the project's file parses with its topics; wrong types name the key.
#include "services/ranking/ranking_config.h"

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

TEST(RankingConfig, ProjectFileLoadsWeightsAndVocabulary) {
  auto c = load_ranking_config(DREAMFEED_RANKING_CONFIG);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_GE(c->vocabulary.size(), 16);
  const int animals = c->vocabulary.find_topic("animals");
  ASSERT_GE(animals, 0);
  EXPECT_EQ(c->vocabulary.topic_of_word("horses"), animals);
  EXPECT_EQ(c->vocabulary.topic_of_word("puppies"), animals);
  EXPECT_GT(c->weights.completion, 0);
  EXPECT_GT(c->priors.completion.beta, 0);
}

TEST(RankingConfig, MissingKeysKeepDefaultsAndValuesOverride) {
  auto c = parse_ranking_config(R"({"weights": {"like": 7.5}, "filters": {"seen_days": 3}})");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->weights.like, 7.5);
  EXPECT_EQ(c->seen_days, 3);
  EXPECT_EQ(c->weights.completion, RankingConfig{}.weights.completion);
}

TEST(RankingConfig, WrongTypesAreErrorsNamingTheKey) {
  auto bad_weight = parse_ranking_config(R"({"weights": {"like": "high"}})");
  ASSERT_FALSE(bad_weight.ok());
  EXPECT_EQ(bad_weight.error().field, "like");
  auto bad_prior = parse_ranking_config(R"({"priors": {"completion": [1]}})");
  ASSERT_FALSE(bad_prior.ok());
  EXPECT_EQ(bad_prior.error().field, "completion");
  EXPECT_FALSE(parse_ranking_config("[1, 2]").ok());
  EXPECT_FALSE(parse_ranking_config(R"({"opposites": {"nope": ["calm"]}})").ok());
}

TEST(RankingConfig, PreparedPagesAreReadAndOutOfRangeValuesNamed) {
  auto c = parse_ranking_config(
      R"({"prepared": {"pages": 3, "ttl_seconds": 60, "max_viewers": 10, "new_positives": 0}})");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->prepared.pages, 3);
  EXPECT_EQ(c->prepared.ttl_seconds, 60);
  EXPECT_EQ(c->prepared.max_viewers, 10);
  EXPECT_EQ(c->prepared.new_positives, 0);
  for (const auto& [json, field] : {
           std::pair{R"({"prepared": {"pages": 0}})", "prepared.pages"},
           std::pair{R"({"prepared": {"ttl_seconds": -1}})", "prepared.ttl_seconds"},
           std::pair{R"({"prepared": {"max_viewers": -5}})", "prepared.max_viewers"},
           std::pair{R"({"prepared": {"new_positives": -2}})", "prepared.new_positives"},
       }) {
    auto bad = parse_ranking_config(json);
    ASSERT_FALSE(bad.ok()) << json;
    EXPECT_EQ(bad.error().field, field) << json;
  }
}

}  // namespace
}  // namespace dreamfeed::ranking
