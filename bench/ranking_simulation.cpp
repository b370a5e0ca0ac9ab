// Offline evaluation of the For You feed at a larger size than the test's: simulated
// viewers with hidden tastes scroll the ranked feed and the two references (newest first,
// pure popularity) over the same synthetic catalogue. Prints watch time per session, hit
// rate at 10, coverage and how fast new clips reach 100 impressions, ratios last.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <chrono>

#include "services/ranking/eval/simulator.h"

int main(int argc, char** argv) {
  using namespace dreamfeed::ranking;
  eval::SimulationSpec spec;
  spec.catalogue.clips = 20'000;
  spec.catalogue.creators = 1'500;
  spec.catalogue.viewers = 1'500;
  spec.catalogue.seed = 11;
  spec.rounds = 4;
  std::string config_path = DREAMFEED_RANKING_CONFIG;
  CLI::App app{"Simulated viewers: ranked feed vs newest first vs popularity"};
  app.add_option("--clips", spec.catalogue.clips);
  app.add_option("--creators", spec.catalogue.creators);
  app.add_option("--viewers", spec.catalogue.viewers);
  app.add_option("--rounds", spec.rounds, "sessions per viewer");
  app.add_option("--seed", spec.catalogue.seed);
  app.add_option("--config", config_path);
  CLI11_PARSE(app, argc, argv);
  auto config = load_ranking_config(config_path);
  if (!config) {
    fmt::print(stderr, "{}\n", config.error().message);
    return 1;
  }
  std::vector<std::pair<eval::PolicyKind, eval::SimulationReport>> reports;
  for (auto kind : {eval::PolicyKind::ranked, eval::PolicyKind::newest, eval::PolicyKind::popular,
                    eval::PolicyKind::ranked_afresh}) {
    const auto start = std::chrono::steady_clock::now();
    reports.emplace_back(kind, eval::simulate(kind, *config, spec));
    fmt::print("{} simulated in {:.1f} s\n", eval::to_string(kind),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  fmt::print("\n== simulation: {} clips, {} viewers, {} sessions each, seed {} ==\n",
             spec.catalogue.clips, spec.catalogue.viewers, spec.rounds, spec.catalogue.seed);
  fmt::print("{:<14} {:>14} {:>8} {:>9} {:>16} {:>14} {:>10}\n", "policy", "watch/session",
             "hit@10", "coverage", "new clips ≥100", "median hours", "runs/page");
  for (const auto& [kind, r] : reports) {
    fmt::print("{:<14} {:>12.1f} s {:>8.3f} {:>9.3f} {:>16.2f} {:>14.1f} {:>10.2f}\n",
               eval::to_string(kind), r.watch_seconds_per_session, r.hit_rate_at_10, r.coverage,
               r.new_clips_reaching_100, r.median_hours_to_100_impressions,
               r.pipeline_runs_per_page);
  }
  const auto& ranked = reports[0].second;
  fmt::print("ratio watch time ranked / newest       {:.2f} (target >= 1.2)\n",
             ranked.watch_seconds_per_session / reports[1].second.watch_seconds_per_session);
  fmt::print("ratio watch time ranked / popular      {:.2f} (target >= 1.2)\n",
             ranked.watch_seconds_per_session / reports[2].second.watch_seconds_per_session);
  fmt::print("ratio coverage ranked / popular        {:.2f} (target >= 1.0)\n",
             ranked.coverage / reports[2].second.coverage);
  return 0;
}
