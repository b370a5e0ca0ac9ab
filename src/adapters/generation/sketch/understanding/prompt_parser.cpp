// The parser: pulls quoted dialogue out, splits the rest into lower-case words, then
// reads them left to right, matching the longest known phrase at each point. Counts,
// colours and sizes wait for the subject they describe; a relation or a relation-
// implying action ("rides", "chases") links the last subject to the next one; "that",
// "who" keep the last subject as the one acting; "and" straight before a relation
// gives it to the subject of the relation before ("a cat under a table and on a
// box"); "the" before a kind already named means that subject ("the box"). A relation
// that contradicts those kept (relation_placement.h) is reported with the words it
// came from. Hand-written because no Debian library parses English into scenes; the
// grammar it covers is deliberately small.
#include "prompt_parser.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "relation_placement.h"
#include "vocabulary.h"

namespace dreamfeed::sketch {
namespace {

constexpr std::int64_t kMaxCount = 1'000'000;
constexpr std::size_t kMaxWords = 400;  // a 2,000-character prompt fits well within

struct Token {
  std::string text;       // lower case
  bool latin = true;      // only ASCII letters, digits, ' and -
  std::size_t quote = 0;  // dialogue lines that came before this word
};

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         c == '-' || c >= 0x80;
}

// Quote marks: ASCII " and the curly “ ” (UTF-8 E2 80 9C / 9D).
std::size_t quote_mark_at(std::string_view text, std::size_t i) {
  if (text[i] == '"') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x9C" || text.substr(i, 3) == "\xE2\x80\x9D") return 3;
  return 0;
}

struct Split {
  std::vector<Token> words;
  std::vector<std::string> quotes;
};

Split split(std::string_view prompt) {
  Split out;
  std::string word;
  bool latin = true;
  bool in_quote = false;
  std::string quote;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.pop_back();
    while (!word.empty() && (word.front() == '\'' || word.front() == '-')) word.erase(0, 1);
    if (word.ends_with("'s")) word.resize(word.size() - 2);
    if (!word.empty() && out.words.size() < kMaxWords) {
      out.words.push_back(Token{word, latin, out.quotes.size()});
    }
    word.clear();
    latin = true;
  };
  for (std::size_t i = 0; i < prompt.size();) {
    if (std::size_t mark = quote_mark_at(prompt, i)) {
      flush();
      if (in_quote) {
        const auto first = quote.find_first_not_of(" \t\n");
        const auto last = quote.find_last_not_of(" \t\n");
        if (first != std::string::npos) out.quotes.push_back(quote.substr(first, last - first + 1));
        quote.clear();
      }
      in_quote = !in_quote;
      i += mark;
      continue;
    }
    const auto c = static_cast<unsigned char>(prompt[i]);
    if (in_quote) {
      quote += prompt[i];
    } else if (is_word_byte(c)) {
      if (c >= 0x80) latin = false;
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      flush();
    }
    ++i;
  }
  flush();
  // An unclosed quote is still dialogue.
  const auto first = quote.find_first_not_of(" \t\n");
  if (in_quote && first != std::string::npos) out.quotes.push_back(quote.substr(first));
  return out;
}

std::optional<std::int64_t> digits(const std::string& word) {
  if (word.empty() || word.size() > 18 ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(word);
}

std::string voice_for(const Subject* speaker) {
  if (!speaker) return "narrator";
  const std::string& k = speaker->kind;
  if (k == "child" || k == "baby") return "child";
  if (k == "robot" || k == "alien") return "robot";
  if (k == "elder") return "elder";
  if (speaker->word == "girl") return "child";
  if (k == "woman" || k == "dancer" || speaker->word == "witch") return "adult_female";
  if (speaker->figure == Figure::biped) return "adult_male";
  return "creature";
}

class Reader {
 public:
  explicit Reader(SceneGraph& graph) : graph_(graph) {}

  void read(const std::vector<Token>& words, const std::vector<std::string>& quotes) {
    words_ = &words;
    std::vector<int> last_subject_before_quote(quotes.size(), -1);
    for (std::size_t i = 0; i < words.size();) {
      for (std::size_t q = 0; q < words[i].quote && q < quotes.size(); ++q) {
        if (last_subject_before_quote[q] == -1) last_subject_before_quote[q] = actor_;
      }
      i += step(words, i);
    }
    for (std::size_t q = 0; q < quotes.size(); ++q) {
      int speaker = last_subject_before_quote[q] == -1 ? actor_ : last_subject_before_quote[q];
      if (speaker == -1 && !graph_.subjects.empty()) speaker = 0;
      const Subject* who = speaker >= 0 ? &graph_.subjects[speaker] : nullptr;
      graph_.dialogue.push_back(Dialogue{quotes[q], speaker, voice_for(who)});
      if (who && graph_.subjects[speaker].action.empty()) graph_.subjects[speaker].action = "talk";
    }
  }

 private:
  // Reads the longest phrase at `i`; returns how many words it used.
  std::size_t step(const std::vector<Token>& words, std::size_t i) {
    if (!words[i].latin) {
      graph_.has_other_script = true;
      unknown(words[i].text);
      return 1;
    }
    if (auto n = digits(words[i].text)) {
      pending_count_ = std::clamp<std::int64_t>(*n, 0, kMaxCount);
      return 1;
    }
    for (int n = std::min<int>(kLongestPhrase, static_cast<int>(words.size() - i)); n >= 1; --n) {
      std::string phrase = words[i].text;
      bool all_latin = words[i].latin;
      for (int k = 1; k < n; ++k) {
        phrase += ' ';
        phrase += words[i + k].text;
        all_latin = all_latin && words[i + k].latin;
      }
      if (!all_latin) continue;
      if (std::optional<Meaning> meaning = lookup(phrase)) {
        at_ = i;
        next_ = i + static_cast<std::size_t>(n);
        apply(*meaning, phrase);
        return static_cast<std::size_t>(n);
      }
    }
    unknown(words[i].text);
    return 1;
  }

  void apply(const Meaning& m, const std::string& phrase) {
    // "the" and "and" only matter to what comes straight after them (past adjectives,
    // for "the").
    const bool definite = definite_;
    const bool after_and = after_and_;
    definite_ = after_and_ = false;
    if (m.word_class == WordClass::colour || m.word_class == WordClass::size) definite_ = definite;
    switch (m.word_class) {
      case WordClass::subject:
        return add_subject(m, phrase, definite);
      case WordClass::colour:
        pending_colour_ = std::string(m.canonical);
        return;
      case WordClass::size:
        pending_size_ = size_of(m.canonical);
        return;
      case WordClass::count:
        // "another" and "other" only mark a new subject; keep an explicit count.
        if (!pending_count_ || m.number != 1) pending_count_ = m.number;
        return;
      case WordClass::action:
        return add_action(m);
      case WordClass::relation:
        if (m.canonical == "stacked") {
          if (actor_ >= 0)
            add_relation("stacked", actor_, actor_);
          else
            pending_stacked_ = true;
          return;
        }
        pending_relation_ = std::string(m.canonical);
        relation_from_ = after_and && last_relation_from_ >= 0 ? last_relation_from_ : actor_;
        relation_at_ = at_;
        return;
      case WordClass::placement:
        if (actor_ >= 0)
          graph_.subjects[actor_].placement = placement_of(m.canonical);
        else
          pending_placement_ = placement_of(m.canonical);
        return;
      case WordClass::setting:
        graph_.setting = std::string(m.canonical);
        graph_.setting_given = true;
        pending_relation_.clear();  // "in the kitchen" places the scene, not a subject
        return;
      case WordClass::time_of_day:
        graph_.time_of_day = std::string(m.canonical);
        graph_.time_given = true;
        return;
      case WordClass::weather:
        graph_.weather = std::string(m.canonical);
        return;
      case WordClass::camera:
        graph_.camera = std::string(m.canonical);
        return;
      case WordClass::mood:
        if (std::find(graph_.moods.begin(), graph_.moods.end(), m.canonical) ==
            graph_.moods.end()) {
          graph_.moods.emplace_back(m.canonical);
        }
        return;
      case WordClass::filler:
        definite_ = phrase == "the";
        after_and_ = phrase == "and";
        return;
    }
  }

  // The subject "the <kind>" refers back to: the latest one of that kind (and colour,
  // when one is given), or -1. Never the subject of the relation it completes: "a
  // horse on the horse" means another one.
  int referent(std::string_view kind, bool definite) const {
    if (!definite || pending_count_) return -1;
    for (int k = static_cast<int>(graph_.subjects.size()) - 1; k >= 0; --k) {
      if (!pending_relation_.empty() && k == relation_from_) continue;
      const Subject& s = graph_.subjects[static_cast<std::size_t>(k)];
      if (s.kind == kind && (pending_colour_.empty() || pending_colour_ == s.colour)) return k;
    }
    return -1;
  }

  void add_subject(const Meaning& m, const std::string& phrase, bool definite) {
    if (const int earlier = referent(m.canonical, definite); earlier >= 0) {
      Subject& s = graph_.subjects[static_cast<std::size_t>(earlier)];
      if (s.action.empty()) s.action = std::move(pending_action_);
      return finish_subject(earlier);
    }
    Subject s;
    s.kind = std::string(m.canonical);
    s.word = phrase;
    s.figure = m.figure;
    s.count = pending_count_.value_or(plural(phrase, m.canonical) ? 2 : 1);
    s.colour = std::move(pending_colour_);
    s.size = pending_size_;
    s.placement = pending_placement_;
    s.action = std::move(pending_action_);
    const int index = static_cast<int>(graph_.subjects.size());
    graph_.subjects.push_back(std::move(s));
    finish_subject(index);
  }

  // Links the subject just read (new or referred back to) to a pending relation and
  // makes it the one acting.
  void finish_subject(int index) {
    if (!pending_relation_.empty() && relation_from_ >= 0) {
      add_relation(pending_relation_, relation_from_, index);
    }
    if (pending_stacked_) add_relation("stacked", index, index);
    pending_relation_.clear();
    pending_count_.reset();
    pending_colour_.clear();
    pending_size_ = SizeWord::normal;
    pending_placement_ = Placement::unset;
    pending_stacked_ = false;
    pending_action_.clear();
    actor_ = index;
  }

  void add_action(const Meaning& m) {
    if (actor_ < 0) {
      // "a sleeping cat": the action describes the subject still to come.
      pending_action_ = std::string(m.canonical);
    } else {
      Subject& s = graph_.subjects[actor_];
      // Keep the first, more telling action: "rides … standing" keeps ride for the rider;
      // the horse's "standing" is its own.
      if (s.action.empty() || s.action == "stand" || s.action == "sit") {
        s.action = std::string(m.canonical);
      }
    }
    if (!m.implies.empty()) {
      pending_relation_ = std::string(m.implies);
      relation_from_ = actor_;
      relation_at_ = at_;
    }
  }

  // Keeps the relation unless it contradicts those kept; then the words from the
  // relation to its object ("on the cat") are reported as not understood.
  void add_relation(const std::string& type, int from, int to) {
    const Relation relation{type, from, to};
    if (contradiction(graph_.relations, relation) != Contradiction::none) {
      std::string words;
      for (std::size_t k = std::min(relation_at_, at_); k < next_; ++k) {
        if (!words.empty()) words += ' ';
        words += (*words_)[k].text;
      }
      return unknown(words);
    }
    graph_.relations.push_back(relation);
    if (type != "stacked") last_relation_from_ = from;
  }

  void unknown(const std::string& word) {
    auto& list = graph_.unknown_words;
    if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(word);
  }

  static bool plural(const std::string& word, std::string_view kind) {
    static const std::string_view kIrregular[] = {"men",    "women",  "people", "children",
                                                  "mice",   "geese",  "oxen",   "cattle",
                                                  "wolves", "calves", "cacti",  "octopi"};
    if (std::find(std::begin(kIrregular), std::end(kIrregular), word) != std::end(kIrregular)) {
      return true;
    }
    return word != kind && word.size() > 3 && word.back() == 's' && !word.ends_with("ss") &&
           word != "bus" && word != "cactus" && word != "octopus";
  }

  static SizeWord size_of(std::string_view name) {
    if (name == "tiny") return SizeWord::tiny;
    if (name == "small") return SizeWord::small;
    if (name == "big") return SizeWord::big;
    return SizeWord::giant;
  }

  static Placement placement_of(std::string_view name) {
    if (name == "left") return Placement::left;
    if (name == "right") return Placement::right;
    return Placement::centre;
  }

  SceneGraph& graph_;
  int actor_ = -1;  // the subject the next action or relation belongs to
  std::optional<std::int64_t> pending_count_;
  std::string pending_colour_;
  SizeWord pending_size_ = SizeWord::normal;
  Placement pending_placement_ = Placement::unset;
  std::string pending_action_;
  std::string pending_relation_;
  int relation_from_ = -1;
  std::size_t relation_at_ = 0;  // the word the pending relation came from
  int last_relation_from_ = -1;  // the subject of the last relation kept
  bool pending_stacked_ = false;
  bool definite_ = false;   // "the" came just before
  bool after_and_ = false;  // "and" came just before
  const std::vector<Token>* words_ = nullptr;
  std::size_t at_ = 0;    // the phrase being applied: its first word…
  std::size_t next_ = 0;  // …and the one after it
};

}  // namespace

SceneGraph parse_prompt(std::string_view prompt) {
  SceneGraph graph;
  Split parts = split(prompt);
  Reader(graph).read(parts.words, parts.quotes);
  return graph;
}

}  // namespace dreamfeed::sketch
