// Reads config/ranking.json with Boost.JSON; a key absent keeps its default, a key of the
// wrong type is an error naming it.
#include "services/ranking/ranking_config.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fstream>
#include <sstream>

namespace dreamfeed::ranking {
namespace {

namespace json = boost::json;

Status read_number(const json::object& obj, std::string_view key, double& out) {
  auto* v = obj.if_contains(key);
  if (!v) return {};
  if (!v->is_number()) return make_error(ErrorCode::invalid_argument, "not a number", key.data());
  out = v->to_number<double>();
  return {};
}

Status read_int(const json::object& obj, std::string_view key, int& out) {
  double d = out;
  if (auto s = read_number(obj, key, d); !s) return s;
  out = static_cast<int>(d);
  return {};
}

Status read_prior(const json::object& obj, std::string_view key, BetaPrior& out) {
  auto* v = obj.if_contains(key);
  if (!v) return {};
  auto* arr = v->if_array();
  if (!arr || arr->size() != 2 || !(*arr)[0].is_number() || !(*arr)[1].is_number()) {
    return make_error(ErrorCode::invalid_argument, "a prior is [alpha, beta]", key.data());
  }
  out.alpha = (*arr)[0].to_number<double>();
  out.beta = (*arr)[1].to_number<double>();
  if (out.alpha <= 0 || out.beta <= 0) {
    return make_error(ErrorCode::invalid_argument, "priors must be positive", key.data());
  }
  return {};
}

const json::object* child(const json::object& obj, std::string_view key) {
  auto* v = obj.if_contains(key);
  return v ? v->if_object() : nullptr;
}

#define DF_TRY(expr)             \
  do {                           \
    if (auto s_ = (expr); !s_) { \
      return s_.error();         \
    }                            \
  } while (false)

}  // namespace

Result<RankingConfig> parse_ranking_config(std::string_view json_text) {
  boost::system::error_code ec;
  json::value root = json::parse(json_text, ec);
  if (ec || !root.is_object()) {
    return make_error(ErrorCode::invalid_argument, "ranking config is not a JSON object");
  }
  const auto& top = root.get_object();
  RankingConfig c;
  if (auto* p = child(top, "priors")) {
    DF_TRY(read_prior(*p, "completion", c.priors.completion));
    DF_TRY(read_prior(*p, "like", c.priors.like));
    DF_TRY(read_prior(*p, "share", c.priors.share));
    DF_TRY(read_prior(*p, "remix", c.priors.remix));
    DF_TRY(read_prior(*p, "skip", c.priors.skip));
  }
  if (auto* w = child(top, "weights")) {
    auto& cw = c.weights;
    for (auto [key, field] : {std::pair{"completion", &cw.completion},
                              {"like", &cw.like},
                              {"share", &cw.share},
                              {"remix", &cw.remix},
                              {"skip", &cw.skip},
                              {"freshness", &cw.freshness},
                              {"affinity", &cw.affinity},
                              {"steering_boost", &cw.steering_boost},
                              {"steering_penalty", &cw.steering_penalty},
                              {"followed", &cw.followed}}) {
      DF_TRY(read_number(*w, key, *field));
    }
  }
  DF_TRY(read_number(top, "freshness_half_life_hours", c.freshness_half_life_hours));
  DF_TRY(read_number(top, "trending_half_life_hours", c.trending_half_life_hours));
  if (auto* k = child(top, "candidates")) {
    auto& cc = c.candidates;
    for (auto [key, field] : {std::pair{"fresh", &cc.fresh},
                              {"trending", &cc.trending},
                              {"followed_per_creator", &cc.followed_per_creator},
                              {"followed_creators", &cc.followed_creators},
                              {"similar_seeds", &cc.similar_seeds},
                              {"similar_per_seed", &cc.similar_per_seed},
                              {"similar_scan", &cc.similar_scan},
                              {"remixes_per_seed", &cc.remixes_per_seed},
                              {"topic_top_topics", &cc.topic_top_topics},
                              {"topic_per_topic", &cc.topic_per_topic},
                              {"topic_list_size", &cc.topic_list_size},
                              {"fresh_window_hours", &cc.fresh_window_hours},
                              {"exploration_impressions", &cc.exploration_impressions}}) {
      DF_TRY(read_int(*k, key, *field));
    }
  }
  if (auto* f = child(top, "filters")) DF_TRY(read_int(*f, "seen_days", c.seen_days));
  if (auto* m = child(top, "mixing")) {
    DF_TRY(read_int(*m, "exploration_slots", c.mixing.exploration_slots));
    DF_TRY(read_int(*m, "max_same_topic_in_row", c.mixing.max_same_topic_in_row));
    if (auto* slots = m->if_contains("ad_slots")) {
      if (!slots->is_array()) return make_error(ErrorCode::invalid_argument, "a list", "ad_slots");
      for (const auto& s : slots->get_array()) {
        if (!s.is_number()) return make_error(ErrorCode::invalid_argument, "a list", "ad_slots");
        c.mixing.ad_slots.push_back(s.to_number<int>());
      }
    }
  }
  if (auto* w = child(top, "wellbeing")) {
    DF_TRY(read_int(*w, "nudge_after_passive_minutes", c.wellbeing.nudge_after_passive_minutes));
    DF_TRY(read_int(*w, "session_gap_minutes", c.wellbeing.session_gap_minutes));
  }
  if (auto* p = child(top, "prepared")) {
    DF_TRY(read_int(*p, "pages", c.prepared.pages));
    DF_TRY(read_int(*p, "ttl_seconds", c.prepared.ttl_seconds));
    DF_TRY(read_int(*p, "max_viewers", c.prepared.max_viewers));
    DF_TRY(read_int(*p, "new_positives", c.prepared.new_positives));
    if (c.prepared.pages < 1) {
      return make_error(ErrorCode::invalid_argument, "must be at least 1", "prepared.pages");
    }
    for (const auto& [name, value] :
         {std::pair{"prepared.ttl_seconds", c.prepared.ttl_seconds},
          std::pair{"prepared.max_viewers", c.prepared.max_viewers},
          std::pair{"prepared.new_positives", c.prepared.new_positives}}) {
      if (value < 0) return make_error(ErrorCode::invalid_argument, "must not be negative", name);
    }
  }
  double window = static_cast<double>(c.dedupe_window);
  DF_TRY(read_number(top, "dedupe_window", window));
  c.dedupe_window = static_cast<std::size_t>(window);
  double future = static_cast<double>(c.max_future_ms);
  DF_TRY(read_number(top, "max_future_ms", future));
  c.max_future_ms = static_cast<std::int64_t>(future);

  if (auto* topics = child(top, "topics")) {
    if (topics->size() > kMaxTopics) {
      return make_error(ErrorCode::invalid_argument, "at most 64 topics", "topics");
    }
    for (const auto& [name, words] : *topics) {
      std::vector<std::string> synonyms;
      if (!words.is_array()) return make_error(ErrorCode::invalid_argument, "a list", "topics");
      for (const auto& w : words.get_array()) {
        if (!w.is_string()) return make_error(ErrorCode::invalid_argument, "words", "topics");
        synonyms.emplace_back(w.get_string());
      }
      c.vocabulary.add_topic(std::string(name), synonyms);
    }
  }
  if (auto* opposites = child(top, "opposites")) {
    for (const auto& [name, list] : *opposites) {
      const int topic = c.vocabulary.find_topic(name);
      if (topic < 0 || !list.is_array()) {
        return make_error(ErrorCode::invalid_argument, "unknown topic", "opposites");
      }
      for (const auto& o : list.get_array()) {
        const int other = o.is_string() ? c.vocabulary.find_topic(o.get_string()) : -1;
        if (other < 0) return make_error(ErrorCode::invalid_argument, "unknown topic", "opposites");
        c.vocabulary.add_opposite(topic, other);
      }
    }
  }
  return c;
}

#undef DF_TRY

Result<RankingConfig> load_ranking_config(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(ErrorCode::not_found, "cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return parse_ranking_config(text.str());
}

}  // namespace dreamfeed::ranking
