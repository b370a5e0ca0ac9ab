// AccountsService on a real SQLite store: what a person signing up and logging in sees.
#include "services/accounts/accounts_service.h"

#include <gtest/gtest.h>

#include "adapters/store/sqlite/sqlite_store.h"
#include "common/crypto.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

class AccountsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    store_ = std::move(SqliteStore::open(dir_ / "db.sqlite").value());
    accounts_ = std::make_unique<AccountsService>(*store_, *store_, clock_);
  }
  testing::TempDir dir_;
  testing::ManualClock clock_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<AccountsService> accounts_;
};

TEST_F(AccountsServiceTest, SignUpGivesATokenThatAuthenticates) {
  auto signed_in = accounts_->sign_up("Ada_L", "long enough password");
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
  EXPECT_EQ(signed_in->user.handle, "ada_l") << "handles are folded to lower case";
  EXPECT_EQ(signed_in->token.size(), 43u);
  auto caller = accounts_->authenticate(signed_in->token);
  ASSERT_TRUE(caller.ok());
  EXPECT_EQ(caller->user.id, signed_in->user.id);
  EXPECT_EQ(caller->session.csrf_token, signed_in->csrf_token);
}

TEST_F(AccountsServiceTest, HandleAndPasswordRulesNameTheField) {
  for (const std::string& bad :
       std::vector<std::string>{"ab", "has space", "émile", std::string(31, 'a'), ""}) {
    auto result = accounts_->sign_up(bad, "long enough password");
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(result.error().field, "handle");
  }
  auto short_password = accounts_->sign_up("valid_handle", "short");
  ASSERT_FALSE(short_password.ok());
  EXPECT_EQ(short_password.error().field, "password");
  auto long_password = accounts_->sign_up("valid_handle", std::string(257, 'p'));
  ASSERT_FALSE(long_password.ok());
  EXPECT_EQ(long_password.error().field, "password");
}

TEST_F(AccountsServiceTest, TakenHandleInAnyCaseIsAConflict) {
  ASSERT_TRUE(accounts_->sign_up("grace", "long enough password").ok());
  auto again = accounts_->sign_up("GRACE", "another password");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(again.error().field, "handle");
}

TEST_F(AccountsServiceTest, WrongPasswordAndUnknownHandleLookTheSame) {
  ASSERT_TRUE(accounts_->sign_up("grace", "long enough password").ok());
  auto wrong_password = accounts_->log_in("grace", "not the password");
  auto unknown = accounts_->log_in("nobody_here", "not the password");
  ASSERT_FALSE(wrong_password.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong_password.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(wrong_password.error().message, unknown.error().message);
  EXPECT_TRUE(accounts_->log_in("Grace", "long enough password").ok());
}

TEST_F(AccountsServiceTest, SessionsExpireAndLogOutEndsThem) {
  auto signed_in = accounts_->sign_up("grace", "long enough password").value();
  clock_.advance_ms(29LL * 24 * 3600 * 1000);
  EXPECT_TRUE(accounts_->authenticate(signed_in.token).ok());
  clock_.advance_ms(2LL * 24 * 3600 * 1000);
  EXPECT_EQ(accounts_->authenticate(signed_in.token).error().code, ErrorCode::unauthenticated);

  auto second = accounts_->log_in("grace", "long enough password").value();
  ASSERT_TRUE(accounts_->log_out(second.token).ok());
  EXPECT_EQ(accounts_->authenticate(second.token).error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(accounts_->authenticate("").error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(accounts_->authenticate("forged").error().code, ErrorCode::unauthenticated);
}

TEST_F(AccountsServiceTest, MakeAdmin) {
  ASSERT_TRUE(accounts_->create_user("root_user", "long enough password").ok());
  auto admin = accounts_->make_admin("root_user");
  ASSERT_TRUE(admin.ok());
  EXPECT_TRUE(admin->is_admin);
  EXPECT_TRUE(store_->find_user(admin->id)->is_admin);
  EXPECT_EQ(accounts_->make_admin("missing_user").error().code, ErrorCode::not_found);
}

// The token's caller is remembered between requests (AccountsConfig::session_cache_ms);
// nothing a person does here may be hidden by that.
TEST_F(AccountsServiceTest, ARememberedSessionStillEndsAtOnceOnLogOut) {
  auto signed_in = accounts_->sign_up("grace", "long enough password").value();
  auto other = accounts_->log_in("grace", "long enough password").value();
  ASSERT_TRUE(accounts_->authenticate(signed_in.token).ok());
  ASSERT_TRUE(accounts_->authenticate(other.token).ok());
  ASSERT_TRUE(accounts_->log_out(signed_in.token).ok());
  auto after = accounts_->authenticate(signed_in.token);
  ASSERT_FALSE(after.ok()) << "the old token must be refused at once";
  EXPECT_EQ(after.error().code, ErrorCode::unauthenticated);
  EXPECT_TRUE(accounts_->authenticate(other.token).ok()) << "only that session ended";
}

TEST_F(AccountsServiceTest, ARememberedSessionIsRefusedWhenItExpires) {
  AccountsService short_lived(
      *store_, *store_, clock_,
      AccountsConfig{.session_lifetime_ms = 10'000, .session_cache_ms = 60'000});
  auto signed_in = short_lived.sign_up("grace", "long enough password").value();
  ASSERT_TRUE(short_lived.authenticate(signed_in.token).ok());
  clock_.advance_ms(9'999);
  EXPECT_TRUE(short_lived.authenticate(signed_in.token).ok());
  clock_.advance_ms(1);
  EXPECT_EQ(short_lived.authenticate(signed_in.token).error().code, ErrorCode::unauthenticated)
      << "remembered no longer than the session lasts";
}

TEST_F(AccountsServiceTest, ASessionEndedElsewhereIsRefusedWithinTheCacheTime) {
  auto signed_in = accounts_->sign_up("grace", "long enough password").value();
  ASSERT_TRUE(accounts_->authenticate(signed_in.token).ok());
  // Another server process logs it out: this process only learns from the store.
  ASSERT_TRUE(store_->delete_session(sha256_hex(signed_in.token)).ok());
  clock_.advance_ms(AccountsConfig{}.session_cache_ms);
  EXPECT_EQ(accounts_->authenticate(signed_in.token).error().code, ErrorCode::unauthenticated);
}

TEST_F(AccountsServiceTest, ChangesToARememberedCallersAccountShowAtOnce) {
  auto signed_in = accounts_->sign_up("grace", "long enough password").value();
  ASSERT_FALSE(accounts_->authenticate(signed_in.token)->user.is_admin);
  ASSERT_TRUE(accounts_->make_admin("grace").ok());
  EXPECT_TRUE(accounts_->authenticate(signed_in.token)->user.is_admin);

  ASSERT_TRUE(store_->update_profile(signed_in.user.id, "Grace H.", std::nullopt).ok());
  auto caller = accounts_->authenticate(signed_in.token).value();
  EXPECT_EQ(accounts_->current_user(caller)->display_name, "Grace H.")
      << "what is shown of the account is read now";
}

TEST_F(AccountsServiceTest, WithoutTheCacheEveryCheckReadsTheStore) {
  AccountsService uncached(*store_, *store_, clock_, AccountsConfig{.session_cache_ms = 0});
  auto signed_in = uncached.sign_up("grace", "long enough password").value();
  ASSERT_TRUE(uncached.authenticate(signed_in.token).ok());
  ASSERT_TRUE(store_->delete_session(sha256_hex(signed_in.token)).ok());
  EXPECT_EQ(uncached.authenticate(signed_in.token).error().code, ErrorCode::unauthenticated);
}

}  // namespace
}  // namespace dreamfeed
