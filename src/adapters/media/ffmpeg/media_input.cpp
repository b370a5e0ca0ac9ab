// See media_input.h.
#include "adapters/media/ffmpeg/media_input.h"

#include "adapters/media/ffmpeg/av_error.h"

namespace dreamfeed::ffmpeg {

std::string file_url(const std::filesystem::path& file) { return "file:" + file.string(); }

Result<InputFormatPtr> open_media_input(const std::filesystem::path& file) {
  AVFormatContext* raw = nullptr;
  const std::string url = file_url(file);
  // On failure avformat_open_input frees the context itself.
  if (int rc = avformat_open_input(&raw, url.c_str(), nullptr, nullptr); rc < 0) {
    const ErrorCode code = rc == AVERROR(ENOENT)       ? ErrorCode::not_found
                           : rc == AVERROR_INVALIDDATA ? ErrorCode::invalid_argument
                                                       : ErrorCode::internal;
    return av_error(code, "cannot open media file " + file.string(), rc);
  }
  InputFormatPtr input(raw);
  if (int rc = avformat_find_stream_info(input.get(), nullptr); rc < 0) {
    return av_error(ErrorCode::invalid_argument, "cannot read the streams of " + file.string(), rc);
  }
  return input;
}

Result<CodecContextPtr> open_stream_decoder(const AVStream& stream) {
  const AVCodec* codec = avcodec_find_decoder(stream.codecpar->codec_id);
  if (!codec) {
    return make_error(ErrorCode::invalid_argument, std::string("no decoder for codec ") +
                                                       avcodec_get_name(stream.codecpar->codec_id));
  }
  CodecContextPtr decoder(avcodec_alloc_context3(codec));
  if (!decoder) return make_error(ErrorCode::internal, "cannot allocate a decoder");
  if (int rc = avcodec_parameters_to_context(decoder.get(), stream.codecpar); rc < 0) {
    return av_error(ErrorCode::internal, "cannot configure the decoder", rc);
  }
  decoder->pkt_timebase = stream.time_base;
  decoder->thread_count = 0;  // let FFmpeg use every core; probing a clip should be quick
  if (int rc = avcodec_open2(decoder.get(), codec, nullptr); rc < 0) {
    return av_error(ErrorCode::internal, std::string("cannot open the ") + codec->name + " decoder",
                    rc);
  }
  return decoder;
}

}  // namespace dreamfeed::ffmpeg
