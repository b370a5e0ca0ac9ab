// The query parameters every paged list takes (?cursor=&limit=) and the JSON of a page
// of videos, shared by the feed, profile, remix and Following routes.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "common/result.h"
#include "http/handler.h"
#include "services/feed/feed_service.h"

namespace dreamfeed::http {

// ?limit= as an integer (FeedService::kDefaultPageSize when absent); invalid_argument
// naming "limit" when it is not one. The range is the service's to check.
Result<int> page_limit(const RequestContext& request);
// ?cursor=, empty when absent.
std::string page_cursor(const RequestContext& request);
// {"items": [video…], "next_cursor": …} without scene graphs.
boost::json::object video_page_json(const FeedPage& page,
                                    const boost::json::storage_ptr& storage = {});

}  // namespace dreamfeed::http
