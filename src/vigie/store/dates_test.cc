#include "vigie/store/internal/dates.h"

#include <gtest/gtest.h>

namespace vigie::store::internal {
namespace {

TEST(StoreDatesTest, ParsesAndFormatsDays) {
  EXPECT_EQ(ParseDay("1970-01-01"), 0);
  EXPECT_EQ(ParseDay("1970-01-02"), 1);
  EXPECT_EQ(ParseDay("1969-12-31"), -1);
  ASSERT_TRUE(ParseDay("2024-02-29").has_value());
  EXPECT_EQ(FormatDay(*ParseDay("2024-02-29")), "2024-02-29");
  EXPECT_EQ(FormatDay(*ParseDay("2000-12-31")), "2000-12-31");
}

TEST(StoreDatesTest, RejectsWhatIsNotAFullValidDate) {
  for (const char* bad : {"", "2024", "2024-08", "2023-02-29", "2024-13-01", "2024-00-10",
                          "2024-8-4", "24-08-04", "2024/08/04", "2024-08-04T10:00"}) {
    EXPECT_FALSE(ParseDay(bad).has_value()) << bad;
  }
}

TEST(StoreDatesTest, LabelsPeriods) {
  const int32_t d = *ParseDay("2024-08-04");  // a Sunday
  EXPECT_EQ(PeriodLabel(PeriodOrdinal(d, Period::kDay), Period::kDay), "2024-08-04");
  EXPECT_EQ(PeriodLabel(PeriodOrdinal(d, Period::kMonth), Period::kMonth), "2024-08");
  EXPECT_EQ(PeriodLabel(PeriodOrdinal(d, Period::kYear), Period::kYear), "2024");
  EXPECT_EQ(PeriodLabel(PeriodOrdinal(d, Period::kWeek), Period::kWeek), "2024-W31");
}

TEST(StoreDatesTest, IsoWeeksStartOnMondayAndBelongToTheYearOfTheirThursday) {
  auto week = [](const char* day) {
    return PeriodLabel(PeriodOrdinal(*ParseDay(day), Period::kWeek), Period::kWeek);
  };
  EXPECT_EQ(week("2024-08-05"), "2024-W32");  // Monday
  EXPECT_EQ(week("2024-08-11"), "2024-W32");  // Sunday
  EXPECT_EQ(week("2021-01-03"), "2020-W53");  // Sunday of the last week of 2020
  EXPECT_EQ(week("2024-12-30"), "2025-W01");  // Monday of week 1 of 2025
  EXPECT_EQ(week("1970-01-01"), "1970-W01");
  EXPECT_EQ(week("1969-12-28"), "1969-W52");
}

TEST(StoreDatesTest, ConsecutiveMonthsHaveConsecutiveOrdinals) {
  EXPECT_EQ(PeriodOrdinal(*ParseDay("2023-01-15"), Period::kMonth),
            PeriodOrdinal(*ParseDay("2022-12-01"), Period::kMonth) + 1);
  EXPECT_EQ(PeriodLabel(PeriodOrdinal(*ParseDay("1969-12-15"), Period::kMonth), Period::kMonth),
            "1969-12");
}

}  // namespace
}  // namespace vigie::store::internal
