// Word segmentation for the sketch engine on top of pango's log attributes.
#include "prompt_words.h"

#include <glib.h>
#include <pango/pango.h>

#include <algorithm>
#include <vector>

namespace dreamfeed::sketch {
namespace {

// Runs without spaces (CJK) are cut at every character by the line-break rules; joining
// a few keeps each revealed unit meaningful without making it wider than a line.
constexpr int kMaxJoinedGraphemes = 4;
// A single unbreakable run (a long URL, "aaaa…") is cut so no unit outgrows the frame.
constexpr int kMaxUnitGraphemes = 18;

struct Segment {
  std::string text;
  int graphemes = 0;
  bool space_before = false;
};

std::vector<Segment> break_segments(std::string_view prompt) {
  const int char_count =
      static_cast<int>(g_utf8_strlen(prompt.data(), static_cast<gssize>(prompt.size())));
  std::vector<PangoLogAttr> attrs(static_cast<std::size_t>(char_count) + 1);
  pango_get_log_attrs(prompt.data(), static_cast<int>(prompt.size()), -1,
                      pango_language_from_string("en"), attrs.data(), char_count + 1);

  std::vector<Segment> segments;
  Segment current;
  bool pending_space = false;
  const char* p = prompt.data();
  for (int i = 0; i < char_count; ++i) {
    const char* next = g_utf8_next_char(p);
    const PangoLogAttr& attr = attrs[static_cast<std::size_t>(i)];
    if (attr.is_white) {
      if (!current.text.empty()) segments.push_back(std::move(current));
      current = Segment{};
      pending_space = true;
    } else {
      const bool cut = !current.text.empty() &&
                       (attr.is_line_break ||
                        (attr.is_cursor_position && current.graphemes >= kMaxUnitGraphemes));
      if (cut) {
        segments.push_back(std::move(current));
        current = Segment{};
      }
      if (current.text.empty()) {
        current.space_before = pending_space;
        pending_space = false;
      }
      current.text.append(p, next);
      if (attr.is_cursor_position) ++current.graphemes;
    }
    p = next;
  }
  if (!current.text.empty()) segments.push_back(std::move(current));
  return segments;
}

}  // namespace

std::vector<PromptWord> split_prompt_words(std::string_view prompt, std::size_t max_words) {
  std::vector<PromptWord> words;
  int joined_graphemes = 0;
  for (Segment& segment : break_segments(prompt)) {
    const bool join = !words.empty() && !segment.space_before &&
                      joined_graphemes + segment.graphemes <= kMaxJoinedGraphemes;
    if (join) {
      words.back().text += segment.text;
      joined_graphemes += segment.graphemes;
    } else {
      words.push_back(PromptWord{std::move(segment.text), segment.space_before});
      joined_graphemes = segment.graphemes;
    }
  }
  if (max_words == 0 || words.size() <= max_words) return words;

  // Too many to reveal one by one in a short clip: reveal neighbours together.
  const std::size_t group = (words.size() + max_words - 1) / max_words;
  std::vector<PromptWord> grouped;
  for (std::size_t i = 0; i < words.size(); i += group) {
    PromptWord unit{words[i].text, words[i].space_before};
    for (std::size_t j = i + 1; j < std::min(words.size(), i + group); ++j) {
      if (words[j].space_before) unit.text += ' ';
      unit.text += words[j].text;
    }
    grouped.push_back(std::move(unit));
  }
  return grouped;
}

}  // namespace dreamfeed::sketch
