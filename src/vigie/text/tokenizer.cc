// Tokenizer for French and English news: one pass over the code points, no allocation but
// the output vector. Words keep inner hyphens and apostrophes ("porte-parole",
// "aujourd'hui"), except a hyphen between two capitalised parts, which is a token of its
// own: "Alger-Moscou", "Israel-Hamas", "USA-Otan" pair two names, and compound names
// ("Maison-Blanche", "Jean-Yves") are matched as the same three tokens. Then three splits
// apply, the same in both languages because neither pattern occurs in the other: French
// elision in front ("l'", "jusqu'"), English clitics at the end ("n't", "'s"), and French
// inverted subject pronouns at the end ("-t-elle", "-il").

#include <cstdint>
#include <string_view>
#include <vector>

#include "vigie/text/analyzer.h"
#include "vigie/text/fold.h"
#include "vigie/text/tokenizer_impl.h"

namespace vigie::text {
namespace {

// Elided French words that are tokens of their own, apostrophe included.
constexpr std::string_view kElisions[] = {"l", "d",  "j",     "m",      "n",      "s",     "t",
                                          "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};

// English clitics split after the apostrophe ("they're" -> "they", "'re").
constexpr std::string_view kClitics[] = {"s", "re", "ve", "ll", "d", "m"};

// French subject pronouns of inverted questions and incises ("a-t-il", "dit-elle").
constexpr std::string_view kInverted[] = {"il", "ils", "elle", "elles", "on",
                                          "je", "tu",  "nous", "vous",  "ce"};

// Compounds that end like an inversion but are words of their own.
constexpr std::string_view kNotInverted[] = {"rendez-vous"};

bool EqualsAsciiNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

template <size_t N>
bool InNoCase(const std::string_view (&set)[N], std::string_view w) {
  for (std::string_view x : set) {
    if (EqualsAsciiNoCase(x, w)) return true;
  }
  return false;
}

struct CodePoint {
  char32_t cp = 0;
  CharClass cls = CharClass::kSymbol;
  size_t next = 0;  // byte offset after it
};

CodePoint At(std::string_view s, size_t pos) {
  CodePoint c;
  c.next = pos;
  c.cp = NextCodePoint(s, &c.next);
  c.cls = Classify(c.cp);
  return c;
}

bool IsWordInner(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kMark || c == CharClass::kDigit ||
         c == CharClass::kFormat;
}

// Length of the apostrophe at s[pos] in bytes, 0 when there is none.
size_t ApostropheAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  if (s[pos] == '\'') return 1;
  if (s.substr(pos, 3) == "\xE2\x80\x99") return 3;  // ’
  if (s.substr(pos, 2) == "\xCA\xBC") return 2;      // ʼ
  return 0;
}

// Dotted acronym starting at `b`: single letters joined by periods ("U.S.", "A.E",
// "J.-C."), at least two letters. Returns its end (trailing period included), or 0.
size_t MatchAcronym(std::string_view s, size_t b) {
  size_t p = b;
  int letters = 0;
  while (true) {
    CodePoint c = At(s, p);
    if (c.cls != CharClass::kLetter) return 0;
    p = c.next;
    while (p < s.size() && At(s, p).cls == CharClass::kMark) p = At(s, p).next;
    ++letters;
    if (p >= s.size()) break;
    CodePoint dot = At(s, p);
    if (dot.cp != '.') {
      if (IsWordInner(dot.cls) || dot.cls == CharClass::kApos) return 0;  // "A.Expert"
      break;                                                              // "A.E"
    }
    size_t q = dot.next;
    if (q < s.size() && s[q] == '-' && q + 1 < s.size() && At(s, q + 1).cls == CharClass::kLetter) {
      ++q;  // "J.-C."
    }
    if (q < s.size() && At(s, q).cls == CharClass::kLetter) {
      p = q;
      continue;
    }
    if (q < s.size() && IsWordInner(At(s, q).cls)) return 0;
    p = dot.next;  // trailing period
    break;
  }
  return letters >= 2 && s.substr(b, p - b).find('.') != std::string_view::npos ? p : 0;
}

// End of the word whose first letter ends at `e`.
size_t ScanWord(std::string_view s, size_t b, size_t e) {
  size_t part = b;  // where the current hyphen-separated part starts
  while (e < s.size()) {
    CodePoint c = At(s, e);
    if (IsWordInner(c.cls)) {
      e = c.next;
      continue;
    }
    if (c.cls == CharClass::kHyphen || c.cls == CharClass::kApos) {
      if (c.next < s.size()) {
        CodePoint after = At(s, c.next);
        bool joins = after.cls == CharClass::kLetter ||
                     (c.cls == CharClass::kHyphen && after.cls == CharClass::kDigit);
        if (joins && c.cls == CharClass::kHyphen && IsUpper(after.cp) && IsUpper(At(s, part).cp))
          break;
        if (joins) {
          if (c.cls == CharClass::kHyphen) part = c.next;
          e = after.next;
          continue;
        }
      }
      // "l' Ukraine": an elided word keeps its apostrophe even before a space.
      if (c.cls == CharClass::kApos && InNoCase(kElisions, s.substr(b, e - b))) e = c.next;
    }
    break;
  }
  return e;
}

// End of the number whose first digit ends at `e`: digits, letters ("1er", "3D", "18h30"),
// separators followed by a digit ("3.5", "1,000", "18:32") and French thousands groups
// behind a (narrow) no-break space ("1 000 000").
size_t ScanNumber(std::string_view s, size_t e) {
  bool letters = false;
  while (e < s.size()) {
    CodePoint c = At(s, e);
    if (c.cls == CharClass::kDigit || c.cls == CharClass::kLetter || c.cls == CharClass::kMark) {
      letters |= c.cls != CharClass::kDigit;
      e = c.next;
      continue;
    }
    if ((c.cp == '.' || c.cp == ',' || c.cp == ':') && c.next < s.size() &&
        At(s, c.next).cls == CharClass::kDigit) {
      e = c.next;
      continue;
    }
    if ((c.cp == 0xA0 || c.cp == 0x202F || c.cp == 0x2009) && !letters) {
      size_t q = c.next;
      int digits = 0;
      while (q < s.size() && digits < 4 && At(s, q).cls == CharClass::kDigit) {
        q = At(s, q).next;
        ++digits;
      }
      if (digits == 3) {
        e = q;
        continue;
      }
    }
    break;
  }
  return e;
}

bool IsRegionalIndicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
bool IsSkinTone(char32_t cp) { return cp >= 0x1F3FB && cp <= 0x1F3FF; }

// End of the symbol starting with `first` (ending at `e`): an emoji keeps its modifiers,
// variation selectors, ZWJ sequences and flag pairs.
size_t ScanSymbol(std::string_view s, char32_t first, size_t e) {
  if (IsRegionalIndicator(first) && e < s.size() && IsRegionalIndicator(At(s, e).cp)) {
    e = At(s, e).next;
  }
  while (e < s.size()) {
    CodePoint c = At(s, e);
    if (c.cls == CharClass::kMark || IsSkinTone(c.cp)) {
      e = c.next;
    } else if (c.cp == 0x200D && c.next < s.size()) {  // ZWJ joins the next pictograph
      e = At(s, c.next).next;
    } else {
      break;
    }
  }
  return e;
}

uint32_t CodePointsIn(std::string_view s) {
  // Word pieces are valid UTF-8 (an invalid byte is a symbol of its own), so counting the
  // bytes that are not continuation bytes counts code points.
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void SetCase(std::string_view s, Token* t) {
  size_t p = t->begin;
  int letters = 0;
  bool lower = false;
  bool first = true;
  while (p < t->end) {
    char32_t cp = NextCodePoint(s, &p);
    bool up = IsUpper(cp);
    if (first) t->upper_initial = up;
    first = false;
    if (up) {
      ++letters;
    } else if (IsLower(cp)) {
      ++letters;
      lower = true;
    } else if (Classify(cp) == CharClass::kLetter) {
      ++letters;  // uncased scripts count as letters but are not upper case
      lower = true;
    }
  }
  t->all_upper = letters >= 2 && !lower;
}

class Emitter {
 public:
  Emitter(std::string_view s, std::vector<Token>* out) : s_(s), out_(out) {}

  // [b, e) starting at code point index `cb`; returns the code point index of `e`.
  uint32_t Add(size_t b, size_t e, uint32_t cb, TokenKind kind) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.cp_begin = cb;
    t.cp_end = cb + CodePointsIn(s_.substr(b, e - b));
    t.kind = kind;
    if (kind == TokenKind::kWord) SetCase(s_, &t);
    out_->push_back(std::move(t));
    return out_->back().cp_end;
  }

 private:
  std::string_view s_;
  std::vector<Token>* out_;
};

// Where the English clitic or French inverted pronoun at the end of [b, e) starts, or e.
size_t SuffixSplit(std::string_view s, size_t b, size_t e) {
  std::string_view w = s.substr(b, e - b);
  // "n't" (with any apostrophe): "didn't" -> "did" "n't".
  for (size_t alen : {size_t{1}, size_t{3}, size_t{2}}) {
    if (w.size() < alen + 3) continue;
    size_t n = w.size() - alen - 2;
    if ((w[n] == 'n' || w[n] == 'N') && ApostropheAt(w, n + 1) == alen &&
        (w.back() == 't' || w.back() == 'T') && n > 0) {
      return b + n;
    }
  }
  // "'s", "'re", …: after the last apostrophe.
  for (size_t k = w.size(); k-- > 1;) {
    size_t alen = ApostropheAt(w, k);
    if (alen == 0) continue;
    if (InNoCase(kClitics, w.substr(k + alen))) return b + k;
    break;
  }
  // "-t-elle", "-il": after the last hyphen (and "-t-" before it).
  size_t h = w.rfind('-');
  if (h != std::string_view::npos && h > 0 && InNoCase(kInverted, w.substr(h + 1)) &&
      !InNoCase(kNotInverted, w)) {
    if (h >= 2 && (w[h - 1] == 't' || w[h - 1] == 'T') && w[h - 2] == '-') h -= 2;
    if (h > 0 && w[h - 1] != '-') return b + h;
  }
  return e;
}

// Emits the word [b, e) as one or more tokens; returns the code point index of e.
uint32_t EmitWord(std::string_view s, size_t b, size_t e, uint32_t cb, Emitter* em) {
  // Elisions in front: "l'", "qu'", "jusqu'" (one after the other if need be).
  while (true) {
    size_t k = b;
    while (k < e && ApostropheAt(s, k) == 0) ++k;
    if (k >= e || !InNoCase(kElisions, s.substr(b, k - b))) break;
    size_t after = k + ApostropheAt(s, k);
    cb = em->Add(b, after, cb, TokenKind::kWord);
    b = after;
    if (b >= e) return cb;
  }
  size_t split = SuffixSplit(s, b, e);
  cb = em->Add(b, split, cb, TokenKind::kWord);
  if (split < e) cb = em->Add(split, e, cb, TokenKind::kWord);
  return cb;
}

}  // namespace

void ScanTokens(std::string_view s, std::vector<Token>* out) {
  Emitter em(s, out);
  size_t i = 0;
  uint32_t ci = 0;
  while (i < s.size()) {
    size_t b = i;
    CodePoint c = At(s, i);
    i = c.next;
    switch (c.cls) {
      case CharClass::kSpace:
      case CharClass::kFormat:  // invisible on its own (ZWSP, BOM)
        ++ci;
        break;
      case CharClass::kLetter: {
        size_t e = MatchAcronym(s, b);
        if (e != 0) {
          ci = em.Add(b, e, ci, TokenKind::kWord);
        } else {
          e = ScanWord(s, b, i);
          ci = EmitWord(s, b, e, ci, &em);
        }
        i = e;
        break;
      }
      case CharClass::kDigit:
        i = ScanNumber(s, i);
        ci = em.Add(b, i, ci, TokenKind::kNumber);
        break;
      case CharClass::kApos:
      case CharClass::kHyphen:
      case CharClass::kPunct:
        if (c.cp == '.') {
          while (i < s.size() && s[i] == '.') ++i;  // "..." is one token
        }
        ci = em.Add(b, i, ci, TokenKind::kPunct);
        break;
      case CharClass::kMark:
      case CharClass::kSymbol: {
        i = ScanSymbol(s, c.cp, i);
        // Counted one by one: a symbol may hold invalid bytes, each one code point.
        Token t;
        t.begin = static_cast<uint32_t>(b);
        t.end = static_cast<uint32_t>(i);
        t.cp_begin = ci;
        size_t p = b;
        while (p < i) {
          NextCodePoint(s, &p);
          ++ci;
        }
        t.cp_end = ci;
        t.kind = TokenKind::kSymbol;
        out->push_back(std::move(t));
        break;
      }
    }
  }
}

std::vector<Token> Tokenize(std::string_view sentence) {
  std::vector<Token> tokens;
  ScanTokens(sentence, &tokens);
  for (Token& t : tokens) {
    t.norm = Fold(sentence.substr(t.begin, t.end - t.begin));
    t.lemma = t.norm;
  }
  return tokens;
}

}  // namespace vigie::text
