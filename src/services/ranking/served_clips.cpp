// ServedClips: a sorted vector of id hashes, searched by bisection.
#include "services/ranking/served_clips.h"

#include <algorithm>

#include "common/crypto.h"

namespace dreamfeed::ranking {

std::uint32_t ServedClips::hash_of(std::string_view clip_id) { return stable_hash32(clip_id); }

ServedClips::ServedClips(std::vector<std::uint32_t> hashes) : sorted_(std::move(hashes)) {
  std::sort(sorted_.begin(), sorted_.end());
}

ServedClips ServedClips::of_ids(std::span<const std::string> clip_ids) {
  std::vector<std::uint32_t> hashes;
  hashes.reserve(clip_ids.size());
  for (const std::string& id : clip_ids) hashes.push_back(hash_of(id));
  return ServedClips(std::move(hashes));
}

bool ServedClips::contains(std::uint32_t hash) const {
  return std::binary_search(sorted_.begin(), sorted_.end(), hash);
}

}  // namespace dreamfeed::ranking
