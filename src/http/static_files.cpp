// Static file resolution. Containment is checked on the canonical path (symlinks
// resolved), so a link inside web_root that points outside it is treated as missing.
#include "http/static_files.h"

#include <array>
#include <stdexcept>
#include <utility>

#include <boost/beast/core/string.hpp>

namespace dreamfeed::http {
namespace fs = std::filesystem;
namespace {

bool inside(const fs::path& root, const fs::path& candidate) {
  const std::string& r = root.native();
  const std::string& c = candidate.native();
  if (r == "/") return !c.empty() && c.front() == '/';
  return c.size() >= r.size() && c.compare(0, r.size(), r) == 0 &&
         (c.size() == r.size() || c[r.size()] == '/');
}

std::string cache_control_for(std::string_view request_path, const fs::path& file) {
  if (file.extension() == ".html") return "no-cache";
  if (request_path.starts_with("/assets/")) return "public, max-age=31536000, immutable";
  return "public, max-age=3600";
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_))
    throw std::invalid_argument("web_root is not a directory: " + root.string());
}

std::optional<fs::path> StaticFiles::existing_file_inside(const fs::path& p) const {
  std::error_code ec;
  fs::path real = fs::canonical(p, ec);
  if (ec || !inside(root_, real)) return std::nullopt;
  auto status = fs::status(real, ec);
  if (ec) return std::nullopt;
  if (fs::is_directory(status)) {
    real = fs::canonical(real / "index.html", ec);
    if (ec || !inside(root_, real) || !fs::is_regular_file(real, ec)) return std::nullopt;
    return real;
  }
  if (!fs::is_regular_file(status)) return std::nullopt;
  return real;
}

std::optional<FileReply> StaticFiles::resolve(std::string_view path) const {
  // Strip every leading '/': root / "/etc" would otherwise be "/etc".
  std::string_view relative = path;
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  if (relative.find('\0') != std::string_view::npos) return std::nullopt;
  fs::path candidate = root_ / fs::path(relative);
  for (const auto& part : fs::path(relative))
    if (part == "..") return std::nullopt;

  auto file = existing_file_inside(candidate);
  if (!file) {
    auto last_slash = relative.rfind('/');
    auto last_segment =
        last_slash == std::string_view::npos ? relative : relative.substr(last_slash + 1);
    if (last_segment.find('.') != std::string_view::npos) return std::nullopt;
    file = existing_file_inside(root_ / "index.html");
    if (!file) return std::nullopt;
  }
  FileReply reply;
  reply.content_type = std::string(content_type_for(*file));
  reply.cache_control = cache_control_for(path, *file);
  reply.path = std::move(*file);
  return reply;
}

std::string_view content_type_for(const fs::path& path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".wasm", "application/wasm"},
      {".mp4", "video/mp4"},
      {".webm", "video/webm"},
      {".m4a", "audio/mp4"},
      {".mp3", "audio/mpeg"},
  }};
  const std::string extension = path.extension().string();
  for (const auto& [ext, type] : kTypes)
    if (boost::beast::iequals(extension, ext)) return type;
  return "application/octet-stream";
}

}  // namespace dreamfeed::http
