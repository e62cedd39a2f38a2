#pragma once
// Internal to vigie_text: case/accent folding and the character classes that the sentence
// splitter and the tokenizer share. Both sit on ICU's property tables (no hand-written
// Unicode tables), with an ASCII fast path because they run on every byte of the input.
// Pure functions, thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::text {

// Appends Fold(s) (see analyzer.h) to *out. Invalid UTF-8 folds to U+FFFD.
void FoldAppend(std::string_view s, std::string* out);

// What a code point is to the splitter and the tokenizer.
enum class CharClass : uint8_t {
  kSpace,   // Unicode white space, including NBSP and line breaks
  kLetter,  // L* (letters of any script)
  kMark,    // M* (combining marks: part of the letter before them)
  kDigit,   // Nd
  kFormat,  // Cf (soft hyphen, ZWJ, ZWNJ, BOM): invisible, kept inside a word
  kApos,    // ' ’ ʼ: apostrophes that can sit inside a word
  kHyphen,  // - ‐ ‑: hyphens that can join a compound word
  kPunct,   // other P* (. , ; « » — …)
  kSymbol,  // everything else: S*, No, controls, private use, invalid bytes
};

CharClass Classify(char32_t cp);

// General category tests (ICU): Lu/Lt and Ll.
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);

// Decodes one code point at s[*pos] (see utf8::DecodeNext), with a fast path for ASCII.
// An invalid byte yields U+FFFD and advances by one, so every byte is consumed exactly once.
// REQUIRES: *pos < s.size().
char32_t NextCodePoint(std::string_view s, size_t* pos);

// True for ' (U+0027), ’ (U+2019) and ʼ (U+02BC).
inline bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

}  // namespace vigie::text
