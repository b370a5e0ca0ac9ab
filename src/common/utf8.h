// UTF-8 checks for user text. Written by hand because none of the project's libraries
// offers a plain "is this valid UTF-8, and how many code points" outside GLib, which
// the services must not depend on.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace dreamfeed {

// The number of code points in `text`, or nullopt when it is not valid UTF-8
// (overlong forms, surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> utf8_length(std::string_view text);

// `text` without leading and trailing ASCII white space.
std::string_view trim_ascii_space(std::string_view text);

}  // namespace dreamfeed
