// Accounts over HTTP: sign-up, log-in, log-out, who am I (with what I may still generate).
#include <boost/json/object.hpp>

#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_body.h"
#include "http/api/json_views.h"

namespace dreamfeed::http {
namespace {

struct Credentials {
  std::string handle;
  std::string password;
};

Result<Credentials> read_credentials(const RequestContext& request) {
  auto body = parse_json_object(request.body());
  if (!body) return body.error();
  auto handle = required_string(*body, "handle");
  if (!handle) return handle.error();
  auto password = required_string(*body, "password");
  if (!password) return password.error();
  return Credentials{std::move(*handle), std::move(*password)};
}

BodyReply signed_in_reply(const RequestContext& request, const SignedIn& signed_in,
                          std::int64_t now_ms, Status status) {
  BodyReply reply =
      json_reply(boost::json::object{{"user", user_json(signed_in.user)},
                                     {"token", signed_in.token},
                                     {"csrf_token", signed_in.csrf_token},
                                     {"expires_at", format_timestamp(signed_in.expires_at_ms)}},
                 status);
  reply.headers.push_back(
      {"Set-Cookie",
       session_cookie(request, signed_in.token, (signed_in.expires_at_ms - now_ms) / 1000)});
  reply.headers.push_back({"Cache-Control", "no-store"});
  return reply;
}

}  // namespace

void add_auth_routes(Router& router, ApiContext& api) {
  router.add(Verb::post, "/api/v1/auth/signup", [&api](RequestContext& request) -> Response {
    auto credentials = read_credentials(request);
    if (!credentials) return reply_for(credentials.error());
    auto signed_in = api.accounts.sign_up(credentials->handle, credentials->password);
    if (!signed_in) return reply_for(signed_in.error());
    return signed_in_reply(request, *signed_in, api.clock.now_ms(), Status::created);
  });

  router.add(Verb::post, "/api/v1/auth/login", [&api](RequestContext& request) -> Response {
    auto credentials = read_credentials(request);
    if (!credentials) return reply_for(credentials.error());
    auto signed_in = api.accounts.log_in(credentials->handle, credentials->password);
    if (!signed_in) return reply_for(signed_in.error());
    return signed_in_reply(request, *signed_in, api.clock.now_ms(), Status::ok);
  });

  router.add(Verb::post, "/api/v1/auth/logout", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    if (auto ok = api.accounts.log_out(session_token(request)); !ok) return reply_for(ok.error());
    BodyReply reply{Status::no_content, "application/json", "", {}};
    reply.headers.push_back({"Set-Cookie", expired_session_cookie(request)});
    return reply;
  });

  router.add(Verb::get, "/api/v1/me", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    // The caller's record may be remembered from an earlier request; the account shown
    // here is read now, so an edit or a new follower shows at once.
    auto user = api.accounts.current_user(*caller);
    if (!user) return reply_for(user.error());
    auto allowance = api.studio.allowance(*user);
    if (!allowance) return reply_for(allowance.error());
    auto optional_int = [](const std::optional<int>& n) {
      return n ? boost::json::value(*n) : boost::json::value(nullptr);
    };
    BodyReply reply = json_reply(
        boost::json::object{{"user", user_json(*user)},
                            {"csrf_token", caller->session.csrf_token},
                            {"allowance",
                             {{"monthly_limit", optional_int(allowance->monthly_limit)},
                              {"used", allowance->used},
                              {"remaining", optional_int(allowance->remaining)},
                              {"resets_at", format_timestamp(allowance->resets_at_ms)}}}});
    reply.headers.push_back({"Cache-Control", "no-store"});
    return reply;
  });
}

}  // namespace dreamfeed::http
