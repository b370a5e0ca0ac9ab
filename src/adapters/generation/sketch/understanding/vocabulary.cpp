// The vocabulary tables. Each table row is one canonical meaning followed by every
// word or phrase that means it; plurals and verb endings are handled in lookup(), so
// the rows list only irregular forms ("mice", "rode").
#include "vocabulary.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>

namespace dreamfeed::sketch {
namespace {

struct SubjectRow {
  std::string_view kind;
  Figure figure;
  std::initializer_list<std::string_view> words;
};

// clang-format off
const SubjectRow kSubjects[] = {
    {"person", Figure::biped, {"person", "people", "human", "somebody", "someone", "figure", "friend"}},
    {"man", Figure::biped, {"man", "men", "guy", "gentleman", "gentlemen", "father", "dad", "king", "prince", "farmer", "cowboy", "sailor", "pirate"}},
    {"woman", Figure::biped, {"woman", "women", "lady", "ladies", "girlfriend", "mother", "mom", "queen", "princess"}},
    {"child", Figure::biped, {"child", "children", "kid", "boy", "girl", "toddler", "student"}},
    {"baby", Figure::biped, {"baby", "babies", "infant"}},
    {"elder", Figure::biped, {"grandma", "grandmother", "grandpa", "grandfather", "granny", "elder", "old man", "old woman"}},
    {"astronaut", Figure::biped, {"astronaut", "spaceman", "cosmonaut"}},
    {"knight", Figure::biped, {"knight", "soldier", "warrior"}},
    {"chef", Figure::biped, {"chef", "baker"}},
    {"wizard", Figure::biped, {"wizard", "witch", "magician", "sorcerer"}},
    {"dancer", Figure::biped, {"dancer", "ballerina"}},
    {"robot", Figure::biped, {"robot", "android", "cyborg"}},
    {"horse", Figure::quadruped, {"horse", "stallion", "mare", "pony", "ponies", "foal", "steed"}},
    {"dog", Figure::quadruped, {"dog", "puppy", "puppies", "hound", "doggo", "pup"}},
    {"cat", Figure::quadruped, {"cat", "kitten", "kitty", "kitties"}},
    {"cow", Figure::quadruped, {"cow", "cattle", "bull", "ox", "oxen", "calf", "calves"}},
    {"pig", Figure::quadruped, {"pig", "piglet", "hog"}},
    {"sheep", Figure::quadruped, {"sheep", "lamb", "goat"}},
    {"lion", Figure::quadruped, {"lion", "lioness"}},
    {"tiger", Figure::quadruped, {"tiger", "leopard", "cheetah", "panther"}},
    {"elephant", Figure::quadruped, {"elephant", "mammoth"}},
    {"bear", Figure::quadruped, {"bear", "panda", "grizzly"}},
    {"fox", Figure::quadruped, {"fox", "foxes"}},
    {"wolf", Figure::quadruped, {"wolf", "wolves", "coyote"}},
    {"rabbit", Figure::quadruped, {"rabbit", "bunny", "bunnies", "hare"}},
    {"deer", Figure::quadruped, {"deer", "reindeer", "moose", "elk"}},
    {"giraffe", Figure::quadruped, {"giraffe"}},
    {"mouse", Figure::quadruped, {"mouse", "mice", "rat", "hamster"}},
    {"unicorn", Figure::quadruped, {"unicorn"}},
    {"dinosaur", Figure::quadruped, {"dinosaur", "dino", "t-rex", "trex"}},
    {"bird", Figure::bird, {"bird", "sparrow", "robin", "crow", "raven", "pigeon", "seagull", "gull", "swallow"}},
    {"duck", Figure::bird, {"duck", "goose", "geese", "swan"}},
    {"owl", Figure::bird, {"owl"}},
    {"eagle", Figure::bird, {"eagle", "hawk", "falcon"}},
    {"chicken", Figure::bird, {"chicken", "hen", "rooster", "chick"}},
    {"parrot", Figure::bird, {"parrot", "macaw"}},
    {"penguin", Figure::bird, {"penguin"}},
    {"butterfly", Figure::bird, {"butterfly", "butterflies", "moth"}},
    {"bee", Figure::bird, {"bee", "wasp", "insect", "bug"}},
    {"fish", Figure::fish, {"fish", "fishes", "goldfish", "salmon", "trout"}},
    {"shark", Figure::fish, {"shark"}},
    {"whale", Figure::fish, {"whale"}},
    {"dolphin", Figure::fish, {"dolphin"}},
    {"car", Figure::vehicle, {"car", "automobile", "taxi", "cab", "jeep", "sedan"}},
    {"bus", Figure::vehicle, {"bus", "buses", "van"}},
    {"truck", Figure::vehicle, {"truck", "lorry", "tractor"}},
    {"bicycle", Figure::vehicle, {"bicycle", "bike", "cycle"}},
    {"motorcycle", Figure::vehicle, {"motorcycle", "motorbike", "scooter"}},
    {"train", Figure::vehicle, {"train", "locomotive", "tram"}},
    {"boat", Figure::vehicle, {"boat", "ship", "sailboat", "canoe", "yacht"}},
    {"plane", Figure::vehicle, {"plane", "airplane", "aeroplane", "jet", "aircraft"}},
    {"rocket", Figure::vehicle, {"rocket", "spaceship", "spacecraft", "ufo"}},
    {"tree", Figure::plant, {"tree", "oak", "pine", "palm", "palm tree"}},
    {"flower", Figure::plant, {"flower", "rose", "tulip", "sunflower", "daisy", "daisies"}},
    {"cactus", Figure::plant, {"cactus", "cacti", "cactuses"}},
    {"mushroom", Figure::plant, {"mushroom", "toadstool"}},
    {"house", Figure::building, {"house", "home", "cottage", "cabin", "hut"}},
    {"castle", Figure::building, {"castle", "palace", "fortress"}},
    {"tower", Figure::building, {"tower", "skyscraper", "lighthouse"}},
    {"ball", Figure::object, {"ball", "football", "basketball"}},
    {"box", Figure::object, {"box", "boxes", "crate", "package", "present", "gift"}},
    {"balloon", Figure::object, {"balloon"}},
    {"bowl", Figure::object, {"bowl", "fishbowl", "aquarium", "jar", "vase"}},
    {"umbrella", Figure::object, {"umbrella"}},
    {"cake", Figure::object, {"cake", "pie", "cupcake"}},
    {"guitar", Figure::object, {"guitar", "violin"}},
    {"book", Figure::object, {"book"}},
    {"chair", Figure::object, {"chair", "stool", "bench"}},
    {"table", Figure::object, {"table", "desk"}},
    {"lamp", Figure::object, {"lamp", "lantern", "candle"}},
    {"dragon", Figure::creature, {"dragon", "wyvern"}},
    {"ghost", Figure::creature, {"ghost", "spirit", "phantom"}},
    {"monster", Figure::creature, {"monster", "troll", "ogre", "giant creature"}},
    {"alien", Figure::creature, {"alien", "martian", "extraterrestrial"}},
    {"snake", Figure::creature, {"snake", "serpent", "worm"}},
    {"octopus", Figure::creature, {"octopus", "octopuses", "octopi", "squid", "jellyfish"}},
};

struct Row {
  std::string_view canonical;
  std::initializer_list<std::string_view> words;
  std::string_view implies = "";
};

const Row kColours[] = {
    {"red", {"red", "crimson", "scarlet"}}, {"orange", {"orange"}},
    {"yellow", {"yellow", "golden", "gold"}}, {"green", {"green", "emerald"}},
    {"blue", {"blue", "navy", "azure"}}, {"purple", {"purple", "violet"}},
    {"pink", {"pink"}}, {"brown", {"brown"}}, {"black", {"black"}},
    {"white", {"white"}}, {"grey", {"grey", "gray", "silver"}},
};

const Row kSizes[] = {
    {"tiny", {"tiny", "miniature", "itsy"}}, {"small", {"small", "little", "baby-sized"}},
    {"big", {"big", "large", "huge", "tall"}}, {"giant", {"giant", "enormous", "gigantic", "massive", "colossal"}},
};

const Row kActions[] = {
    {"walk", {"walk", "walking", "stroll", "wander", "march", "waddle"}},
    {"run", {"run", "running", "ran", "sprint", "gallop", "race", "racing"}},
    {"jump", {"jump", "leap", "hop", "hopping"}},
    {"fly", {"fly", "flies", "flew", "flying", "soar", "glide"}},
    {"swim", {"swim", "swimming", "swam", "dive", "diving"}},
    {"dance", {"dance", "dancing", "twirl"}},
    {"spin", {"spin", "spinning", "spun", "rotate", "whirl"}},
    {"ride", {"ride", "riding", "rode", "ridden", "mounted"}, "riding"},
    {"fall", {"fall", "falling", "fell", "tumble", "drop"}},
    {"wave", {"wave", "waving", "greet"}},
    {"sleep", {"sleep", "sleeping", "slept", "nap", "rest", "dream"}},
    {"eat", {"eat", "eating", "ate", "eaten", "munch", "bite"}},
    {"fight", {"fight", "fighting", "fought", "battle", "attack", "duel"}},
    {"drive", {"drive", "driving", "drove", "driven", "steer"}, "riding"},
    {"sit", {"sit", "sitting", "sat", "perch", "perched"}},
    {"stand", {"stand", "standing", "stood", "balance", "balancing"}},
    {"sing", {"sing", "singing", "sang", "sung"}},
    {"talk", {"say", "says", "said", "talk", "speak", "spoke", "shout", "whisper", "ask", "tell", "told", "yell"}},
    {"chase", {"chase", "chasing", "pursue", "follow", "hunt"}, "chasing"},
    {"hold", {"hold", "holding", "held", "carry", "carrying", "grab"}, "holding"},
    {"float", {"float", "floating", "drift", "hover"}},
    {"climb", {"climb", "climbing", "scale"}},
    {"play", {"play", "playing"}},
    {"bounce", {"bounce", "bouncing"}},
    {"laugh", {"laugh", "laughing", "giggle", "smile"}},
    {"cry", {"cry", "cries", "cried", "crying", "weep", "sob"}},
    {"read", {"read", "reading"}},
};

const Row kRelations[] = {
    {"on", {"on", "on top of", "atop", "upon", "onto", "above", "over"}},
    {"under", {"under", "beneath", "below", "underneath"}},
    {"next to", {"next to", "beside", "near", "by", "alongside", "with"}},
    {"behind", {"behind", "in back of"}},
    {"in front of", {"in front of", "before"}},
    {"inside", {"inside", "in", "within", "into"}},
    {"stacked", {"stacked", "stack", "piled", "pile", "tower of", "on top of each other", "on each other"}},
};

const Row kPlacements[] = {
    {"left", {"on the left", "to the left", "at the left", "left side", "on the left side"}},
    {"right", {"on the right", "to the right", "at the right", "right side", "on the right side"}},
    {"centre", {"in the middle", "in the center", "in the centre", "center", "centre"}},
};

const Row kSettings[] = {
    {"beach", {"beach", "shore", "seaside", "coast", "sand"}},
    {"city", {"city", "city street", "street", "town", "downtown", "road", "avenue"}},
    {"forest", {"forest", "woods", "jungle", "rainforest"}},
    {"desert", {"desert", "dunes", "sahara"}},
    {"snow", {"snowfield", "tundra", "arctic", "north pole", "snowy field", "glacier"}},
    {"space", {"space", "outer space", "galaxy", "planet", "moon", "mars", "stars"}},
    {"underwater", {"underwater", "under water", "sea", "ocean", "reef", "seabed"}},
    {"kitchen", {"kitchen", "restaurant", "bakery"}},
    {"stage", {"stage", "theater", "theatre", "concert", "circus"}},
    {"field", {"field", "meadow", "grass", "farm", "countryside", "prairie", "park", "garden"}},
    {"mountain", {"mountain", "mountains", "hill", "hills", "cliff", "peak", "volcano"}},
    {"lake", {"lake", "river", "pond", "waterfall"}},
    {"room", {"room", "bedroom", "living room", "library", "office", "classroom", "indoors"}},
    {"sky", {"sky", "clouds", "air", "heaven"}},
};

const Row kTimes[] = {
    {"dawn", {"dawn", "sunrise", "daybreak", "early morning"}},
    {"morning", {"morning"}},
    {"day", {"day", "daytime", "noon", "midday", "afternoon", "daylight"}},
    {"sunset", {"sunset", "dusk", "evening", "twilight", "golden hour"}},
    {"night", {"night", "nighttime", "midnight", "at night", "moonlight", "moonlit", "starry"}},
};

const Row kWeather[] = {
    {"rain", {"rain", "rainy", "raining", "drizzle", "shower"}},
    {"snow", {"snow", "snowy", "snowing", "snowfall", "blizzard", "snowflakes"}},
    {"fog", {"fog", "foggy", "mist", "misty", "haze"}},
    {"wind", {"wind", "windy", "breeze", "breezy", "gust"}},
    {"storm", {"storm", "stormy", "thunder", "thunderstorm", "lightning", "hurricane"}},
    {"clear", {"sunny", "clear", "cloudless"}},
};

const Row kCameras[] = {
    {"static", {"static shot", "still shot", "tripod"}},
    {"pan", {"pan", "panning", "tracking shot", "dolly"}},
    {"zoom in", {"zoom in", "zooms in", "zooming in", "close up", "close-up", "closeup", "push in"}},
    {"zoom out", {"zoom out", "zooms out", "zooming out", "wide shot", "pull back", "pulls back"}},
    {"orbit", {"orbit", "orbits", "orbit around", "orbits around", "orbiting", "circling", "360", "turntable"}},
    {"shake", {"shake", "shaky", "shaking", "handheld", "earthquake"}},
};

const Row kMoods[] = {
    {"happy", {"happy", "joyful", "cheerful", "glad", "fun"}},
    {"sad", {"sad", "lonely", "gloomy", "melancholy", "tearful"}},
    {"scary", {"scary", "spooky", "creepy", "haunted", "terrifying", "horror"}},
    {"calm", {"calm", "peaceful", "quiet", "serene", "gentle", "slow", "slowly"}},
    {"epic", {"epic", "heroic", "majestic", "dramatic", "fast", "quickly"}},
    {"funny", {"funny", "silly", "goofy", "hilarious", "ridiculous"}},
    {"romantic", {"romantic", "love", "loving"}},
    {"mysterious", {"mysterious", "magical", "magic", "enchanted", "strange"}},
    {"cozy", {"cozy", "cosy", "warm"}},
    {"dreamy", {"dreamy", "surreal", "dreamlike", "whimsical"}},
};

struct CountRow {
  std::string_view word;
  std::int64_t number;
};
const CountRow kCounts[] = {
    {"a", 1}, {"an", 1}, {"one", 1}, {"single", 1}, {"another", 1}, {"other", 1},
    {"two", 2}, {"pair of", 2}, {"a pair of", 2}, {"couple of", 2}, {"a couple of", 2},
    {"both", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
    {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12},
    {"dozen", 12}, {"a dozen", 12}, {"twenty", 20}, {"fifty", 50}, {"hundred", 100},
    {"a hundred", 100}, {"thousand", 1000}, {"a thousand", 1000}, {"million", 1000000},
    {"a million", 1000000}, {"few", 3}, {"a few", 3}, {"some", 3}, {"several", 4},
    {"many", 8}, {"lots of", 8}, {"a lot of", 8}, {"flock of", 12}, {"a flock of", 12},
    {"herd of", 8}, {"a herd of", 8}, {"swarm of", 30}, {"a swarm of", 30},
    {"crowd of", 20}, {"a crowd of", 20}, {"group of", 4}, {"a group of", 4},
    {"school of", 10}, {"a school of", 10}, {"pack of", 6}, {"a pack of", 6},
    {"countless", 1000}, {"infinite", 1000000},
};
// clang-format on

// Understood but meaningless for the scene: articles, auxiliaries, connectives, the
// nouns of place phrases ("the left side of the street").
const std::string_view kFillers[] = {
    "the",    "and",     "is",      "are",     "was",   "were",  "be",    "being",    "been",
    "that",   "which",   "who",     "while",   "as",    "of",    "to",    "at",       "from",
    "its",    "his",     "her",     "their",   "it",    "they",  "he",    "she",      "them",
    "there",  "then",    "very",    "really",  "just",  "also",  "each",  "together", "around",
    "across", "through", "along",   "up",      "down",  "away",  "back",  "out",      "off",
    "this",   "these",   "those",   "has",     "have",  "had",   "does",  "do",       "can",
    "will",   "into",    "toward",  "towards", "scene", "video", "clip",  "shot",     "camera",
    "time",   "against", "between", "for",     "so",    "all",   "where", "when",     "like",
    "some",   "other",   "own",     "again",   "still", "too",   "after", "during",   "our",
    "my",     "your",
};

class Tables {
 public:
  Tables() {
    for (const SubjectRow& row : kSubjects) {
      kinds_.push_back(row.kind);
      for (std::string_view word : row.words) {
        add(word, Meaning{WordClass::subject, row.kind, row.figure, 0, ""});
      }
    }
    add_rows(kColours, WordClass::colour);
    add_rows(kSizes, WordClass::size);
    add_rows(kActions, WordClass::action);
    add_rows(kRelations, WordClass::relation);
    add_rows(kPlacements, WordClass::placement);
    add_rows(kSettings, WordClass::setting);
    add_rows(kTimes, WordClass::time_of_day);
    add_rows(kWeather, WordClass::weather);
    add_rows(kCameras, WordClass::camera);
    add_rows(kMoods, WordClass::mood);
    for (const CountRow& row : kCounts) {
      add(row.word, Meaning{WordClass::count, row.word, Figure::object, row.number, ""});
    }
    for (std::string_view word : kFillers) add(word, Meaning{WordClass::filler, word});
    for (const Row& row : kActions) actions_.push_back(row.canonical);
    for (const Row& row : kSettings) settings_.push_back(row.canonical);
  }

  const Meaning* find(std::string_view phrase) const {
    auto it = words_.find(phrase);
    return it == words_.end() ? nullptr : &it->second;
  }
  const std::vector<std::string_view>& kinds() const { return kinds_; }
  const std::vector<std::string_view>& actions() const { return actions_; }
  const std::vector<std::string_view>& settings() const { return settings_; }

 private:
  template <std::size_t N>
  void add_rows(const Row (&rows)[N], WordClass word_class) {
    for (const Row& row : rows) {
      for (std::string_view word : row.words) {
        add(word, Meaning{word_class, row.canonical, Figure::object, 0, row.implies});
      }
    }
  }
  // The first table to claim a word keeps it, so the order of the add_* calls above
  // settles words in two tables ("under" is a relation before it is a filler).
  void add(std::string_view word, Meaning meaning) { words_.emplace(word, meaning); }

  std::map<std::string_view, Meaning, std::less<>> words_;
  std::vector<std::string_view> kinds_;
  std::vector<std::string_view> actions_;
  std::vector<std::string_view> settings_;
};

const Tables& tables() {
  static const Tables instance;
  return instance;
}

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() > end.size() && text.substr(text.size() - end.size()) == end;
}

// Base forms to try for an inflected last word: plural nouns and verb endings.
std::vector<std::string> base_forms(std::string_view word) {
  std::vector<std::string> forms;
  if (word.size() < 4) return forms;
  auto strip = [&](std::string_view end, std::string_view add) {
    if (ends_with(word, end)) {
      forms.push_back(std::string(word.substr(0, word.size() - end.size())) + std::string(add));
    }
  };
  strip("ies", "y");
  strip("ves", "f");
  strip("es", "");
  strip("s", "");
  strip("ing", "");
  strip("ing", "e");
  strip("ed", "");
  strip("ed", "e");
  strip("d", "");
  // Doubled consonants: running → run, hopped → hop.
  if (word.size() > 5 && ends_with(word, "ing") && word[word.size() - 4] == word[word.size() - 5]) {
    forms.push_back(std::string(word.substr(0, word.size() - 4)));
  }
  return forms;
}

}  // namespace

std::optional<Meaning> lookup(std::string_view phrase) {
  const Tables& t = tables();
  if (const Meaning* m = t.find(phrase)) return *m;
  const std::size_t space = phrase.rfind(' ');
  const std::string_view head = space == std::string_view::npos ? "" : phrase.substr(0, space + 1);
  const std::string_view last = space == std::string_view::npos ? phrase : phrase.substr(space + 1);
  for (const std::string& base : base_forms(last)) {
    const std::string candidate = std::string(head) + base;
    if (const Meaning* m = t.find(candidate)) {
      // Only nouns and verbs inflect; "reds" or "ats" are not words.
      if (m->word_class == WordClass::subject || m->word_class == WordClass::action ||
          m->word_class == WordClass::setting) {
        return *m;
      }
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> subject_kinds() { return tables().kinds(); }
std::vector<std::string_view> action_names() { return tables().actions(); }
std::vector<std::string_view> setting_names() { return tables().settings(); }

}  // namespace dreamfeed::sketch
