// LocalBlobStore: files under one folder, written atomically (copy to a temporary
// name, then rename) so a reader never sees half a video.
#include "adapters/blobs/local/local_blob_store.h"

#include <unistd.h>

#include <atomic>
#include <system_error>

namespace dreamfeed {
namespace fs = std::filesystem;

bool is_valid_blob_key(std::string_view key) {
  if (key.empty() || key.size() > 200) return false;
  int segments = 0;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t end = key.find('/', start);
    if (end == std::string_view::npos) end = key.size();
    std::string_view segment = key.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    for (char c : segment) {
      bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '_' || c == '-' || c == '.';
      if (!allowed) return false;
    }
    if (++segments > 4) return false;
    start = end + 1;
  }
  return true;
}

LocalBlobStore::LocalBlobStore(fs::path root) : root_(std::move(root)) {
  fs::create_directories(root_);
  root_ = fs::canonical(root_);
}

Status LocalBlobStore::put_file(std::string_view key, const fs::path& source,
                                std::string_view /*content_type*/) {
  if (!is_valid_blob_key(key)) {
    return make_error(ErrorCode::invalid_argument, "invalid blob key: " + std::string(key));
  }
  static std::atomic<unsigned> counter{0};
  const fs::path target = root_ / fs::path(key);
  const fs::path temporary = target.string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter.fetch_add(1));
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (!ec) fs::copy_file(source, temporary, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return make_error(ErrorCode::internal,
                      "cannot store " + std::string(key) + ": " + ec.message());
  }
  return {};
}

Status LocalBlobStore::remove(std::string_view key) {
  if (!is_valid_blob_key(key)) {
    return make_error(ErrorCode::invalid_argument, "invalid blob key: " + std::string(key));
  }
  std::error_code ec;
  fs::remove(root_ / fs::path(key), ec);
  if (ec)
    return make_error(ErrorCode::internal,
                      "cannot remove " + std::string(key) + ": " + ec.message());
  return {};
}

Result<BlobLocation> LocalBlobStore::locate(std::string_view key) {
  if (!is_valid_blob_key(key)) return make_error(ErrorCode::not_found, "no such media");
  fs::path file = root_ / fs::path(key);
  std::error_code ec;
  // A symlink planted inside the folder must not lead outside it either.
  fs::path resolved = fs::canonical(file, ec);
  if (ec || !fs::is_regular_file(resolved, ec))
    return make_error(ErrorCode::not_found, "no such media");
  auto [root_end, ignored] =
      std::mismatch(root_.begin(), root_.end(), resolved.begin(), resolved.end());
  if (root_end != root_.end()) return make_error(ErrorCode::not_found, "no such media");
  return BlobLocation{resolved, std::nullopt};
}

}  // namespace dreamfeed
