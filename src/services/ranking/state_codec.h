// StateCodec: RankingState to and from a versioned little-endian binary snapshot, and
// the two calls that move it through a RankingSnapshotStore. Derived structures (the
// similarity index, creators' clip lists, remix lists) are rebuilt on load, not stored.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "interfaces/ranking_snapshot_store.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking {

class StateCodec {
 public:
  static std::string encode(const RankingState& state);
  // Fills `state`, which must be empty (just constructed with the current config).
  static Status decode(std::string_view bytes, RankingState& state);
};

Status save_snapshot(const RankingState& state, RankingSnapshotStore& store);
// Loads the latest snapshot into an empty state; no snapshot leaves it empty.
Status restore_snapshot(RankingSnapshotStore& store, RankingState& state);

}  // namespace dreamfeed::ranking
