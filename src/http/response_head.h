// Builds a response's status line and header block into a reused string. Written by
// hand rather than with Beast's serializer: that one allocates a node per header field
// on every response, and the server's hot path (/healthz, media ranges) needs none.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/handler.h"

namespace dreamfeed::http {

// Clears `out` and writes the status line, Date, Server and, when needed, Connection.
void begin_response_head(std::string& out, Status status, bool keep_alive, unsigned http_version);
void append_header(std::string& out, std::string_view name, std::string_view value);
void append_header(std::string& out, std::string_view name, std::uint64_t value);
// Handler-supplied headers; drops (and logs) fields with CR/LF or that would break
// framing (Content-Length, Transfer-Encoding, Connection).
void append_handler_headers(std::string& out, const std::vector<Header>& headers);
void end_response_head(std::string& out);

// False for statuses that never carry a body (1xx, 204, 304).
bool status_allows_body(Status status);

}  // namespace dreamfeed::http
