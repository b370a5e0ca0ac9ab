// See mp4_boxes.h. Hand-written because the only box-level parser available here is
// libavformat's, which does not report box positions.
#include "adapters/media/ffmpeg/mp4_boxes.h"

#include <array>
#include <cstdint>
#include <fstream>

namespace dreamfeed {
namespace {

std::uint64_t read_big_endian(const unsigned char* bytes, int count) {
  std::uint64_t value = 0;
  for (int i = 0; i < count; ++i) value = (value << 8) | bytes[i];
  return value;
}

bool is_box_type(const unsigned char* type) {
  for (int i = 0; i < 4; ++i) {
    if (type[i] < 0x20 || type[i] > 0x7e) return false;
  }
  return true;
}

}  // namespace

Result<std::vector<std::string>> read_top_level_box_types(const std::filesystem::path& file) {
  std::error_code error;
  const std::uintmax_t file_size = std::filesystem::file_size(file, error);
  std::ifstream in(file, std::ios::binary);
  if (error || !in) return make_error(ErrorCode::not_found, "cannot read " + file.string());

  const auto not_mp4 = [&] {
    return make_error(ErrorCode::invalid_argument, file.string() + " is not an MP4 file");
  };
  std::vector<std::string> types;
  std::uint64_t offset = 0;
  while (offset + 8 <= file_size) {
    std::array<unsigned char, 16> header{};
    in.seekg(static_cast<std::streamoff>(offset));
    if (!in.read(reinterpret_cast<char*>(header.data()), 8)) return not_mp4();
    std::uint64_t size = read_big_endian(header.data(), 4);
    std::uint64_t header_size = 8;
    if (!is_box_type(header.data() + 4)) return not_mp4();
    if (size == 1) {  // 64-bit size follows the type
      if (!in.read(reinterpret_cast<char*>(header.data() + 8), 8)) return not_mp4();
      size = read_big_endian(header.data() + 8, 8);
      header_size = 16;
    } else if (size == 0) {  // the box runs to the end of the file
      size = file_size - offset;
    }
    if (size < header_size || size > file_size - offset) return not_mp4();
    types.emplace_back(reinterpret_cast<const char*>(header.data() + 4), 4);
    offset += size;
  }
  if (types.empty()) return not_mp4();
  return types;
}

}  // namespace dreamfeed
