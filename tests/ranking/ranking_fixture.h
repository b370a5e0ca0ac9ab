// Shared by the ranking tests: the project's own config/ranking.json and a small state
// with clips and viewers added by name, at a fixed time.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "services/ranking/ranking_config.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking::testing {

inline constexpr std::int64_t kNow = 1'780'000'000'000;  // 2026
inline constexpr std::int64_t kHourMs = 3'600'000;

// prefix + n. (Not `"c" + std::to_string(n)`: GCC 12 reports a false -Wrestrict there.)
inline std::string numbered(std::string prefix, long n) {
  prefix += std::to_string(n);
  return prefix;
}

inline RankingConfig project_config() {
  auto config = load_ranking_config(DREAMFEED_RANKING_CONFIG);
  if (!config) throw std::runtime_error(config.error().message);
  return std::move(config).value();
}

// `video` watched to the end (8 s of 8 s) at `at`, with the client id `id`.
inline IncomingEvent finished_watch(std::string id, const std::string& video, std::int64_t at) {
  IncomingEvent e;
  e.id = std::move(id);
  e.type = "watch";
  e.video_id = video;
  e.at_ms = at;
  e.watched_ms = e.duration_ms = 8000;
  e.completed = true;
  return e;
}

class RankingFixture : public ::testing::Test {
 protected:
  RankingFixture() : state(project_config()) {}

  std::uint32_t add_clip(const std::string& id, const std::string& creator, const std::string& text,
                         std::int64_t published = kNow - kHourMs,
                         std::optional<std::string> remix_of = std::nullopt) {
    return state.upsert_clip(ClipInfo{id, creator, text, published, 8000, std::move(remix_of)});
  }

  IncomingEvent event(const std::string& type, const std::string& video,
                      std::int64_t at = kNow - 1000) {
    IncomingEvent e;
    e.id = numbered("ev", next_event_++);
    e.type = type;
    e.video_id = video;
    e.at_ms = at;
    return e;
  }

  IncomingEvent finished(const std::string& video, std::int64_t at = kNow - 1000) {
    return finished_watch(numbered("ev", next_event_++), video, at);
  }

  void send(const std::string& viewer, std::vector<IncomingEvent> events) {
    const auto report = state.apply_batch(viewer, events, kNow);
    ASSERT_TRUE(report.rejected.empty()) << report.rejected.front().reason;
  }

  int topic(const std::string& name) const { return state.config().vocabulary.find_topic(name); }

  // 200 clips c0…c199 from 25 creators, about horses, cars, food and space in turn,
  // published 100 to 299 hours ago.
  void add_themed_catalogue() {
    const std::vector<std::string> themes{"horse meadow", "racing car", "pizza kitchen",
                                          "rocket galaxy"};
    for (int i = 0; i < 200; ++i) {
      add_clip(numbered("c", i), numbered("creator", i % 25),
               themes[i % themes.size()] + numbered(" ", i), kNow - (i + 100) * kHourMs);
    }
  }

  RankingState state;

 private:
  int next_event_ = 0;
};

}  // namespace dreamfeed::ranking::testing
