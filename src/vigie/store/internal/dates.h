#pragma once
// Calendar arithmetic for the store: days are counted from 1970-01-01 (proleptic Gregorian),
// which keeps dates as small integers in indexes and makes windows plain subtraction.
// Pure functions, thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigie/store/records.h"

namespace vigie::store::internal {

// "YYYY-MM-DD" (a valid date) to its day number; nullopt for anything else.
std::optional<int32_t> ParseDay(std::string_view s);
// Day number to "YYYY-MM-DD".
std::string FormatDay(int32_t day);
// Day number to year, month (1..12), day of month (1..31).
void CivilFromDays(int32_t day, int* year, int* month, int* mday);
int32_t DaysFromCivil(int year, int month, int mday);

// A period's ordinal: consecutive periods have consecutive ordinals (days for kDay, Monday-based
// weeks for kWeek, year * 12 + month - 1 for kMonth, the year for kYear).
int64_t PeriodOrdinal(int32_t day, Period by);
// "2024-08-04", "2024-W31" (ISO 8601 week), "2024-08", "2024".
std::string PeriodLabel(int64_t ordinal, Period by);

}  // namespace vigie::store::internal
