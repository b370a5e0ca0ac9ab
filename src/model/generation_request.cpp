// Names and sizes of the clip shapes Dreamfeed makes.
#include "model/generation_request.h"

#include <algorithm>

namespace dreamfeed {

std::string_view to_string(Aspect aspect) {
  switch (aspect) {
    case Aspect::portrait:
      return "portrait";
    case Aspect::landscape:
      return "landscape";
    case Aspect::square:
      return "square";
  }
  return "portrait";
}

std::string_view to_string(Resolution resolution) {
  switch (resolution) {
    case Resolution::p480:
      return "480p";
    case Resolution::p720:
      return "720p";
    case Resolution::p1080:
      return "1080p";
  }
  return "720p";
}

std::optional<Aspect> parse_aspect(std::string_view text) {
  for (Aspect a : {Aspect::portrait, Aspect::landscape, Aspect::square}) {
    if (text == to_string(a)) return a;
  }
  return std::nullopt;
}

std::optional<Resolution> parse_resolution(std::string_view text) {
  for (Resolution r : {Resolution::p480, Resolution::p720, Resolution::p1080}) {
    if (text == to_string(r)) return r;
  }
  return std::nullopt;
}

bool is_allowed_seconds(int seconds) {
  return std::ranges::find(kAllowedSeconds, seconds) != std::end(kAllowedSeconds);
}

FrameSize frame_size(Aspect aspect, Resolution resolution) {
  int short_side = 720;
  switch (resolution) {
    case Resolution::p480:
      short_side = 480;
      break;
    case Resolution::p720:
      short_side = 720;
      break;
    case Resolution::p1080:
      short_side = 1080;
      break;
  }
  // 16:9 long side, rounded to an even number as yuv420p needs; 480 → 854.
  int long_side = (short_side * 16 / 9 + 1) / 2 * 2;
  switch (aspect) {
    case Aspect::portrait:
      return {short_side, long_side};
    case Aspect::landscape:
      return {long_side, short_side};
    case Aspect::square:
      return {short_side, short_side};
  }
  return {short_side, long_side};
}

}  // namespace dreamfeed
