#include "vigie/base/strings.h"

#include <gtest/gtest.h>

namespace vigie::str {
namespace {

TEST(StringsTest, TrimHandlesUnicodeSpace) {
  EXPECT_EQ(Trim("\xC2\xA0 Alger \t"), "Alger");
  EXPECT_EQ(Trim("   "), "");
}

TEST(StringsTest, CollapseSpaceJoinsRuns) {
  EXPECT_EQ(CollapseSpace("  le\n\n Mali\xC2\xA0 a  rompu "), "le Mali a rompu");
}

TEST(StringsTest, CaseInsensitiveHelpers) {
  EXPECT_TRUE(ContainsNoCase("class=\"Comment-List\"", "comment"));
  EXPECT_FALSE(ContainsNoCase("abc", "abcd"));
  EXPECT_TRUE(EqualsNoCase("UTF-8", "utf-8"));
}

TEST(StringsTest, SplitKeepsEmptyFields) {
  auto parts = Split("a,,b", ',');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
}

TEST(StringsTest, HashIsStable) {
  EXPECT_EQ(Hex64(Fnv1a64("")), "cbf29ce484222325");
  EXPECT_EQ(Fnv1a64("vigie"), Fnv1a64("vigie"));
}

TEST(UrlHostTest, LowerCasesAndDropsPortAndUserInfo) {
  EXPECT_EQ(str::UrlHost("https://User@Example.ORG:8443/feed?x=1"), "example.org");
  EXPECT_EQ(str::UrlHost("http://[::1]:8080/rss"), "[::1]");
  EXPECT_EQ(str::UrlHost("not a url"), "");
}

}  // namespace
}  // namespace vigie::str
