#include "vigie/store/internal/shifts.h"

#include <vector>

#include <gtest/gtest.h>

#include "vigie/store/internal/dates.h"

namespace vigie::store::internal {
namespace {

std::vector<SeriesEvent> Series(std::initializer_list<std::pair<const char*, double>> items) {
  std::vector<SeriesEvent> out;
  int64_t id = 1;
  for (const auto& [day, g] : items) out.push_back({*ParseDay(day), g, id++});
  return out;
}

TEST(ShiftsTest, FindsATurnToConflictAndNamesTheEventsThatTurnedIt) {
  auto s = Series({{"2022-01-10", 4},
                   {"2022-02-10", 3},
                   {"2022-03-10", 5},
                   {"2022-04-10", 4},
                   {"2022-05-10", 3.4},
                   {"2022-06-10", -2},
                   {"2022-07-10", -5},
                   {"2022-08-10", -4},
                   {"2022-09-10", -7}});
  ShiftParams p;
  p.window = 4;
  auto shifts = DetectShifts(s, p);
  ASSERT_EQ(shifts.size(), 1u);
  EXPECT_EQ(PeriodLabel(shifts[0].ordinal, Period::kMonth), "2022-06");
  EXPECT_GT(shifts[0].before_mean, 3);
  EXPECT_LT(shifts[0].after_mean, -3);
  EXPECT_LT(shifts[0].t, -2);
  ASSERT_FALSE(shifts[0].turning_events.empty());
  EXPECT_EQ(shifts[0].turning_events[0], 9);  // -7 pulls hardest towards conflict
}

TEST(ShiftsTest, AStableRelationHasNoShift) {
  auto s = Series({{"2022-01-10", 4},
                   {"2022-02-10", 3},
                   {"2022-03-10", 5},
                   {"2022-04-10", 4},
                   {"2022-05-10", 3},
                   {"2022-06-10", 4},
                   {"2022-07-10", 5},
                   {"2022-08-10", 3}});
  EXPECT_TRUE(DetectShifts(s, ShiftParams{}).empty());
}

TEST(ShiftsTest, TooFewEventsOnASideIsNoShift) {
  auto s = Series({{"2022-01-10", 4}, {"2022-02-10", 5}, {"2022-03-10", -6}, {"2022-04-10", -6}});
  ShiftParams p;
  p.min_events = 3;
  EXPECT_TRUE(DetectShifts(s, p).empty());
}

TEST(ShiftsTest, FindsTwoTurnsFarApart) {
  std::vector<SeriesEvent> s;
  int64_t id = 1;
  int32_t day = *ParseDay("2020-01-15");
  for (int m = 0; m < 36; ++m) {
    const double g = m < 12 ? 5 : (m < 24 ? -5 : 4);
    for (int k = 0; k < 3; ++k) s.push_back({day + 30 * m + k, g + (k - 1) * 0.5, id++});
  }
  auto shifts = DetectShifts(s, ShiftParams{});
  ASSERT_EQ(shifts.size(), 2u);
  EXPECT_LT(shifts[0].after_mean, shifts[0].before_mean);
  EXPECT_GT(shifts[1].after_mean, shifts[1].before_mean);
}

}  // namespace
}  // namespace vigie::store::internal
