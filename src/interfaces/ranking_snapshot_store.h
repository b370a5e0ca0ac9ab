// RankingSnapshotStore: where the ranking's aggregates are kept between restarts. The
// ranking service encodes its state to bytes (services/ranking/state_codec.h) and the
// store only keeps the latest snapshot: a file now (adapters/ranking/file), a table row
// or an object in the blob store later. What changed after the latest snapshot is kept
// by the RankingEventLog (ranking_event_log.h) and replayed at start-up.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace dreamfeed {

class RankingSnapshotStore {
 public:
  virtual ~RankingSnapshotStore() = default;
  // Replaces the stored snapshot atomically: a reader sees the old one or the new one.
  virtual Status save(std::string_view bytes) = 0;
  // The latest snapshot, or nullopt when none was ever saved.
  virtual Result<std::optional<std::string>> load() = 0;
};

}  // namespace dreamfeed
