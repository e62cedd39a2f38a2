#include "vigie/text/normalize.h"

#include <string>

#include <gtest/gtest.h>

namespace vigie::text {
namespace {

TEST(NormalizeTest, AsciiIsUnchanged) {
  EXPECT_EQ(ToNfc(""), "");
  EXPECT_EQ(ToNfc("Russia and Algeria sign a deal."), "Russia and Algeria sign a deal.");
}

TEST(NormalizeTest, AlreadyNfcIsUnchanged) {
  const std::string s = "Alg\u00e9rie, C\u2019est in\u00e9dit \u00ab\u00a0oui\u00a0\u00bb";
  EXPECT_EQ(ToNfc(s), s);
}

TEST(NormalizeTest, ComposesDecomposedAccents) {
  // "e" + COMBINING ACUTE ACCENT -> "é"; "A" + COMBINING GRAVE -> "À".
  EXPECT_EQ(ToNfc("Alge\u0301rie"), "Alg\u00e9rie");
  EXPECT_EQ(ToNfc("A\u0300 Alger"), "\u00c0 Alger");
}

TEST(NormalizeTest, ReordersCombiningMarks) {
  // Canonical ordering: dot below (ccc 220) before dot above (ccc 230), then composition.
  EXPECT_EQ(ToNfc("q\u0307\u0323"), "q\u0323\u0307");
  EXPECT_EQ(ToNfc("s\u0307\u0323"), "\u1e69");
}

TEST(NormalizeTest, KeepsCompatibilityCharacters) {
  // NFC, not NFKC: ligatures and NBSP stay.
  EXPECT_EQ(ToNfc("\ufb01n\u00a0"), "\ufb01n\u00a0");
}

TEST(NormalizeTest, RepairsInvalidUtf8) {
  std::string bad = "Alg\xe9rie";  // Latin-1 é
  std::string out = ToNfc(bad);
  EXPECT_EQ(out, "Alg\uFFFDrie");
  std::string truncated = "caf\xc3";
  EXPECT_EQ(ToNfc(truncated), "caf\uFFFD");
}

TEST(NormalizeTest, RemovesNulBytes) {
  std::string with_nul("a\0b\u00e9", 5);
  EXPECT_EQ(ToNfc(with_nul), "ab\u00e9");
}

TEST(NormalizeTest, LongMixedText) {
  std::string in;
  std::string want;
  for (int i = 0; i < 20000; ++i) {
    in += "Re\u0301sume\u0301 ";
    want += "R\u00e9sum\u00e9 ";
  }
  EXPECT_EQ(ToNfc(in), want);
}

}  // namespace
}  // namespace vigie::text
