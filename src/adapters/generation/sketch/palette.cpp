// The base palettes, the prompt words that hint at a mood, and the seed-driven choice.
#include "palette.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "seeded_random.h"

namespace dreamfeed::sketch {
namespace {

constexpr Rgb hex(std::uint32_t value) {
  return Rgb{((value >> 16) & 0xFF) / 255.0, ((value >> 8) & 0xFF) / 255.0, (value & 0xFF) / 255.0};
}

constexpr Rgb kWhite = hex(0xFFFFFF);

const std::array<Palette, 8> kPalettes = {{
    {"dawn",
     Mood::day,
     hex(0x6FA8DC),
     hex(0xF6C6C0),
     hex(0xFFE9C7),
     {hex(0xB9A7CF), hex(0x8E7DB5), hex(0x574A85)},
     hex(0xFFF3C4),
     hex(0x3E3366),
     {kWhite, hex(0xFFF1D6), hex(0xFFE0EC)},
     {hex(0xFFB3C7), hex(0xFFD59E), hex(0xB5E3FF)}},
    {"noon",
     Mood::day,
     hex(0x2F86D9),
     hex(0x78BFEF),
     hex(0xD8F1FA),
     {hex(0x9FD4A3), hex(0x5DAE6C), hex(0x2D7A49)},
     hex(0xFFF4A8),
     hex(0x1B4A73),
     {kWhite, hex(0xFFF8D6), hex(0xE6FAFF)},
     {hex(0xFFE066), hex(0xFFFFFF), hex(0x9BE7C4)}},
    {"sunset",
     Mood::sunset,
     hex(0x2C1A4A),
     hex(0xC2416B),
     hex(0xFFB56B),
     {hex(0x8D3D6E), hex(0x5B2A5E), hex(0x2A1537)},
     hex(0xFFE08A),
     hex(0x2A1537),
     {kWhite, hex(0xFFE6B8), hex(0xFFD1DC)},
     {hex(0xFFD36E), hex(0xFF8FA3), hex(0xFFC4E1)}},
    {"peach",
     Mood::sunset,
     hex(0xF29BB0),
     hex(0xFFC6A0),
     hex(0xFFF0C8),
     {hex(0xE38D8D), hex(0xBF6A84), hex(0x6A587A)},
     hex(0xFFFFFF),
     hex(0x5A3E66),
     {kWhite, hex(0xFFF4E0), hex(0xFFE3EA)},
     {hex(0xFFFFFF), hex(0xFFD6A5), hex(0xC9B6E4)}},
    {"night",
     Mood::night,
     hex(0x0A0F26),
     hex(0x1B2A5C),
     hex(0x3C4E8E),
     {hex(0x27336A), hex(0x19224D), hex(0x0B1130)},
     hex(0xF4F1DE),
     hex(0x0A0F26),
     {kWhite, hex(0xFFF6C9), hex(0xD6E4FF)},
     {hex(0xFFF6C9), hex(0x9DB4FF), hex(0xC9A7FF)}},
    {"aurora",
     Mood::night,
     hex(0x051A2B),
     hex(0x0D3B4F),
     hex(0x2A9D8F),
     {hex(0x145063), hex(0x0B3243), hex(0x041A25)},
     hex(0xE9FFF8),
     hex(0x041A25),
     {kWhite, hex(0xD8FFF3), hex(0xFFF4D6)},
     {hex(0x7CFFCB), hex(0xB0F2FF), hex(0xE2C6FF)}},
    {"mint",
     Mood::dreamy,
     hex(0x77D3C5),
     hex(0xBDEFD9),
     hex(0xFDF6D8),
     {hex(0x8BCFB3), hex(0x5AB199), hex(0x2B8677)},
     hex(0xFFFBE6),
     hex(0x1D5A54),
     {kWhite, hex(0xFFFBE6), hex(0xE8FFF6)},
     {hex(0xFFFFFF), hex(0xFFE8A3), hex(0xFFB8D1)}},
    {"lavender",
     Mood::dreamy,
     hex(0x8C79C4),
     hex(0xC8B5E5),
     hex(0xF8E2F0),
     {hex(0xA88CD0), hex(0x7E63B1), hex(0x4A3979)},
     hex(0xFFF5FB),
     hex(0x33275C),
     {kWhite, hex(0xFFF0FA), hex(0xEDE6FF)},
     {hex(0xFFFFFF), hex(0xFFD1EC), hex(0xB8E1FF)}},
}};

struct MoodWord {
  std::string_view word;
  Mood mood;
};

const MoodWord kMoodWords[] = {
    {"night", Mood::night},    {"moon", Mood::night},    {"star", Mood::night},
    {"space", Mood::night},    {"galaxy", Mood::night},  {"dark", Mood::night},
    {"midnight", Mood::night}, {"sunset", Mood::sunset}, {"evening", Mood::sunset},
    {"dusk", Mood::sunset},    {"fire", Mood::sunset},   {"autumn", Mood::sunset},
    {"morning", Mood::day},    {"sunny", Mood::day},     {"garden", Mood::day},
    {"beach", Mood::day},      {"field", Mood::day},     {"summer", Mood::day},
    {"dream", Mood::dreamy},   {"magic", Mood::dreamy},  {"fairy", Mood::dreamy},
    {"candy", Mood::dreamy},   {"cloud", Mood::dreamy},  {"unicorn", Mood::dreamy},
};

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

void to_hsv(const Rgb& c, double& h, double& s, double& v) {
  const double mx = std::max({c.r, c.g, c.b});
  const double mn = std::min({c.r, c.g, c.b});
  const double d = mx - mn;
  v = mx;
  s = mx > 0 ? d / mx : 0;
  if (d <= 0) {
    h = 0;
  } else if (mx == c.r) {
    h = 60.0 * std::fmod((c.g - c.b) / d + 6.0, 6.0);
  } else if (mx == c.g) {
    h = 60.0 * ((c.b - c.r) / d + 2.0);
  } else {
    h = 60.0 * ((c.r - c.g) / d + 4.0);
  }
}

Rgb from_hsv(double h, double s, double v) {
  h = std::fmod(std::fmod(h, 360.0) + 360.0, 360.0);
  const double c = v * s;
  const double x = c * (1 - std::fabs(std::fmod(h / 60.0, 2.0) - 1));
  const double m = v - c;
  double r = 0, g = 0, b = 0;
  if (h < 60) {
    r = c, g = x;
  } else if (h < 120) {
    r = x, g = c;
  } else if (h < 180) {
    g = c, b = x;
  } else if (h < 240) {
    g = x, b = c;
  } else if (h < 300) {
    r = x, b = c;
  } else {
    r = c, b = x;
  }
  return Rgb{r + m, g + m, b + m};
}

Rgb rotate(const Rgb& c, double degrees) {
  double h, s, v;
  to_hsv(c, h, s, v);
  return from_hsv(h + degrees, s, v);
}

}  // namespace

std::string_view to_string(Mood mood) {
  switch (mood) {
    case Mood::day:
      return "day";
    case Mood::sunset:
      return "sunset";
    case Mood::night:
      return "night";
    case Mood::dreamy:
      return "dreamy";
  }
  return "day";
}

Palette rotate_hue(const Palette& palette, double degrees) {
  Palette out = palette;
  for (Rgb* c : {&out.sky_top, &out.sky_middle, &out.sky_horizon, &out.sun, &out.text_outline}) {
    *c = rotate(*c, degrees);
  }
  for (auto* group : {&out.hills, &out.text_fills, &out.accents}) {
    for (Rgb& c : *group) c = rotate(c, degrees);
  }
  return out;
}

Palette choose_palette(std::string_view prompt, std::uint64_t seed) {
  SeededRandom random(seed ^ hash_text(prompt) ^ 0x70A1E77EULL);
  const std::string lower = ascii_lower(prompt);
  std::vector<const Palette*> candidates;
  for (const MoodWord& hint : kMoodWords) {
    if (lower.find(hint.word) == std::string::npos) continue;
    for (const Palette& p : kPalettes) {
      if (p.mood == hint.mood && std::ranges::find(candidates, &p) == candidates.end()) {
        candidates.push_back(&p);
      }
    }
    break;  // the first mood word in the table decides; the table is ordered by strength
  }
  if (candidates.empty()) {
    for (const Palette& p : kPalettes) candidates.push_back(&p);
  }
  const Palette& base =
      *candidates[static_cast<std::size_t>(random.below(static_cast<int>(candidates.size())))];
  // A small hue turn keeps the palette's character while making each seed its own.
  return rotate_hue(base, random.between(-14.0, 14.0));
}

}  // namespace dreamfeed::sketch
