// Who is calling. API clients send `Authorization: Bearer <token>`; the browser app
// sends the HttpOnly session cookie. A cookie request that changes state must also
// carry the session's CSRF token in X-CSRF-Token, which a cross-site page cannot read.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "http/handler.h"
#include "services/accounts/accounts_service.h"

namespace dreamfeed::http {

inline constexpr std::string_view kSessionCookie = "dreamfeed_session";

// The bearer token or cookie value of the request, empty when there is none.
std::string session_token(const RequestContext& request);

// unauthenticated without a valid session; forbidden when a state-changing cookie
// request lacks the CSRF token.
Result<Caller> require_caller(const RequestContext& request, AccountsService& accounts);
// Like require_caller for reads that also work logged out: nullopt when no session.
Result<std::optional<Caller>> optional_caller(const RequestContext& request,
                                              AccountsService& accounts);

// Set-Cookie values that open and end a browser session. They are marked Secure when
// the request reached a TLS-terminating proxy as HTTPS (X-Forwarded-Proto: https), so
// that the browser never sends the session over plain HTTP; the server itself speaks
// plain HTTP on its own port, where a Secure cookie would not come back.
std::string session_cookie(const RequestContext& request, const std::string& token,
                           std::int64_t max_age_seconds);
std::string expired_session_cookie(const RequestContext& request);

}  // namespace dreamfeed::http
