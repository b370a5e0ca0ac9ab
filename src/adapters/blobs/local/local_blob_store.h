// BlobStore on a local folder: the embedded default. Keys map to files under the root;
// anything that is not a plain relative key ("videos/vid_x.mp4") is rejected, so no
// request can make the server read outside the media folder.
#pragma once

#include <filesystem>

#include "interfaces/blob_store.h"

namespace dreamfeed {

// True for keys made of 1–4 segments of [A-Za-z0-9_.-] that are not "." or "..".
bool is_valid_blob_key(std::string_view key);

class LocalBlobStore final : public BlobStore {
 public:
  // Creates the root folder when missing; throws std::filesystem_error when it cannot
  // (a start-up failure).
  explicit LocalBlobStore(std::filesystem::path root);

  Status put_file(std::string_view key, const std::filesystem::path& source,
                  std::string_view content_type) override;
  Status remove(std::string_view key) override;
  Result<BlobLocation> locate(std::string_view key) override;

 private:
  std::filesystem::path root_;
};

}  // namespace dreamfeed
