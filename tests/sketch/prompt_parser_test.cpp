// The parser understands the corpus as a person reading it would: the subjects with
// their counts, colours, sizes, actions and placements, the relations between them,
// the setting, time, weather, camera and moods — and lists what it did not understand.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <string>

#include "understanding/prompt_corpus.h"
#include "understanding/prompt_parser.h"
#include "understanding/scene_graph_json.h"
#include "understanding/vocabulary.h"

namespace dreamfeed::sketch {
namespace {

std::string summarise(const SceneGraph& g) {
  std::string out;
  for (std::size_t i = 0; i < g.subjects.size(); ++i) {
    const Subject& s = g.subjects[i];
    if (i) out += "; ";
    if (s.count != 1) out += std::to_string(s.count) + " ";
    if (!s.colour.empty()) out += s.colour + " ";
    if (s.size != SizeWord::normal) out += std::string(to_string(s.size)) + " ";
    out += s.kind;
    if (!s.action.empty()) out += " " + s.action;
    if (s.placement != Placement::unset) out += " @" + std::string(to_string(s.placement));
  }
  out += " | ";
  for (std::size_t i = 0; i < g.relations.size(); ++i) {
    const Relation& r = g.relations[i];
    if (i) out += "; ";
    out += r.type + " " + std::to_string(r.subject) + " " + std::to_string(r.object);
  }
  out += " | " + g.setting + " " + g.time_of_day + " " + g.weather + " " + g.camera + " | ";
  for (std::size_t i = 0; i < g.moods.size(); ++i) out += (i ? ", " : "") + g.moods[i];
  out += " | ";
  for (std::size_t i = 0; i < g.unknown_words.size(); ++i) {
    out += (i ? ", " : "") + g.unknown_words[i];
  }
  return out;
}

TEST(PromptCorpus, HasAtLeastSixtyPrompts) { EXPECT_GE(prompt_corpus().size(), 60u); }

TEST(PromptCorpus, EachPromptIsUnderstoodAsExpected) {
  for (const CorpusCase& c : prompt_corpus()) {
    EXPECT_EQ(summarise(parse_prompt(c.prompt)), c.expected) << "prompt: " << c.prompt;
  }
}

TEST(Vocabulary, KnowsFortySubjectKindsTwentyActionsTwelveSettings) {
  EXPECT_GE(subject_kinds().size(), 40u);
  EXPECT_GE(action_names().size(), 20u);
  EXPECT_GE(setting_names().size(), 12u);
}

TEST(PromptParser, SynonymsAndPluralsMapToOneKind) {
  for (const char* word : {"horse", "horses", "stallion", "stallions", "pony", "ponies", "mare"}) {
    const SceneGraph g = parse_prompt(std::string("a ") + word);
    ASSERT_EQ(g.subjects.size(), 1u) << word;
    EXPECT_EQ(g.subjects[0].kind, "horse") << word;
    EXPECT_EQ(g.subjects[0].figure, Figure::quadruped) << word;
  }
  EXPECT_EQ(parse_prompt("the mice").subjects.at(0).count, 2);
  EXPECT_EQ(parse_prompt("the mice").subjects.at(0).kind, "mouse");
}

TEST(PromptParser, TheShowcaseIsAStackOfThreeBottomHorseFirst) {
  const SceneGraph g = parse_prompt("a man rides a horse that is standing on another horse");
  const auto stacks = g.stacks();
  ASSERT_EQ(stacks.size(), 1u);
  EXPECT_EQ(stacks[0], (std::vector<int>{2, 1, 0}));
}

TEST(PromptParser, DialogueGoesToTheSpeakerWithAVoiceForThem) {
  const SceneGraph g =
      parse_prompt("a robot says \"I am here\" and a girl answers \u201cHello robot\u201d");
  ASSERT_EQ(g.dialogue.size(), 2u);
  EXPECT_EQ(g.dialogue[0].text, "I am here");
  EXPECT_EQ(g.dialogue[0].speaker, 0);
  EXPECT_EQ(g.dialogue[0].voice, "robot");
  EXPECT_EQ(g.dialogue[1].text, "Hello robot");
  EXPECT_EQ(g.dialogue[1].speaker, 1);
  EXPECT_EQ(g.dialogue[1].voice, "child");
  // Words inside quotes are dialogue, not scene words.
  EXPECT_TRUE(g.unknown_words == std::vector<std::string>{"answers"});
}

TEST(PromptParser, DialogueWithNobodyIsTheNarrators) {
  const SceneGraph g = parse_prompt("\"once upon a time\" at sunset");
  ASSERT_EQ(g.dialogue.size(), 1u);
  EXPECT_EQ(g.dialogue[0].speaker, -1);
  EXPECT_EQ(g.dialogue[0].voice, "narrator");
}

TEST(PromptParser, OtherScriptsAreReportedAsUnknownAndFlagged) {
  const SceneGraph g = parse_prompt("一只猫 and a cat مرحبا 🐱");
  EXPECT_TRUE(g.has_other_script);
  ASSERT_EQ(g.subjects.size(), 1u);
  EXPECT_EQ(g.subjects[0].kind, "cat");
  EXPECT_EQ(g.unknown_words.size(), 3u);
}

TEST(PromptParser, ExtremeCountsAreKeptButBounded) {
  EXPECT_EQ(parse_prompt("a million ants").unknown_words.size(), 1u);
  EXPECT_EQ(parse_prompt("99999999999 cats").subjects.at(0).count, 1000000);
  EXPECT_EQ(parse_prompt("a million cats").subjects.at(0).count, 1000000);
  EXPECT_EQ(parse_prompt("123456789 cats").subjects.at(0).count, 1000000);
}

TEST(PromptParser, ALongPromptIsReadWithoutTrouble) {
  std::string prompt;
  while (prompt.size() < 2000) prompt += "a red fox jumps over a lazy dog ";
  const SceneGraph g = parse_prompt(prompt);
  EXPECT_GE(g.subjects.size(), 50u);
  EXPECT_EQ(g.unknown_words, std::vector<std::string>{"lazy"});
}

TEST(SceneGraphJson, CarriesSubjectsRelationsStacksAndUnknownWords) {
  const SceneGraph g = parse_prompt("a man rides a horse that is standing on another zorse");
  const boost::json::value v = boost::json::parse(boost::json::serialize(scene_graph_to_json(g)));
  EXPECT_EQ(v.at("subjects").as_array().size(), 2u);
  EXPECT_EQ(v.at("subjects").at(1).at("kind").as_string(), "horse");
  EXPECT_EQ(v.at("relations").at(0).at("type").as_string(), "riding");
  EXPECT_EQ(v.at("stacks").at(0).as_array().size(), 2u);
  EXPECT_EQ(v.at("unknown_words").at(0).as_string(), "zorse");
}

}  // namespace
}  // namespace dreamfeed::sketch
