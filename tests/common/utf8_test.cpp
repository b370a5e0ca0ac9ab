// utf8_length: counts code points of valid UTF-8 and rejects every malformed form.
#include "common/utf8.h"

#include <gtest/gtest.h>

namespace dreamfeed {
namespace {

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(utf8_length("horse"), 5u);
  EXPECT_EQ(utf8_length("caf\xC3\xA9"), 4u);               // é
  EXPECT_EQ(utf8_length("\xE9\xA6\xAC"), 1u);              // 馬
  EXPECT_EQ(utf8_length("\xF0\x9F\x90\xB4"), 1u);          // 🐴
  EXPECT_EQ(utf8_length("\xD7\xA1\xD7\x95\xD7\xA1"), 3u);  // סוס
  EXPECT_EQ(utf8_length(""), 0u);
}

TEST(Utf8, RejectsMalformedSequences) {
  for (std::string bad : {"\xC3", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\xFF", "\x80", "ok\xE9\xA6", "\xF0\x9F\x90"}) {
    EXPECT_FALSE(utf8_length(bad).has_value()) << testing::PrintToString(bad);
  }
}

TEST(Utf8, TrimsAsciiSpaceOnly) {
  EXPECT_EQ(trim_ascii_space("  a horse \n"), "a horse");
  EXPECT_EQ(trim_ascii_space(" \t\r\n"), "");
}

}  // namespace
}  // namespace dreamfeed
