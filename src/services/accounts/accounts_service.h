// Accounts: who people are and how they prove it. Passwords are argon2id hashes;
// a session is a 256-bit random bearer token of which only the SHA-256 is stored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "interfaces/clock.h"
#include "interfaces/store.h"
#include "model/user.h"

namespace dreamfeed {

struct AccountsConfig {
  std::int64_t session_lifetime_ms = 30LL * 24 * 3600 * 1000;  // 30 days
};

// What a successful sign-up or log-in hands back to the client.
struct SignedIn {
  User user;
  std::string token;       // shown once; the store keeps only its hash
  std::string csrf_token;  // browsers echo it in X-CSRF-Token on state-changing requests
  std::int64_t expires_at_ms = 0;
};

// Who is calling, once their token checked out.
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

  // Operator actions (dreamfeed admin).
  Result<User> create_user(std::string_view handle, std::string_view password);
  Result<User> make_admin(std::string_view handle);

 private:
  Result<SignedIn> open_session(const User& user);

  UserStore& users_;
  SessionStore& sessions_;
  const Clock& clock_;
  AccountsConfig config_;
};

}  // namespace dreamfeed
