// See ffmpeg_clip_encoder.h. One FfmpegClipEncoder writes one clip. The caller's
// thread converts each frame from the caller's pixels into a yuv420p frame from a
// buffer pool (and writes the poster JPEG from the drawn pixels of the frame a third
// of the way in) and deinterleaves audio into AAC-sized frames; a second thread (an
// OrderedWorker) runs libx264, AAC and the muxer on them in order, so drawing the next
// frame overlaps with encoding this one. Pooled buffers keep the steady state free of
// per-frame allocation.
#include "adapters/media/ffmpeg/ffmpeg_clip_encoder.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "adapters/media/ffmpeg/av_error.h"
#include "adapters/media/ffmpeg/av_handles.h"
#include "adapters/media/ffmpeg/frame_to_yuv.h"
#include "adapters/media/ffmpeg/jpeg_thumbnail.h"
#include "adapters/media/ffmpeg/media_input.h"
#include "common/ordered_worker.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
}

namespace dreamfeed {
namespace {

using namespace ffmpeg;

constexpr int kMaxDimension = 8192;
constexpr int kMaxFramesPerSecond = 240;
constexpr int kMaxAudioChannels = 8;
constexpr std::int64_t kAudioBitRatePerChannel = 64'000;  // 128 kb/s for stereo
constexpr int kKeyframeIntervalSeconds = 2;               // a seek never decodes more than 2 s
// Frames and audio blocks waiting for the encoding thread (about 1.3 audio blocks a
// frame at 32 kHz): enough to ride out a slow frame on either side, few enough to
// bound memory. When the queue is full the caller waits until it is empty, so on one
// core drawing and encoding take turns about ten frames at a time instead of frame by
// frame, and libx264 finds more of its working set still in the CPU caches.
constexpr std::size_t kQueuedEncodeTasks = 24;
constexpr std::size_t kResumeDrawingAt = 0;
// Above 720p a frame is 2.25× the bytes, and every libx264 frame thread holds its own
// frames: 1080p 12 s peaked at 342 MB with libx264's own automatic choice (3 threads
// on 2 cores), more on more cores, against a target of 300 MB. So larger frames queue
// fewer tasks and an automatic thread count is 1 there (246–253 MB, for 1.5–1.7× the
// wall time; 2 threads reached 297–304 MB: bench/RESULTS.md). Elsewhere it is one a
// core, at most 4: enough to keep pace with the one drawing thread.
constexpr int kLargeFramePixels = 1280 * 720;
constexpr std::size_t kQueuedEncodeTasksLarge = 8;
constexpr int kMaxAutomaticThreads = 4;
constexpr int kMaxAutomaticThreadsLarge = 1;
constexpr int kFrameAlignment = 64;  // bytes; what FFmpeg's SIMD code wants

bool is_large(const ClipFormat& format) { return format.width * format.height > kLargeFramePixels; }

std::filesystem::path partial_path(const std::filesystem::path& file) {
  return file.parent_path() / (file.filename().string() + ".partial");
}

Status check_format(const ClipFormat& format) {
  const auto invalid = [](std::string message, std::string field) {
    return make_error(ErrorCode::invalid_argument, std::move(message), std::move(field));
  };
  if (format.width <= 0 || format.width > kMaxDimension || format.width % 2 != 0) {
    return invalid("width must be even and between 2 and " + std::to_string(kMaxDimension) +
                       " (yuv420p halves it), not " + std::to_string(format.width),
                   "width");
  }
  if (format.height <= 0 || format.height > kMaxDimension || format.height % 2 != 0) {
    return invalid("height must be even and between 2 and " + std::to_string(kMaxDimension) +
                       " (yuv420p halves it), not " + std::to_string(format.height),
                   "height");
  }
  if (format.frames_per_second <= 0 || format.frames_per_second > kMaxFramesPerSecond) {
    return invalid("frames_per_second must be between 1 and " + std::to_string(kMaxFramesPerSecond),
                   "frames_per_second");
  }
  if (format.frame_count < 0) return invalid("frame_count must not be negative", "frame_count");
  if (format.audio_channels < 0 || format.audio_channels > kMaxAudioChannels) {
    return invalid("audio_channels must be between 0 and " + std::to_string(kMaxAudioChannels),
                   "audio_channels");
  }
  if (format.audio_channels > 0 && format.audio_sample_rate <= 0) {
    return invalid("audio_sample_rate must be positive", "audio_sample_rate");
  }
  return {};
}

class FfmpegClipEncoder final : public ClipEncoder {
 public:
  FfmpegClipEncoder(const ClipFormat& format, std::filesystem::path video_file,
                    std::filesystem::path thumbnail_file)
      : format_(format),
        video_file_(std::move(video_file)),
        thumbnail_file_(std::move(thumbnail_file)),
        video_partial_(partial_path(video_file_)),
        thumbnail_partial_(partial_path(thumbnail_file_)),
        // The thumbnail is a frame a third of the way in: past any fade-in, before
        // any ending.
        thumbnail_index_(format.frame_count / 3) {}

  ~FfmpegClipEncoder() override {
    if (state_ != State::finished) discard_files();
  }

  FfmpegClipEncoder(const FfmpegClipEncoder&) = delete;
  FfmpegClipEncoder& operator=(const FfmpegClipEncoder&) = delete;

  Status open(const EncoderSettings& settings) {
    // Fail early, before any encoding work, when the thumbnail cannot be written.
    if (std::FILE* probe = std::fopen(thumbnail_partial_.c_str(), "wb")) {
      std::fclose(probe);
    } else {
      return make_error(ErrorCode::internal, "cannot write thumbnail " + thumbnail_file_.string() +
                                                 ": " + std::strerror(errno));
    }

    AVFormatContext* raw_output = nullptr;
    const std::string url = file_url(video_partial_);
    if (int rc = avformat_alloc_output_context2(&raw_output, nullptr, "mp4", url.c_str()); rc < 0) {
      return av_error(ErrorCode::internal, "cannot create the MP4 muxer", rc);
    }
    output_.reset(raw_output);
    packet_.reset(av_packet_alloc());
    if (!packet_) return make_error(ErrorCode::internal, "out of memory");

    if (auto status = open_video(settings); !status) return status;
    if (format_.audio_channels > 0) {
      if (auto status = open_audio(); !status) return status;
    }

    if (int rc = avio_open(&output_->pb, url.c_str(), AVIO_FLAG_WRITE); rc < 0) {
      return av_error(ErrorCode::internal, "cannot write video file " + video_file_.string(), rc);
    }
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    const int rc = avformat_write_header(output_.get(), &options);
    av_dict_free(&options);
    if (rc < 0) return av_error(ErrorCode::internal, "cannot write the MP4 header", rc);
    return {};
  }

  Status write_frame(const FrameView& frame) override {
    if (auto status = check_writable(); !status) return status;
    if (!frame.pixels) {
      return make_error(ErrorCode::invalid_argument, "frame has no pixels", "frame");
    }
    if (frame.width != format_.width || frame.height != format_.height) {
      return make_error(ErrorCode::invalid_argument,
                        "frame is " + std::to_string(frame.width) + "x" +
                            std::to_string(frame.height) + " but the clip is " +
                            std::to_string(format_.width) + "x" + std::to_string(format_.height),
                        "frame");
    }
    if (frame.stride < frame.width * 4) {
      return make_error(
          ErrorCode::invalid_argument,
          "frame stride " + std::to_string(frame.stride) + " is less than 4 bytes per pixel",
          "frame");
    }

    if (frames_written_ == thumbnail_index_) {
      if (auto status = write_jpeg_thumbnail(frame, thumbnail_partial_); !status) {
        return fail(status.error());
      }
      thumbnail_written_ = true;
    }
    FramePtr yuv = pooled_video_frame();
    if (!yuv) return fail(make_error(ErrorCode::internal, "out of memory for a video frame"));
    convert_frame_to_yuv420p(frame, *yuv);
    yuv->pts = frames_written_;
    // A reference, not a copy: the last frame, the thumbnail if fewer frames arrive than
    // announced.
    av_frame_unref(last_frame_.get());
    if (int rc = av_frame_ref(last_frame_.get(), yuv.get()); rc < 0) {
      return fail(av_error(ErrorCode::internal, "cannot keep the last frame", rc));
    }
    if (auto status = submit_encode(video_encoder_.get(), video_stream_, std::move(yuv)); !status) {
      return fail(status.error());
    }
    ++frames_written_;
    return {};
  }

  Status write_audio(std::span<const float> interleaved_samples) override {
    if (auto status = check_writable(); !status) return status;
    const auto channels = static_cast<std::size_t>(format_.audio_channels);
    if (channels == 0) {
      if (interleaved_samples.empty()) return {};
      return make_error(ErrorCode::invalid_argument, "the clip format has no audio channels",
                        "audio");
    }
    if (interleaved_samples.size() % channels != 0) {
      return make_error(ErrorCode::invalid_argument,
                        std::to_string(interleaved_samples.size()) +
                            " samples do not divide into " + std::to_string(channels) + " channels",
                        "audio");
    }
    const std::size_t sample_frames = interleaved_samples.size() / channels;
    const auto frame_size = static_cast<std::size_t>(audio_frame_->nb_samples);
    std::size_t taken = 0;
    while (taken < sample_frames) {
      if (audio_fill_ == 0) {
        if (int rc = av_frame_make_writable(audio_frame_.get()); rc < 0) {
          return fail(av_error(ErrorCode::internal, "cannot reuse the audio frame", rc));
        }
      }
      const std::size_t count = std::min(frame_size - audio_fill_, sample_frames - taken);
      const float* source = interleaved_samples.data() + taken * channels;
      for (std::size_t channel = 0; channel < channels; ++channel) {
        float* plane = reinterpret_cast<float*>(audio_frame_->data[channel]) + audio_fill_;
        for (std::size_t i = 0; i < count; ++i) plane[i] = source[i * channels + channel];
      }
      audio_fill_ += count;
      taken += count;
      if (audio_fill_ == frame_size) {
        if (auto status = send_audio_frame(); !status) return fail(status.error());
      }
    }
    audio_written_ += static_cast<std::int64_t>(sample_frames);
    return {};
  }

  Result<EncodedClip> finish() override {
    if (auto status = check_writable(); !status) return status.error();
    if (frames_written_ == 0) {
      return fail(make_error(ErrorCode::invalid_argument,
                             "no frames were written; a clip needs at least one", "frames"))
          .error();
    }
    if (auto status = finish_audio(); !status) return fail(status.error()).error();
    if (auto status = submit_encode(video_encoder_.get(), video_stream_, nullptr); !status) {
      return fail(status.error()).error();
    }
    if (auto status = encode_thread_->drain(); !status) return fail(status.error()).error();
    // With +faststart the trailer also moves the moov box before mdat.
    if (int rc = av_write_trailer(output_.get()); rc < 0) {
      return fail(av_error(ErrorCode::internal, "cannot finish the MP4", rc)).error();
    }
    if (int rc = avio_closep(&output_->pb); rc < 0) {
      return fail(av_error(ErrorCode::internal, "cannot write video file " + video_file_.string(),
                           rc))
          .error();
    }

    // Fewer frames than announced: the last one is the thumbnail.
    if (!thumbnail_written_) {
      if (auto status = write_jpeg_thumbnail(*last_frame_, thumbnail_partial_); !status) {
        return fail(status.error()).error();
      }
    }

    // The video goes into place last, so its presence means the whole clip is there.
    std::error_code error;
    std::filesystem::rename(thumbnail_partial_, thumbnail_file_, error);
    if (!error) std::filesystem::rename(video_partial_, video_file_, error);
    if (error) {
      std::error_code ignored;
      std::filesystem::remove(thumbnail_file_, ignored);
      return fail(make_error(ErrorCode::internal,
                             "cannot move the finished clip into place: " + error.message()))
          .error();
    }
    state_ = State::finished;
    release_codecs();

    EncodedClip clip;
    clip.video_file = video_file_;
    clip.thumbnail_file = thumbnail_file_;
    clip.duration_seconds = static_cast<double>(frames_written_) / format_.frames_per_second;
    clip.size_bytes = static_cast<std::int64_t>(std::filesystem::file_size(video_file_, error));
    return clip;
  }

 private:
  enum class State { open, finished, failed };

  Status open_video(const EncoderSettings& settings) {
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) return make_error(ErrorCode::internal, "FFmpeg was built without libx264");
    video_encoder_.reset(avcodec_alloc_context3(codec));
    video_stream_ = avformat_new_stream(output_.get(), nullptr);
    last_frame_.reset(av_frame_alloc());
    if (!video_encoder_ || !video_stream_ || !last_frame_) {
      return make_error(ErrorCode::internal, "out of memory");
    }

    AVCodecContext& encoder = *video_encoder_;
    encoder.width = format_.width;
    encoder.height = format_.height;
    encoder.pix_fmt = AV_PIX_FMT_YUV420P;
    encoder.time_base = {1, format_.frames_per_second};
    encoder.framerate = {format_.frames_per_second, 1};
    encoder.sample_aspect_ratio = {1, 1};
    encoder.gop_size = kKeyframeIntervalSeconds * format_.frames_per_second;
    encoder.thread_count =
        settings.threads > 0 ? settings.threads : automatic_encoder_threads(format_);
    // Limited range, BT.709 primaries and transfer (sRGB's), and the BT.601 matrix
    // that libyuv's fast ARGBToI420 converts with. The matrix is tagged in the stream,
    // and browsers and FFmpeg decode with the tagged one, so colours survive the round
    // trip; libyuv converts a 720p frame several times faster than swscale's BT.709.
    encoder.color_range = AVCOL_RANGE_MPEG;
    encoder.colorspace = AVCOL_SPC_SMPTE170M;
    encoder.color_primaries = AVCOL_PRI_BT709;
    encoder.color_trc = AVCOL_TRC_BT709;
    if (output_->oformat->flags & AVFMT_GLOBALHEADER) encoder.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;

    AVDictionary* options = nullptr;
    av_dict_set(&options, "preset", settings.x264_preset.c_str(), 0);
    av_dict_set(&options, "crf", std::to_string(settings.crf).c_str(), 0);
    av_dict_set(&options, "profile", "high", 0);
    const int rc = avcodec_open2(&encoder, codec, &options);
    av_dict_free(&options);
    if (rc < 0) {
      return av_error(ErrorCode::invalid_argument,
                      "libx264 rejected preset \"" + settings.x264_preset + "\", crf " +
                          std::to_string(settings.crf) + ", threads " +
                          std::to_string(settings.threads),
                      rc);
    }
    if (int result = avcodec_parameters_from_context(video_stream_->codecpar, &encoder);
        result < 0) {
      return av_error(ErrorCode::internal, "cannot describe the video stream", result);
    }
    video_stream_->time_base = encoder.time_base;
    video_stream_->avg_frame_rate = encoder.framerate;

    const int frame_bytes = av_image_get_buffer_size(AV_PIX_FMT_YUV420P, format_.width,
                                                     format_.height, kFrameAlignment);
    if (frame_bytes < 0) return av_error(ErrorCode::internal, "bad frame size", frame_bytes);
    video_buffers_.reset(av_buffer_pool_init(static_cast<std::size_t>(frame_bytes), nullptr));
    if (!video_buffers_) return make_error(ErrorCode::internal, "out of memory");
    encode_thread_ = std::make_unique<OrderedWorker>(
        is_large(format_) ? kQueuedEncodeTasksLarge : kQueuedEncodeTasks, kResumeDrawingAt);
    return {};
  }

  Status open_audio() {
    const AVCodec* codec = avcodec_find_encoder_by_name("aac");
    if (!codec) return make_error(ErrorCode::internal, "FFmpeg was built without the aac encoder");
    audio_encoder_.reset(avcodec_alloc_context3(codec));
    audio_stream_ = avformat_new_stream(output_.get(), nullptr);
    audio_frame_.reset(av_frame_alloc());
    if (!audio_encoder_ || !audio_stream_ || !audio_frame_) {
      return make_error(ErrorCode::internal, "out of memory");
    }

    AVCodecContext& encoder = *audio_encoder_;
    encoder.sample_fmt = AV_SAMPLE_FMT_FLTP;
    encoder.sample_rate = format_.audio_sample_rate;
    av_channel_layout_default(&encoder.ch_layout, format_.audio_channels);
    encoder.bit_rate = kAudioBitRatePerChannel * format_.audio_channels;
    encoder.time_base = {1, format_.audio_sample_rate};
    if (output_->oformat->flags & AVFMT_GLOBALHEADER) encoder.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    // The default "twoloop" coder spends about a tenth of a clip's encoding time on a
    // soundtrack of pads and effects, where "fast" sounds the same at this bit rate.
    av_opt_set(encoder.priv_data, "aac_coder", "fast", 0);
    if (int rc = avcodec_open2(&encoder, codec, nullptr); rc < 0) {
      return av_error(ErrorCode::invalid_argument,
                      "the aac encoder rejected " + std::to_string(format_.audio_sample_rate) +
                          " Hz, " + std::to_string(format_.audio_channels) + " channels",
                      rc);
    }
    if (int rc = avcodec_parameters_from_context(audio_stream_->codecpar, &encoder); rc < 0) {
      return av_error(ErrorCode::internal, "cannot describe the audio stream", rc);
    }
    audio_stream_->time_base = encoder.time_base;

    AVFrame& frame = *audio_frame_;
    frame.format = AV_SAMPLE_FMT_FLTP;
    frame.sample_rate = encoder.sample_rate;
    frame.nb_samples = encoder.frame_size;
    if (int rc = av_channel_layout_copy(&frame.ch_layout, &encoder.ch_layout); rc < 0) {
      return av_error(ErrorCode::internal, "cannot set the audio layout", rc);
    }
    if (int rc = av_frame_get_buffer(&frame, 0); rc < 0) {
      return av_error(ErrorCode::internal, "cannot allocate the audio frame", rc);
    }
    return {};
  }

  // A yuv420p frame of the clip's size and colours on a buffer from the pool.
  FramePtr pooled_video_frame() {
    FramePtr frame(av_frame_alloc());
    if (!frame) return nullptr;
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = format_.width;
    frame->height = format_.height;
    frame->color_range = video_encoder_->color_range;
    frame->colorspace = video_encoder_->colorspace;
    frame->color_primaries = video_encoder_->color_primaries;
    frame->color_trc = video_encoder_->color_trc;
    frame->buf[0] = av_buffer_pool_get(video_buffers_.get());
    if (!frame->buf[0]) return nullptr;
    if (av_image_fill_arrays(frame->data, frame->linesize, frame->buf[0]->data, AV_PIX_FMT_YUV420P,
                             format_.width, format_.height, kFrameAlignment) < 0) {
      return nullptr;
    }
    return frame;
  }

  // Hands `frame` (nullptr to flush) to the encoding thread, which encodes and muxes
  // it after everything submitted before. A failure there comes back from a later call.
  Status submit_encode(AVCodecContext* encoder, AVStream* stream, FramePtr frame) {
    std::shared_ptr<AVFrame> shared(frame.release(), FrameDeleter{});
    return encode_thread_->submit(
        [this, encoder, stream, shared] { return encode(encoder, stream, shared.get()); });
  }

  // Sends audio_frame_ holding audio_fill_ samples.
  Status send_audio_frame() {
    audio_frame_->nb_samples = static_cast<int>(audio_fill_);
    audio_frame_->pts = audio_sent_;
    // A reference to the samples: the next fill's make_writable copies on write.
    FramePtr block(av_frame_clone(audio_frame_.get()));
    if (!block) return make_error(ErrorCode::internal, "out of memory for an audio frame");
    auto status = submit_encode(audio_encoder_.get(), audio_stream_, std::move(block));
    audio_sent_ += static_cast<std::int64_t>(audio_fill_);
    audio_frame_->nb_samples = audio_encoder_->frame_size;
    audio_fill_ = 0;
    return status;
  }

  Status finish_audio() {
    if (!audio_encoder_) return {};
    if (audio_written_ == 0) {
      // A clip promised with sound gets a silent track as long as the video rather
      // than an empty one, which some players refuse.
      const std::int64_t silent_frames =
          frames_written_ * format_.audio_sample_rate / format_.frames_per_second;
      const std::vector<float> silence(static_cast<std::size_t>(silent_frames) *
                                       format_.audio_channels);
      if (auto status = write_audio(silence); !status) return status;
    }
    if (audio_fill_ > 0) {
      const auto frame_size = static_cast<std::size_t>(audio_encoder_->frame_size);
      if (!(audio_encoder_->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME)) {
        // Pad with silence; the encoder cannot take a short frame.
        for (int channel = 0; channel < format_.audio_channels; ++channel) {
          float* plane = reinterpret_cast<float*>(audio_frame_->data[channel]);
          std::fill(plane + audio_fill_, plane + frame_size, 0.0f);
        }
        audio_fill_ = frame_size;
      }
      if (auto status = send_audio_frame(); !status) return status;
    }
    return submit_encode(audio_encoder_.get(), audio_stream_, nullptr);
  }

  // Sends `frame` (nullptr to flush) and muxes every packet that comes out.
  Status encode(AVCodecContext* encoder, AVStream* stream, const AVFrame* frame) {
    if (int rc = avcodec_send_frame(encoder, frame); rc < 0) {
      return av_error(ErrorCode::internal,
                      std::string("the ") + encoder->codec->name + " encoder failed", rc);
    }
    for (;;) {
      int rc = avcodec_receive_packet(encoder, packet_.get());
      if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return {};
      if (rc < 0) {
        return av_error(ErrorCode::internal,
                        std::string("the ") + encoder->codec->name + " encoder failed", rc);
      }
      av_packet_rescale_ts(packet_.get(), encoder->time_base, stream->time_base);
      packet_->stream_index = stream->index;
      // Takes the packet's reference, leaving packet_ blank for the next one.
      rc = av_interleaved_write_frame(output_.get(), packet_.get());
      if (rc < 0) {
        return av_error(ErrorCode::internal, "cannot write video file " + video_file_.string(), rc);
      }
    }
  }

  Status check_writable() const {
    switch (state_) {
      case State::open:
        return {};
      case State::finished:
        return make_error(ErrorCode::invalid_argument, "the clip is already finished");
      case State::failed:
        break;
    }
    return make_error(ErrorCode::invalid_argument,
                      "the clip encoder stopped after an earlier error: " + failure_);
  }

  // Ends the encoder after an error it cannot recover from; nothing is left on disk.
  Status fail(Error error) {
    state_ = State::failed;
    failure_ = error.message;
    discard_files();
    return error;
  }

  void discard_files() {
    release_codecs();
    output_.reset();  // closes the partial file before it is removed
    std::error_code ignored;
    std::filesystem::remove(video_partial_, ignored);
    std::filesystem::remove(thumbnail_partial_, ignored);
  }

  void release_codecs() {
    encode_thread_.reset();  // first: it may be using the codecs and the muxer
    video_encoder_.reset();
    audio_encoder_.reset();
    last_frame_.reset();
    audio_frame_.reset();
    video_buffers_.reset();
  }

  ClipFormat format_;
  std::filesystem::path video_file_;
  std::filesystem::path thumbnail_file_;
  std::filesystem::path video_partial_;
  std::filesystem::path thumbnail_partial_;
  std::int64_t thumbnail_index_ = 0;

  OutputFormatPtr output_;
  CodecContextPtr video_encoder_;
  CodecContextPtr audio_encoder_;
  AVStream* video_stream_ = nullptr;  // owned by output_
  AVStream* audio_stream_ = nullptr;  // owned by output_
  BufferPoolPtr video_buffers_;
  FramePtr last_frame_;  // the latest frame written, a reference into video_buffers_
  bool thumbnail_written_ = false;
  FramePtr audio_frame_;
  PacketPtr packet_;  // used only by the encoding thread until it has drained
  std::unique_ptr<OrderedWorker> encode_thread_;

  State state_ = State::open;
  std::string failure_;
  std::int64_t frames_written_ = 0;
  std::size_t audio_fill_ = 0;      // samples per channel waiting in audio_frame_
  std::int64_t audio_sent_ = 0;     // samples per channel given to the encoder
  std::int64_t audio_written_ = 0;  // samples per channel received from the caller
};

}  // namespace

int automatic_encoder_threads(const ClipFormat& format) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::min(cores, is_large(format) ? kMaxAutomaticThreadsLarge : kMaxAutomaticThreads);
}

FfmpegClipEncoderFactory::FfmpegClipEncoderFactory(EncoderSettings settings)
    : settings_(std::move(settings)) {}

Result<std::unique_ptr<ClipEncoder>> FfmpegClipEncoderFactory::open(
    const ClipFormat& format, const std::filesystem::path& video_file,
    const std::filesystem::path& thumbnail_file) {
  if (auto status = check_format(format); !status) return status.error();
  if (video_file.empty() || thumbnail_file.empty() || video_file == thumbnail_file) {
    return make_error(ErrorCode::invalid_argument,
                      "the video and thumbnail need two different file names", "video_file");
  }
  auto encoder = std::make_unique<FfmpegClipEncoder>(format, video_file, thumbnail_file);
  if (auto status = encoder->open(settings_); !status) return status.error();
  return std::unique_ptr<ClipEncoder>(std::move(encoder));
}

}  // namespace dreamfeed
