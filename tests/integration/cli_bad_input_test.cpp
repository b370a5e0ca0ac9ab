// The command line's bad input, through the real binary: each mistake exits non-zero
// with a message that names the problem, and leaves no output file behind.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Arguments are single-quoted for the shell; none of the ones below contain a quote.
CommandResult run_dreamfeed(const std::vector<std::string>& arguments) {
  std::string command = DREAMFEED_BINARY;
  for (const std::string& argument : arguments) command += " '" + argument + "'";
  command += " 2>&1";
  CommandResult result;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    result.output.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

void expect_refused(const std::vector<std::string>& arguments, const std::string& named) {
  CommandResult result = run_dreamfeed(arguments);
  EXPECT_NE(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find(named), std::string::npos)
      << "the message should name " << named << ":\n"
      << result.output;
}

TEST(CliBadInput, GenerateRefusesBadArgumentsAndWritesNothing) {
  testing::TempDir dir;
  const std::string out = (dir / "clip.mp4").string();
  expect_refused({"generate", "", "-o", out}, "prompt is empty");
  expect_refused({"generate", "   ", "-o", out}, "prompt is empty");
  expect_refused({"generate", "a horse", "-o", out, "--seconds", "5"}, "--seconds");
  expect_refused({"generate", "a horse", "-o", out, "--aspect", "round"}, "--aspect");
  expect_refused({"generate", "a horse", "-o", out, "--resolution", "4k"}, "--resolution");
  expect_refused({"generate", "a horse", "-o", out, "--seed", "-1"}, "--seed");
  expect_refused({"generate", "a horse", "-o", out, "--encoder-threads", "-1"},
                 "--encoder-threads");
  expect_refused({"generate", "a horse"}, "--output");
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(dir / "clip.jpg"));
}

TEST(CliBadInput, ServeRefusesOutOfRangeSettingsBeforeStarting) {
  testing::TempDir dir;
  const std::string data = (dir / "data").string();
  expect_refused({"serve", "--data", data, "--feed-cache-ms", "-1"}, "--feed-cache-ms");
  expect_refused({"serve", "--data", data, "--session-cache-ms", "-1"}, "--session-cache-ms");
  expect_refused({"serve", "--data", data, "--clip-cache-ms", "400000"}, "--clip-cache-ms");
  expect_refused({"serve", "--data", data, "--workers", "1000"}, "--workers");
  expect_refused({"serve", "--data", data, "--lease-seconds", "0"}, "--lease-seconds");
  expect_refused({"serve", "--data", data, "--encoder-threads", "-1"}, "--encoder-threads");
  expect_refused({"serve", "--data", data, "--encoder-threads", "65"}, "--encoder-threads");
  expect_refused({"serve", "--data", data, "--listen", "no-port"}, "--listen");
  expect_refused({"nonsense"}, "subcommand is required");
  expect_refused({"serve", "--data", data, "--ranking-snapshot-seconds", "0"},
                 "--ranking-snapshot-seconds");
  expect_refused({"serve", "--data", data, "--ranking-config", (dir / "missing.json").string()},
                 "--ranking-config");
}

TEST(CliBadInput, ServeRefusesARankingConfigOrSnapshotItCannotRead) {
  testing::TempDir dir;
  const std::string data = (dir / "data").string();
  const auto config = dir / "ranking.json";
  std::ofstream(config) << "{\"weights\": ";
  expect_refused(
      {"serve", "--data", data, "--listen", "127.0.0.1:0", "--ranking-config", config.string()},
      "cannot read the ranking config " + config.string());

  // A damaged snapshot stops the server rather than starting it with an empty ranking
  // (which would then overwrite the snapshot); the file is left as it was.
  std::filesystem::create_directories(dir / "data");
  std::ofstream(dir / "data" / "ranking.snapshot") << "not a snapshot";
  expect_refused({"serve", "--data", data, "--listen", "127.0.0.1:0"},
                 "cannot restore the ranking snapshot");
  std::ifstream kept(dir / "data" / "ranking.snapshot");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(kept), {}), "not a snapshot");
}

}  // namespace
}  // namespace dreamfeed
