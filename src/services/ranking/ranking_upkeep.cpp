// RankingUpkeep: list refreshes and snapshots on a timer.
#include "services/ranking/ranking_upkeep.h"

#include <spdlog/spdlog.h>

namespace dreamfeed::ranking {

RankingUpkeep::RankingUpkeep(RankingService& ranking, RankingSnapshotStore& snapshots,
                             UpkeepConfig config)
    : ranking_(ranking), snapshots_(snapshots), config_(config) {}

RankingUpkeep::~RankingUpkeep() { stop(); }

void RankingUpkeep::start() {
  ranking_.refresh_if_older_than(0);
  thread_ = std::thread([this] { run(); });
}

void RankingUpkeep::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  save_snapshot();
}

void RankingUpkeep::save_snapshot() {
  const auto started = std::chrono::steady_clock::now();
  if (auto saved = ranking_.save(snapshots_); !saved) {
    spdlog::error("cannot save the ranking snapshot: {}", saved.error().message);
    return;
  }
  spdlog::debug("ranking snapshot saved in {} ms",
                std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - started)
                    .count());
}

void RankingUpkeep::run() {
  auto next_snapshot = std::chrono::steady_clock::now() + config_.snapshot_every;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, config_.tick, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    ranking_.refresh_if_older_than(config_.lists_max_age.count());
    if (std::chrono::steady_clock::now() >= next_snapshot) {
      save_snapshot();
      next_snapshot = std::chrono::steady_clock::now() + config_.snapshot_every;
    }
    lock.lock();
  }
}

}  // namespace dreamfeed::ranking
