// A Clock that only moves when the test says so.
#pragma once

#include <atomic>

#include "interfaces/clock.h"

namespace dreamfeed::testing {

class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t start_ms = 1'764'000'000'000) : now_(start_ms) {}
  std::int64_t now_ms() const override { return now_.load(); }
  void advance_ms(std::int64_t ms) { now_ += ms; }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace dreamfeed::testing
