// dreamfeed generate "PROMPT" -o out.mp4: render one clip with the built-in backend,
// with a progress bar on a terminal and plain lines otherwise.
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "adapters/generation/sketch/sketch_backend.h"
#include "adapters/media/ffmpeg/ffmpeg_clip_encoder.h"
#include "cli/commands.h"
#include "services/studio/studio_service.h"

namespace dreamfeed::cli {
namespace {

struct GenerateOptions {
  std::string prompt;
  std::string output;
  int seconds = 4;
  std::string aspect = "portrait";
  std::string resolution = "720p";
  std::uint64_t seed = 0;
  std::string handle;
  std::string preset = "veryfast";
  int threads = 0;
};

// Draws "[#####.....]  50%" in place on a terminal; prints a line per 10% otherwise.
class ProgressDisplay {
 public:
  ProgressDisplay() : terminal_(isatty(STDERR_FILENO) == 1) {}
  void show(int percent) {
    if (terminal_) {
      int filled = percent * 30 / 100;
      fmt::print(stderr, "\r[{}{}] {:3d}%", std::string(filled, '#'), std::string(30 - filled, '.'),
                 percent);
      std::fflush(stderr);
    } else if (percent / 10 > last_decile_) {
      last_decile_ = percent / 10;
      fmt::print(stderr, "progress {}%\n", percent);
    }
  }
  void done() {
    if (terminal_) fmt::print(stderr, "\n");
  }

 private:
  bool terminal_;
  int last_decile_ = -1;
};

int run_generate(const GenerateOptions& options) {
  if (auto ok = validate_prompt(options.prompt); !ok) {
    fmt::print(stderr, "error: {}\n", ok.error().message);
    return 2;
  }
  GenerationRequest request;
  request.prompt = options.prompt;
  request.seconds = options.seconds;
  request.aspect = *parse_aspect(options.aspect);
  request.resolution = *parse_resolution(options.resolution);
  request.seed = options.seed;
  request.creator_handle = options.handle;
  const FrameSize size = request.size();

  std::filesystem::path video_file = options.output;
  std::filesystem::path thumbnail_file = video_file;
  thumbnail_file.replace_extension(".jpg");
  FfmpegClipEncoderFactory encoders(
      EncoderSettings{.x264_preset = options.preset, .crf = 23, .threads = options.threads});
  ClipFormat format{size.width,       size.height,   kFramesPerSecond, request.frame_count(),
                    kAudioSampleRate, kAudioChannels};
  auto encoder = encoders.open(format, video_file, thumbnail_file);
  if (!encoder) {
    fmt::print(stderr, "error: {}\n", encoder.error().message);
    return 1;
  }
  const auto started = std::chrono::steady_clock::now();
  SketchBackend backend;
  ProgressDisplay display;
  auto output = backend.generate(request, **encoder, [&](int percent) {
    display.show(percent);
    return true;
  });
  if (!output) {
    display.done();
    fmt::print(stderr, "error: {}\n", output.error().message);
    return 1;
  }
  auto encoded = (*encoder)->finish();
  display.done();
  if (!encoded) {
    fmt::print(stderr, "error: {}\n", encoded.error().message);
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print("{} ({}x{}, {:.1f} s, {} bytes) and thumbnail {} in {:.2f} s\n",
             encoded->video_file.string(), size.width, size.height, encoded->duration_seconds,
             encoded->size_bytes, encoded->thumbnail_file.string(), seconds);
  return 0;
}

}  // namespace

Command add_generate_command(CLI::App& app) {
  auto options = std::make_shared<GenerateOptions>();
  CLI::App* sub = app.add_subcommand(
      "generate", "Render one clip from a prompt with the built-in sketch backend");
  sub->add_option("prompt", options->prompt, "What the clip shows")->required();
  sub->add_option("-o,--output", options->output,
                  "Where to write the MP4 (a JPEG thumbnail goes beside it)")
      ->required();
  sub->add_option("--seconds", options->seconds, "Length: 4, 8 or 12")
      ->check(CLI::IsMember({4, 8, 12}));
  sub->add_option("--aspect", options->aspect, "portrait, landscape or square")
      ->check(CLI::IsMember({"portrait", "landscape", "square"}));
  sub->add_option("--resolution", options->resolution, "480p, 720p or 1080p")
      ->check(CLI::IsMember({"480p", "720p", "1080p"}));
  sub->add_option("--seed", options->seed, "Same prompt and seed give the same clip")
      ->check(CLI::Range(std::uint64_t{0}, kMaxSeed));
  sub->add_option("--handle", options->handle, "Creator handle drawn in the watermark");
  sub->add_option("--x264-preset", options->preset, "libx264 preset")
      ->envname("DREAMFEED_X264_PRESET");
  sub->add_option("--encoder-threads", options->threads,
                  "libx264 threads (0: one a core, at most 4, and 1 above 720p)")
      ->check(CLI::Range(0, 64));
  return {sub, [options] { return run_generate(*options); }};
}

}  // namespace dreamfeed::cli
