// dreamfeed: serve the platform, generate a clip, or administer accounts.
#include <spdlog/spdlog.h>

#include <exception>
#include <vector>

#include "adapters/media/ffmpeg/ffmpeg_logging.h"
#include "cli/commands.h"
#include "common/crypto.h"

int main(int argc, char** argv) {
  CLI::App app{"Dreamfeed: short AI-generated videos, self-hosted"};
  app.require_subcommand(1);
  const std::vector<dreamfeed::cli::Command> commands = {
      dreamfeed::cli::add_serve_command(app),
      dreamfeed::cli::add_generate_command(app),
      dreamfeed::cli::add_admin_command(app),
      dreamfeed::cli::add_gallery_command(app),
  };
  CLI11_PARSE(app, argc, argv);
  try {
    dreamfeed::init_crypto();
    // libx264 prints statistics for every clip; only errors belong in the log.
    dreamfeed::limit_ffmpeg_logging_to_errors();
    for (const auto& command : commands) {
      if (command.subcommand->parsed()) return command.run();
    }
  } catch (const std::exception& e) {
    // Start-up failures (cannot bind, cannot open the database) end here.
    spdlog::critical("{}", e.what());
    return 1;
  }
  return 2;
}
