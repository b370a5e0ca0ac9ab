// The few cryptographic operations Dreamfeed uses, on libsodium: argon2id password
// hashes, unpredictable tokens and ids, SHA-256 of session tokens, base64url.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace dreamfeed {

// Initialises libsodium; call once at start-up (throws on failure). Safe to call again.
void init_crypto();

// argon2id with libsodium's "interactive" limits (64 MiB, a few passes): slow on
// purpose. Returns the self-describing encoded string to store.
Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view encoded_hash, std::string_view password);

// `bytes` random bytes as unpadded base64url (256-bit session tokens: 32 bytes).
std::string random_token(std::size_t bytes);
// A uniformly random 64-bit number (seeds).
std::uint64_t random_u64();
// "prefix_" followed by 16 lowercase base32 characters (80 random bits).
std::string new_id(std::string_view prefix);

std::string sha256_hex(std::string_view data);
// A 32-bit hash of `data` (SipHash-2-4 under a fixed key, truncated): the same on every
// machine and in every version, so it may be written into cursors; not a secret.
std::uint32_t stable_hash32(std::string_view data);

std::string base64url_encode(std::string_view data);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace dreamfeed
