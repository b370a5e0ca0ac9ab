// Opening a media file and its decoders, shared by probe_media and
// decode_video_frame_rgb so both report unreadable files the same way.
#pragma once

#include <filesystem>
#include <string>

#include "adapters/media/ffmpeg/av_handles.h"
#include "common/result.h"

namespace dreamfeed::ffmpeg {

// Opens `file` and reads enough of it to know its streams. A missing file is
// not_found; a file FFmpeg cannot parse is invalid_argument.
Result<InputFormatPtr> open_media_input(const std::filesystem::path& file);

// A decoder for `stream`, ready for avcodec_send_packet.
Result<CodecContextPtr> open_stream_decoder(const AVStream& stream);

// "file:" keeps a path with a colon from being read as a protocol name.
std::string file_url(const std::filesystem::path& file);

}  // namespace dreamfeed::ffmpeg
