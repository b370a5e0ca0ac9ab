// The parent reads the pipe with poll() so it can stop at the deadline even when the
// child never writes or never closes its end; after end-of-file it still waits for the
// exit under the same deadline, since a child may close its output and then hang.
// Whatever happens, the child is waited for, so no zombie is left behind.
#include "forked_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <thread>

namespace dreamfeed::sketch {
namespace {

using Clock = std::chrono::steady_clock;

int millis_left(Clock::time_point until) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
  return static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(left.count(), 0, 1 << 30));
}

// Blocks until the child has exited and is reaped.
int reap(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// Reads until end-of-file or the deadline; false at the deadline.
bool read_until_eof(int fd, Clock::time_point until, std::vector<char>& out) {
  char chunk[1 << 16];
  for (;;) {
    pollfd ready{fd, POLLIN, 0};
    const int waiting = millis_left(until);
    const int polled = poll(&ready, 1, waiting);
    if (polled < 0 && errno == EINTR) continue;
    if (polled < 0) return true;  // treat a broken poll like end-of-file; waitpid decides
    if (polled == 0) return false;
    const ssize_t got = read(fd, chunk, sizeof chunk);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got <= 0) return true;
    out.insert(out.end(), chunk, chunk + got);
  }
}

// Waits for the exit until the deadline, polling: there is no portable way to wait on
// a child with a timeout, and a child that has closed its pipe is usually exiting.
// False at the deadline; `status` is left at -1 when the child was not ours to reap.
bool exited_by(pid_t child, Clock::time_point until, int& status) {
  auto nap = std::chrono::microseconds(200);
  for (;;) {
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child) return true;
    if (done < 0 && errno != EINTR) {
      status = -1;
      return true;
    }
    if (Clock::now() >= until) return false;
    std::this_thread::sleep_for(nap);
    nap = std::min(nap * 2, std::chrono::microseconds(10'000));
  }
}

}  // namespace

Result<ChildOutput> run_forked_child(const std::function<int(int out_fd)>& body,
                                     std::chrono::milliseconds deadline) {
  const Clock::time_point until = Clock::now() + deadline;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    return make_error(ErrorCode::internal,
                      std::string("no pipe for the child: ") + strerror(errno));
  }
  const pid_t child = fork();
  if (child < 0) {
    const int error = errno;
    close(fds[0]);
    close(fds[1]);
    return make_error(ErrorCode::internal, std::string("could not fork: ") + strerror(error));
  }
  if (child == 0) {
    close(fds[0]);
    _exit(body(fds[1]));
  }
  close(fds[1]);
  ChildOutput output;
  const bool eof = read_until_eof(fds[0], until, output.bytes);
  close(fds[0]);
  int status = 0;
  if (!eof || !exited_by(child, until, status)) {
    kill(child, SIGKILL);
    reap(child);
    return make_error(ErrorCode::unavailable, "the child was still running after " +
                                                  std::to_string(deadline.count()) + " ms");
  }
  if (status == -1) {
    return make_error(ErrorCode::internal, "the child was reaped elsewhere: exit unknown");
  }
  if (WIFSIGNALED(status)) {
    return make_error(ErrorCode::internal,
                      std::string("the child died of ") + strsignal(WTERMSIG(status)));
  }
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

}  // namespace dreamfeed::sketch
