// Caller identification and the CSRF check.
#include "http/api/caller.h"

#include <sodium.h>

#include <boost/algorithm/string/predicate.hpp>

namespace dreamfeed::http {
namespace {

bool changes_state(Verb method) {
  return method != Verb::get && method != Verb::head && method != Verb::options;
}

bool uses_bearer(const RequestContext& request) {
  return request.header("Authorization").starts_with("Bearer ");
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string session_token(const RequestContext& request) {
  if (uses_bearer(request)) return std::string(request.header("Authorization").substr(7));
  return request.cookie(kSessionCookie).value_or("");
}

Result<Caller> require_caller(const RequestContext& request, AccountsService& accounts) {
  auto caller = accounts.authenticate(session_token(request));
  if (!caller) return caller.error();
  if (!uses_bearer(request) && changes_state(request.method()) &&
      !same_secret(request.header("X-CSRF-Token"), caller->session.csrf_token)) {
    return make_error(ErrorCode::forbidden,
                      "missing or wrong X-CSRF-Token header (send the csrf_token from log-in)");
  }
  return caller;
}

Result<std::optional<Caller>> optional_caller(const RequestContext& request,
                                              AccountsService& accounts) {
  if (session_token(request).empty()) return std::optional<Caller>{};
  auto caller = require_caller(request, accounts);
  // A stale session on a public read is just a logged-out visitor.
  if (!caller && caller.error().code == ErrorCode::unauthenticated) return std::optional<Caller>{};
  if (!caller) return caller.error();
  return std::optional<Caller>(std::move(*caller));
}

namespace {

std::string_view secure_attribute(const RequestContext& request) {
  return boost::algorithm::iequals(request.header("X-Forwarded-Proto"), "https") ? "; Secure" : "";
}

}  // namespace

std::string session_cookie(const RequestContext& request, const std::string& token,
                           std::int64_t max_age_seconds) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds) +
         std::string(secure_attribute(request));
}

std::string expired_session_cookie(const RequestContext& request) {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
         std::string(secure_attribute(request));
}

}  // namespace dreamfeed::http
