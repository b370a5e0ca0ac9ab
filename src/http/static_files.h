// The web app's files under web_root, for GET/HEAD paths no API route claims. A path
// never resolves outside web_root, whatever its encoding or the symlinks inside it.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "http/handler.h"

namespace dreamfeed::http {

class StaticFiles {
 public:
  // Throws std::invalid_argument when `root` is not a directory (a start-up error).
  explicit StaticFiles(const std::filesystem::path& root);

  // `path` is the decoded request path (already free of NUL and dot segments).
  // Directories answer with their index.html; paths without a file extension that
  // name nothing answer with the root index.html (client-side routes of the app).
  std::optional<FileReply> resolve(std::string_view path) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::optional<std::filesystem::path> existing_file_inside(const std::filesystem::path& p) const;
  std::filesystem::path root_;  // canonical
};

// The Content-Type for a file name's extension; application/octet-stream if unknown.
std::string_view content_type_for(const std::filesystem::path& path);

}  // namespace dreamfeed::http
