// Where video files and thumbnails live: a local folder now, S3-compatible object
// storage later. Keys are relative names like "videos/vid_abc.mp4"; an implementation
// must reject keys that are not of that shape (no "..", no absolute paths).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace dreamfeed {

// How a reader gets a blob's bytes: a local file the server can send itself, or a
// URL (e.g. a presigned S3 link) to redirect the client to.
struct BlobLocation {
  std::optional<std::filesystem::path> local_file;
  std::optional<std::string> redirect_url;
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Stores the file's contents under `key` (the source file is left in place).
  virtual Status put_file(std::string_view key, const std::filesystem::path& source,
                          std::string_view content_type) = 0;
  virtual Status remove(std::string_view key) = 0;  // absent is not an error
  // not_found for an absent blob or a key that is not a valid blob key.
  virtual Result<BlobLocation> locate(std::string_view key) = 0;
};

}  // namespace dreamfeed
