// Benchmark: where the CPU of one `dreamfeed generate` clip goes outside libx264. The
// same clip as bench_generate_vs_x264 (showcase prompt at sunset, 4 s 720×1280), taken
// apart: planning, the renderer's set-up, each layer's drawing, the conversion to
// yuv420p, the poster, the sound, and AAC encoding with muxing, each timed as CPU
// of the thread doing it. Medians of several clips, figures printed last. It has no
// reference of its own: bench_generate_vs_x264 weighs the whole against libx264 alone
// (the issue-3 target is that everything here stays within a quarter of libx264's
// time); this bench says which part to look at.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "adapters/generation/sketch/scene_plan.h"
#include "adapters/generation/sketch/scene_renderer.h"
#include "adapters/generation/sketch/sound_bed.h"
#include "adapters/generation/sketch/soundtrack.h"
#include "adapters/generation/sketch/text_shaper.h"
#include "adapters/media/ffmpeg/av_handles.h"
#include "adapters/media/ffmpeg/ffmpeg_clip_encoder.h"
#include "adapters/media/ffmpeg/ffmpeg_logging.h"
#include "adapters/media/ffmpeg/frame_to_yuv.h"
#include "adapters/media/ffmpeg/jpeg_thumbnail.h"
#include "bench_stats.h"
#include "common/cpu_clock.h"

namespace {
using namespace dreamfeed;
using bench::median;

constexpr int kWidth = 720;
constexpr int kHeight = 1280;
constexpr int kSeconds = 4;
constexpr int kFrames = kSeconds * kFramesPerSecond;
// Converted frames written in turn, at least as many as the encoder's pool holds at once
// (a queue of 24 tasks, about ten of them frames), so the conversion writes to memory
// at least as cold as the encoder's.
constexpr std::size_t kConvertedFrames = 26;

// Thread CPU milliseconds of each part of one clip, in the order they are printed.
struct Parts {
  std::vector<std::pair<std::string, double>> ms;
  void add(const std::string& name, double seconds) { ms.emplace_back(name, seconds * 1e3); }
};

sketch::ScenePlan plan_showcase(const sketch::TextShaper& shaper) {
  auto plan = sketch::plan_scene(
      sketch::SceneRequest{"a man rides a horse that is standing on another horse at sunset",
                           20261125, kWidth, kHeight, kSeconds},
      shaper);
  if (!plan) throw std::runtime_error(plan.error().message);
  return *std::move(plan);
}

// The scene and its frames, drawn and converted as SketchBackend and the encoder do, and
// its soundtrack made a frame's worth at a time as SketchBackend makes it; returns the
// soundtrack.
std::vector<float> time_drawing(const sketch::TextShaper& shaper, Parts& parts) {
  double start = thread_cpu_seconds();
  const sketch::ScenePlan plan = plan_showcase(shaper);
  parts.add("plan the scene", thread_cpu_seconds() - start);

  start = thread_cpu_seconds();
  sketch::SceneRenderer renderer(plan, "bench", shaper);
  parts.add("renderer set-up (layers drawn once)", thread_cpu_seconds() - start);

  std::array<ffmpeg::FramePtr, kConvertedFrames> yuv;
  for (auto& frame : yuv) {
    frame.reset(av_frame_alloc());
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = kWidth;
    frame->height = kHeight;
    frame->color_range = AVCOL_RANGE_MPEG;
    frame->colorspace = AVCOL_SPC_SMPTE170M;
    // 64-byte rows, as the encoder's pool lays its frames out.
    if (av_frame_get_buffer(frame.get(), 64) < 0) throw std::runtime_error("out of memory");
    // Touched before the clock starts: the part is the conversion, not first page faults.
    for (AVBufferRef* buffer : frame->buf) {
      if (buffer) std::memset(buffer->data, 0, buffer->size);
    }
  }
  sketch::LayerTimes layers;
  double converting = 0;
  double poster = 0;
  const auto poster_file = std::filesystem::temp_directory_path() / "dreamfeed-bench-parts.jpg";
  for (int index = 0; index < kFrames; ++index) {
    const FrameView frame = renderer.render(index, &layers);
    if (index == kFrames / 3) {  // the encoder's choice of poster frame
      start = thread_cpu_seconds();
      if (!write_jpeg_thumbnail(frame, poster_file)) throw std::runtime_error("no poster");
      poster = thread_cpu_seconds() - start;
    }
    start = thread_cpu_seconds();
    ffmpeg::convert_frame_to_yuv420p(frame,
                                     *yuv[static_cast<std::size_t>(index) % kConvertedFrames]);
    converting += thread_cpu_seconds() - start;
  }
  parts.add("backdrop", layers.backdrop);
  parts.add("setting", layers.setting);
  parts.add("figures", layers.figures);
  parts.add("foreground", layers.foreground);
  parts.add("weather", layers.weather);
  parts.add("words", layers.words);
  parts.add("watermark", layers.watermark);
  parts.add("BGRA to yuv420p (as the encoder does)", converting);

  parts.add("poster JPEG", poster);

  start = thread_cpu_seconds();
  sketch::SoundBed bed = sketch::render_sound_bed(plan, kAudioSampleRate);
  sketch::Soundtrack soundtrack(plan.music);
  soundtrack.set_bed(std::move(bed.stereo), {});
  std::vector<float> audio(static_cast<std::size_t>(audio_samples_before(kFrames)) *
                           kAudioChannels);
  for (int index = 0; index < kFrames; ++index) {
    const auto from = static_cast<std::size_t>(audio_samples_before(index)) * kAudioChannels;
    const auto to = static_cast<std::size_t>(audio_samples_before(index + 1)) * kAudioChannels;
    soundtrack.render_next(std::span<float>(audio).subspan(from, to - from));
  }
  parts.add("sound bed and music", thread_cpu_seconds() - start);
  return audio;
}

// The production encoder on the clip's soundtrack with a one-frame 16×16 video: AAC,
// muxing, with libx264's share and the 16×16 poster's next to nothing.
void time_audio_encoding(const std::vector<float>& soundtrack, const std::filesystem::path& out,
                         Parts& parts) {
  const double start = process_cpu_seconds();
  FfmpegClipEncoderFactory factory(EncoderSettings{"veryfast", 23, 1});
  constexpr int kSide = 16;
  ClipFormat format{kSide, kSide, kFramesPerSecond, 1, kAudioSampleRate, kAudioChannels};
  auto encoder = factory.open(format, out, std::filesystem::path(out).replace_extension(".jpg"));
  if (!encoder) throw std::runtime_error(encoder.error().message);
  std::vector<std::uint8_t> pixels(kSide * kSide * 4, 0x80);
  if (!(*encoder)->write_frame(FrameView{pixels.data(), kSide, kSide, kSide * 4})) {
    throw std::runtime_error("the frame was refused");
  }
  if (!(*encoder)->write_audio(soundtrack)) throw std::runtime_error("the audio was refused");
  if (!(*encoder)->finish()) throw std::runtime_error("the clip did not finish");
  parts.add("AAC encoding and muxing (both threads)", process_cpu_seconds() - start);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 7;
  CLI::App app{"Where one sketch clip's CPU goes outside libx264"};
  app.add_option("--runs", runs, "Clips measured (the median of each part is reported)");
  CLI11_PARSE(app, argc, argv);
  limit_ffmpeg_logging_to_errors();

  const sketch::TextShaper shaper;
  const auto out = std::filesystem::temp_directory_path() / "dreamfeed-bench-parts.mp4";
  std::vector<Parts> measured;
  for (int run = 0; run < std::max(1, runs); ++run) {
    Parts parts;
    const std::vector<float> soundtrack = time_drawing(shaper, parts);
    time_audio_encoding(soundtrack, out, parts);
    measured.push_back(std::move(parts));
  }
  std::filesystem::remove(out);
  std::filesystem::remove(std::filesystem::path(out).replace_extension(".jpg"));

  fmt::print(
      "\n== one 4 s 720x1280 sketch clip outside libx264: CPU per part ({} clips, medians)\n",
      measured.size());
  double total = 0;
  for (std::size_t part = 0; part < measured.front().ms.size(); ++part) {
    std::vector<double> values;
    for (const Parts& parts : measured) values.push_back(parts.ms[part].second);
    const double ms = median(values);
    total += ms;
    fmt::print("{:<42} {:7.1f} ms\n", measured.front().ms[part].first, ms);
  }
  fmt::print("{:<42} {:7.1f} ms\n", "sum of the parts", total);
  return 0;
}
