// The crypto wrappers: password hashes verify only the right password, ids and tokens
// have the promised shape and do not repeat, encodings round-trip.
#include "common/crypto.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace dreamfeed {
namespace {

class Crypto : public ::testing::Test {
 protected:
  void SetUp() override { init_crypto(); }
};

TEST_F(Crypto, PasswordHashVerifiesOnlyTheRightPassword) {
  auto hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(*hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(*hash, "correct horse batterY"));
  EXPECT_NE(*hash, *hash_password("correct horse battery")) << "salted";
}

TEST_F(Crypto, IdsHaveTheirPrefixAndAreUnique) {
  std::set<std::string> seen;
  const std::regex shape("vid_[a-z2-7]{16}");
  for (int i = 0; i < 1000; ++i) {
    std::string id = new_id("vid");
    EXPECT_TRUE(std::regex_match(id, shape)) << id;
    EXPECT_TRUE(seen.insert(id).second);
  }
}

TEST_F(Crypto, TokensCarry256Bits) {
  std::string token = random_token(32);
  EXPECT_EQ(token.size(), 43u);  // 32 bytes in unpadded base64url
  EXPECT_EQ(base64url_decode(token)->size(), 32u);
  EXPECT_NE(token, random_token(32));
}

TEST_F(Crypto, Sha256MatchesTheStandardVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(Crypto, StableHashNeverChangesSoCursorsOutliveAnUpgrade) {
  // The For You cursor carries these hashes; a server of a later version must read them.
  EXPECT_EQ(stable_hash32("vid_x"), 0xA4716B9Du);
  EXPECT_EQ(stable_hash32(""), 0x737700D7u);
  EXPECT_NE(stable_hash32("vid_y"), stable_hash32("vid_x"));
}

TEST_F(Crypto, Base64UrlRoundTripsAndRejectsGarbage) {
  std::string data("\x00\xff\xfe text", 8);
  EXPECT_EQ(base64url_decode(base64url_encode(data)), data);
  EXPECT_FALSE(base64url_decode("not base64!").has_value());
  EXPECT_FALSE(base64url_decode("a+b/").has_value()) << "standard alphabet is not url-safe";
}

}  // namespace
}  // namespace dreamfeed
