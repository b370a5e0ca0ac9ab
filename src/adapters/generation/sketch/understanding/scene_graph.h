// The scene graph: what the sketch engine understood from a prompt, as plain data.
// The parser (prompt_parser.h) produces it, the planner and renderer follow it, and
// scene_graph_json.h serialises it so the app can show "what the generator understood"
// — including the words it did not understand.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dreamfeed::sketch {

// The drawn figure family a subject kind uses; one parametrised drawer per family.
enum class Figure { biped, quadruped, bird, fish, vehicle, plant, building, object, creature };

enum class SizeWord { normal, tiny, small, big, giant };

// Where a prompt put a subject on screen ("on the left"); unset lets the layout choose.
enum class Placement { unset, left, centre, right };

struct Subject {
  std::string kind;  // canonical kind, e.g. "horse" for "stallions"
  std::string word;  // the word as written in the prompt, lower case
  Figure figure = Figure::object;
  std::int64_t count = 1;  // as asked; drawing bounds it
  std::string colour;      // colour name, empty when not given
  SizeWord size = SizeWord::normal;
  std::string action;  // canonical action, empty when none
  Placement placement = Placement::unset;
};

struct Relation {
  std::string type;  // on, riding, under, next to, behind, in front of, inside, holding,
                     // chasing, stacked
  int subject = 0;   // index into SceneGraph::subjects: the one that is on/rides/holds…
  int object = 0;    // the one it is on/rides/holds…; equal to subject for "stacked"
};

struct Dialogue {
  std::string text;
  int speaker = -1;   // index into subjects, -1 for a narrator
  std::string voice;  // adult_male, adult_female, child, elder, robot, narrator
};

struct SceneGraph {
  std::vector<Subject> subjects;
  std::vector<Relation> relations;
  std::string setting = "field";
  bool setting_given = false;
  std::string time_of_day = "day";
  bool time_given = false;
  std::string weather = "clear";
  std::string camera = "static";
  std::vector<std::string> moods;
  std::vector<Dialogue> dialogue;
  // In prompt order, each once; a relation dropped because it contradicts the ones
  // kept is one entry with all its words ("on the cat").
  std::vector<std::string> unknown_words;
  bool has_other_script = false;  // words outside Latin script: shown as captions

  // Subjects resting on one another (on, riding, stacked), bottom first; each chain
  // has at least two members. A subject is in at most one chain.
  std::vector<std::vector<int>> stacks() const;
};

std::string_view to_string(Figure figure);
std::string_view to_string(SizeWord size);
std::string_view to_string(Placement placement);

}  // namespace dreamfeed::sketch
