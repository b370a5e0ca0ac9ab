// Serialises the scene graph field by field; Boost.JSON does the escaping.
#include "scene_graph_json.h"

#include <boost/json/array.hpp>

namespace dreamfeed::sketch {

boost::json::object scene_graph_to_json(const SceneGraph& graph) {
  namespace json = boost::json;
  json::array subjects;
  for (const Subject& s : graph.subjects) {
    subjects.emplace_back(json::object{
        {"kind", s.kind},
        {"word", s.word},
        {"figure", to_string(s.figure)},
        {"count", s.count},
        {"colour", s.colour},
        {"size", to_string(s.size)},
        {"action", s.action},
        {"placement", to_string(s.placement)},
    });
  }
  json::array relations;
  for (const Relation& r : graph.relations) {
    relations.emplace_back(
        json::object{{"type", r.type}, {"subject", r.subject}, {"object", r.object}});
  }
  json::array stacks;
  for (const std::vector<int>& chain : graph.stacks()) {
    json::array members;
    for (int k : chain) members.emplace_back(k);
    stacks.emplace_back(std::move(members));
  }
  json::array moods;
  for (const std::string& m : graph.moods) moods.emplace_back(m);
  json::array dialogue;
  for (const Dialogue& d : graph.dialogue) {
    dialogue.emplace_back(
        json::object{{"text", d.text}, {"speaker", d.speaker}, {"voice", d.voice}});
  }
  json::array unknown;
  for (const std::string& w : graph.unknown_words) unknown.emplace_back(w);
  return json::object{
      {"subjects", std::move(subjects)},
      {"relations", std::move(relations)},
      {"stacks", std::move(stacks)},
      {"setting", graph.setting},
      {"time_of_day", graph.time_of_day},
      {"weather", graph.weather},
      {"camera", graph.camera},
      {"moods", std::move(moods)},
      {"dialogue", std::move(dialogue)},
      {"unknown_words", std::move(unknown)},
      {"other_script", graph.has_other_script},
  };
}

}  // namespace dreamfeed::sketch
