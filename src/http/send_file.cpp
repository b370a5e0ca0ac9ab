// Sends a FileReply: validators and Range (planned in file_response.cpp), then the bytes
// with sendfile(2), which copies from the page cache to the socket without passing
// through user space; Beast's file_body would read() and write() every chunk.
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "http/connection.h"
#include "http/error_reply.h"
#include "http/file_response.h"
#include "http/http_date.h"
#include "http/response_head.h"

namespace dreamfeed::http {
namespace {

using boost::system::error_code;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

asio::awaitable<bool> Connection::send_file(const FileReply& reply, const Request& request,
                                            bool keep_alive) {
  const bool head_only = request.method() == Verb::head;
  const unsigned version = request.version();
  FileDescriptor file(::open(reply.path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat info {};
  if (file.get() < 0 || ::fstat(file.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    int error = errno;
    if (file.get() >= 0 || error == ENOENT || error == ENOTDIR) {
      co_return co_await send_body(
          error_reply(Status::not_found, "not_found", "the file does not exist"), head_only,
          keep_alive, version);
    }
    spdlog::error("cannot open {}: {}", reply.path.string(), std::strerror(error));
    co_return co_await send_body(
        error_reply(Status::internal_server_error, "internal", "cannot read the file"), head_only,
        keep_alive, version);
  }

  FileFacts facts;
  facts.size = static_cast<std::uint64_t>(info.st_size);
  facts.modified = info.st_mtim.tv_sec;
  facts.modified_nanos =
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  const std::string etag = file_etag(facts);
  const FilePlan plan = plan_file_response(request, facts, etag);

  begin_response_head(head_, plan.status, keep_alive, version);
  append_header(head_, "Accept-Ranges", "bytes");
  append_header(head_, "ETag", etag);
  append_header(head_, "Last-Modified", format_http_date(facts.modified));
  if (!reply.cache_control.empty()) append_header(head_, "Cache-Control", reply.cache_control);
  if (plan.status != Status::not_modified) {
    if (!reply.content_type.empty()) append_header(head_, "Content-Type", reply.content_type);
    append_header(head_, "Content-Length", plan.length);
  }
  if (!plan.content_range.empty()) append_header(head_, "Content-Range", plan.content_range);
  append_handler_headers(head_, reply.headers);
  end_response_head(head_);

  const bool send_bytes = !head_only && plan.length > 0 &&
                          (plan.status == Status::ok || plan.status == Status::partial_content);
  if (!send_bytes) co_return (co_await write_head_and({})) && keep_alive;

  // Not with MSG_MORE: coalescing the head with the file's first bytes measured 25-35%
  // slower for 64 KB ranges on loopback (nginx does not coalesce either).
  if (!co_await write_all(head_)) co_return false;

  off_t offset = static_cast<off_t>(plan.offset);
  std::uint64_t remaining = plan.length;
  while (remaining > 0) {
    std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(remaining, 1u << 30));
    ssize_t n = ::sendfile(socket_.native_handle(), file.get(), &offset, chunk);
    if (n > 0) {
      remaining -= static_cast<std::uint64_t>(n);
      extend_deadline();
      continue;
    }
    if (n == 0) {
      spdlog::warn("{} shrank while being sent", reply.path.string());
      co_return false;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN) co_return false;  // the client went away
    auto [wait_ec] = co_await socket_.async_wait(tcp::socket::wait_write, use_tuple);
    if (wait_ec) co_return false;
  }
  co_return keep_alive;
}

}  // namespace dreamfeed::http
