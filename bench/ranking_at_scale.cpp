// The ranking core at the size issue 5 asks for: 1,000,000 clips, 100,000 viewers and
// 10,000,000 past events in memory (scale_audience.h makes them). Reports events ingested per
// second on one core (this program is single-threaded), personalised page-of-10 latency p50/p99
// next to a newest-first page over the same state (the reference), the state's memory (RSS growth)
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

#include "bench_stats.h"
#include "scale_audience.h"
#include "services/ranking/eval/policies.h"
#include "services/ranking/feed_ranker.h"
#include "services/ranking/ranking_config.h"
#include "services/ranking/ranking_state.h"
#include "services/ranking/state_codec.h"

namespace {

using namespace dreamfeed::ranking;
using dreamfeed::bench::median;
using dreamfeed::bench::percentile;
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

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
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
  const std::size_t rss_start = rss_bytes();
  RankingState state(*config);
  dreamfeed::bench::ScaleAudience audience(
      {.clips = clips, .viewers = viewers, .creators = creators, .now_ms = now});
  std::mt19937_64 rng(7);

  auto t0 = Clock::now();
  audience.publish_catalogue(state);
  const double catalogue_s = seconds_since(t0);
  fmt::print("catalogue: {} clips in {:.1f} s\n", clips, catalogue_s);

  // Only apply_batch is timed; making the batches is not.
  const long per_run = events / runs;
  std::vector<double> ingest_rates;
  long applied = 0, rejected = 0, ingested = 0;
  std::vector<IncomingEvent> batch;
  for (int run = 0; run < runs; ++run) {
    double apply_s = 0;
    long in_run = 0;
    while (in_run < per_run) {
      const int v = audience.next_batch(state, batch);
      const auto t = Clock::now();
      const auto report = state.apply_batch(audience.viewer_id(v), batch, now);
      apply_s += seconds_since(t);
      applied += static_cast<long>(report.accepted);
      rejected += static_cast<long>(report.rejected.size());
      in_run += static_cast<long>(batch.size());
    }
    ingested += in_run;
    ingest_rates.push_back(static_cast<double>(in_run) / apply_s);
    fmt::print("ingest run {}: {} events, {:.0f} events/s\n", run + 1, in_run, ingest_rates.back());
  }
  audience.add_follows(state);
  const std::size_t rss_loaded = rss_bytes();

  t0 = Clock::now();
  FeedRanker ranker(state);
  ranker.refresh(now);
  const double refresh_s = seconds_since(t0);
  auto newest = eval::make_policy(eval::PolicyKind::newest, state);
  newest->refresh(now);

  std::vector<double> p50s, p99s, ref_p50s, ref_p99s, prepared_p50s;
  std::size_t items = 0, prepared_items = 0;
  const int prepared_pages = config->prepared.pages;
  for (int run = 0; run < runs; ++run) {
    std::vector<double> ms, ref_ms, prepared_ms;
    for (int p = 0; p < pages; ++p) {
      const auto& viewer = audience.viewer_id(static_cast<int>(rng() % viewers));
      auto t = Clock::now();
      const auto page = ranker.page(viewer, now, 10);
      ms.push_back(seconds_since(t) * 1000);
      items += page.items.size();
      t = Clock::now();
      const auto ref = newest->page(viewer, now, 10);
      ref_ms.push_back(seconds_since(t) * 1000);
      // What the server's PreparedFeeds runs once per scroll: every prepared page at once.
      const auto user = state.user_index(viewer);
      t = Clock::now();
      const auto slots = ranker.places(user.value_or(kNone), user ? state.viewer(*user) : nullptr,
                                       now, 10, prepared_pages, {});
      prepared_ms.push_back(seconds_since(t) * 1000);
      prepared_items += slots.size();
    }
    p50s.push_back(percentile(ms, 0.5));
    p99s.push_back(percentile(ms, 0.99));
    ref_p50s.push_back(percentile(ref_ms, 0.5));
    ref_p99s.push_back(percentile(ref_ms, 0.99));
    prepared_p50s.push_back(percentile(prepared_ms, 0.5));
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
  fmt::print("{} pages prepared at once, p50 {:>15.3f} ms ({:.1f} places)\n", prepared_pages,
             median(prepared_p50s),
             static_cast<double>(prepared_items) / (static_cast<double>(runs) * pages));
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
