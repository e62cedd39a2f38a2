#include "vigie/store/internal/dates.h"

#include <cstdio>

namespace vigie::store::internal {
namespace {

// Floor division: periods of days before 1970 must not round towards zero.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int32_t z, int* year, int* month, int* mday) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  *year = y + (m <= 2);
  *month = static_cast<int>(m);
  *mday = static_cast<int>(d);
}

std::optional<int32_t> ParseDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t len, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

std::string FormatDay(int32_t day) {
  int y, m, d;
  CivilFromDays(day, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int64_t PeriodOrdinal(int32_t day, Period by) {
  switch (by) {
    case Period::kDay:
      return day;
    case Period::kWeek:
      // 1970-01-01 was a Thursday: day + 3 counts from the Monday before it.
      return FloorDiv(static_cast<int64_t>(day) + 3, 7);
    case Period::kMonth: {
      int y, m, d;
      CivilFromDays(day, &y, &m, &d);
      return static_cast<int64_t>(y) * 12 + (m - 1);
    }
    case Period::kYear: {
      int y, m, d;
      CivilFromDays(day, &y, &m, &d);
      return y;
    }
  }
  return day;
}

std::string PeriodLabel(int64_t ordinal, Period by) {
  char buf[24];
  switch (by) {
    case Period::kDay:
      return FormatDay(static_cast<int32_t>(ordinal));
    case Period::kWeek: {
      // ISO 8601: a week belongs to the year of its Thursday.
      const int32_t monday = static_cast<int32_t>(ordinal * 7 - 3);
      const int32_t thursday = monday + 3;
      int y, m, d;
      CivilFromDays(thursday, &y, &m, &d);
      const int week = (thursday - DaysFromCivil(y, 1, 1)) / 7 + 1;
      std::snprintf(buf, sizeof buf, "%04d-W%02d", y, week);
      return buf;
    }
    case Period::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(FloorDiv(ordinal, 12)),
                    static_cast<int>(ordinal - FloorDiv(ordinal, 12) * 12) + 1);
      return buf;
    case Period::kYear:
      std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(ordinal));
      return buf;
  }
  return {};
}

}  // namespace vigie::store::internal
