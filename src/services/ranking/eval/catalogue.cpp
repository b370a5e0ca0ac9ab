// Catalogue and audience generation; every draw comes from the caller's seeded engine.
#include "services/ranking/eval/catalogue.h"

#include <bit>

namespace dreamfeed::ranking::eval {
namespace {

// A few words per topic, chosen to be recognised by the default vocabulary.
const std::vector<std::vector<std::string>>& topic_words() {
  static const std::vector<std::vector<std::string>> words{
      {"horse", "dog", "cat", "fox", "bird", "rabbit"},
      {"ocean", "wave", "whale", "dolphin", "beach", "coral"},
      {"planet", "galaxy", "rocket", "astronaut", "moon", "nebula"},
      {"car", "truck", "racing", "motorcycle", "highway", "drift"},
      {"cake", "pizza", "soup", "bread", "coffee", "kitchen"},
      {"guitar", "piano", "drum", "concert", "dance", "song"},
      {"forest", "mountain", "river", "waterfall", "meadow", "flower"},
      {"city", "street", "skyline", "neon", "subway", "downtown"},
      {"football", "tennis", "basketball", "skateboard", "skiing", "climbing"},
      {"dragon", "castle", "wizard", "knight", "unicorn", "fairy"},
      {"robot", "android", "cyborg", "drone", "mech", "machine"},
      {"rain", "snow", "storm", "thunder", "fog", "lightning"},
      {"funny", "joke", "silly", "prank", "laugh", "meme"},
      {"painting", "watercolor", "sculpture", "drawing", "pixel", "sketch"},
      {"train", "plane", "airport", "journey", "village", "trip"},
      {"pyramid", "roman", "viking", "samurai", "medieval", "ancient"},
  };
  return words;
}

const std::vector<std::string> kFiller{"a",      "the", "glowing", "tiny",  "giant", "at",
                                       "night",  "in",  "golden",  "light", "over",  "with",
                                       "bright", "old", "misty",   "sunny", "blue",  "red"};

}  // namespace

std::vector<SimClip> make_clips(const TopicVocabulary& vocabulary, const CatalogueSpec& spec,
                                std::mt19937_64& rng) {
  const auto& words = topic_words();
  const int topics = std::min<int>(spec.topics, static_cast<int>(words.size()));
  std::uniform_int_distribution<int> pick_topic(0, topics - 1);
  std::uniform_int_distribution<int> pick_word(0, 5);
  std::uniform_int_distribution<std::size_t> pick_filler(0, kFiller.size() - 1);
  std::normal_distribution<double> quality(0.0, 0.5);
  std::uniform_int_distribution<std::int64_t> when(spec.start_ms, spec.end_ms - 1);
  std::uniform_int_distribution<int> seconds(0, 2);
  // Each creator sticks to two topics.
  std::vector<std::array<int, 2>> creator_topics(spec.creators);
  for (auto& t : creator_topics) t = {pick_topic(rng), pick_topic(rng)};
  std::uniform_int_distribution<int> pick_creator(0, spec.creators - 1);

  std::vector<SimClip> clips;
  clips.reserve(spec.clips);
  for (int i = 0; i < spec.clips; ++i) {
    SimClip clip;
    const int creator = pick_creator(rng);
    const auto [t1, t2] = creator_topics[creator];
    const bool two = rng() % 3 == 0;
    std::string prompt = kFiller[pick_filler(rng)] + " " + words[t1][pick_word(rng)];
    prompt += " " + kFiller[pick_filler(rng)] + " " + kFiller[pick_filler(rng)];
    if (two && t2 != t1) prompt += " and " + words[t2][pick_word(rng)];
    clip.info.id = "sim_" + std::to_string(spec.seed) + "_" + std::to_string(i);
    clip.info.creator_id = "creator_" + std::to_string(creator);
    clip.info.text = prompt;
    clip.info.published_at_ms = when(rng);
    clip.info.duration_ms = 4000 * (1 + seconds(rng));
    clip.topics = vocabulary.topics_of_text(prompt);
    clip.quality = quality(rng);
    clips.push_back(std::move(clip));
  }
  return clips;
}

std::vector<SimViewer> make_viewers(const CatalogueSpec& spec, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> pick_topic(0, spec.topics - 1);
  std::uniform_real_distribution<float> mild(-0.8f, 0.2f);
  std::vector<SimViewer> viewers(spec.viewers);
  for (int i = 0; i < spec.viewers; ++i) {
    auto& v = viewers[i];
    v.id = "viewer_" + std::to_string(i);
    for (int t = 0; t < spec.topics; ++t) v.taste[t] = mild(rng);
    const int liked = 2 + static_cast<int>(rng() % 2);
    for (int k = 0; k < liked; ++k) {
      const int t = pick_topic(rng);
      v.taste[t] = 1.5f;
      v.liked |= TopicMask{1} << t;
    }
  }
  return viewers;
}

double interest(const SimViewer& viewer, const SimClip& clip) {
  double sum = 0;
  int count = 0;
  for (TopicMask t = clip.topics; t; t &= t - 1) {
    sum += viewer.taste[std::countr_zero(t)];
    ++count;
  }
  return (count ? sum / count : -0.3) + clip.quality;
}

}  // namespace dreamfeed::ranking::eval
