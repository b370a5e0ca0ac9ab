// The words the sketch engine knows, as data tables: subject kinds with their figure
// family and synonyms, colours, sizes, counts, actions, relations, settings, times of
// day, weather, camera moves, moods and the small words it skips. lookup() finds a
// word or phrase, also through plural and verb endings ("horses", "riding").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scene_graph.h"

namespace dreamfeed::sketch {

enum class WordClass {
  subject,
  colour,
  size,
  count,
  action,
  relation,
  placement,
  setting,
  time_of_day,
  weather,
  camera,
  mood,
  filler,  // articles, auxiliaries, connectives: understood, carry nothing
};

struct Meaning {
  WordClass word_class = WordClass::filler;
  std::string_view canonical;      // kind, colour, action, relation type, setting…
  Figure figure = Figure::object;  // subjects only
  std::int64_t number = 0;         // counts only
  std::string_view implies;        // actions: the relation they imply ("riding"), or ""
};

// The meaning of `phrase` (lower case, words separated by single spaces), trying the
// exact phrase first, then the singular / base form of its last word.
std::optional<Meaning> lookup(std::string_view phrase);

// The longest phrase in the tables, in words.
inline constexpr int kLongestPhrase = 4;

// How many subject kinds, actions and settings the tables hold (for tests and docs).
std::vector<std::string_view> subject_kinds();
std::vector<std::string_view> action_names();
std::vector<std::string_view> setting_names();

}  // namespace dreamfeed::sketch
