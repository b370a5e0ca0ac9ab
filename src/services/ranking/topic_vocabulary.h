// TopicVocabulary: the topics the feed knows (at most 64, so a clip's topics fit in one
// 64-bit mask) and the words that name them, loaded as data from config/ranking.json.
// Used to tag clips from their prompt and to read viewers' steering text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dreamfeed::ranking {

using TopicMask = std::uint64_t;
inline constexpr int kMaxTopics = 64;

class TopicVocabulary {
 public:
  // Returns the new topic's index; words are matched lower-case, also in plural form.
  int add_topic(std::string name, const std::vector<std::string>& synonyms);
  void add_opposite(int topic, int opposite);

  int size() const { return static_cast<int>(names_.size()); }
  const std::string& name(int topic) const { return names_[topic]; }
  int find_topic(std::string_view name) const;  // by topic name; -1 when unknown
  // The topic a single word names, or -1.
  int topic_of_word(std::string_view word) const;
  // Every topic named by any word of `text`.
  TopicMask topics_of_text(std::string_view text) const;
  TopicMask opposites(int topic) const { return opposites_[topic]; }

 private:
  std::vector<std::string> names_;
  std::vector<TopicMask> opposites_;
  std::unordered_map<std::string, int> words_;
};

// Lower-case ASCII words of `text` (letters and digits); other bytes separate words.
std::vector<std::string> split_words(std::string_view text);

}  // namespace dreamfeed::ranking
