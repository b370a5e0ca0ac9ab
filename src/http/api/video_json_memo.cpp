// VideoJsonMemo: the clip's text from the memo while its record is current, else written.
#include "http/api/video_json_memo.h"

#include <boost/json/serialize.hpp>
#include <limits>

#include "http/api/json_views.h"

namespace dreamfeed::http {

std::shared_ptr<const std::string> VideoJsonMemo::open_object(
    const std::shared_ptr<const Video>& record) {
  constexpr std::int64_t kNow = 0;  // no expiry: see texts_
  constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
  if (auto kept = texts_.find(record->id, kNow); kept && kept->record.lock() == record) {
    return kept->text;
  }
  boost::json::object json = video_json(*record, false);
  json.erase("liked_by_me");
  auto text = std::make_shared<std::string>(boost::json::serialize(json));
  text->pop_back();  // the closing brace
  texts_.store(record->id, Text{record, text}, kNow, kNever, texts_.generation());
  return text;
}

}  // namespace dreamfeed::http
