// Server-Sent Events wire format (https://html.spec.whatwg.org/#server-sent-events).
#pragma once

#include <string>

#include "http/handler.h"

namespace dreamfeed::http {

// Appends "event: x\nid: y\ndata: line\n...\n\n"; data is split on '\n' (a trailing '\r'
// on a line is dropped), event and id lose any line breaks.
void append_server_sent_event(std::string& out, const ServerSentEvent& event);

}  // namespace dreamfeed::http
