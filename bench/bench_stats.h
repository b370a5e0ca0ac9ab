// Order statistics the benchmarks report: the median, which one slow run on a shared
// machine does not move, and percentiles for latency figures.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace dreamfeed::bench {

// The value at fraction `p` (0–1) of the sorted values, 0 when there are none.
inline double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[static_cast<std::size_t>(p * (values.size() - 1))];
}

// The middle value (the upper one of an even count), 0 when there are none.
inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

}  // namespace dreamfeed::bench
