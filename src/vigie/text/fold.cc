// Folding and character classes on ICU. Folding is CaseFold -> NFD -> drop nonspacing marks
// (accents) -> NFC: case folding first because it can itself produce marks (İ -> i + U+0307),
// NFC last so that what is left (Hangul, Indic vowel signs) is stored composed, like the
// input.

#include "vigie/text/fold.h"

#include <algorithm>
#include <climits>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

#include "vigie/base/utf8.h"
#include "vigie/text/analyzer.h"

namespace vigie::text {
namespace {

// Classes of the ASCII range, built once at compile time.
constexpr CharClass AsciiClass(unsigned char c) {
  if (c == ' ' || (c >= '\t' && c <= '\r')) return CharClass::kSpace;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '\'') return CharClass::kApos;
  if (c == '-') return CharClass::kHyphen;
  if (c < 0x20 || c == 0x7F) return CharClass::kSymbol;
  // ASCII punctuation per Unicode (P*): the rest ($ + < = > ^ ` | ~) are symbols (S*).
  switch (c) {
    case '!':
    case '"':
    case '#':
    case '%':
    case '&':
    case '(':
    case ')':
    case '*':
    case ',':
    case '.':
    case '/':
    case ':':
    case ';':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '_':
    case '{':
    case '}':
      return CharClass::kPunct;
    default:
      return CharClass::kSymbol;
  }
}

struct AsciiTable {
  CharClass cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) cls[c] = AsciiClass(static_cast<unsigned char>(c));
  }
};
constexpr AsciiTable kAscii;

// ICU's normalizer singletons: owned by ICU, thread-safe to fetch, nullptr without ICU data.
const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* const n = [] {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFDInstance(st);
    return U_SUCCESS(st) ? p : nullptr;
  }();
  return n;
}
const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const n = [] {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFCInstance(st);
    return U_SUCCESS(st) ? p : nullptr;
  }();
  return n;
}

// Scripts whose nonspacing marks are accents or vowel points that writers may leave out
// (é, ё, ά, Arabic harakat, Hebrew niqqud). In Indic and most other scripts they are
// vowels, part of the spelling: "है" must not become "ह".
bool AccentsAreOptional(UChar32 base) {
  UErrorCode st = U_ZERO_ERROR;
  switch (uscript_getScript(base, &st)) {
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      return true;
    default:
      return false;
  }
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

CharClass Classify(char32_t cp) {
  if (cp < 0x80) return kAscii.cls[cp];
  if (IsApostrophe(cp)) return CharClass::kApos;
  if (cp == 0x2010 || cp == 0x2011) return CharClass::kHyphen;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharClass::kLetter;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return CharClass::kMark;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return CharClass::kSpace;
    case U_FORMAT_CHAR:
      return CharClass::kFormat;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::kPunct;
    default:
      // NEL (U+0085) is a C1 control but also white space.
      return cp == 0x85 ? CharClass::kSpace : CharClass::kSymbol;
  }
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  int8_t t = u_charType(static_cast<UChar32>(cp));
  return t == U_UPPERCASE_LETTER || t == U_TITLECASE_LETTER;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_charType(static_cast<UChar32>(cp)) == U_LOWERCASE_LETTER;
}

char32_t NextCodePoint(std::string_view s, size_t* pos) {
  auto c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  return utf8::DecodeNext(s, pos);
}

void FoldAppend(std::string_view s, std::string* out) {
  if (IsAscii(s)) {
    for (char c : s) out->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    return;
  }
  const icu::Normalizer2* nfd = Nfd();
  const icu::Normalizer2* nfc = Nfc();
  // fromUTF8 replaces invalid sequences with U+FFFD. Tokens fit UnicodeString's inline
  // buffer, so the common case allocates nothing here.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX))));
  u.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode st = U_ZERO_ERROR;
  if (nfd != nullptr) {
    icu::UnicodeString d = nfd->normalize(u, st);
    if (U_SUCCESS(st)) u = std::move(d);
  }
  icu::UnicodeString kept;
  bool has_marks = false;
  bool accents_optional = true;  // the script of the last base character
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    int8_t t = u_charType(c);
    if (t == U_FORMAT_CHAR) continue;  // soft hyphen, ZWJ: invisible
    if (t == U_NON_SPACING_MARK) {
      if (accents_optional) continue;
      has_marks = true;
    } else {
      accents_optional = AccentsAreOptional(c);
    }
    if (t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK) has_marks = true;
    if (IsApostrophe(static_cast<char32_t>(c))) {
      kept.append(static_cast<UChar>('\''));
    } else if (c == 0x0153) {
      // œ and æ are letters of their own to Unicode (no decomposition), but French writes
      // "coeur" for "cœur" whenever the ligature is unavailable: fold them to the pair.
      kept.append(u"oe", 2);
    } else if (c == 0x00E6) {
      kept.append(u"ae", 2);
    } else {
      kept.append(c);
    }
  }
  if (nfc != nullptr && (has_marks || !nfc->isNormalized(kept, st))) {
    st = U_ZERO_ERROR;
    icu::UnicodeString c = nfc->normalize(kept, st);
    if (U_SUCCESS(st)) kept = std::move(c);
  }
  kept.toUTF8String(*out);
}

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  FoldAppend(s, &out);
  return out;
}

}  // namespace vigie::text
