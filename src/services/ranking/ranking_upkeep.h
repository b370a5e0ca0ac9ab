// RankingUpkeep: the ranking's background thread in a server — recomputes the shared
// lists (trending, fresh, best per topic) when they are older than `lists_max_age`, and
// saves a snapshot every `snapshot_every` and once more when stopped, so the aggregates
// survive a restart.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "interfaces/ranking_snapshot_store.h"
#include "services/ranking/ranking_service.h"

namespace dreamfeed::ranking {

struct UpkeepConfig {
  std::chrono::milliseconds tick{250};
  std::chrono::milliseconds lists_max_age{5000};
  std::chrono::milliseconds snapshot_every{60'000};
};

class RankingUpkeep {
 public:
  RankingUpkeep(RankingService& ranking, RankingSnapshotStore& snapshots, UpkeepConfig config);
  ~RankingUpkeep();  // stops (and saves) if still running

  void start();
  // Joins the thread, then saves a last snapshot; a failure to save is logged.
  void stop();

 private:
  void run();
  void save_snapshot();

  RankingService& ranking_;
  RankingSnapshotStore& snapshots_;
  UpkeepConfig config_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace dreamfeed::ranking
