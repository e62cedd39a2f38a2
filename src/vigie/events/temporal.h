#pragma once
// The day a sentence's event happened, from the date words it contains and the document's
// date: "le 4 août dernier", "lundi 9 mai", "ce mardi", "hier", "last Sunday", "May 9".

#include <span>
#include <string>
#include <string_view>

#include "vigie/text/token.h"

namespace vigie::events {

// Returns "YYYY-MM-DD": the first date expression of `tokens` resolved against `doc_date`
// ("YYYY-MM-DD" or ""), else `doc_date` itself. A day and month without a year are read
// as the latest such day not more than a week after the document ("le 18 avril" in a May
// article is that April; "le 4 août dernier" is last August); a weekday alone is the latest
// such day on or before the document's date, or the next one after "prochain"/"next".
std::string ResolveEventDate(std::span<const text::Token> tokens, std::string_view doc_date);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int y, int m, int d);
void CivilFromDays(int64_t z, int* y, int* m, int* d);

}  // namespace vigie::events
