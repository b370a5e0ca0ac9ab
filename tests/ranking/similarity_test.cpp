// Text embedding and the LSH index: related prompts are nearer than unrelated ones, and
// the index finds them among many.
#include "services/ranking/similarity_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ranking_fixture.h"
#include "services/ranking/text_embedding.h"

namespace dreamfeed::ranking {
namespace {

TEST(TextEmbedding, SharedWordsMakeTextsCloser) {
  const auto fox = embed_text("a red fox jumps over a fence");
  const auto foxes = embed_text("two red foxes in the snow");
  const auto rocket = embed_text("a rocket launch to the moon");
  EXPECT_GT(similarity(fox, foxes), similarity(fox, rocket));
  EXPECT_NEAR(similarity(fox, fox), 127 * 127, 127 * 127 * 0.05);
  EXPECT_EQ(similarity(embed_text(""), fox), 0);
}

TEST(SimilarityIndex, FindsTheNearDuplicatesAmongManyClips) {
  std::vector<Embedding> embeddings;
  SimilarityIndex index(6, 8);
  const std::vector<std::string> themes{"rocket galaxy astronaut", "horse meadow pony",
                                        "pizza kitchen bread",     "guitar concert drum",
                                        "castle dragon wizard",    "robot cyborg android"};
  for (int i = 0; i < 3000; ++i) {
    const std::string text = themes[i % themes.size()] + testing::numbered(" variant ", i);
    embeddings.push_back(embed_text(text));
    index.add(static_cast<std::uint32_t>(i), embeddings.back());
  }
  // Clip 1 is a horse clip: most of its neighbours should be horse clips (i % 6 == 1).
  const auto near = index.nearest(embeddings[1], 20, 1);
  ASSERT_EQ(near.size(), 20u);
  int same_theme = 0;
  for (auto [clip, score] : near) {
    EXPECT_NE(clip, 1u);
    same_theme += clip % themes.size() == 1;
  }
  EXPECT_GE(same_theme, 18);
  for (std::size_t i = 1; i < near.size(); ++i) EXPECT_GE(near[i - 1].second, near[i].second);
}

}  // namespace
}  // namespace dreamfeed::ranking
