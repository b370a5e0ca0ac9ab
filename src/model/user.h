// A person with an account, and the session that proves who is calling.
#pragma once

#include <cstdint>
#include <string>

namespace dreamfeed {

struct User {
  std::string id;      // "usr_…", opaque
  std::string handle;  // unique, case-insensitive, [a-z0-9_]{3,30}
  std::string display_name;
  bool is_admin = false;
  std::int64_t created_at_ms = 0;
  std::string bio;         // up to 160 characters, may be empty
  int avatar_version = 0;  // 0: no avatar; bumped on each upload so its URL changes
  // Kept on the user's row by the store in the same transaction as the follow or
  // publication that changes them, so a profile costs one row read.
  std::int64_t followers = 0;
  std::int64_t following = 0;
  std::int64_t published_videos = 0;
};

// A user as stored, with the secret that never leaves the accounts service.
struct UserRecord {
  User user;
  std::string password_hash;  // argon2id, libsodium's encoded string
};

// A login session. Only the hash of the bearer token is stored, so a leaked database
// does not leak usable tokens.
struct Session {
  std::string token_hash;  // hex SHA-256 of the token
  std::string user_id;
  std::string csrf_token;  // echoed by the browser in X-CSRF-Token for cookie requests
  std::int64_t created_at_ms = 0;
  std::int64_t expires_at_ms = 0;
};

}  // namespace dreamfeed
