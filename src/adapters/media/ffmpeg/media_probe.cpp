// See media_probe.h.
#include "adapters/media/ffmpeg/media_probe.h"

#include <algorithm>
#include <vector>

#include "adapters/media/ffmpeg/av_error.h"
#include "adapters/media/ffmpeg/media_input.h"
#include "adapters/media/ffmpeg/mp4_boxes.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace dreamfeed {
namespace {

using namespace ffmpeg;

// One stream being decoded, with how much came out of it.
struct DecodedStream {
  AVStream* stream = nullptr;
  CodecContextPtr decoder;
  std::int64_t frames = 0;
  std::int64_t samples = 0;
};

// Sends `packet` (nullptr to drain) and counts every frame that comes out.
Status decode_and_count(DecodedStream& decoded, const AVPacket* packet, AVFrame* frame) {
  if (int rc = avcodec_send_packet(decoded.decoder.get(), packet); rc < 0 && rc != AVERROR_EOF) {
    return av_error(ErrorCode::invalid_argument, "corrupt media data", rc);
  }
  for (;;) {
    const int rc = avcodec_receive_frame(decoded.decoder.get(), frame);
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return {};
    if (rc < 0) return av_error(ErrorCode::invalid_argument, "corrupt media data", rc);
    ++decoded.frames;
    decoded.samples += frame->nb_samples;
    av_frame_unref(frame);
  }
}

Result<DecodedStream> open_best_stream(AVFormatContext& input, AVMediaType type) {
  const int index = av_find_best_stream(&input, type, -1, -1, nullptr, 0);
  if (index < 0) return DecodedStream{};
  auto decoder = open_stream_decoder(*input.streams[index]);
  if (!decoder) return decoder.error();
  return DecodedStream{input.streams[index], std::move(decoder).value()};
}

bool has_moov_before_mdat(const std::filesystem::path& file) {
  auto types = read_top_level_box_types(file);
  if (!types) return false;
  const auto moov = std::find(types->begin(), types->end(), "moov");
  const auto mdat = std::find(types->begin(), types->end(), "mdat");
  return moov != types->end() && mdat != types->end() && moov < mdat;
}

}  // namespace

Result<MediaInfo> probe_media(const std::filesystem::path& file) {
  auto input = open_media_input(file);
  if (!input) return input.error();
  AVFormatContext& format = **input;

  auto video = open_best_stream(format, AVMEDIA_TYPE_VIDEO);
  if (!video) return video.error();
  auto audio = open_best_stream(format, AVMEDIA_TYPE_AUDIO);
  if (!audio) return audio.error();

  PacketPtr packet(av_packet_alloc());
  FramePtr frame(av_frame_alloc());
  if (!packet || !frame) return make_error(ErrorCode::internal, "out of memory");
  for (;;) {
    const int rc = av_read_frame(&format, packet.get());
    if (rc == AVERROR_EOF) break;
    if (rc < 0) return av_error(ErrorCode::invalid_argument, "cannot read " + file.string(), rc);
    for (DecodedStream* decoded : {&*video, &*audio}) {
      if (decoded->stream && packet->stream_index == decoded->stream->index) {
        if (auto status = decode_and_count(*decoded, packet.get(), frame.get()); !status) {
          av_packet_unref(packet.get());
          return status.error();
        }
      }
    }
    av_packet_unref(packet.get());
  }
  for (DecodedStream* decoded : {&*video, &*audio}) {
    if (!decoded->stream) continue;
    if (auto status = decode_and_count(*decoded, nullptr, frame.get()); !status) {
      return status.error();
    }
  }

  MediaInfo info;
  info.container = format.iformat->name;
  if (format.duration != AV_NOPTS_VALUE && format.duration > 0) {
    info.duration_seconds = static_cast<double>(format.duration) / AV_TIME_BASE;
  }
  if (const AVStream* stream = video->stream) {
    const AVCodecParameters& parameters = *stream->codecpar;
    info.video_codec = avcodec_get_name(parameters.codec_id);
    const char* pixel_format = av_get_pix_fmt_name(static_cast<AVPixelFormat>(parameters.format));
    info.pixel_format = pixel_format ? pixel_format : "";
    info.width = parameters.width;
    info.height = parameters.height;
    if (stream->avg_frame_rate.den != 0) info.frames_per_second = av_q2d(stream->avg_frame_rate);
    info.decoded_video_frames = video->frames;
  }
  if (const AVStream* stream = audio->stream) {
    const AVCodecParameters& parameters = *stream->codecpar;
    info.audio_codec = avcodec_get_name(parameters.codec_id);
    info.audio_sample_rate = parameters.sample_rate;
    info.audio_channels = parameters.ch_layout.nb_channels;
    info.decoded_audio_samples = audio->samples;
  }
  info.moov_before_mdat = has_moov_before_mdat(file);
  return info;
}

}  // namespace dreamfeed
