// Turns prompt + seed + frame size into a ScenePlan. Each part of the scene draws from
// its own forked generator, so tuning one part never reshuffles the others.
#include "scene_plan.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "model/generation_request.h"
#include "prompt_words.h"
#include "seeded_random.h"
#include "subject_camera.h"
#include "understanding/prompt_parser.h"

namespace dreamfeed::sketch {
namespace {

// How much nearer "zoom in" brings the subject group, before fitting it to the frame.
constexpr double kSubjectZoom = 1.45;

std::vector<PlannedWord> plan_reveals(const std::vector<PromptWord>& words, double seconds,
                                      SeededRandom random, double& entrance_s) {
  const double first = 0.3;
  const double last = std::max(first, seconds * 0.68);
  const double interval =
      words.size() > 1 ? (last - first) / static_cast<double>(words.size() - 1) : 0.0;
  entrance_s = std::clamp(interval * 2.5, 0.28, 0.6);
  std::vector<PlannedWord> planned;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const double roll = random.uniform();
    planned.push_back(PlannedWord{words[i].text, first + interval * static_cast<double>(i),
                                  roll < 0.5 ? 0 : (roll < 0.75 ? 1 : 2), random.uniform()});
  }
  return planned;
}

std::vector<HillLayer> plan_hills(SeededRandom random) {
  const std::array<double, 3> crests = {0.64, 0.74, 0.84};
  const std::array<double, 3> amplitudes = {0.05, 0.03, 0.016};
  const std::array<double, 3> depths = {0.25, 0.55, 1.0};
  std::vector<HillLayer> hills;
  for (std::size_t i = 0; i < crests.size(); ++i) {
    HillLayer layer;
    layer.crest = crests[i] + random.between(-0.015, 0.015);
    layer.depth = depths[i];
    layer.waves = {
        Wave{random.between(0.35, 0.9), random.uniform(), amplitudes[i]},
        Wave{random.between(1.3, 2.4), random.uniform(), amplitudes[i] * 0.45},
        Wave{random.between(3.0, 5.0), random.uniform(), amplitudes[i] * 0.15},
    };
    layer.trees = i == 0 ? 0 : random.below(i == 1 ? 4 : 7);
    hills.push_back(std::move(layer));
  }
  return hills;
}

MusicPlan plan_music(const Palette& palette, int seconds, SeededRandom random) {
  static const std::vector<std::vector<int>> kMajorProgressions = {
      {0, 4, 5, 3}, {0, 5, 3, 4}, {3, 0, 4, 5}, {0, 3, 5, 4}, {5, 3, 0, 4}};
  static const std::vector<std::vector<int>> kMinorProgressions = {
      {0, 5, 2, 6}, {0, 3, 5, 4}, {0, 6, 5, 6}, {5, 6, 0, 0}};
  MusicPlan music;
  music.seconds = seconds;
  music.root_midi = 50 + random.below(8);
  const double minor_odds = palette.mood == Mood::night    ? 0.8
                            : palette.mood == Mood::sunset ? 0.45
                                                           : 0.15;
  music.minor = random.uniform() < minor_odds;
  const auto& choices = music.minor ? kMinorProgressions : kMajorProgressions;
  music.progression =
      choices[static_cast<std::size_t>(random.below(static_cast<int>(choices.size())))];
  music.chord_seconds = 2.0;
  return music;
}

// One chime per revealed word, except when words come faster than a listener can tell
// chimes apart; the melody is a gentle random walk on the key's pentatonic scale.
std::vector<ChimeCue> plan_chimes(const TextPlan& text, const MusicPlan& music, int width,
                                  SeededRandom random) {
  std::vector<ChimeCue> chimes;
  int step = 4 + random.below(3);
  double last = -1.0;
  for (std::size_t i = 0; i < text.words.size(); ++i) {
    const double t = text.words[i].reveal_s;
    if (t - last < 0.11) continue;
    last = t;
    const double x = text.area.x + text.layout.boxes[i].center_x;
    step = std::clamp(step + random.below(5) - 2, 0, 9);
    chimes.push_back(ChimeCue{t, std::clamp((x / width) * 2.0 - 1.0, -1.0, 1.0) * 0.8,
                              chime_frequency(music, step)});
  }
  return chimes;
}

}  // namespace

double TextPlan::scroll_at(double t) const {
  const double spare = area.height - layout.block_height;
  if (spare >= 0) return spare / 2;
  if (words.empty()) return 0;
  // The focus glides down one line while that line's words appear, so the scroll is
  // continuous rather than jumping a line at a time.
  std::size_t newest = 0;
  while (newest + 1 < words.size() && words[newest + 1].reveal_s <= t) ++newest;
  const int line = layout.boxes[newest].line;
  std::size_t first = newest;
  while (first > 0 && layout.boxes[first - 1].line == line) --first;
  std::size_t next = newest;
  while (next < words.size() && layout.boxes[next].line == line) ++next;
  const double start = words[first].reveal_s;
  const double end =
      next < words.size() ? words[next].reveal_s : words.back().reveal_s + entrance_s;
  const double progress = end > start ? clamp01((t - start) / (end - start)) : 1.0;
  const double focus = (line + 0.5 + progress) * layout.line_height;
  return std::clamp(area.height * 0.75 - focus, spare, 0.0);
}

Result<ScenePlan> plan_scene(const SceneRequest& request, const TextShaper& shaper) {
  if (Status checked = check_scene_request(request); !checked) return checked.error();
  std::vector<PromptWord> words = split_prompt_words(request.prompt, kMaxRevealedWords);
  if (words.empty()) {
    return make_error(ErrorCode::invalid_argument, "prompt has no words", "prompt");
  }

  ScenePlan plan;
  plan.width = request.width;
  plan.height = request.height;
  plan.seconds = request.seconds;
  plan.frame_count = request.seconds * kFramesPerSecond;
  plan.seed = request.seed;
  plan.graph = parse_prompt(request.prompt);
  // Figures read best by day: a prompt with subjects and no word for the time of day
  // gets a daylight palette unless other words (moon, stars, space) say otherwise.
  const bool daylight_default =
      !plan.graph.time_given && !plan.graph.subjects.empty() && plan.graph.setting != "space";
  plan.palette = choose_palette(
      daylight_default ? "sunny " + std::string(request.prompt) : std::string(request.prompt),
      request.seed);

  SeededRandom root(request.seed ^ (hash_text(request.prompt) * 0x9E3779B97F4A7C15ULL));
  const double w = request.width;
  const double h = request.height;
  const double short_side = std::min(w, h);

  TextPlan& text = plan.text;
  // With figures to show, the words become a caption across the top.
  const bool captioned = !plan.graph.subjects.empty();
  text.area = captioned ? Box{0.06 * w, 0.03 * h, 0.88 * w, 0.15 * h}
                        : Box{0.08 * w, 0.08 * h, 0.84 * w, 0.50 * h};
  const LayoutLimits limits{text.area.width, text.area.height,
                            short_side * (captioned ? 0.07 : 0.14),
                            std::max(12.0, short_side * (captioned ? 0.03 : 0.04))};
  text.layout = lay_out_words(words, shaper.is_right_to_left(request.prompt), limits, shaper);
  text.words = plan_reveals(words, request.seconds, root.fork(1), text.entrance_s);

  plan.hills = plan_hills(root.fork(2));

  SeededRandom sky = root.fork(3);
  plan.sun = SunPlan{sky.between(0.18, 0.82), sky.between(0.13, 0.3), sky.between(0.07, 0.1),
                     plan.palette.mood == Mood::sunset ? -0.025 : sky.between(0.01, 0.025)};
  const bool night = plan.palette.mood == Mood::night;
  plan.stars = night ? 110 : 0;
  const int cloud_count = night ? 1 + sky.below(2) : 3 + sky.below(3);
  for (int i = 0; i < cloud_count; ++i) {
    plan.clouds.push_back(CloudPlan{sky.uniform(), sky.between(0.05, 0.5), sky.between(0.16, 0.3),
                                    sky.between(0.012, 0.03) * (sky.uniform() < 0.5 ? -1 : 1),
                                    sky.between(0.12, 0.35)});
  }
  const int mote_count = 10 + sky.below(8);
  for (int i = 0; i < mote_count; ++i) {
    plan.motes.push_back(MotePlan{sky.uniform(), sky.uniform(), sky.between(0.004, 0.011),
                                  sky.between(0.01, 0.04), sky.uniform(), sky.below(3)});
  }

  SeededRandom camera = root.fork(4);
  const bool zoom_in = camera.uniform() < 0.6;
  plan.camera =
      CameraPath{short_side * camera.between(0.04, 0.07) * (camera.uniform() < 0.5 ? -1 : 1),
                 short_side * camera.between(0.01, 0.025) * (camera.uniform() < 0.5 ? -1 : 1),
                 zoom_in ? 1.0 : 1.06, zoom_in ? 1.06 : 1.0};

  // Camera words from the prompt widen the move; the subjects' layout does not depend
  // on the camera, so editing the camera words keeps everyone in place.
  if (plan.graph.camera == "pan") {
    plan.camera.pan_x_px = std::copysign(short_side * 0.12, plan.camera.pan_x_px);
  } else if (plan.graph.camera == "orbit") {
    // Pivoting on the subjects: the hills travel most of this one way, the foreground
    // part of it the other, and the group turns by the angle.
    plan.camera.pan_x_px = std::copysign(short_side * 0.3, plan.camera.pan_x_px);
    plan.camera.pan_y_px = 0;
    plan.camera.pivot_depth = kSubjectDepth;
    plan.camera.orbit_radians = std::copysign(0.8, plan.camera.pan_x_px);
  } else if (plan.graph.camera == "zoom in") {
    plan.camera.zoom_from = 1.0;
    plan.camera.zoom_to = 1.12;
    plan.camera.subject_zoom_to = kSubjectZoom;
  } else if (plan.graph.camera == "zoom out") {
    plan.camera.zoom_from = 1.12;
    plan.camera.zoom_to = 1.0;
    plan.camera.subject_zoom_from = kSubjectZoom;
  } else if (plan.graph.camera == "shake") {
    plan.shake_px = short_side * 0.008;
  }
  plan.subjects = lay_out_subjects(plan.graph, request.width, request.height, request.seed);
  fit_subject_camera(plan.camera, plan.subjects, request.width, request.height, request.seconds,
                     plan.shake_px);

  plan.music = plan_music(plan.palette, request.seconds, root.fork(5));
  plan.music.chimes = plan_chimes(text, plan.music, request.width, root.fork(6));
  return plan;
}

}  // namespace dreamfeed::sketch
