#pragma once
// Date parsing for metadata and text: ISO 8601, RFC 822/1123 (feeds, HTTP), and written
// dates in French and English ("lundi 9 mai 2022", "May 12, 2022 18:32 UTC", "12/05/2022"
// read day-first in French). Pure, thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace vigie::text {

struct Date {
  int year = 0;
  int month = 0;              // 1..12
  int day = 0;                // 1..31
  std::string ToIso() const;  // "YYYY-MM-DD"
  bool operator==(const Date&) const = default;
};

// True for a real calendar day between 1900-01-01 and 2100-12-31.
bool IsPlausible(const Date& d);

// Parses a complete date (year, month and day) anywhere in `s`; `lang` ("fr", "en", "")
// decides day/month order for numeric forms such as 05/04/2022 (en: month first).
// Returns nullopt when no plausible complete date is found.
std::optional<Date> ParseDate(std::string_view s, std::string_view lang = "");

// ParseDate as "YYYY-MM-DD", or "" when `s` holds no plausible complete date.
std::string ParseIsoDate(std::string_view s, std::string_view lang = "");

// Extracts a date from a URL path (/2022/05/12/, /2022-05-12, /20220512/).
std::optional<Date> DateFromUrl(std::string_view url);

}  // namespace vigie::text
