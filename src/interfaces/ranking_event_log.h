// RankingEventLog: what the ranking learned since its last snapshot, kept durably so that
// a crash (not only a clean stop) loses none of it. The ranking appends each change —
// an event batch, a signal, a steering or limit setting — as an opaque payload before
// applying it, records in each snapshot the last position applied, replays what follows
// that position at start-up, and forgets what a saved snapshot covers. SQLite keeps it in
// a table of the same file as the store (adapters/store/sqlite); PostgreSQL would too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace dreamfeed {

struct LoggedChange {
  std::uint64_t position = 0;  // increasing in append order
  std::string payload;
};

class RankingEventLog {
 public:
  virtual ~RankingEventLog() = default;
  // Durable when it returns; the position is greater than every earlier one.
  virtual Result<std::uint64_t> append(std::string_view payload) = 0;
  // The changes after `position`, in order, at most `limit`.
  virtual Result<std::vector<LoggedChange>> read_after(std::uint64_t position, int limit) = 0;
  // Drops the changes up to and including `position` (a saved snapshot holds them).
  virtual Status forget_through(std::uint64_t position) = 0;
};

}  // namespace dreamfeed
