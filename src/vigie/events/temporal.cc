#include "vigie/events/temporal.h"

#include <charconv>
#include <cstdio>

namespace vigie::events {
namespace {

using text::Token;

constexpr std::string_view kMonths[][2] = {
    {"janvier", "january"}, {"fevrier", "february"},  {"mars", "march"},
    {"avril", "april"},     {"mai", "may"},           {"juin", "june"},
    {"juillet", "july"},    {"aout", "august"},       {"septembre", "september"},
    {"octobre", "october"}, {"novembre", "november"}, {"decembre", "december"},
};
// Monday first, as ISO 8601.
constexpr std::string_view kWeekdays[][2] = {
    {"lundi", "monday"},    {"mardi", "tuesday"},   {"mercredi", "wednesday"},
    {"jeudi", "thursday"},  {"vendredi", "friday"}, {"samedi", "saturday"},
    {"dimanche", "sunday"},
};

int MonthOf(std::string_view w) {
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i][0] || w == kMonths[i][1]) return i + 1;
  }
  return 0;
}

int WeekdayOf(std::string_view w) {
  for (int i = 0; i < 7; ++i) {
    if (w == kWeekdays[i][0] || w == kWeekdays[i][1]) return i;
  }
  return -1;
}

// "9", "1er", "1st", "22nd" -> day of month, else 0.
int DayOf(const Token& t) {
  if (t.kind != text::TokenKind::kNumber && t.kind != text::TokenKind::kWord) return 0;
  std::string_view s = t.norm;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || v < 1 || v > 31) return 0;
  std::string_view rest(p, s.data() + s.size() - p);
  if (!rest.empty() && rest != "er" && rest != "st" && rest != "nd" && rest != "rd" &&
      rest != "th") {
    return 0;
  }
  return v;
}

int YearOf(const Token& t) {
  if (t.kind != text::TokenKind::kNumber || t.norm.size() != 4) return 0;
  int v = 0;
  std::from_chars(t.norm.data(), t.norm.data() + 4, v);
  return v >= 1900 && v <= 2100 ? v : 0;
}

bool ParseIso(std::string_view s, int* y, int* m, int* d) {
  if (s.size() != 10) return false;
  return std::from_chars(s.data(), s.data() + 4, *y).ec == std::errc() &&
         std::from_chars(s.data() + 5, s.data() + 7, *m).ec == std::errc() &&
         std::from_chars(s.data() + 8, s.data() + 10, *d).ec == std::errc();
}

std::string Iso(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool IsNextWord(std::string_view w) { return w == "prochain" || w == "prochaine" || w == "next"; }

}  // namespace

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

std::string ResolveEventDate(std::span<const Token> tokens, std::string_view doc_date) {
  int dy = 0, dm = 0, dd = 0;
  const bool have_doc = ParseIso(doc_date, &dy, &dm, &dd);
  const int64_t doc_days = have_doc ? DaysFromCivil(dy, dm, dd) : 0;
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = tokens[i].norm;
    // A day and a month: "9 mai", "4 août 2024", or "May 9", "August 4, 2024".
    int day = 0, month = 0, year = 0;
    size_t after = i;
    if (int d = DayOf(tokens[i]); d && i + 1 < n && (month = MonthOf(tokens[i + 1].norm))) {
      day = d;
      after = i + 2;
    } else if ((month = MonthOf(w)) && i + 1 < n && (day = DayOf(tokens[i + 1]))) {
      // "may" is also a verb: require an upper-case month name in English order.
      if (!tokens[i].upper_initial) {
        month = day = 0;
      } else {
        after = i + 2;
        if (after < n && tokens[after].norm == ",") ++after;
      }
    } else {
      month = 0;
    }
    if (day && month) {
      if (after < n) year = YearOf(tokens[after]);
      if (!year && !have_doc) continue;
      if (!year) {
        year = dy;
        // A day more than a week after the document is last year's ("le 4 décembre" in a
        // January article).
        if (day <= DaysInMonth(year, month) && DaysFromCivil(year, month, day) > doc_days + 7) {
          --year;
        }
      }
      if (day > DaysInMonth(year, month)) continue;
      return Iso(DaysFromCivil(year, month, day));
    }
    if (!have_doc) continue;
    if (w == "hier" || w == "yesterday") return Iso(doc_days - 1);
    if (w == "avant-hier") return Iso(doc_days - 2);
    if (w == "demain" || w == "tomorrow") return Iso(doc_days + 1);
    if (int wd = WeekdayOf(w); wd >= 0) {
      // "lundi 9 mai": the day and month that follow decide.
      if (i + 2 < n && DayOf(tokens[i + 1]) && MonthOf(tokens[i + 2].norm)) continue;
      // 1970-01-01 was a Thursday (ISO weekday index 3).
      const int64_t doc_wd = ((doc_days % 7) + 7 + 3) % 7;
      const bool next = (i + 1 < n && IsNextWord(tokens[i + 1].norm)) ||
                        (i > 0 && IsNextWord(tokens[i - 1].norm));
      if (next) return Iso(doc_days + ((wd - doc_wd + 7) % 7 == 0 ? 7 : (wd - doc_wd + 7) % 7));
      return Iso(doc_days - (doc_wd - wd + 7) % 7);
    }
  }
  return std::string(doc_date);
}

}  // namespace vigie::events
