// dreamfeed gallery DIR: renders every prompt of the sketch engine's corpus to an MP4
// (with thumbnail) and a PNG contact sheet of four moments, plus one index sheet of
// all prompts, and a prompts.txt naming which file is which — so a person can look at
// what the engine makes of the prompts its tests check.
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "adapters/generation/sketch/contact_sheet.h"
#include "adapters/generation/sketch/sketch_backend.h"
#include "adapters/generation/sketch/understanding/prompt_corpus.h"
#include "adapters/media/ffmpeg/ffmpeg_clip_encoder.h"
#include "cli/commands.h"
#include "services/studio/studio_service.h"

namespace dreamfeed::cli {
namespace {

struct GalleryOptions {
  std::string directory;
  std::string resolution = "480p";
  std::string aspect = "portrait";
  std::uint64_t seed = 1;
  int limit = 0;  // 0: the whole corpus
};

// Passes everything to the encoder and keeps four moments on the clip's contact sheet
// and the first of them on the index sheet.
class GallerySink final : public ClipSink {
 public:
  GallerySink(ClipSink& encoder, int frame_total, sketch::ContactSheet& clip_sheet,
              sketch::ContactSheet& index_sheet, int index_cell)
      : encoder_(encoder),
        frame_total_(frame_total),
        clip_sheet_(clip_sheet),
        index_sheet_(index_sheet),
        index_cell_(index_cell) {}

  Status write_frame(const FrameView& frame) override {
    for (int k = 0; k < 4; ++k) {
      if (frame_index_ == frame_total_ * (2 * k + 1) / 8) {
        clip_sheet_.place(k, frame);
        if (k == 2) index_sheet_.place(index_cell_, frame);
      }
    }
    ++frame_index_;
    return encoder_.write_frame(frame);
  }
  Status write_audio(std::span<const float> samples) override {
    return encoder_.write_audio(samples);
  }

 private:
  ClipSink& encoder_;
  int frame_total_;
  sketch::ContactSheet& clip_sheet_;
  sketch::ContactSheet& index_sheet_;
  int index_cell_;
  int frame_index_ = 0;
};

int run_gallery(const GalleryOptions& options) {
  const std::filesystem::path dir = options.directory;
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    fmt::print(stderr, "error: cannot create {}: {}\n", dir.string(), error.message());
    return 1;
  }
  const auto& corpus = sketch::prompt_corpus();
  const int count = options.limit > 0
                        ? std::min<int>(options.limit, static_cast<int>(corpus.size()))
                        : static_cast<int>(corpus.size());
  GenerationRequest base;
  base.seconds = 4;
  base.aspect = *parse_aspect(options.aspect);
  base.resolution = *parse_resolution(options.resolution);
  base.seed = options.seed;
  base.creator_handle = "gallery";
  const FrameSize size = base.size();
  const int cell_w = 240;
  const int cell_h = cell_w * size.height / size.width;
  const int index_columns = 10;
  sketch::ContactSheet index_sheet(index_columns, (count + index_columns - 1) / index_columns,
                                   cell_w, cell_h);
  std::ofstream listing(dir / "prompts.txt");
  FfmpegClipEncoderFactory encoders(EncoderSettings{.x264_preset = "veryfast", .crf = 23});
  SketchBackend backend;
  int failures = 0;
  for (int i = 0; i < count; ++i) {
    GenerationRequest request = base;
    request.prompt = std::string(corpus[static_cast<std::size_t>(i)].prompt);
    const std::string stem = fmt::format("{:02d}", i + 1);
    ClipFormat format{size.width,       size.height,   kFramesPerSecond, request.frame_count(),
                      kAudioSampleRate, kAudioChannels};
    auto encoder = encoders.open(format, dir / (stem + ".mp4"), dir / (stem + ".jpg"));
    if (!encoder) {
      fmt::print(stderr, "error: {}\n", encoder.error().message);
      return 1;
    }
    sketch::ContactSheet clip_sheet(4, 1, cell_w, cell_h);
    GallerySink sink(**encoder, request.frame_count(), clip_sheet, index_sheet, i);
    auto output = backend.generate(request, sink, [](int) { return true; });
    Status finished = output ? Status{} : Status{output.error()};
    if (finished) {
      if (auto encoded = (*encoder)->finish(); !encoded) finished = encoded.error();
    }
    if (finished) finished = clip_sheet.write_png(dir / (stem + "-sheet.png"));
    if (!finished) {
      ++failures;
      fmt::print(stderr, "{}: error: {}\n", stem, finished.error().message);
      continue;
    }
    listing << stem << "\t" << request.prompt << "\n";
    fmt::print("{}  {}\n", stem, request.prompt);
  }
  if (Status written = index_sheet.write_png(dir / "index.png"); !written) {
    fmt::print(stderr, "error: {}\n", written.error().message);
    return 1;
  }
  fmt::print("{} clips and contact sheets in {} (index.png shows them all)\n", count - failures,
             dir.string());
  return failures == 0 ? 0 : 1;
}

}  // namespace

Command add_gallery_command(CLI::App& app) {
  auto options = std::make_shared<GalleryOptions>();
  CLI::App* sub = app.add_subcommand(
      "gallery", "Render the sketch engine's prompt corpus to MP4s and PNG contact sheets");
  sub->add_option("directory", options->directory, "Where to write them")->required();
  sub->add_option("--resolution", options->resolution, "480p, 720p or 1080p")
      ->check(CLI::IsMember({"480p", "720p", "1080p"}));
  sub->add_option("--aspect", options->aspect, "portrait, landscape or square")
      ->check(CLI::IsMember({"portrait", "landscape", "square"}));
  sub->add_option("--seed", options->seed, "Seed for every clip");
  sub->add_option("--limit", options->limit, "Render only the first N prompts");
  return Command{sub, [options] { return run_gallery(*options); }};
}

}  // namespace dreamfeed::cli
