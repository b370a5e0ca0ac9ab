// POSIX calls rather than iostreams because the save must be fsync'd before the rename.
#include "adapters/ranking_snapshot/file/file_snapshot_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dreamfeed {
namespace {

Error io_error(const std::string& what, const std::filesystem::path& path) {
  return make_error(ErrorCode::unavailable,
                    what + " " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

Status FileSnapshotStore::save(std::string_view bytes) {
  const std::filesystem::path tmp = path_.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return io_error("cannot create", tmp);
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      auto error = io_error("cannot write", tmp);
      ::close(fd);
      return error;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    auto error = io_error("cannot sync", tmp);
    ::close(fd);
    return error;
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path_.c_str()) != 0) return io_error("cannot rename to", path_);
  return {};
}

Result<std::optional<std::string>> FileSnapshotStore::load() {
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    if (!std::filesystem::exists(path_)) return std::optional<std::string>{};
    return io_error("cannot read", path_);
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  return std::optional<std::string>(bytes.str());
}

}  // namespace dreamfeed
