#include "vigie/text/dates.h"

#include <string>

#include <gtest/gtest.h>

namespace vigie::text {
namespace {

std::string Iso(std::string_view s, std::string_view lang = "") {
  auto d = ParseDate(s, lang);
  return d ? d->ToIso() : "none";
}

std::string UrlIso(std::string_view url) {
  auto d = DateFromUrl(url);
  return d ? d->ToIso() : "none";
}

TEST(DatesTest, IsPlausibleChecksCalendar) {
  EXPECT_TRUE(IsPlausible({2022, 5, 12}));
  EXPECT_TRUE(IsPlausible({2024, 2, 29}));
  EXPECT_FALSE(IsPlausible({2023, 2, 29}));
  EXPECT_FALSE(IsPlausible({1900, 2, 29}));
  EXPECT_TRUE(IsPlausible({2000, 2, 29}));
  EXPECT_FALSE(IsPlausible({2022, 4, 31}));
  EXPECT_FALSE(IsPlausible({1899, 12, 31}));
  EXPECT_FALSE(IsPlausible({2101, 1, 1}));
  EXPECT_FALSE(IsPlausible({2022, 13, 1}));
  EXPECT_FALSE(IsPlausible({2022, 0, 1}));
  EXPECT_FALSE(IsPlausible({2022, 1, 0}));
  EXPECT_EQ((Date{2022, 5, 2}).ToIso(), "2022-05-02");
}

TEST(DatesTest, Iso8601) {
  EXPECT_EQ(Iso("2022-05-12"), "2022-05-12");
  EXPECT_EQ(Iso("2022-05-12T18:32:06Z"), "2022-05-12");
  EXPECT_EQ(Iso("2022-05-12T23:32:06+02:00"), "2022-05-12");
  EXPECT_EQ(Iso("2022-05-12 18:32:06.000"), "2022-05-12");
  EXPECT_EQ(Iso("2022/5/2"), "2022-05-02");
  EXPECT_EQ(Iso("2022.05.12"), "2022-05-12");
  EXPECT_EQ(Iso("Publié le 2022-05-12 à 18h"), "2022-05-12");
  EXPECT_EQ(Iso("2022-13-12"), "none");
  EXPECT_EQ(Iso("2022-02-30"), "none");
}

TEST(DatesTest, CompactOnlyWhenClearlyADate) {
  EXPECT_EQ(Iso("20220512"), "2022-05-12");
  EXPECT_EQ(Iso("  20220512 "), "2022-05-12");
  EXPECT_EQ(Iso("20220512T183206Z"), "2022-05-12");
  EXPECT_EQ(Iso("order 20220512 shipped"), "none");
  EXPECT_EQ(Iso("12345678"), "none");
}

TEST(DatesTest, Rfc822) {
  EXPECT_EQ(Iso("Thu, 12 May 2022 18:32:06 GMT"), "2022-05-12");
  EXPECT_EQ(Iso("Mon, 02 Jan 2006 15:04:05 -0700"), "2006-01-02");
  EXPECT_EQ(Iso("(last modified Thu, 12 May 2022 18:32:06 GMT )"), "2022-05-12");
}

TEST(DatesTest, EnglishWritten) {
  EXPECT_EQ(Iso("May 12, 2022"), "2022-05-12");
  EXPECT_EQ(Iso("12 May 2022"), "2022-05-12");
  EXPECT_EQ(Iso("Thursday, May 12, 2022 18:32 UTC"), "2022-05-12");
  EXPECT_EQ(Iso("Sept. 3, 2021"), "2021-09-03");
  EXPECT_EQ(Iso("Posted on September 3rd, 2021 by admin"), "2021-09-03");
  EXPECT_EQ(Iso("the 3rd of September 2021"), "2021-09-03");
  EXPECT_EQ(Iso("DECEMBER 25, 2019"), "2019-12-25");
  EXPECT_EQ(Iso("Updated: Jan. 5, 2020, 10:00 a.m."), "2020-01-05");
}

TEST(DatesTest, French) {
  EXPECT_EQ(Iso("lundi 9 mai 2022"), "2022-05-09");
  EXPECT_EQ(Iso("12 mai 2022"), "2022-05-12");
  EXPECT_EQ(Iso("1er août 2024"), "2024-08-01");
  EXPECT_EQ(Iso("le 4 août 2024"), "2024-08-04");
  EXPECT_EQ(Iso("Le 4 AOÛT 2024"), "2024-08-04");
  EXPECT_EQ(Iso("mar. 12 déc. 2023"), "2023-12-12");
  EXPECT_EQ(Iso("Publié le 3 février 2021 à 12h04"), "2021-02-03");
  EXPECT_EQ(Iso("le 4\xC2\xA0"
                "août\xC2\xA0"
                "2024"),
            "2024-08-04");
}

TEST(DatesTest, German) {
  EXPECT_EQ(Iso("12. Mai 2022"), "2022-05-12");
  EXPECT_EQ(Iso("3. März 2021"), "2021-03-03");
  EXPECT_EQ(Iso("Montag, 1. Dezember 2014"), "2014-12-01");
  EXPECT_EQ(Iso("7. Okt. 2019"), "2019-10-07");
  EXPECT_EQ(Iso("31. Jänner 2020"), "2020-01-31");
}

TEST(DatesTest, NumericDayFirstUnlessEnglish) {
  EXPECT_EQ(Iso("12/05/2022"), "2022-05-12");
  EXPECT_EQ(Iso("12.05.2022"), "2022-05-12");
  EXPECT_EQ(Iso("12/05/2022", "fr"), "2022-05-12");
  EXPECT_EQ(Iso("05/04/2022", "en"), "2022-05-04");
  EXPECT_EQ(Iso("05/04/2022", "de"), "2022-04-05");
  // Unambiguous either way.
  EXPECT_EQ(Iso("25/12/2022", "en"), "2022-12-25");
  EXPECT_EQ(Iso("12/25/2022", "fr"), "2022-12-25");
  EXPECT_EQ(Iso("Stand: 01.02.2019, 10:15 Uhr"), "2019-02-01");
  EXPECT_EQ(Iso("25/25/2022"), "none");
  EXPECT_EQ(Iso("version 1.12.05.2022"), "none");
}

TEST(DatesTest, FirstDateWins) { EXPECT_EQ(Iso("du 3 mai 2022 au 12 juin 2022"), "2022-05-03"); }

TEST(DatesTest, IncompleteOrGarbage) {
  EXPECT_EQ(Iso(""), "none");
  EXPECT_EQ(Iso("mai 2022"), "none");
  EXPECT_EQ(Iso("May 2022"), "none");
  EXPECT_EQ(Iso("12 mai"), "none");
  EXPECT_EQ(Iso("You may 12 times"), "none");
  EXPECT_EQ(Iso("32 May 2022"), "none");
  EXPECT_EQ(Iso("12 May 1850"), "none");
  EXPECT_EQ(Iso("12 May 2022.5"), "none");
  EXPECT_EQ(Iso("\xFF\xFE\xC3"), "none");
  EXPECT_EQ(Iso("\xE2\x80"), "none");
  EXPECT_EQ(Iso(std::string(1, '\0')), "none");
  std::string junk;
  for (int i = 0; i < 200000; ++i) junk += static_cast<char>((i * 7919) % 256);
  EXPECT_NO_FATAL_FAILURE(ParseDate(junk));
  std::string digits(100000, '9');
  EXPECT_EQ(Iso(digits), "none");
  std::string seps;
  for (int i = 0; i < 50000; ++i) seps += "12/";
  EXPECT_EQ(Iso(seps), "none");
}

TEST(DatesTest, LongTextFindsLateDate) {
  std::string text(100000, 'x');
  text += " 4 août 2024";
  EXPECT_EQ(Iso(text), "2024-08-04");
}

TEST(DatesTest, DateFromUrl) {
  EXPECT_EQ(UrlIso("https://example.com/2022/05/12/some-title/"), "2022-05-12");
  EXPECT_EQ(UrlIso("https://example.com/news/2022/5/2/x"), "2022-05-02");
  EXPECT_EQ(UrlIso("https://example.com/2022/05/12"), "2022-05-12");
  EXPECT_EQ(UrlIso("https://example.com/politique/2022-05-12/titre"), "2022-05-12");
  EXPECT_EQ(UrlIso("https://example.com/article-2022-05-12-titre.html"), "2022-05-12");
  EXPECT_EQ(UrlIso("https://example.com/20220512/titre"), "2022-05-12");
  EXPECT_EQ(UrlIso("/blog/2022/05/12/"), "2022-05-12");
  EXPECT_EQ(UrlIso("https://example.com/2022/05/"), "none");
  EXPECT_EQ(UrlIso("https://example.com/2022/05/title-12"), "none");
  EXPECT_EQ(UrlIso("https://example.com/article/123456789"), "none");
  EXPECT_EQ(UrlIso("https://example.com/id/12345678"), "none");
  EXPECT_EQ(UrlIso("https://20220512.example.com/"), "none");
  EXPECT_EQ(UrlIso(""), "none");
  EXPECT_EQ(UrlIso("////"), "none");
}

TEST(ParseIsoDateTest, FormatsOrReturnsEmpty) {
  EXPECT_EQ(ParseIsoDate("lundi 9 mai 2022", "fr"), "2022-05-09");
  EXPECT_EQ(ParseIsoDate("no date here"), "");
}

}  // namespace
}  // namespace vigie::text
