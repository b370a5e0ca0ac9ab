// Runs a function in a forked child under a deadline and collects what it writes to a
// pipe. Speech synthesis runs this way (see speech.cpp); the child is code we do not
// control, so it may hang or crash, and neither may hang or crash the clip: a child
// past its deadline is killed, and every child is reaped before this returns.
#pragma once

#include <chrono>
#include <functional>
#include <vector>

#include "common/result.h"

namespace dreamfeed::sketch {

struct ChildOutput {
  std::vector<char> bytes;  // everything the child wrote to its pipe
  int exit_code = 0;        // what it passed to _exit(); the caller gives it meaning
};

// Forks, runs `body(out_fd)` in the child and _exit()s with what it returns (the child
// must only use async-signal-safe calls and libraries that tolerate a fork). Errors:
// unavailable when the child was still running at `deadline` (it is killed), internal
// when it died of a signal or no pipe or child could be made.
Result<ChildOutput> run_forked_child(const std::function<int(int out_fd)>& body,
                                     std::chrono::milliseconds deadline);

}  // namespace dreamfeed::sketch
