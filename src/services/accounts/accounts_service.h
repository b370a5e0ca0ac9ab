// Accounts: who people are and how they prove it. Passwords are argon2id hashes;
// a session is a 256-bit random bearer token of which only the SHA-256 is stored.
// Every signed-in request checks its token, so the caller a token stands for is kept
// for a short time (session_cache_ms) instead of being read from the store each time;
// ending the session here forgets it at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/expiring_cache.h"
#include "common/result.h"
#include "interfaces/clock.h"
#include "interfaces/store.h"
#include "model/user.h"

namespace dreamfeed {

struct AccountsConfig {
  std::int64_t session_lifetime_ms = 30LL * 24 * 3600 * 1000;  // 30 days
  // How long a checked token's caller is remembered (0: always read the store). Only a
  // change made by another process (a session ended on another server, `dreamfeed admin
  // make-admin`) can take this long to be seen; this process's own changes show at once.
  std::int64_t session_cache_ms = 30'000;
  std::size_t session_cache_entries = 100'000;  // under 1 KB each
};

// What a successful sign-up or log-in hands back to the client.
struct SignedIn {
  User user;
  std::string token;       // shown once; the store keeps only its hash
  std::string csrf_token;  // browsers echo it in X-CSRF-Token on state-changing requests
  std::int64_t expires_at_ms = 0;
};

// Who is calling, once their token checked out. `user` may be up to session_cache_ms
// old: its id, handle and role are for decisions; to show the account (its name,
// counters…), read it with AccountsService::current_user.
struct Caller {
  User user;
  Session session;
};

class AccountsService {
 public:
  AccountsService(UserStore& users, SessionStore& sessions, const Clock& clock,
                  AccountsConfig config = {});

  // Handles are 3–30 characters of a–z, 0–9 and '_' (upper case is folded to lower);
  // passwords are 8–256 bytes.
  Result<SignedIn> sign_up(std::string_view handle, std::string_view password);
  // A wrong handle and a wrong password give the same error, so handles cannot be probed.
  Result<SignedIn> log_in(std::string_view handle, std::string_view password);
  Status log_out(std::string_view token);
  Result<Caller> authenticate(std::string_view token);
  // The caller's account as stored now; unauthenticated when it no longer exists.
  Result<User> current_user(const Caller& caller);

  // Operator actions (dreamfeed admin).
  Result<User> create_user(std::string_view handle, std::string_view password);
  Result<User> make_admin(std::string_view handle);

 private:
  Result<SignedIn> open_session(const User& user);
  Result<Caller> read_caller(const std::string& token_hash, std::int64_t now_ms);

  UserStore& users_;
  SessionStore& sessions_;
  const Clock& clock_;
  AccountsConfig config_;
  ExpiringCache<Caller> callers_;  // by token hash
};

}  // namespace dreamfeed
