// ScaleAudience: see the header for the catalogue's and the events' make-up.
#include "scale_audience.h"

#include <fmt/core.h>

#include "services/ranking/eval/catalogue.h"

namespace dreamfeed::bench {
namespace {

using ranking::eval::topic_words;

const std::array<const char*, 12> kFiller{"glowing", "tiny",  "giant", "golden", "misty", "old",
                                          "bright",  "sunny", "blue",  "red",    "quiet", "wild"};

// Spread-out ids of the same shape as the server's ("vid_" + 16 characters).
std::string hex_id(const char* prefix, std::uint64_t n) {
  return fmt::format("{}_{:016x}", prefix, n * 0x9E3779B97F4A7C15ull);
}

constexpr std::int64_t kDayMs = 86'400'000;

}  // namespace

ScaleAudience::ScaleAudience(ScaleSpec spec)
    : spec_(spec), rng_(spec.seed), clips_by_topic_(topic_words().size()), taste_(spec.viewers) {
  for (auto& t : taste_) {
    for (auto& x : t) x = static_cast<std::uint8_t>(rng_() % topic_words().size());
  }
  viewer_ids_.resize(spec.viewers);
  for (int v = 0; v < spec.viewers; ++v) viewer_ids_[v] = hex_id("usr", 1'000'000'000ull + v);
}

std::string ScaleAudience::creator_id(int c) {
  return hex_id("usr", static_cast<std::uint64_t>(c));
}

void ScaleAudience::publish_catalogue(
    ranking::RankingState& state, const std::function<void(const ranking::ClipInfo&)>& on_clip) {
  const auto& words = topic_words();
  for (int i = 0; i < spec_.clips; ++i) {
    const std::size_t t1 = rng_() % words.size(), t2 = rng_() % words.size();
    std::string prompt =
        fmt::format("a {} {} in the {} {}", kFiller[rng_() % kFiller.size()],
                    words[t1][rng_() % words[t1].size()], kFiller[rng_() % kFiller.size()],
                    words[t2][rng_() % words[t2].size()]);
    ranking::ClipInfo info{hex_id("vid", i),
                           creator_id(static_cast<int>(rng_() % spec_.creators)),
                           std::move(prompt),
                           spec_.now_ms - static_cast<std::int64_t>(rng_() % (60 * kDayMs)),
                           4000 * static_cast<std::int64_t>(1 + rng_() % 3),
                           std::nullopt};
    if (i > 1000 && rng_() % 20 == 0) info.remix_of = hex_id("vid", rng_() % i);
    clips_by_topic_[t1].push_back(state.upsert_clip(info));
    if (on_clip) on_clip(info);
  }
}

int ScaleAudience::next_batch(const ranking::RankingState& state,
                              std::vector<ranking::IncomingEvent>& batch) {
  const int v = static_cast<int>(rng_() % spec_.viewers);
  batch.clear();
  while (batch.size() < 20) {
    const bool liked = rng_() % 10 < 7;
    const auto& pool = clips_by_topic_[liked ? taste_[v][rng_() % 3] : rng_() % 16];
    if (pool.empty()) continue;
    const std::uint32_t c = pool[rng_() % pool.size()];
    ranking::IncomingEvent e;
    e.id = fmt::format("{:x}", event_counter_++);
    e.video_id = state.clip_id(c);
    e.at_ms = spec_.now_ms - static_cast<std::int64_t>(rng_() % (7 * kDayMs));
    const std::uint64_t r = rng_() % 100;
    if (r < 45) {
      e.type = "impression";
    } else if (r < 80) {
      e.type = "watch";
      e.duration_ms = 8000;
      e.completed = liked && rng_() % 3 != 0;
      e.watched_ms = e.completed ? 8000 : static_cast<std::int64_t>(rng_() % 8000);
    } else if (r < 90) {
      e.type = "skip";
    } else if (r < 97) {
      e.type = "like";
    } else {
      e.type = r < 99 ? "share" : "not_interested";
    }
    batch.push_back(std::move(e));
  }
  return v;
}

void ScaleAudience::add_follows(ranking::RankingState& state) {
  for (int v = 0; v < spec_.viewers; v += 3) {
    for (int k = 0; k < 5; ++k) {
      ranking::IncomingEvent f;
      f.id = fmt::format("f{}-{}", v, k);
      f.type = "follow";
      f.creator_id = creator_id(static_cast<int>(rng_() % spec_.creators));
      f.at_ms = spec_.now_ms - kDayMs;
      (void)state.apply(viewer_ids_[v], f, spec_.now_ms);
    }
  }
}

}  // namespace dreamfeed::bench
