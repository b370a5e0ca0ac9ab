// Serialises a ScenePlan summary with Boost.JSON (which does the string escaping).
#include "scene_json.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cmath>
#include <cstdio>

#include "understanding/scene_graph_json.h"

namespace dreamfeed::sketch {
namespace {

std::string css_colour(const Rgb& c) {
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return text;
}

}  // namespace

std::string describe_scene(const ScenePlan& plan, const SoundBed& sound) {
  namespace json = boost::json;
  json::array words;
  for (const PlannedWord& word : plan.text.words) {
    words.emplace_back(
        json::object{{"text", word.text}, {"at_ms", std::lround(word.reveal_s * 1000)}});
  }
  json::array sky;
  for (const Rgb* c :
       {&plan.palette.sky_top, &plan.palette.sky_middle, &plan.palette.sky_horizon}) {
    sky.emplace_back(css_colour(*c));
  }
  json::array chords;
  for (const std::string& name : chord_names(plan.music)) chords.emplace_back(name);

  json::array effects;
  for (const std::string& e : sound.effects) effects.emplace_back(e);
  json::array speech;
  for (const SpeechCue& cue : sound.speech) {
    speech.emplace_back(json::object{{"speaker", cue.speaker},
                                     {"voice", cue.voice},
                                     {"from_ms", std::lround(cue.start_s * 1000)},
                                     {"to_ms", std::lround(cue.end_s * 1000)}});
  }
  json::array not_spoken;
  for (const UnspokenLine& line : sound.not_spoken) {
    not_spoken.emplace_back(
        json::object{{"line", line.line}, {"speaker", line.speaker}, {"reason", line.reason}});
  }
  json::array figures;
  for (const PlacedFigure& f : plan.subjects.figures) {
    json::object figure{{"subject", f.subject},
                        {"x", std::lround(f.box.x)},
                        {"y", std::lround(f.box.y)},
                        {"width", std::lround(f.box.width)},
                        {"height", std::lround(f.box.height)}};
    if (f.carrier >= 0) {
      // Which figure (an index into this array) it was placed against, and how.
      figure["placed"] = to_string(f.attachment);
      figure["against"] = f.carrier;
    }
    figures.emplace_back(std::move(figure));
  }
  const bool scrolling = plan.text.layout.block_height > plan.text.area.height;
  json::object scene{
      {"engine", "sketch"},
      {"version", 1},
      // As a string: a 64-bit seed does not survive JSON readers that use doubles.
      {"seed", std::to_string(plan.seed)},
      {"words", std::move(words)},
      {"text", json::object{{"layout", scrolling ? "scroll" : "fit"},
                            {"direction", plan.text.layout.right_to_left ? "rtl" : "ltr"},
                            {"font_px", std::lround(plan.text.layout.font_px)}}},
      {"palette", json::object{{"name", plan.palette.name},
                               {"mood", to_string(plan.palette.mood)},
                               {"sky", std::move(sky)}}},
      {"backdrop", json::object{{"hills", plan.hills.size()},
                                {"clouds", plan.clouds.size()},
                                {"stars", plan.stars},
                                {"light", plan.palette.mood == Mood::night ? "moon" : "sun"}}},
      {"camera",
       json::object{
           {"zoom", plan.camera.zoom_to > plan.camera.zoom_from ? "in" : "out"},
           // After fitting to the frame: how much the figures grow (or shrink) and turn.
           {"subject_zoom",
            std::lround(100 * plan.camera.subject_zoom_to / plan.camera.subject_zoom_from) / 100.0},
           {"orbit_degrees", std::lround(plan.camera.orbit_radians * 180 / M_PI)}}},
      {"music", json::object{{"key", key_name(plan.music)},
                             {"chords", std::move(chords)},
                             {"chimes", plan.music.chimes.size()}}},
      {"understood", scene_graph_to_json(plan.graph)},
      {"sound", json::object{{"ambience", sound.ambience},
                             {"effects", std::move(effects)},
                             {"speech", std::move(speech)},
                             // Dialogue lines (indexes into understood.dialogue) left out
                             // because the synthesiser failed on them, and why.
                             {"not_spoken", std::move(not_spoken)}}},
      {"figures", std::move(figures)},
  };
  return json::serialize(scene);
}

}  // namespace dreamfeed::sketch
