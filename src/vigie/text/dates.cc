#include "vigie/text/dates.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>

namespace vigie::text {
namespace {

// A hand-written tokenizer + pattern matcher rather than std::regex: dates are looked for in
// untrusted page text, where std::regex is slow and can overflow the stack.

enum class Kind : uint8_t { kNum, kWord, kPunct };

struct Token {
  Kind kind = Kind::kPunct;
  bool space_before = false;  // white space (or nothing at all) separates it from the previous
  int digits = 0;             // kNum: number of digits
  int value = 0;              // kNum: value (only meaningful for digits <= 8)
  char punct = 0;             // kPunct: the ASCII character ('\0' for other symbols)
  std::string word;           // kWord: lower-cased, at most kMaxWord bytes kept
};

constexpr size_t kMaxWord = 16;

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length of the UTF-8 sequence starting with `c` (1 for stray continuation bytes).
size_t SeqLen(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF4) return 4;
  if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
  if (c >= 0xC2) return 2;
  return 1;
}

// Classifies the multi-byte sequence at s[i]: letters of Latin scripts (U+00C0..U+024F, except
// × and ÷) belong to words; everything else (NBSP, dashes, quotes, other scripts) separates.
bool IsWordSeq(std::string_view s, size_t i, size_t len) {
  if (len != 2 || i + 1 >= s.size()) return false;
  unsigned cp = ((static_cast<unsigned char>(s[i]) & 0x1F) << 6) |
                (static_cast<unsigned char>(s[i + 1]) & 0x3F);
  return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

bool IsSpaceSeq(std::string_view s, size_t i, size_t len) {
  unsigned char c = s[i];
  if (len == 1) return c == ' ' || (c >= '\t' && c <= '\r');
  if (len == 2) return c == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0xA0;  // NBSP
  if (len == 3 && i + 2 < s.size()) {
    unsigned char c1 = s[i + 1], c2 = s[i + 2];
    // U+2000..U+200B, U+202F, U+205F, U+3000
    if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return true;
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return true;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return true;
  }
  return false;
}

// Lazily tokenizes `s`: patterns look a few tokens ahead, and most callers stop at the first
// date, so the text is never tokenized further than needed.
class Tokens {
 public:
  explicit Tokens(std::string_view s) : s_(s) {}

  // Token `i`, or nullptr past the end.
  const Token* At(size_t i) {
    while (toks_.size() <= i && Advance()) {
    }
    return i < toks_.size() ? &toks_[i] : nullptr;
  }

 private:
  bool Advance() {
    bool space = toks_.empty();
    while (pos_ < s_.size()) {
      size_t len = SeqLen(s_[pos_]);
      if (pos_ + len > s_.size()) len = s_.size() - pos_;
      if (!IsSpaceSeq(s_, pos_, len)) break;
      space = true;
      pos_ += len;
    }
    if (pos_ >= s_.size()) return false;
    Token t;
    t.space_before = space;
    unsigned char c = s_[pos_];
    if (IsDigit(c)) {
      t.kind = Kind::kNum;
      while (pos_ < s_.size() && IsDigit(s_[pos_])) {
        if (t.digits < 9) t.value = t.value * 10 + (s_[pos_] - '0');
        ++t.digits;
        ++pos_;
      }
    } else if (IsAsciiAlpha(c) || IsWordSeq(s_, pos_, SeqLen(c))) {
      t.kind = Kind::kWord;
      while (pos_ < s_.size()) {
        unsigned char b = s_[pos_];
        size_t len = SeqLen(b);
        if (IsAsciiAlpha(b)) {
          if (t.word.size() < kMaxWord) t.word.push_back(static_cast<char>(b | 0x20));
          ++pos_;
        } else if (IsWordSeq(s_, pos_, len)) {
          if (t.word.size() + 2 <= kMaxWord) {
            unsigned char b1 = s_[pos_ + 1];
            // Lower-case Latin-1 capitals (À..Þ except ×): É -> é, Ä -> ä.
            if (b == 0xC3 && b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97) b1 += 0x20;
            t.word.push_back(static_cast<char>(b));
            t.word.push_back(static_cast<char>(b1));
          }
          pos_ += 2;
        } else {
          break;
        }
      }
    } else {
      size_t len = SeqLen(c);
      if (pos_ + len > s_.size()) len = s_.size() - pos_;
      t.kind = Kind::kPunct;
      t.punct = len == 1 ? static_cast<char>(c) : '\0';
      pos_ += len;
    }
    toks_.push_back(std::move(t));
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::deque<Token> toks_;  // a deque: pointers returned by At() stay valid as it grows
};

struct MonthName {
  std::string_view name;
  int month;
};

// English, French and German month names and their usual abbreviations (lower case, UTF-8).
constexpr std::array kMonths = {
    MonthName{"january", 1},   MonthName{"jan", 1},      MonthName{"janvier", 1},
    MonthName{"janv", 1},      MonthName{"januar", 1},   MonthName{"jänner", 1},
    MonthName{"february", 2},  MonthName{"feb", 2},      MonthName{"février", 2},
    MonthName{"fevrier", 2},   MonthName{"févr", 2},     MonthName{"fév", 2},
    MonthName{"fevr", 2},      MonthName{"februar", 2},  MonthName{"march", 3},
    MonthName{"mar", 3},       MonthName{"mars", 3},     MonthName{"märz", 3},
    MonthName{"maerz", 3},     MonthName{"mär", 3},      MonthName{"april", 4},
    MonthName{"apr", 4},       MonthName{"avril", 4},    MonthName{"avr", 4},
    MonthName{"may", 5},       MonthName{"mai", 5},      MonthName{"june", 6},
    MonthName{"jun", 6},       MonthName{"juin", 6},     MonthName{"juni", 6},
    MonthName{"july", 7},      MonthName{"jul", 7},      MonthName{"juillet", 7},
    MonthName{"juil", 7},      MonthName{"juli", 7},     MonthName{"august", 8},
    MonthName{"aug", 8},       MonthName{"août", 8},     MonthName{"aout", 8},
    MonthName{"september", 9}, MonthName{"sep", 9},      MonthName{"sept", 9},
    MonthName{"septembre", 9}, MonthName{"october", 10}, MonthName{"oct", 10},
    MonthName{"octobre", 10},  MonthName{"oktober", 10}, MonthName{"okt", 10},
    MonthName{"november", 11}, MonthName{"nov", 11},     MonthName{"novembre", 11},
    MonthName{"december", 12}, MonthName{"dec", 12},     MonthName{"décembre", 12},
    MonthName{"decembre", 12}, MonthName{"déc", 12},     MonthName{"dezember", 12},
    MonthName{"dez", 12},
};

int MonthOf(const Token* t) {
  if (!t || t->kind != Kind::kWord) return 0;
  for (const auto& m : kMonths) {
    if (t->word == m.name) return m.month;
  }
  return 0;
}

bool IsPunct(const Token* t, char c) { return t && t->kind == Kind::kPunct && t->punct == c; }

bool IsNum(const Token* t, int min_digits, int max_digits) {
  return t && t->kind == Kind::kNum && t->digits >= min_digits && t->digits <= max_digits;
}

// "th", "st", "nd", "rd" (English), "er", "e", "ème" (French) glued to a day number.
bool IsOrdinalSuffix(const Token* t) {
  if (!t || t->kind != Kind::kWord || t->space_before) return false;
  const std::string& w = t->word;
  return w == "th" || w == "st" || w == "nd" || w == "rd" || w == "er" || w == "e" || w == "ème" ||
         w == "eme";
}

std::optional<Date> Plausible(int y, int m, int d) {
  Date date{y, m, d};
  if (IsPlausible(date)) return date;
  return std::nullopt;
}

// A four-digit year token that is not glued to further digits or a decimal point
// ("2022.5" is a number, not a year).
bool IsYearAt(Tokens& t, size_t i) {
  const Token* y = t.At(i);
  if (!IsNum(y, 4, 4)) return false;
  const Token* next = t.At(i + 1);
  if (next && !next->space_before && (IsPunct(next, '.') || IsPunct(next, ',')) &&
      IsNum(t.At(i + 2), 1, 9) && !t.At(i + 2)->space_before) {
    return false;
  }
  return true;
}

// Skips one optional separator token (',' or '.') after position i; returns the next index.
size_t SkipSep(Tokens& t, size_t i) {
  const Token* tok = t.At(i);
  if (IsPunct(tok, ',') || IsPunct(tok, '.')) return i + 1;
  return i;
}

// 2022-05-12, 2022/05/12, 2022.05.12 (year first is never ambiguous).
std::optional<Date> MatchIso(Tokens& t, size_t i) {
  const Token* y = t.At(i);
  if (!IsNum(y, 4, 4)) return std::nullopt;
  const Token* s1 = t.At(i + 1);
  if (!s1 || s1->space_before || s1->kind != Kind::kPunct) return std::nullopt;
  char sep = s1->punct;
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  const Token* m = t.At(i + 2);
  const Token* s2 = t.At(i + 3);
  const Token* d = t.At(i + 4);
  if (!IsNum(m, 1, 2) || m->space_before || !IsPunct(s2, sep) || s2->space_before ||
      !IsNum(d, 1, 2) || d->space_before) {
    return std::nullopt;
  }
  return Plausible(y->value, m->value, d->value);
}

// 20220512 or 20220512T183206Z: only a whole string or a token glued to an ISO time, since
// an eight-digit number in running text is more often an id or an amount.
std::optional<Date> MatchCompact(Tokens& t, size_t i, bool whole) {
  const Token* n = t.At(i);
  if (!IsNum(n, 8, 8)) return std::nullopt;
  const Token* next = t.At(i + 1);
  bool glued_time = next && !next->space_before && next->kind == Kind::kWord && next->word == "t";
  if (!(whole && i == 0 && !next) && !glued_time) return std::nullopt;
  return Plausible(n->value / 10000, n->value / 100 % 100, n->value % 100);
}

// 12/05/2022, 12.05.2022, 12-05-2022: day first unless lang is English and both readings are
// possible.
std::optional<Date> MatchNumeric(Tokens& t, size_t i, std::string_view lang) {
  const Token* a = t.At(i);
  if (!IsNum(a, 1, 2)) return std::nullopt;
  const Token* s1 = t.At(i + 1);
  if (!s1 || s1->space_before || s1->kind != Kind::kPunct) return std::nullopt;
  char sep = s1->punct;
  if (sep != '/' && sep != '.' && sep != '-') return std::nullopt;
  const Token* b = t.At(i + 2);
  const Token* s2 = t.At(i + 3);
  if (!IsNum(b, 1, 2) || b->space_before || !IsPunct(s2, sep) || s2->space_before)
    return std::nullopt;
  const Token* y = t.At(i + 4);
  if (!y || y->space_before || !IsYearAt(t, i + 4)) return std::nullopt;
  int first = a->value, second = b->value;
  if (first > 12 && second > 12) return std::nullopt;
  bool month_first = second > 12 || (first <= 12 && lang == "en");
  return month_first ? Plausible(y->value, first, second) : Plausible(y->value, second, first);
}

// "12 May 2022", "12. Mai 2022", "1er août 2024", "3rd of September, 2021".
std::optional<Date> MatchDayMonthYear(Tokens& t, size_t i) {
  const Token* d = t.At(i);
  if (!IsNum(d, 1, 2)) return std::nullopt;
  size_t j = i + 1;
  if (IsOrdinalSuffix(t.At(j))) ++j;
  if (IsPunct(t.At(j), '.')) ++j;
  const Token* of = t.At(j);
  if (of && of->kind == Kind::kWord && (of->word == "of" || of->word == "de")) ++j;
  int month = MonthOf(t.At(j));
  if (!month) return std::nullopt;
  j = SkipSep(t, j + 1);
  const Token* de = t.At(j);
  if (de && de->kind == Kind::kWord && de->word == "de") ++j;
  if (!IsYearAt(t, j)) return std::nullopt;
  return Plausible(t.At(j)->value, month, d->value);
}

// "May 12, 2022", "Sept. 3, 2021", "May 12th 2022".
std::optional<Date> MatchMonthDayYear(Tokens& t, size_t i) {
  int month = MonthOf(t.At(i));
  if (!month) return std::nullopt;
  size_t j = i + 1;
  if (IsPunct(t.At(j), '.')) ++j;
  const Token* d = t.At(j);
  if (!IsNum(d, 1, 2)) return std::nullopt;
  ++j;
  if (IsOrdinalSuffix(t.At(j))) ++j;
  j = SkipSep(t, j);
  if (!IsYearAt(t, j)) return std::nullopt;
  // "May 12, 2022" but not "May 12-2022": the year must stand apart from the day.
  if (!t.At(j)->space_before && !IsPunct(t.At(j - 1), ',')) return std::nullopt;
  return Plausible(t.At(j)->value, month, d->value);
}

// Punctuation that joins digit groups into one number-like string (versions, times, ids).
bool IsJoiner(const Token* t) {
  return t && t->kind == Kind::kPunct &&
         (t->punct == '.' || t->punct == '/' || t->punct == '-' || t->punct == ':');
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool IsUrlDigit(std::string_view s, size_t i) { return i < s.size() && IsDigit(s[i]); }

// Reads exactly `n` digits at s[i] (and not more); -1 otherwise.
int DigitsAt(std::string_view s, size_t i, int n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    if (!IsDigit(s[i + k])) return -1;
    v = v * 10 + (s[i + k] - '0');
  }
  if (IsUrlDigit(s, i + n)) return -1;
  return v;
}

}  // namespace

std::string Date::ToIso() const {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool IsPlausible(const Date& d) {
  if (d.year < 1900 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= DaysInMonth(d.year, d.month);
}

std::optional<Date> ParseDate(std::string_view s, std::string_view lang) {
  Tokens t(s);
  for (size_t i = 0; const Token* tok = t.At(i); ++i) {
    std::optional<Date> d;
    if (tok->kind == Kind::kNum) {
      // A number glued to a preceding digit group ("1.12.05.2022", "v2.12/05/2022") is part of
      // something else.
      if (!tok->space_before && i >= 2 && IsJoiner(t.At(i - 1)) &&
          t.At(i - 2)->kind == Kind::kNum && !t.At(i - 1)->space_before) {
        continue;
      }
      if (tok->digits == 4) {
        d = MatchIso(t, i);
      } else if (tok->digits == 8) {
        d = MatchCompact(t, i, true);
      } else if (tok->digits <= 2) {
        d = MatchNumeric(t, i, lang);
        if (!d) d = MatchDayMonthYear(t, i);
      }
    } else if (tok->kind == Kind::kWord) {
      d = MatchMonthDayYear(t, i);
    }
    if (d) return d;
  }
  return std::nullopt;
}

std::optional<Date> DateFromUrl(std::string_view url) {
  // Skip scheme and host: the date lives in the path (a host never carries one usefully).
  size_t start = 0;
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    start = url.find('/', scheme + 3);
    if (start == std::string_view::npos) return std::nullopt;
  }
  for (size_t i = start; i < url.size(); ++i) {
    char c = url[i];
    if (c != '/' && c != '-' && c != '_') continue;
    size_t p = i + 1;
    // /2022/05/12/, /2022-05-12, /2022_05_12
    int y = DigitsAt(url, p, 4);
    if (y >= 0 && p + 4 < url.size()) {
      char sep = url[p + 4];
      if (sep == '/' || sep == '-' || sep == '_') {
        size_t mp = p + 5;
        int mlen = IsUrlDigit(url, mp + 1) ? 2 : 1;
        int m = DigitsAt(url, mp, mlen);
        size_t sp = mp + mlen;
        if (m >= 0 && sp < url.size() && url[sp] == sep) {
          int dlen = IsUrlDigit(url, sp + 2) ? 2 : 1;
          int d = DigitsAt(url, sp + 1, dlen);
          if (d >= 0) {
            if (auto date = Plausible(y, m, d)) return date;
          }
        }
      }
    }
    // /20220512 (exactly eight digits)
    int compact = DigitsAt(url, p, 8);
    if (compact >= 0) {
      if (auto date = Plausible(compact / 10000, compact / 100 % 100, compact % 100)) return date;
    }
  }
  return std::nullopt;
}

std::string ParseIsoDate(std::string_view s, std::string_view lang) {
  std::optional<Date> d = ParseDate(s, lang);
  return d ? d->ToIso() : std::string();
}

}  // namespace vigie::text
