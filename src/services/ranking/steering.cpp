// Reads steering text word by word with a polarity that "more"/"less" words switch and
// clause breaks reset.
#include "services/ranking/steering.h"

#include <array>
#include <cctype>

namespace dreamfeed::ranking {
namespace {

constexpr std::array<std::string_view, 9> kMoreWords{"more",  "lots", "show",   "want", "plus",
                                                     "extra", "love", "please", "add"};
constexpr std::array<std::string_view, 11> kLessWords{
    "less", "fewer", "no", "not", "without", "stop", "hate", "avoid", "don", "never", "minus"};
constexpr std::array<std::string_view, 12> kFillerWords{
    "and", "of", "the", "a", "an", "me", "some", "with", "i", "feed", "clips", "videos"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
  for (auto x : words) {
    if (x == w) return true;
  }
  return false;
}

std::string topic_list(TopicMask mask, const TopicVocabulary& vocabulary) {
  std::string out;
  for (int t = 0; t < vocabulary.size(); ++t) {
    if (!(mask >> t & 1)) continue;
    if (!out.empty()) out += ", ";
    out += vocabulary.name(t);
  }
  return out;
}

}  // namespace

Result<Steering> parse_steering(std::string_view text, const TopicVocabulary& vocabulary) {
  if (text.size() > kMaxSteeringText) {
    return make_error(ErrorCode::invalid_argument, "steering text is longer than 280 bytes",
                      "text");
  }
  Steering steering;
  steering.text = std::string(text);
  // Clause breaks become a marker word so one pass can reset polarity.
  std::string normalised;
  for (char c : text) {
    if (c == ',' || c == ';' || c == '.' || c == '!' || c == '\n') {
      normalised += " __break__ ";
    } else {
      normalised += c;
    }
  }
  bool positive = true;
  bool after_less_word = false;
  for (const auto& word : split_words(normalised)) {
    const bool was_after_less_word = after_less_word;
    after_less_word = false;
    if (word == "break" || word == "but") {
      positive = true;  // a new clause starts as "more" unless it says otherwise
      continue;
    }
    if (contains(kLessWords, word)) {
      positive = false;
      after_less_word = true;
      continue;
    }
    if (contains(kMoreWords, word)) {
      // "no more zombies", "not more cars": the negation wins.
      if (!was_after_less_word) positive = true;
      continue;
    }
    if (word.size() == 1) continue;  // "t" of "don't", "a"
    const int topic = vocabulary.topic_of_word(word);
    if (topic < 0) {
      if (!contains(kFillerWords, word)) steering.ignored_words.push_back(word);
      continue;
    }
    const TopicMask bit = TopicMask{1} << topic;
    if (positive) {
      steering.more |= bit;
      steering.less &= ~bit;
      steering.less |= vocabulary.opposites(topic) & ~steering.more;
    } else {
      steering.less |= bit;
      steering.more &= ~bit;
    }
  }
  if (steering.empty()) {
    return make_error(ErrorCode::invalid_argument,
                      "no topic recognised; try words like \"more animals, less cars\"", "text");
  }
  return steering;
}

std::string describe_steering(const Steering& steering, const TopicVocabulary& vocabulary) {
  std::string out;
  if (steering.more) out += "more " + topic_list(steering.more, vocabulary);
  if (steering.less) {
    if (!out.empty()) out += "; ";
    out += "less " + topic_list(steering.less, vocabulary);
  }
  return out;
}

}  // namespace dreamfeed::ranking
