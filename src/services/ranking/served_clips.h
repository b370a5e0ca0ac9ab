// ServedClips: the clips a scroll's earlier pages served, which its next pages must not
// show again even though their impressions may not have arrived yet; the For You
// cursor carries them. Each is a 32-bit hash of its id (RankingState::clip_id_hash), so
// a cursor holds 4 bytes a clip instead of the id, and matching a candidate needs no
// lookup in the catalogue's id table. Two ids that share a hash only keep one clip off
// that scroll's next pages: for a cursor's 60 clips against a ranking's ~700
// candidates, about one ranking in a hundred thousand.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dreamfeed::ranking {

class ServedClips {
 public:
  static std::uint32_t hash_of(std::string_view clip_id);

  ServedClips() = default;
  explicit ServedClips(std::vector<std::uint32_t> hashes);  // in any order
  static ServedClips of_ids(std::span<const std::string> clip_ids);

  bool contains(std::uint32_t hash) const;
  bool empty() const { return sorted_.empty(); }

 private:
  std::vector<std::uint32_t> sorted_;
};

}  // namespace dreamfeed::ranking
