// DedupeWindow: repeats are caught within the window; the oldest is forgotten beyond it.
#include "services/ranking/dedupe_window.h"

#include <gtest/gtest.h>

namespace dreamfeed::ranking {
namespace {

TEST(DedupeWindow, SameViewerAndIdIsARepeatOtherViewerIsNot) {
  DedupeWindow window(100);
  EXPECT_TRUE(window.insert(DedupeWindow::key("ada", "e1")));
  EXPECT_FALSE(window.insert(DedupeWindow::key("ada", "e1")));
  EXPECT_TRUE(window.insert(DedupeWindow::key("bob", "e1")));
  EXPECT_TRUE(window.insert(DedupeWindow::key("ada", "e2")));
}

TEST(DedupeWindow, ForgetsTheOldestBeyondCapacity) {
  DedupeWindow window(3);
  for (std::uint64_t k = 1; k <= 4; ++k) EXPECT_TRUE(window.insert(k));
  EXPECT_EQ(window.size(), 3u);
  EXPECT_FALSE(window.contains(1));
  EXPECT_TRUE(window.contains(4));
  EXPECT_EQ(window.keys_oldest_first(), (std::vector<std::uint64_t>{2, 3, 4}));
  EXPECT_TRUE(window.insert(1));  // forgotten, so counted again
}

}  // namespace
}  // namespace dreamfeed::ranking
