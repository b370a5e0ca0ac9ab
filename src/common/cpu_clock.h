// CPU time as benchmarks and per-part profiles measure it: unlike wall time, it leaves
// out what other programs take from the same core on a shared machine.
#pragma once

#include <ctime>

namespace dreamfeed {

// CPU seconds the calling thread has used.
inline double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// CPU seconds all of the process's threads have used.
inline double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace dreamfeed
