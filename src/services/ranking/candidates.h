// Candidate sources: each returns clips worth ranking for one viewer, tagged with why it
// was picked. Sources skip clips the viewer has already seen so each fills its quota with
// new ones; the filter stage remains the authority on what may be shown.
#pragma once

#include <cstdint>
#include <vector>

#include "services/ranking/global_lists.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking {

enum class Source : std::uint8_t { followed, similar, remix, topic, trending, fresh, newest };
std::string_view to_string(Source source);

struct Candidate {
  std::uint32_t clip = kNone;
  Source source = Source::trending;
  std::uint32_t seed_clip = kNone;  // similar/remix: the clip the viewer enjoyed
  std::int8_t topic = -1;           // topic: the topic it was drawn for
};

struct CandidateContext {
  const RankingState& state;
  const GlobalLists& lists;
  std::uint32_t viewer_user = kNone;  // kNone for a visitor
  const ViewerState* viewer = nullptr;
  std::int64_t now_ms = 0;
  std::uint64_t rotation = 0;  // varies the fresh pool between viewers and pages
};

void add_fresh(const CandidateContext& ctx, std::vector<Candidate>& out);
void add_trending(const CandidateContext& ctx, std::vector<Candidate>& out);
void add_followed(const CandidateContext& ctx, std::vector<Candidate>& out);
void add_similar(const CandidateContext& ctx, std::vector<Candidate>& out);
void add_remixes(const CandidateContext& ctx, std::vector<Candidate>& out);
void add_topic(const CandidateContext& ctx, std::vector<Candidate>& out);
void add_newest(const CandidateContext& ctx, std::vector<Candidate>& out);

// Every source, each clip once (the first source to name it keeps it).
std::vector<Candidate> collect_candidates(const CandidateContext& ctx);

}  // namespace dreamfeed::ranking
