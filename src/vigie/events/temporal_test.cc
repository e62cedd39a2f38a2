#include "vigie/events/temporal.h"

#include <gtest/gtest.h>

#include "vigie/text/analyzer.h"

namespace vigie::events {
namespace {

std::string Resolve(const char* sentence, const char* doc_date) {
  return ResolveEventDate(text::Tokenize(sentence), doc_date);
}

TEST(TemporalTest, DayAndMonthWithoutYearTakeTheDocumentsYearOrThePastOne) {
  EXPECT_EQ(Resolve("Le 18 avril, le président russe s'était entretenu", "2022-05-12"),
            "2022-04-18");
  EXPECT_EQ(Resolve("Le 4 août dernier, le Mali a rompu ses relations", "2024-09-10"),
            "2024-08-04");
  EXPECT_EQ(Resolve("le 4 décembre, les deux pays", "2024-01-15"), "2023-12-04");
}

TEST(TemporalTest, FullDatesWinAndEnglishOrderIsRead) {
  EXPECT_EQ(Resolve("On August 4, 2024, Mali cut ties", "2024-09-01"), "2024-08-04");
  EXPECT_EQ(Resolve("Talks opened on May 9 in Algiers", "2022-05-12"), "2022-05-09");
  EXPECT_EQ(Resolve("le 1er mars 2023", ""), "2023-03-01");
  // "may" the verb is not a month.
  EXPECT_EQ(Resolve("Russia may 3 times", "2022-05-12"), "2022-05-12");
}

TEST(TemporalTest, WeekdaysAndRelativeDays) {
  // 2022-05-10 is a Tuesday.
  EXPECT_EQ(Resolve("Arrivé à Alger lundi 9 mai", "2022-05-10"), "2022-05-09");
  EXPECT_EQ(Resolve("s'est entretenu ce mardi avec", "2022-05-10"), "2022-05-10");
  EXPECT_EQ(Resolve("last Sunday the army", "2022-05-10"), "2022-05-08");
  EXPECT_EQ(Resolve("il se rendra à Moscou jeudi prochain", "2022-05-10"), "2022-05-12");
  EXPECT_EQ(Resolve("hier, les rebelles", "2022-05-10"), "2022-05-09");
  EXPECT_EQ(Resolve("yesterday", "2022-03-01"), "2022-02-28");
}

TEST(TemporalTest, NoDateAnywhereGivesTheDocumentDateOrNothing) {
  EXPECT_EQ(Resolve("Le Mali a rompu ses relations", "2024-08-05"), "2024-08-05");
  EXPECT_EQ(Resolve("Le Mali a rompu ses relations", ""), "");
  EXPECT_EQ(Resolve("le 31 février", "2024-03-01"), "2024-03-01");
}

TEST(TemporalTest, CivilDaysRoundTrip) {
  int y, m, d;
  for (int64_t z : {-1000000, -1, 0, 1, 19000, 2932896}) {
    CivilFromDays(z, &y, &m, &d);
    EXPECT_EQ(DaysFromCivil(y, m, d), z);
  }
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
}

}  // namespace
}  // namespace vigie::events
