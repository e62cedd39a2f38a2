#include "vigie/ingest/charset.h"

#include <string>

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/base/utf8.h"

namespace vigie::ingest {
namespace {

// Encodes UTF-8 text in windows-1252 (Latin-1 range plus the curly apostrophe).
std::string To1252(std::string_view utf8_text) {
  std::string out;
  size_t pos = 0;
  while (pos < utf8_text.size()) {
    char32_t cp = utf8::DecodeNext(utf8_text, &pos);
    out.push_back(cp == U'\u2019' ? '\x92' : static_cast<char>(cp));
  }
  return out;
}

const std::string kFrench1252 = To1252(
    "Le président de la République a reçu à l’Élysée son homologue algérien. Les deux "
    "chefs d’État ont évoqué la coopération énergétique et la sécurité au Sahel, a précisé "
    "l’entourage du président. « Nous avons décidé d’ouvrir une nouvelle page », a déclaré "
    "le chef de l’État algérien.");

TEST(DetectCharset, BomsWin) {
  EXPECT_EQ(DetectCharset("\xEF\xBB\xBFhello", "windows-1252", true), "UTF-8");
  EXPECT_EQ(DetectCharset(std::string("\xFF\xFEh\0i\0", 6), "", false), "UTF-16LE");
  EXPECT_EQ(DetectCharset(std::string("\xFE\xFF\0h\0i", 6), "", false), "UTF-16BE");
}

TEST(DetectCharset, DeclaredThenMetaThenUtf8ThenGuess) {
  EXPECT_EQ(DetectCharset("abc", "ISO-8859-1", false), "windows-1252");
  EXPECT_EQ(DetectCharset("abc", "utf-8", false), "UTF-8");
  EXPECT_EQ(DetectCharset("abc", "koi8-r", false), "KOI8-R");
  EXPECT_EQ(DetectCharset("<html><head><meta charset=\"iso-8859-15\">", "", true), "ISO-8859-15");
  EXPECT_EQ(DetectCharset("<html><head><META HTTP-EQUIV=\"Content-Type\" "
                          "CONTENT=\"text/html; charset=windows-1251\">",
                          "", true),
            "windows-1251");
  // Meta tags only count for HTML.
  EXPECT_EQ(DetectCharset("<meta charset=\"iso-8859-15\">", "", false), "UTF-8");
  EXPECT_EQ(DetectCharset("d\xC3\xA9j\xC3\xA0", "", false), "UTF-8");
  EXPECT_EQ(DetectCharset("", "", false), "UTF-8");
  EXPECT_EQ(DetectCharset(kFrench1252, "", false), "windows-1252");
}

TEST(DetectCharset, UnknownDeclarationIsIgnored) {
  EXPECT_EQ(DetectCharset("d\xC3\xA9j\xC3\xA0", "x-no-such-charset", false), "UTF-8");
}

TEST(DetectCharset, FalseUtf8DeclarationOverLatin1Bytes) {
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body>" + kFrench1252;
  EXPECT_EQ(DetectCharset(html, "UTF-8", true), "windows-1252");
}

TEST(ConvertToUtf8, Latin1FrenchPage) {
  std::string html =
      "<html><head><meta http-equiv=\"content-type\" content=\"text/html; "
      "charset=iso-8859-1\"></head><body><p>" +
      kFrench1252 + "</p></body></html>";
  std::string out = DecodeToUtf8(html, "", true);
  EXPECT_TRUE(utf8::IsValid(out));
  EXPECT_NE(out.find("Le président de la République a reçu à l’Élysée"), std::string::npos);
  EXPECT_NE(out.find("« Nous"), std::string::npos);
  // The same bytes with no declaration at all: uchardet finds it.
  std::string guessed = DecodeToUtf8(kFrench1252, "", false);
  EXPECT_NE(guessed.find("homologue algérien"), std::string::npos);
}

TEST(ConvertToUtf8, Utf16WithBom) {
  std::string le("\xFF\xFE", 2);
  for (char16_t c : std::u16string(u"d\u00e9j\u00e0 \U0001F600")) {
    le.push_back(static_cast<char>(c & 0xFF));
    le.push_back(static_cast<char>(c >> 8));
  }
  EXPECT_EQ(DecodeToUtf8(le, "", true), "d\xC3\xA9j\xC3\xA0 \xF0\x9F\x98\x80");
  std::string be("\xFE\xFF", 2);
  for (char16_t c : std::u16string(u"ok")) {
    be.push_back(static_cast<char>(c >> 8));
    be.push_back(static_cast<char>(c & 0xFF));
  }
  EXPECT_EQ(DecodeToUtf8(be, "", false), "ok");
}

TEST(ConvertToUtf8, Utf8BomRemovedAndInvalidBytesReplaced) {
  EXPECT_EQ(*ConvertToUtf8("\xEF\xBB\xBFok", "UTF-8"), "ok");
  EXPECT_EQ(*ConvertToUtf8("a\xFF"
                           "b",
                           "utf-8"),
            "a\xEF\xBF\xBD"
            "b");
  // Bytes undefined in a single-byte charset become U+FFFD, never invalid output.
  auto out = ConvertToUtf8("x\x81y", "windows-1252");
  ASSERT_VIGIE_OK(out.status());
  EXPECT_TRUE(utf8::IsValid(*out));
  // Truncated UTF-16 (odd byte count).
  auto odd = ConvertToUtf8(std::string("a\0b", 3), "UTF-16LE");
  ASSERT_VIGIE_OK(odd.status());
  EXPECT_TRUE(utf8::IsValid(*odd));
}

TEST(ConvertToUtf8, UnknownCharsetIsInvalidArgument) {
  auto r = ConvertToUtf8("abc", "x-klingon");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

TEST(DecodeToUtf8, AlwaysValidOnBinary) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  std::string out = DecodeToUtf8(junk, "", true);
  EXPECT_TRUE(utf8::IsValid(out));
  EXPECT_EQ(out.find('\0'), std::string::npos);
}

TEST(DecodeToUtf8, FixtureFiles) {
  std::string latin = testing::ReadFile(testing::TestData() / "charset" / "latin1-meta.html");
  ASSERT_FALSE(latin.empty());
  std::string out = DecodeToUtf8(latin, "", true);
  EXPECT_NE(out.find("Ministère des Affaires étrangères"), std::string::npos);
}

}  // namespace
}  // namespace vigie::ingest
