// The sketch engine's only source of randomness: SplitMix64, seeded from the request,
// so a clip is bit-identical for the same request on every run (no std::random_device,
// no rand(), no clocks). Also a stable text hash to mix the prompt into seeds.
#pragma once

#include <cstdint>
#include <string_view>

namespace dreamfeed::sketch {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // In [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double between(double low, double high) { return low + (high - low) * uniform(); }
  // In [0, count); count > 0.
  int below(int count) { return static_cast<int>(next() % static_cast<std::uint64_t>(count)); }
  // A generator for one independent part of the scene, so adding draws to one part
  // does not change what another part looks like.
  SeededRandom fork(std::uint64_t salt) {
    return SeededRandom(next() ^ (salt * 0xD1B54A32D192ED03ULL));
  }

 private:
  std::uint64_t state_;
};

// FNV-1a: stable across platforms and runs, unlike std::hash.
inline std::uint64_t hash_text(std::string_view text) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

}  // namespace dreamfeed::sketch
