// AccountsService: validation of handles and passwords, hashing, sessions.
#include "services/accounts/accounts_service.h"

#include <algorithm>

#include "common/crypto.h"

namespace dreamfeed {
namespace {

constexpr std::size_t kMinHandle = 3, kMaxHandle = 30;
constexpr std::size_t kMinPassword = 8, kMaxPassword = 256;

Result<std::string> normalise_handle(std::string_view handle) {
  std::string lower(handle);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  });
  bool allowed = std::ranges::all_of(
      lower, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  if (lower.size() < kMinHandle || lower.size() > kMaxHandle || !allowed) {
    return make_error(ErrorCode::invalid_argument,
                      "handle must be 3 to 30 characters of letters, digits and '_'", "handle");
  }
  return lower;
}

Status check_password(std::string_view password) {
  if (password.size() < kMinPassword) {
    return make_error(ErrorCode::invalid_argument, "password must be at least 8 characters",
                      "password");
  }
  if (password.size() > kMaxPassword) {
    return make_error(ErrorCode::invalid_argument, "password must be at most 256 characters",
                      "password");
  }
  return {};
}

Error account_gone() {
  return make_error(ErrorCode::unauthenticated, "the session's account no longer exists");
}

Error wrong_credentials() {
  return make_error(ErrorCode::unauthenticated, "handle or password is wrong");
}

}  // namespace

AccountsService::AccountsService(UserStore& users, SessionStore& sessions, const Clock& clock,
                                 AccountsConfig config)
    : users_(users),
      sessions_(sessions),
      clock_(clock),
      config_(config),
      callers_(config.session_cache_ms > 0 ? config.session_cache_entries : 0) {}

Result<User> AccountsService::create_user(std::string_view handle, std::string_view password) {
  auto normalised = normalise_handle(handle);
  if (!normalised) return normalised.error();
  if (auto ok = check_password(password); !ok) return ok.error();
  auto hash = hash_password(password);
  if (!hash) return hash.error();
  UserRecord record;
  record.user.id = new_id("usr");
  record.user.handle = *normalised;
  record.user.display_name = *normalised;
  record.user.created_at_ms = clock_.now_ms();
  record.password_hash = std::move(*hash);
  auto created = users_.create_user(record);
  if (!created && created.error().code == ErrorCode::conflict) {
    return make_error(ErrorCode::conflict, "handle @" + *normalised + " is taken", "handle");
  }
  return created;
}

Result<SignedIn> AccountsService::sign_up(std::string_view handle, std::string_view password) {
  auto user = create_user(handle, password);
  if (!user) return user.error();
  return open_session(*user);
}

Result<SignedIn> AccountsService::log_in(std::string_view handle, std::string_view password) {
  auto normalised = normalise_handle(handle);
  auto record = normalised ? users_.find_user_by_handle(*normalised)
                           : Result<UserRecord>(make_error(ErrorCode::not_found, ""));
  if (!record) {
    if (record.error().code != ErrorCode::not_found) return record.error();
    // Spend the same time as a real check so response times do not reveal handles.
    static const std::string kDecoy = hash_password("decoy password").value();
    verify_password(kDecoy, password);
    return wrong_credentials();
  }
  if (!verify_password(record->password_hash, password)) return wrong_credentials();
  return open_session(record->user);
}

Result<SignedIn> AccountsService::open_session(const User& user) {
  SignedIn signed_in;
  signed_in.user = user;
  signed_in.token = random_token(32);
  signed_in.csrf_token = random_token(16);
  Session session;
  session.token_hash = sha256_hex(signed_in.token);
  session.user_id = user.id;
  session.csrf_token = signed_in.csrf_token;
  session.created_at_ms = clock_.now_ms();
  session.expires_at_ms = session.created_at_ms + config_.session_lifetime_ms;
  signed_in.expires_at_ms = session.expires_at_ms;
  if (auto ok = sessions_.create_session(session); !ok) return ok.error();
  return signed_in;
}

Status AccountsService::log_out(std::string_view token) {
  const std::string token_hash = sha256_hex(token);
  auto deleted = sessions_.delete_session(token_hash);
  // Forgotten after the delete too: an authenticate that read the session just before
  // it cannot store it afterwards (the cache's generation moved on).
  callers_.forget(token_hash);
  return deleted;
}

Result<Caller> AccountsService::authenticate(std::string_view token) {
  if (token.empty()) return make_error(ErrorCode::unauthenticated, "log in first");
  const std::string token_hash = sha256_hex(token);
  const std::int64_t now = clock_.now_ms();
  if (auto cached = callers_.find(token_hash, now)) return std::move(*cached);
  const std::uint64_t generation = callers_.generation();  // before the reads
  auto caller = read_caller(token_hash, now);
  if (caller) {
    // Never past the session's own end, so an expired token is refused on time.
    callers_.store(token_hash, *caller, now,
                   std::min(now + config_.session_cache_ms, caller->session.expires_at_ms),
                   generation);
  }
  return caller;
}

Result<Caller> AccountsService::read_caller(const std::string& token_hash, std::int64_t now_ms) {
  auto session = sessions_.find_session(token_hash, now_ms);
  if (!session) {
    if (session.error().code == ErrorCode::not_found) {
      return make_error(ErrorCode::unauthenticated, "the session has expired; log in again");
    }
    return session.error();
  }
  auto user = users_.find_user(session->user_id);
  if (!user) return account_gone();
  return Caller{std::move(*user), std::move(*session)};
}

Result<User> AccountsService::current_user(const Caller& caller) {
  auto user = users_.find_user(caller.user.id);
  if (!user && user.error().code == ErrorCode::not_found) return account_gone();
  return user;
}

Result<User> AccountsService::make_admin(std::string_view handle) {
  auto normalised = normalise_handle(handle);
  if (!normalised) return normalised.error();
  auto record = users_.find_user_by_handle(*normalised);
  if (!record) return make_error(ErrorCode::not_found, "no user @" + *normalised, "handle");
  if (auto ok = users_.set_admin(record->user.id, true); !ok) return ok.error();
  callers_.forget_if([&](const Caller& caller) { return caller.user.id == record->user.id; });
  record->user.is_admin = true;
  return record->user;
}

}  // namespace dreamfeed
