// TopicVocabulary: word → topic lookup with a naive English plural fallback ("horses").
#include "services/ranking/topic_vocabulary.h"

#include <cassert>
#include <cctype>

namespace dreamfeed::ranking {

int TopicVocabulary::add_topic(std::string name, const std::vector<std::string>& synonyms) {
  assert(size() < kMaxTopics);
  const int index = size();
  words_.emplace(name, index);
  for (const auto& word : synonyms) words_.emplace(word, index);
  names_.push_back(std::move(name));
  opposites_.push_back(0);
  return index;
}

void TopicVocabulary::add_opposite(int topic, int opposite) {
  opposites_[topic] |= TopicMask{1} << opposite;
}

int TopicVocabulary::find_topic(std::string_view name) const {
  for (int i = 0; i < size(); ++i) {
    if (names_[i] == name) return i;
  }
  return -1;
}

int TopicVocabulary::topic_of_word(std::string_view word) const {
  std::string key(word);
  if (auto it = words_.find(key); it != words_.end()) return it->second;
  // Plurals: "horses" → "horse", "puppies" → "puppy", "cars" → "car".
  if (key.size() > 3 && key.ends_with("ies")) {
    auto it = words_.find(key.substr(0, key.size() - 3) + "y");
    if (it != words_.end()) return it->second;
  }
  if (key.size() > 3 && key.ends_with("es")) {
    auto it = words_.find(key.substr(0, key.size() - 2));
    if (it != words_.end()) return it->second;
  }
  if (key.size() > 2 && key.ends_with('s')) {
    auto it = words_.find(key.substr(0, key.size() - 1));
    if (it != words_.end()) return it->second;
  }
  return -1;
}

TopicMask TopicVocabulary::topics_of_text(std::string_view text) const {
  TopicMask mask = 0;
  for (const auto& word : split_words(text)) {
    if (int topic = topic_of_word(word); topic >= 0) mask |= TopicMask{1} << topic;
  }
  return mask;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      current.push_back(static_cast<char>(std::tolower(u)));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace dreamfeed::ranking
