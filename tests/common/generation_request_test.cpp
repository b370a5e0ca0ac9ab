// Clip shapes: names parse back, sizes are even and have the promised orientation.
#include "model/generation_request.h"

#include <gtest/gtest.h>

namespace dreamfeed {
namespace {

TEST(GenerationRequest, FrameSizes) {
  EXPECT_EQ(frame_size(Aspect::portrait, Resolution::p720).width, 720);
  EXPECT_EQ(frame_size(Aspect::portrait, Resolution::p720).height, 1280);
  EXPECT_EQ(frame_size(Aspect::landscape, Resolution::p1080).width, 1920);
  EXPECT_EQ(frame_size(Aspect::landscape, Resolution::p480).width, 854);
  EXPECT_EQ(frame_size(Aspect::square, Resolution::p480).height, 480);
  for (Aspect a : {Aspect::portrait, Aspect::landscape, Aspect::square}) {
    for (Resolution r : {Resolution::p480, Resolution::p720, Resolution::p1080}) {
      FrameSize size = frame_size(a, r);
      EXPECT_EQ(size.width % 2, 0);
      EXPECT_EQ(size.height % 2, 0);
      EXPECT_EQ(parse_aspect(to_string(a)), a);
      EXPECT_EQ(parse_resolution(to_string(r)), r);
    }
  }
}

TEST(GenerationRequest, OnlyTheOfferedLengthsAreAllowed) {
  EXPECT_TRUE(is_allowed_seconds(4));
  EXPECT_TRUE(is_allowed_seconds(12));
  EXPECT_FALSE(is_allowed_seconds(5));
  EXPECT_FALSE(is_allowed_seconds(0));
  EXPECT_FALSE(parse_aspect("vertical").has_value());
  EXPECT_FALSE(parse_resolution("4k").has_value());
}

}  // namespace
}  // namespace dreamfeed
