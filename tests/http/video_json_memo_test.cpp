// VideoJsonMemo: the text is the clip's video_json less liked_by_me, written once per
// record, and written again when the clip cache replaces the record.
#include "http/api/video_json_memo.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/api/json_views.h"

namespace dreamfeed::http {
namespace {

std::shared_ptr<const Video> record(std::int64_t likes) {
  Video video;
  video.id = "vid_1";
  video.creator_id = "usr_1";
  video.creator_handle = "ada";
  video.status = VideoStatus::published;
  video.prompt = "a \"quoted\" fox";
  video.likes = likes;
  video.created_at_ms = 1'700'000'000'000;
  video.published_at_ms = 1'700'000'060'000;
  return std::make_shared<const Video>(std::move(video));
}

TEST(VideoJsonMemo, TheTextIsTheClipsJsonForTheCallerToClose) {
  VideoJsonMemo memo(10);
  auto clip = record(3);
  auto text = memo.open_object(clip);
  boost::json::object expected = video_json(*clip, false);
  expected.erase("liked_by_me");
  EXPECT_EQ(boost::json::parse(*text + "}").as_object(), expected);
  EXPECT_EQ(boost::json::parse(*text + R"(,"liked_by_me":true})").at("prompt").as_string(),
            "a \"quoted\" fox");
}

TEST(VideoJsonMemo, OneRecordIsWrittenOnceAndAReplacedOneAgain) {
  VideoJsonMemo memo(10);
  auto clip = record(3);
  auto first = memo.open_object(clip);
  EXPECT_EQ(memo.open_object(clip), first) << "the same record: the same text, not rewritten";
  auto liked = record(4);  // the cache replaced the record after a like
  auto second = memo.open_object(liked);
  EXPECT_NE(second, first);
  EXPECT_EQ(boost::json::parse(*second + "}").at("likes").as_int64(), 4);
  EXPECT_EQ(boost::json::parse(*memo.open_object(clip) + "}").at("likes").as_int64(), 3)
      << "a caller still holding the old record gets its own text";
}

TEST(VideoJsonMemo, AFullMemoStillAnswersEveryClipRight) {
  VideoJsonMemo memo(2);
  std::vector<std::shared_ptr<const Video>> clips;
  for (int i = 0; i < 50; ++i) {
    Video video = *record(i);
    video.id = "vid_" + std::to_string(i);
    clips.push_back(std::make_shared<const Video>(std::move(video)));
    EXPECT_EQ(boost::json::parse(*memo.open_object(clips.back()) + "}").at("id").as_string(),
              clips.back()->id);
  }
}

}  // namespace
}  // namespace dreamfeed::http
