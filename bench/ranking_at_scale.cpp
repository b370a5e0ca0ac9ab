// The ranking core at the size issue 5 asks for: 1,000,000 clips, 100,000 viewers and
// 10,000,000 past events in memory. Reports events ingested per second on one core (this
// program is single-threaded), personalised page-of-10 latency p50/p99 next to a
// newest-first page over the same state (the reference), the state's memory (RSS growth)
// and its snapshot size. Figures are medians of --runs runs and are printed last.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "services/ranking/eval/policies.h"
#include "services/ranking/feed_ranker.h"
#include "services/ranking/ranking_config.h"
#include "services/ranking/ranking_state.h"
#include "services/ranking/state_codec.h"

namespace {

using namespace dreamfeed::ranking;
using Clock = std::chrono::steady_clock;

// Resident memory of this process, from /proc/self/status (kB → bytes).
std::size_t rss_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[static_cast<std::size_t>(p * (v.size() - 1))];
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

const std::array<std::array<const char*, 6>, 16> kTopicWords{{
    {"horse", "dog", "cat", "fox", "bird", "rabbit"},
    {"ocean", "wave", "whale", "dolphin", "beach", "coral"},
    {"planet", "galaxy", "rocket", "astronaut", "moon", "nebula"},
    {"car", "truck", "racing", "motorcycle", "highway", "drift"},
    {"cake", "pizza", "soup", "bread", "coffee", "kitchen"},
    {"guitar", "piano", "drum", "concert", "dance", "song"},
    {"forest", "mountain", "river", "waterfall", "meadow", "flower"},
    {"city", "street", "skyline", "neon", "subway", "downtown"},
    {"football", "tennis", "basketball", "skateboard", "skiing", "climbing"},
    {"dragon", "castle", "wizard", "knight", "unicorn", "fairy"},
    {"robot", "android", "cyborg", "drone", "mech", "machine"},
    {"rain", "snow", "storm", "thunder", "fog", "lightning"},
    {"funny", "joke", "silly", "prank", "laugh", "meme"},
    {"painting", "watercolor", "sculpture", "drawing", "pixel", "sketch"},
    {"train", "plane", "airport", "journey", "village", "trip"},
    {"pyramid", "roman", "viking", "samurai", "medieval", "ancient"},
}};
const std::array<const char*, 12> kFiller{"glowing", "tiny",  "giant", "golden", "misty", "old",
                                          "bright",  "sunny", "blue",  "red",    "quiet", "wild"};

std::string hex_id(const char* prefix, std::uint64_t n) {
  return fmt::format("{}_{:016x}", prefix, n * 0x9E3779B97F4A7C15ull);
}

}  // namespace

int main(int argc, char** argv) {
  int clips = 1'000'000, viewers = 100'000, creators = 50'000, runs = 5, pages = 2000;
  long events = 10'000'000;
  std::string config_path = DREAMFEED_RANKING_CONFIG;
  CLI::App app{"The ranking core at a million clips"};
  app.add_option("--clips", clips);
  app.add_option("--viewers", viewers);
  app.add_option("--creators", creators);
  app.add_option("--events", events);
  app.add_option("--runs", runs, "runs per figure; the median is reported");
  app.add_option("--pages", pages, "pages timed per run");
  app.add_option("--config", config_path);
  CLI11_PARSE(app, argc, argv);
  auto config = load_ranking_config(config_path);
  if (!config) {
    fmt::print(stderr, "{}\n", config.error().message);
    return 1;
  }

  const std::int64_t now = 1'780'000'000'000;
  const std::int64_t day = 86'400'000;
  std::mt19937_64 rng(42);
  const std::size_t rss_start = rss_bytes();
  RankingState state(*config);

  // Catalogue: prompts from topic words, published over the last 60 days.
  auto t0 = Clock::now();
  std::vector<std::vector<std::uint32_t>> clips_by_topic(kTopicWords.size());
  for (int i = 0; i < clips; ++i) {
    const std::size_t t1 = rng() % kTopicWords.size(), t2 = rng() % kTopicWords.size();
    std::string prompt = fmt::format("a {} {} in the {} {}", kFiller[rng() % kFiller.size()],
                                     kTopicWords[t1][rng() % 6], kFiller[rng() % kFiller.size()],
                                     kTopicWords[t2][rng() % 6]);
    ClipInfo info{hex_id("vid", i),
                  hex_id("usr", rng() % creators),
                  std::move(prompt),
                  now - static_cast<std::int64_t>(rng() % (60 * day)),
                  4000 * static_cast<std::int64_t>(1 + rng() % 3),
                  std::nullopt};
    if (i > 1000 && rng() % 20 == 0) info.remix_of = hex_id("vid", rng() % i);
    const auto c = state.upsert_clip(info);
    clips_by_topic[t1].push_back(c);
  }
  const double catalogue_s = seconds_since(t0);
  fmt::print("catalogue: {} clips in {:.1f} s\n", clips, catalogue_s);

  // Viewers' hidden tastes: three topics each.
  std::vector<std::array<std::uint8_t, 3>> taste(viewers);
  for (auto& t : taste) {
    for (auto& x : t) x = static_cast<std::uint8_t>(rng() % kTopicWords.size());
  }
  std::vector<std::string> viewer_ids(viewers);
  for (int v = 0; v < viewers; ++v) viewer_ids[v] = hex_id("usr", 1'000'000'000ull + v);

  // Events in batches of 20 from one viewer, dated over the last 7 days (so every seen
  // set is full size). Only apply_batch is timed; making the batches is not.
  const long per_run = events / runs;
  std::vector<double> ingest_rates;
  long applied = 0, rejected = 0, counter = 0, ingested = 0;
  std::vector<IncomingEvent> batch;
  for (int run = 0; run < runs; ++run) {
    double apply_s = 0;
    long in_run = 0;
    while (in_run < per_run) {
      const int v = static_cast<int>(rng() % viewers);
      batch.clear();
      while (batch.size() < 20) {
        const bool liked = rng() % 10 < 7;
        const auto& pool = clips_by_topic[liked ? taste[v][rng() % 3] : rng() % 16];
        if (pool.empty()) continue;
        const std::uint32_t c = pool[rng() % pool.size()];
        IncomingEvent e;
        e.id = fmt::format("{:x}", counter++);
        e.video_id = state.clip_id(c);
        e.at_ms = now - static_cast<std::int64_t>(rng() % (7 * day));
        const std::uint64_t r = rng() % 100;
        if (r < 45) {
          e.type = "impression";
        } else if (r < 80) {
          e.type = "watch";
          e.duration_ms = 8000;
          e.completed = liked && rng() % 3 != 0;
          e.watched_ms = e.completed ? 8000 : static_cast<std::int64_t>(rng() % 8000);
        } else if (r < 90) {
          e.type = "skip";
        } else if (r < 97) {
          e.type = "like";
        } else {
          e.type = r < 99 ? "share" : "not_interested";
        }
        batch.push_back(std::move(e));
      }
      const auto t = Clock::now();
      const auto report = state.apply_batch(viewer_ids[v], batch, now);
      apply_s += seconds_since(t);
      applied += static_cast<long>(report.accepted);
      rejected += static_cast<long>(report.rejected.size());
      in_run += static_cast<long>(batch.size());
    }
    ingested += in_run;
    ingest_rates.push_back(static_cast<double>(in_run) / apply_s);
    fmt::print("ingest run {}: {} events, {:.0f} events/s\n", run + 1, in_run, ingest_rates.back());
  }
  // Some follows so the followed source has work to do.
  for (int v = 0; v < viewers; v += 3) {
    for (int k = 0; k < 5; ++k) {
      IncomingEvent f;
      f.id = fmt::format("f{}-{}", v, k);
      f.type = "follow";
      f.creator_id = hex_id("usr", rng() % creators);
      f.at_ms = now - day;
      (void)state.apply(viewer_ids[v], f, now);
    }
  }
  clips_by_topic = {};
  const std::size_t rss_loaded = rss_bytes();

  t0 = Clock::now();
  FeedRanker ranker(state);
  ranker.refresh(now);
  const double refresh_s = seconds_since(t0);
  auto newest = eval::make_policy(eval::PolicyKind::newest, state);
  newest->refresh(now);

  std::vector<double> p50s, p99s, ref_p50s, ref_p99s;
  std::size_t items = 0;
  for (int run = 0; run < runs; ++run) {
    std::vector<double> ms, ref_ms;
    for (int p = 0; p < pages; ++p) {
      const auto& viewer = viewer_ids[rng() % viewers];
      auto t = Clock::now();
      const auto page = ranker.page(viewer, now, 10);
      ms.push_back(seconds_since(t) * 1000);
      items += page.items.size();
      t = Clock::now();
      const auto ref = newest->page(viewer, now, 10);
      ref_ms.push_back(seconds_since(t) * 1000);
    }
    p50s.push_back(percentile(ms, 0.5));
    p99s.push_back(percentile(ms, 0.99));
    ref_p50s.push_back(percentile(ref_ms, 0.5));
    ref_p99s.push_back(percentile(ref_ms, 0.99));
    fmt::print("pages run {}: p50 {:.3f} ms, p99 {:.3f} ms (newest-first p50 {:.3f} ms)\n", run + 1,
               p50s.back(), p99s.back(), ref_p50s.back());
  }

  t0 = Clock::now();
  const std::string snapshot = StateCodec::encode(state);
  const double encode_s = seconds_since(t0);
  RankingState restored(*config);
  t0 = Clock::now();
  const auto decoded = StateCodec::decode(snapshot, restored);
  const double decode_s = seconds_since(t0);

  const double gib = 1024.0 * 1024 * 1024;
  fmt::print(
      "\n== ranking core at scale: {} clips, {} viewers, {} events ({} accepted, {} "
      "rejected), medians of {} runs ==\n",
      clips, viewers, ingested, applied, rejected, runs);
  fmt::print("events ingested per second, one core   {:>12.0f}   (target >= 20000)\n",
             median(ingest_rates));
  fmt::print("page of 10, p50                        {:>12.3f} ms\n", median(p50s));
  fmt::print("page of 10, p99                        {:>12.3f} ms (target < 10)\n", median(p99s));
  fmt::print("reference newest-first page, p50/p99   {:>8.3f} / {:.3f} ms\n", median(ref_p50s),
             median(ref_p99s));
  fmt::print("items per page (mean)                  {:>12.2f}\n",
             static_cast<double>(items) / (static_cast<double>(runs) * pages));
  fmt::print("global lists refresh                   {:>12.3f} s\n", refresh_s);
  fmt::print("ranking state RSS growth               {:>12.2f} GiB (target < 2)\n",
             static_cast<double>(rss_loaded - rss_start) / gib);
  fmt::print("ranking state, counted by the state    {:>12.2f} GiB\n",
             static_cast<double>(state.approximate_bytes()) / gib);
  fmt::print("snapshot {:.0f} MiB: encode {:.2f} s, decode {:.2f} s ({})\n",
             static_cast<double>(snapshot.size()) / (1024.0 * 1024), encode_s, decode_s,
             decoded.ok() ? "ok" : decoded.error().message);
  return 0;
}
