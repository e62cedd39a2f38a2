#pragma once
// Language identification with CLD2 (Debian libcld2). Thread-safe.

#include <string>
#include <string_view>

namespace vigie::text {

struct LanguageGuess {
  std::string code;  // ISO 639-1 ("fr", "en", "de", ...), "" when unknown
  int percent = 0;   // share of the text in that language
  bool reliable = false;
};

// Detects the language of `utf8` text. `hint` ("fr", "en", or "") biases short, ambiguous
// text; best-effort mode is used so that short paragraphs still get a guess.
LanguageGuess DetectLanguage(std::string_view utf8, std::string_view hint = "");

// The ISO 639-1 language of a language tag ("fr-FR", "FR", "en_GB" -> "fr", "fr", "en"), as
// found in <html lang>, og:locale, HTTP headers or a JSONL "lang"; "" when `tag` does not
// start with a two-letter code.
std::string LanguageFromTag(std::string_view tag);

}  // namespace vigie::text
