// The colours of one sketch clip. A palette is picked from the prompt (mood words such
// as "night" or "sunset" narrow the choice) and the seed, then nudged in hue so two
// seeds with the same base palette still look different.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace dreamfeed::sketch {

struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
};

enum class Mood { day, sunset, night, dreamy };

std::string_view to_string(Mood mood);

struct Palette {
  std::string_view name;
  Mood mood = Mood::day;
  Rgb sky_top;
  Rgb sky_middle;
  Rgb sky_horizon;
  std::array<Rgb, 3> hills;  // far to near
  Rgb sun;                   // the moon when mood is night
  Rgb text_outline;
  std::array<Rgb, 3> text_fills;
  std::array<Rgb, 3> accents;  // floating shapes, watermark mark
};

Palette choose_palette(std::string_view prompt, std::uint64_t seed);

// A palette with its hues rotated by `degrees` (used to vary a base palette by seed).
Palette rotate_hue(const Palette& palette, double degrees);

}  // namespace dreamfeed::sketch
