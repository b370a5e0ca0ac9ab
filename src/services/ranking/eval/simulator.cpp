// The session model: a viewer has patience; a skip costs 1.5, a partial watch 0.5, a
// finished clip gives 1 back; the session ends at zero patience or after
// max_items_per_session clips. Watch time is what a better feed earns.
#include "services/ranking/eval/simulator.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace dreamfeed::ranking::eval {
namespace {

constexpr std::int64_t kHour = 3'600'000;
// A "hit" is a clip the viewer would more likely than not finish: hidden interest of at
// least 0.75 gives a 70% chance in the watch model below.
constexpr double kHitInterest = 0.75;

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

SimulationReport simulate(PolicyKind kind, const RankingConfig& config,
                          const SimulationSpec& spec) {
  std::mt19937_64 rng(spec.catalogue.seed);
  const std::int64_t run_start = 1'780'000'000'000;  // a fixed "now", 2026
  const std::int64_t round_ms = 2 * kHour;
  const std::int64_t run_end = run_start + spec.rounds * round_ms;

  // The back catalogue was published over the two weeks before; a share during the run.
  CatalogueSpec old_spec = spec.catalogue;
  old_spec.clips = static_cast<int>(spec.catalogue.clips * (1 - spec.new_clip_share));
  old_spec.start_ms = run_start - 14 * 24 * kHour;
  old_spec.end_ms = run_start;
  CatalogueSpec new_spec = spec.catalogue;
  new_spec.clips = spec.catalogue.clips - old_spec.clips;
  new_spec.start_ms = run_start;
  new_spec.end_ms = run_end;
  new_spec.seed = spec.catalogue.seed + 1;  // distinct clip ids
  RankingState state(config);
  std::vector<SimClip> clips = make_clips(config.vocabulary, old_spec, rng);
  const std::size_t first_new = clips.size();
  for (auto& c : make_clips(config.vocabulary, new_spec, rng)) clips.push_back(std::move(c));
  const std::vector<SimViewer> viewers = make_viewers(spec.catalogue, rng);
  std::unordered_map<std::string, std::size_t> clip_by_id;
  for (std::size_t i = 0; i < clips.size(); ++i) {
    clip_by_id.emplace(clips[i].info.id, i);
    state.upsert_clip(clips[i].info);  // future clips are filtered until published
  }

  auto policy = make_policy(kind, state);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::vector<std::int64_t> reached_100_at(clips.size(), -1);
  std::unordered_set<std::string> shown;
  double watch_ms_total = 0;
  double hits = 0, hit_slots = 0, warm_hits = 0, warm_slots = 0;
  int sessions = 0, pages = 0;
  std::uint64_t event_counter = 0;

  for (int round = 0; round < spec.rounds; ++round) {
    for (std::size_t vi = 0; vi < viewers.size(); ++vi) {
      const SimViewer& viewer = viewers[vi];
      std::int64_t now = run_start + round * round_ms +
                         static_cast<std::int64_t>(vi) * round_ms / std::ssize(viewers);
      double patience = 6;
      int items = 0;
      double session_watch_ms = 0;
      bool first_page = true;
      while (patience > 0 && items < spec.max_items_per_session) {
        if (pages++ % spec.refresh_every_pages == 0) policy->refresh(now);
        const auto ids = policy->page(viewer.id, now, spec.page_size);
        if (ids.empty()) break;
        std::vector<IncomingEvent> batch;
        for (const auto& id : ids) {
          const SimClip& clip = clips[clip_by_id.at(id)];
          const double x = interest(viewer, clip);
          if (first_page) {
            const bool hit = x >= kHitInterest;
            hit_slots++;
            hits += hit;
            if (round > 0) {
              warm_slots++;
              warm_hits += hit;
            }
          }
          shown.insert(id);
          auto event = [&](std::string type) {
            IncomingEvent e;
            e.id = std::to_string(event_counter++);  // ("e" + … trips GCC 12's -Wrestrict)
            e.type = std::move(type);
            e.video_id = id;
            e.at_ms = now;
            return e;
          };
          batch.push_back(event("impression"));
          const double duration = static_cast<double>(clip.info.duration_ms);
          double watched = 0;
          const double u = uniform(rng);
          if (u < sigmoid(2.5 * x - 1.0)) {
            const int loops = x > 1 && uniform(rng) < 0.3 ? 1 : 0;
            watched = duration * (1 + loops);
            auto w = event("watch");
            w.watched_ms = static_cast<std::int64_t>(watched);
            w.duration_ms = clip.info.duration_ms;
            w.completed = true;
            w.loops = loops;
            batch.push_back(w);
            if (uniform(rng) < 0.3 * sigmoid(2 * x - 1)) batch.push_back(event("like"));
            if (x > 1 && uniform(rng) < 0.03) batch.push_back(event("share"));
            patience = std::min(8.0, patience + 1);
          } else if (uniform(rng) < 0.6) {
            watched = 1500;
            batch.push_back(event("skip"));
            if (x < -0.8 && uniform(rng) < 0.05) batch.push_back(event("not_interested"));
            patience -= 1.5;
          } else {
            watched = duration * (0.2 + 0.6 * uniform(rng));
            auto w = event("watch");
            w.watched_ms = static_cast<std::int64_t>(watched);
            w.duration_ms = clip.info.duration_ms;
            batch.push_back(w);
            patience -= 0.5;
          }
          session_watch_ms += watched;
          now += static_cast<std::int64_t>(watched) + 500;
          ++items;
          const std::size_t index = clip_by_id.at(id);
          if (reached_100_at[index] < 0 &&
              state.clip(*state.clip_index(id)).impressions + 1 >= 100) {
            reached_100_at[index] = now;
          }
          if (patience <= 0 || items >= spec.max_items_per_session) break;
        }
        const auto report = state.apply_batch(viewer.id, batch, now);
        (void)report;
        first_page = false;
      }
      watch_ms_total += session_watch_ms;
      ++sessions;
    }
  }

  SimulationReport r;
  r.sessions = sessions;
  r.pipeline_runs_per_page = pages ? static_cast<double>(policy->pipeline_runs()) / pages : 0;
  r.watch_seconds_per_session = sessions ? watch_ms_total / sessions / 1000.0 : 0;
  r.hit_rate_at_10 = hit_slots ? hits / hit_slots : 0;
  r.warm_hit_rate_at_10 = warm_slots ? warm_hits / warm_slots : 0;
  r.coverage = clips.empty() ? 0 : static_cast<double>(shown.size()) / clips.size();
  std::vector<double> hours;
  for (std::size_t i = first_new; i < clips.size(); ++i) {
    if (reached_100_at[i] >= 0) {
      hours.push_back(static_cast<double>(reached_100_at[i] - clips[i].info.published_at_ms) /
                      kHour);
    }
  }
  const std::size_t new_clips = clips.size() - first_new;
  r.new_clips_reaching_100 = new_clips ? static_cast<double>(hours.size()) / new_clips : 0;
  if (!hours.empty()) {
    std::nth_element(hours.begin(), hours.begin() + hours.size() / 2, hours.end());
    r.median_hours_to_100_impressions = hours[hours.size() / 2];
  }
  return r;
}

}  // namespace dreamfeed::ranking::eval
