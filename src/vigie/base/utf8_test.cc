#include "vigie/base/utf8.h"

#include <gtest/gtest.h>

namespace vigie::utf8 {
namespace {

TEST(Utf8Test, DecodesMultiByteSequences) {
  std::string s = "é€😀";
  size_t pos = 0;
  EXPECT_EQ(DecodeNext(s, &pos), U'é');
  EXPECT_EQ(DecodeNext(s, &pos), U'€');
  EXPECT_EQ(DecodeNext(s, &pos), U'😀');
  EXPECT_EQ(pos, s.size());
}

TEST(Utf8Test, RejectsOverlongsSurrogatesAndTruncation) {
  EXPECT_TRUE(IsValid("Algérie"));
  EXPECT_FALSE(IsValid("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValid("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValid("abc\xE2\x82"));   // truncated
  EXPECT_FALSE(IsValid("caf\xE9"));       // Latin-1 byte
  EXPECT_TRUE(IsValid("\xEF\xBF\xBD"));   // a literal U+FFFD is fine
}

TEST(Utf8Test, RepairReplacesEachBadByteAndDropsNul) {
  size_t n = 0;
  std::string out = Repair(std::string("caf\xE9 \0ok", 8), &n);
  EXPECT_EQ(out, "caf\xEF\xBF\xBD ok");
  EXPECT_EQ(n, 1u);
}

TEST(Utf8Test, AppendRoundTrips) {
  std::string out;
  for (char32_t cp : {U'a', U'ç', U'€', U'😀'}) Append(cp, &out);
  EXPECT_EQ(out, "aç€😀");
  EXPECT_EQ(CodePointCount(out), 4u);
}

TEST(Utf8Test, KnowsUnicodeSpaces) {
  EXPECT_TRUE(IsSpace(0xA0));
  EXPECT_TRUE(IsSpace(0x202F));
  EXPECT_FALSE(IsSpace(U'a'));
}

}  // namespace
}  // namespace vigie::utf8
