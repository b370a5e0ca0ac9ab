// The subcommands of `dreamfeed`. Each registers itself and its options on the CLI11
// app and returns the subcommand with the function that runs it (its exit code).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace dreamfeed::cli {

struct Command {
  CLI::App* subcommand = nullptr;
  std::function<int()> run;
};

Command add_serve_command(CLI::App& app);
Command add_generate_command(CLI::App& app);
Command add_admin_command(CLI::App& app);
Command add_gallery_command(CLI::App& app);

}  // namespace dreamfeed::cli
