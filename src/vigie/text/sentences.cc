// Sentence boundaries for French and English news.
//
// A boundary is a run of terminators (. ? ! … and their kin), then any closing quotes or
// brackets (so that « … partir. » keeps its »), then white space, then something that can
// start a sentence. A blank line always ends a sentence; a single line break is a space.
// A period after an abbreviation is not a boundary: titles (M., Dr., St.) never end a
// sentence, abbreviations that are also words (art., no., vol.) end one unless a number
// follows, and initials (J. R. R.), dotted acronyms (U.S., A.E, J.-C.) and a few words
// (etc., Inc.) end one only when a typical sentence opener follows ("in the U.S. The talks").
// Quotations may hold several sentences: the splitter cuts inside them, and a closing quote
// right after a terminator stays with the sentence it closes.

#include <cstdint>
#include <string_view>
#include <vector>

#include "vigie/text/analyzer.h"
#include "vigie/text/fold.h"

namespace vigie::text {
namespace {

bool IsTerminator(char32_t cp) {
  switch (cp) {
    case '.':
    case '?':
    case '!':
    case 0x2026:  // …
    case 0x203C:  // ‼
    case 0x2047:  // ⁇
    case 0x2048:  // ⁈
    case 0x2049:  // ⁉
    case 0x3002:  // 。
    case 0xFF01:  // ！
    case 0xFF1F:  // ？
      return true;
    default:
      return false;
  }
}

bool IsLineBreak(char32_t cp) {
  return cp == '\n' || cp == '\v' || cp == '\f' || cp == 0x85 || cp == 0x2028;
}

bool IsSpace(char32_t cp) { return Classify(cp) == CharClass::kSpace; }

// Titles and abbreviations that are followed by what they qualify: never a sentence end.
// Case matters ("Me" is Maître Dupont). Kept short on purpose: a missed abbreviation costs
// one wrong cut; an over-eager one glues two sentences together.
constexpr std::string_view kTitles[] = {
    "M",    "MM",  "Mme",    "Mmes", "Mlle", "Mlles", "Me",  "Mgr",    "Dr",  "Pr",
    "Prof", "St",  "Ste",    "Sts",  "Mr",   "Mrs",   "Ms",  "Messrs", "Gen", "Gén",
    "Col",  "Lt",  "Sgt",    "Capt", "Cdt",  "Cmdr",  "Adm", "Gov",    "Sen", "Sén",
    "Rep",  "Rev", "Hon",    "Pres", "Fr",   "av",    "apr", "cf",     "Cf",  "ex",
    "env",  "vs",  "approx", "éd",   "tél",  "Tél",   "bd",  "Bd",     "boul"};

// Abbreviations that are also words ("l'art.", "said no.", "le vol."): not a boundary only
// before a number ("art. 5", "No. 10", "p. 12").
constexpr std::string_view kBeforeNumber[] = {"art", "Art", "vol", "Vol",  "no",  "No", "nos",
                                              "Nos", "p",   "pp",  "chap", "fig", "n"};

// Abbreviations that often end a sentence too: a cut only before a sentence opener.
constexpr std::string_view kMaybeFinal[] = {"etc", "Inc", "Corp", "Ltd", "Co",
                                            "Jr",  "Sr",  "Bros", "al"};

// Words that typically open a news sentence, in both languages; they decide the ambiguous
// cases above. Elided openers are listed with their apostrophe.
constexpr std::string_view kOpeners[] = {
    "The",       "This",      "That",      "These", "Those", "He",      "She",   "It",
    "They",      "We",        "You",       "His",   "Her",   "Its",     "Their", "Our",
    "In",        "On",        "At",        "But",   "And",   "However", "After", "Before",
    "When",      "While",     "There",     "Some",  "Many",  "An",      "As",    "If",
    "According", "Mr",        "Mrs",       "Ms",    "Dr",    "For",     "With",  "Meanwhile",
    "Le",        "La",        "Les",       "L'",    "L’",    "Un",      "Une",   "Des",
    "Du",        "Il",        "Elle",      "Ils",   "Elles", "Nous",    "Vous",  "Ce",
    "Cette",     "Ces",       "Cet",       "Mais",  "Et",    "En",      "Dans",  "Selon",
    "Pour",      "Par",       "Sur",       "Après", "Avant", "Depuis",  "Lors",  "Alors",
    "Ainsi",     "Cependant", "Toutefois", "D'",    "D’",    "Son",     "Sa",    "Ses",
    "Leur",      "Leurs",     "Au",        "Aux"};

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view w) {
  for (std::string_view x : set) {
    if (x == w) return true;
  }
  return false;
}

// The code point that ends just before `pos`, and its start in *start. Invalid bytes are
// one code point each, as NextCodePoint reads them.
char32_t PrevCodePoint(std::string_view s, size_t pos, size_t* start) {
  size_t b = pos - 1;
  size_t limit = pos >= 4 ? pos - 4 : 0;
  while (b > limit && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  size_t p = b;
  char32_t cp = NextCodePoint(s, &p);
  if (p != pos) {  // not a well-formed sequence ending at pos: the last byte alone
    *start = pos - 1;
    size_t q = pos - 1;
    return NextCodePoint(s, &q);
  }
  *start = b;
  return cp;
}

// The word (letters, inner periods and hyphens) that ends right before `pos`.
std::string_view WordBefore(std::string_view s, size_t pos) {
  size_t b = pos;
  while (b > 0) {
    size_t start;
    char32_t cp = PrevCodePoint(s, b, &start);
    CharClass c = Classify(cp);
    if (c != CharClass::kLetter && c != CharClass::kMark && cp != '.' && cp != '-') break;
    b = start;
  }
  while (b < pos && (s[b] == '.' || s[b] == '-')) ++b;
  return s.substr(b, pos - b);
}

// The word (letters, then an apostrophe if one follows) that starts at `pos`.
std::string_view WordAt(std::string_view s, size_t pos) {
  size_t e = pos;
  while (e < s.size()) {
    size_t next = e;
    char32_t cp = NextCodePoint(s, &next);
    CharClass c = Classify(cp);
    if (c == CharClass::kApos) {
      if (e > pos) e = next;
      break;
    }
    if (c != CharClass::kLetter && c != CharClass::kMark) break;
    e = next;
  }
  return s.substr(pos, e - pos);
}

// How a period after the word `w` behaves.
enum class PeriodAfter { kBoundary, kNever, kBeforeOpener, kUnlessNumber };

PeriodAfter ClassifyAbbreviation(std::string_view w) {
  if (w.empty()) return PeriodAfter::kBoundary;  // after digits, brackets, quotes
  if (In(kTitles, w)) return PeriodAfter::kNever;
  if (In(kBeforeNumber, w)) return PeriodAfter::kUnlessNumber;
  if (w.find('.') != std::string_view::npos) return PeriodAfter::kBeforeOpener;  // U.S, J.-C
  size_t p = 0;
  char32_t first = NextCodePoint(w, &p);
  if (p == w.size() && IsUpper(first)) return PeriodAfter::kBeforeOpener;  // an initial
  if (In(kMaybeFinal, w)) return PeriodAfter::kBeforeOpener;
  return PeriodAfter::kBoundary;
}

// Quotation state that decides whether an ambiguous quote after a terminator closes.
struct Quotes {
  bool straight_open = false;  // inside "…"
  int single_open = 0;         // inside ‘…’
  void See(char32_t cp) {
    if (cp == '"') straight_open = !straight_open;
    if (cp == 0x2018) ++single_open;
    if (cp == 0x2019 && single_open > 0) --single_open;
  }
  bool Closes(char32_t cp) const {
    switch (cp) {
      case 0xBB:    // »
      case 0x201D:  // ”
      case 0x203A:  // ›
      case ')':
      case ']':
      case '}':
        return true;
      case '"':
        return straight_open;
      case 0x2019:
        return single_open > 0;
      default:
        return false;
    }
  }
};

// After the terminator run [.., *end): takes in closing quotes and brackets, with the
// (non-breaking) spaces French puts before them, and advances *end past them.
void TakeClosers(std::string_view s, Quotes* q, size_t* end) {
  size_t k = *end;
  while (k < s.size()) {
    size_t p = k;
    char32_t cp = NextCodePoint(s, &p);
    while (IsSpace(cp) && !IsLineBreak(cp) && p < s.size()) cp = NextCodePoint(s, &p);
    if (!q->Closes(cp)) break;
    q->See(cp);
    k = p;
    *end = k;
  }
}

// True when what starts at `pos` (after white space) can open a new sentence, given how
// the preceding period behaves.
bool OpensSentence(std::string_view s, size_t pos, PeriodAfter period) {
  size_t p = pos;
  char32_t cp = NextCodePoint(s, &p);
  if (IsLower(cp)) return false;
  switch (cp) {
    case ',':
    case ';':
    case ':':
    case ')':
    case ']':
    case '}':
    case 0xBB:
    case 0x201D:
    case 0x203A:
      return false;
    default:
      break;
  }
  if (period == PeriodAfter::kNever) return false;
  if (period == PeriodAfter::kUnlessNumber) return Classify(cp) != CharClass::kDigit;
  if (period == PeriodAfter::kBeforeOpener) return In(kOpeners, WordAt(s, pos));
  return true;
}

void Emit(std::string_view s, size_t begin, size_t end, std::vector<SentenceSpan>* out) {
  while (begin < end) {
    size_t p = begin;
    if (!IsSpace(NextCodePoint(s, &p))) break;
    begin = p;
  }
  while (end > begin) {
    size_t start;
    if (!IsSpace(PrevCodePoint(s, end, &start))) break;
    end = start;
  }
  if (end > begin) {
    out->push_back(SentenceSpan{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  }
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, std::string_view /*lang*/) {
  // Offsets are 32-bit: a longer text is cut (no news paragraph comes close).
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  std::vector<SentenceSpan> out;
  Quotes quotes;
  size_t start = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t here = i;
    char32_t cp = NextCodePoint(text, &i);
    if (IsLineBreak(cp) || cp == 0x2029) {
      // A blank line (only white space between two line breaks) ends the sentence.
      size_t j = i;
      bool blank = cp == 0x2029;
      while (j < text.size() && !blank) {
        size_t p = j;
        char32_t c = NextCodePoint(text, &p);
        if (!IsSpace(c)) break;
        if (IsLineBreak(c) || c == 0x2029) blank = true;
        j = p;
      }
      if (blank) {
        Emit(text, start, here, &out);
        start = i = j;
        quotes = Quotes{};
      }
      continue;
    }
    if (!IsTerminator(cp)) {
      quotes.See(cp);
      continue;
    }
    // The whole run of terminators ("...", "?!", "…").
    bool single_period = cp == '.';
    size_t end = i;
    while (end < text.size()) {
      size_t p = end;
      if (!IsTerminator(NextCodePoint(text, &p))) break;
      single_period = false;
      end = p;
    }
    PeriodAfter period =
        single_period ? ClassifyAbbreviation(WordBefore(text, here)) : PeriodAfter::kBoundary;
    TakeClosers(text, &quotes, &end);
    i = end;
    if (end >= text.size()) break;
    // A terminator glued to what follows is no boundary: 3.5, U.S, Alger.Le, « non ! »,
    size_t p = end;
    if (!IsSpace(NextCodePoint(text, &p))) continue;
    size_t next = end;
    while (next < text.size()) {
      size_t q = next;
      char32_t c = NextCodePoint(text, &q);
      if (!IsSpace(c)) break;
      next = q;
    }
    if (next >= text.size()) break;
    if (!OpensSentence(text, next, period)) continue;
    Emit(text, start, end, &out);
    start = end;
  }
  Emit(text, start, text.size(), &out);
  return out;
}

}  // namespace vigie::text
