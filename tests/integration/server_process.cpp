// ServerProcess: fork/exec of the dreamfeed binary, its output into a log file that
// the test reads to learn the port.
#include "server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef DREAMFEED_BINARY
#error "DREAMFEED_BINARY must name the dreamfeed executable"
#endif

namespace dreamfeed::testing {

ServerProcess::ServerProcess(ServerProcessOptions options) : options_(std::move(options)) {
  std::filesystem::create_directories(options_.data_dir);
  log_file_ =
      options_.data_dir /
      ("server-" + std::to_string(::getpid()) + "-" +
       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".log");
  std::vector<std::string> args = {DREAMFEED_BINARY,  "serve",
                                   "--listen",        "127.0.0.1:0",
                                   "--data",          options_.data_dir.string(),
                                   "--web",           (options_.data_dir / "no-web-app").string(),
                                   "--workers",       std::to_string(options_.workers),
                                   "--lease-seconds", std::to_string(options_.lease_seconds),
                                   "--http-threads",  "2"};
  args.insert(args.end(), options_.extra_arguments.begin(), options_.extra_arguments.end());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int fd = ::open(log_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  const std::regex running(R"(running at http://127\.0\.0\.1:(\d+)/)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    std::string text = log();
    if (std::regex_search(text, match, running)) {
      port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
      return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("dreamfeed serve exited during start-up:\n" + text);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("dreamfeed serve did not start within 30 s:\n" + log());
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) kill_hard();
}

std::string ServerProcess::log() const {
  std::ifstream in(log_file_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int ServerProcess::wait_for_exit(std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return -SIGKILL;
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  return wait_for_exit(std::chrono::seconds(60));
}

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  wait_for_exit(std::chrono::seconds(10));
}

}  // namespace dreamfeed::testing
