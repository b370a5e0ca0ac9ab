// Runs the real `dreamfeed serve` binary as a child process on an ephemeral loopback
// port, for tests that look at Dreamfeed from outside: over HTTP, and through what
// happens when the process is stopped (SIGTERM) or killed (SIGKILL).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dreamfeed::testing {

struct ServerProcessOptions {
  std::filesystem::path data_dir;
  int workers = 1;
  int lease_seconds = 30;
  std::vector<std::string> extra_arguments;
};

// A server that makes clips quickly: one worker, libx264's ultrafast preset.
inline ServerProcessOptions quick_generating_server(std::filesystem::path data_dir) {
  return {.data_dir = std::move(data_dir),
          .workers = 1,
          .extra_arguments = {"--x264-preset", "ultrafast"}};
}

class ServerProcess {
 public:
  // Starts the server and waits until it prints the URL it listens on.
  explicit ServerProcess(ServerProcessOptions options);
  ~ServerProcess();  // kills the process if it still runs

  std::uint16_t port() const { return port_; }
  // SIGTERM, then waits; returns the exit status (or -signal when killed by one).
  int stop();
  // SIGKILL, then waits: the process gets no chance to clean up.
  void kill_hard();
  // What the server printed so far (stdout and stderr).
  std::string log() const;

 private:
  int wait_for_exit(std::chrono::seconds limit);

  ServerProcessOptions options_;
  std::filesystem::path log_file_;
  int pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace dreamfeed::testing
