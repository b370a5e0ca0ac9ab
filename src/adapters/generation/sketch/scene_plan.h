// Scene planning: everything a sketch clip shows and plays, decided up front from the
// prompt, seed and frame size, as plain data. Drawing (SceneRenderer) and sound
// (Soundtrack) only follow the plan, so a richer planner (subjects, actions,
// dialogue) can replace this one without touching them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "camera.h"
#include "common/result.h"
#include "palette.h"
#include "scene_request.h"
#include "soundtrack.h"
#include "subject_layout.h"
#include "text_shaper.h"
#include "understanding/scene_graph.h"
#include "word_layout.h"

namespace dreamfeed::sketch {

inline constexpr std::size_t kMaxRevealedWords = 160;

struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

struct PlannedWord {
  std::string text;
  double reveal_s = 0;   // its entrance starts
  int fill_index = 0;    // into Palette::text_fills
  double bob_phase = 0;  // [0, 1)
};

struct TextPlan {
  Box area;  // where the words may be, in frame pixels, before the camera move
  WordLayout layout;
  double entrance_s = 0.5;
  std::vector<PlannedWord> words;  // same order as layout.boxes
  // Vertical offset of the block inside the area at time t: centred when it fits,
  // otherwise following the newest word down so it is always in view.
  double scroll_at(double t) const;
};

struct Wave {
  double cycles = 1;  // across the frame width
  double phase = 0;
  double amplitude = 0;  // fraction of frame height
};

struct HillLayer {
  double crest = 0.6;  // mean height of the ridge, fraction of frame height from the top
  std::vector<Wave> waves;
  double depth = 0.5;  // 0 far (still) … 1 near (moves with the camera)
  int trees = 0;
};

struct SunPlan {
  double x = 0.5;  // fractions of the frame
  double y = 0.25;
  double radius = 0.08;  // fraction of the frame's short side
  double rise = 0.02;    // fraction of height it climbs over the clip
};

struct CloudPlan {
  double x = 0;      // fraction of the frame width at t = 0
  double y = 0;      // fraction of the frame height
  double scale = 1;  // relative to the frame's short side
  double speed = 0;  // fractions of the frame width per second
  double depth = 0.2;
};

struct MotePlan {
  double x = 0;
  double y = 0;
  double radius = 0;      // fraction of the frame's short side
  double rise_speed = 0;  // fractions of frame height per second
  double sway_phase = 0;
  int accent_index = 0;
};

struct ScenePlan {
  int width = 0;
  int height = 0;
  int seconds = 0;
  int frame_count = 0;
  std::uint64_t seed = 0;
  SceneGraph graph;        // what the prompt was understood to ask for
  SubjectLayout subjects;  // where the graph's subjects are drawn
  Palette palette;
  TextPlan text;
  std::vector<HillLayer> hills;  // far to near
  SunPlan sun;
  std::vector<CloudPlan> clouds;
  std::vector<MotePlan> motes;
  int stars = 0;
  CameraPath camera;
  double shake_px = 0;  // handheld jitter of the figures and words, from "shaky" etc.
  MusicPlan music;
};

// Checks the request (see check_scene_request; a blank prompt is invalid_argument on
// "prompt") and plans.
Result<ScenePlan> plan_scene(const SceneRequest& request, const TextShaper& shaper);

}  // namespace dreamfeed::sketch
