// Paging parameters and the video page JSON; see paging.h.
#include "http/api/paging.h"

#include <boost/json/array.hpp>
#include <charconv>

#include "http/api/json_views.h"

namespace dreamfeed::http {

Result<int> page_limit(const RequestContext& request) {
  int limit = FeedService::kDefaultPageSize;
  if (auto text = request.query_param("limit")) {
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
    if (ec != std::errc() || end != text->data() + text->size()) {
      return make_error(ErrorCode::invalid_argument, "limit must be an integer between 1 and 50",
                        "limit");
    }
  }
  return limit;
}

std::string page_cursor(const RequestContext& request) {
  return request.query_param("cursor").value_or("");
}

boost::json::object video_page_json(const FeedPage& page, const boost::json::storage_ptr& storage) {
  boost::json::array items(storage);
  items.reserve(page.items.size());
  for (const Video& video : page.items) items.push_back(video_json(video, false, storage));
  return page_json(std::move(items), page.next_cursor, storage);
}

}  // namespace dreamfeed::http
