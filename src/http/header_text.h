// Small helpers for reading HTTP header values (RFC 9110's optional whitespace).
#pragma once

#include <string_view>

namespace dreamfeed::http {

// `s` without the spaces and tabs around it.
inline std::string_view trim_whitespace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace dreamfeed::http
