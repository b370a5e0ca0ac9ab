// Greedy mixing: each place takes the best remaining candidate that keeps the page's
// rules; when none does, the rules are relaxed (topic first, then creator) rather than
// ending the page short.
#include "services/ranking/mixing.h"

#include <algorithm>
#include <span>

namespace dreamfeed::ranking {
namespace {

// What mixing reads of a candidate's clip, gathered once: the loops below look at each
// candidate many times, and the clips' records are spread over a million-entry table.
struct MixFacts {
  std::uint32_t creator;
  TopicMask topics;
  std::uint32_t impressions;
};

// `placed`: the candidates placed so far, in order (ad places are not in it: an ad
// between two clips does not separate them).
bool allowed(const std::vector<MixFacts>& facts, const std::vector<std::size_t>& placed,
             std::size_t candidate, int max_topic_run, bool check_topic, bool check_creator) {
  const MixFacts& c = facts[candidate];
  if (check_creator && !placed.empty() && facts[placed.back()].creator == c.creator) return false;
  if (!check_topic || c.topics == 0) return true;
  int run = 0;
  for (auto it = placed.rbegin(); it != placed.rend(); ++it) {
    if (!(facts[*it].topics & c.topics)) break;
    if (++run >= max_topic_run) return false;
  }
  return true;
}

}  // namespace

bool is_ad_place(const RankingConfig& config, int place) {
  const auto& ads = config.mixing.ad_slots;
  return std::find(ads.begin(), ads.end(), place) != ads.end();
}

int clips_per_page(const RankingConfig& config, int limit) {
  int clips = 0;
  for (int place = 0; place < limit; ++place) clips += is_ad_place(config, place) ? 0 : 1;
  return clips;
}

std::vector<PageSlot> mix_page(const RankingState& state, std::vector<RankedCandidate> ranked,
                               int limit, int pages) {
  const auto& mixing = state.config().mixing;
  std::vector<PageSlot> page;
  std::vector<bool> exploration_place(limit, false);
  const int slots = std::min(mixing.exploration_slots, limit);
  for (int k = 0; k < slots; ++k) exploration_place[(k + 1) * limit / (slots + 1)] = true;

  std::vector<MixFacts> facts;
  facts.reserve(ranked.size());
  for (const RankedCandidate& r : ranked) {
    const ClipStats& clip = state.clip(r.candidate.clip);
    facts.push_back({clip.creator, clip.topics, clip.impressions});
  }
  std::vector<std::size_t> exploring;  // best first, like `ranked`
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    if (ranked[i].exploring) exploring.push_back(i);
  }
  std::vector<std::size_t> placed;
  std::vector<bool> used(ranked.size(), false);
  std::size_t first_unused = 0;  // every candidate before it is placed
  for (int pos = 0; pos < limit * pages; ++pos) {
    const int place = pos % limit;
    PageSlot slot;
    if (is_ad_place(state.config(), place)) {
      slot.ad = true;
      page.push_back(slot);
      continue;
    }
    slot.exploration = exploration_place[place];
    std::optional<std::size_t> pick;
    // Exploration places take the best exploring clip; if none, any clip. The rules
    // relax in order: the topic run first, then the creator rule.
    struct Pass {
      bool exploring, topic, creator;
    };
    static constexpr Pass kExplorationPasses[] = {{true, true, true},
                                                  {true, false, true},
                                                  {false, true, true},
                                                  {false, false, true},
                                                  {false, false, false}};
    static constexpr Pass kRegularPasses[] = {
        {false, true, true}, {false, false, true}, {false, false, false}};
    std::span<const Pass> passes = slot.exploration ? std::span<const Pass>(kExplorationPasses)
                                                    : std::span<const Pass>(kRegularPasses);
    for (const Pass& pass : passes) {
      if (pass.exploring) {
        // The least-shown exploring clip first (best score among equals), so each new
        // clip gets its first impressions soon instead of the best-fitting few getting all.
        for (std::size_t i : exploring) {
          if (used[i] ||
              !allowed(facts, placed, i, mixing.max_same_topic_in_row, pass.topic, pass.creator)) {
            continue;
          }
          if (!pick || facts[i].impressions < facts[*pick].impressions) pick = i;
        }
      } else {
        for (std::size_t i = first_unused; i < ranked.size(); ++i) {
          if (!used[i] &&
              allowed(facts, placed, i, mixing.max_same_topic_in_row, pass.topic, pass.creator)) {
            pick = i;
            break;
          }
        }
      }
      if (pick) break;
    }
    if (!pick) break;
    used[*pick] = true;
    placed.push_back(*pick);
    while (first_unused < used.size() && used[first_unused]) ++first_unused;
    slot.item = ranked[*pick];
    if (slot.exploration && !slot.item->exploring) slot.exploration = false;
    page.push_back(std::move(slot));
  }
  while (!page.empty() && !page.back().item) page.pop_back();
  return page;
}

}  // namespace dreamfeed::ranking
