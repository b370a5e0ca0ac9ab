// Reads the order of the top-level boxes of an ISO-BMFF (MP4) file straight from its
// bytes. libavformat does not expose where the moov box sits, and that order decides
// whether a browser can start playing before the whole file has arrived.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"

namespace dreamfeed {

// The four-character types ("ftyp", "moov", "mdat", ...) in file order. A file that
// is not ISO-BMFF is invalid_argument.
Result<std::vector<std::string>> read_top_level_box_types(const std::filesystem::path& file);

}  // namespace dreamfeed
