// See frame_decoder.h. Decodes from the start instead of seeking: seeking lands on a
// keyframe and would need the same forward decode anyway, and clips are short.
#include "adapters/media/ffmpeg/frame_decoder.h"

#include <string>

#include "adapters/media/ffmpeg/av_error.h"
#include "adapters/media/ffmpeg/frame_to_rgb.h"
#include "adapters/media/ffmpeg/media_input.h"

namespace dreamfeed {

using namespace ffmpeg;

Result<RgbImage> decode_video_frame_rgb(const std::filesystem::path& file,
                                        std::int64_t frame_index) {
  if (frame_index < 0) {
    return make_error(ErrorCode::invalid_argument, "frame index must not be negative",
                      "frame_index");
  }
  auto input = open_media_input(file);
  if (!input) return input.error();
  const int stream_index =
      av_find_best_stream(input->get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (stream_index < 0) {
    return make_error(ErrorCode::invalid_argument, file.string() + " has no video stream");
  }
  auto decoder = open_stream_decoder(*(*input)->streams[stream_index]);
  if (!decoder) return decoder.error();

  PacketPtr packet(av_packet_alloc());
  FramePtr frame(av_frame_alloc());
  if (!packet || !frame) return make_error(ErrorCode::internal, "out of memory");
  std::int64_t frames_seen = 0;
  bool draining = false;
  for (;;) {
    // Take every frame the decoder has ready before feeding it more.
    for (;;) {
      const int rc = avcodec_receive_frame(decoder->get(), frame.get());
      if (rc == AVERROR(EAGAIN)) break;
      if (rc == AVERROR_EOF) {
        return make_error(ErrorCode::invalid_argument,
                          file.string() + " has only " + std::to_string(frames_seen) +
                              " frames; frame " + std::to_string(frame_index) + " was asked for",
                          "frame_index");
      }
      if (rc < 0) return av_error(ErrorCode::invalid_argument, "corrupt video data", rc);
      if (frames_seen++ == frame_index) return convert_frame_to_rgb(*frame);
      av_frame_unref(frame.get());
    }
    if (draining) {
      // receive_frame returned EAGAIN after a flush: should not happen, but do not spin.
      return make_error(ErrorCode::internal, "the decoder stopped without finishing");
    }
    const int rc = av_read_frame(input->get(), packet.get());
    if (rc == AVERROR_EOF) {
      draining = true;
      avcodec_send_packet(decoder->get(), nullptr);
      continue;
    }
    if (rc < 0) return av_error(ErrorCode::invalid_argument, "cannot read " + file.string(), rc);
    if (packet->stream_index == stream_index) {
      const int sent = avcodec_send_packet(decoder->get(), packet.get());
      av_packet_unref(packet.get());
      if (sent < 0) return av_error(ErrorCode::invalid_argument, "corrupt video data", sent);
    } else {
      av_packet_unref(packet.get());
    }
  }
}

}  // namespace dreamfeed
