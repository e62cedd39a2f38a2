#pragma once
// The text layer's output: sentences of tokens with folded forms, lemmas and offsets that
// map back to the original text. Produced by text::Analyzer (analyzer.h), read by actors/
// and events/.

#include <cstdint>
#include <string>
#include <vector>

namespace vigie::text {

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with inner hyphens or apostrophes ("Maison-Blanche")
  kNumber,  // digits, possibly with separators ("11", "2,5", "1er")
  kPunct,   // . , ; : ! ? « » " ( ) — …
  kSymbol,  // anything else (%, $, @, emoji)
};

// Coarse lexical facts from the lexicon (hunspell morphology, WordNet), as bit flags.
enum TokenTag : uint8_t {
  kTagVerb = 1 << 0,            // a verb form (finite or not)
  kTagPastParticiple = 1 << 1,  // "reçu", "livrés", "hosted"
  kTagNoun = 1 << 2,
  kTagAdjective = 1 << 3,
  kTagProperNoun = 1 << 4,   // known to the lexicon as a name
  kTagConditional = 1 << 5,  // French conditional ("aurait", "pourraient")
  kTagInfinitive = 1 << 6,
  kTagFunctionWord = 1 << 7,  // determiners, prepositions, pronouns, conjunctions
};

struct Token {
  // Byte offsets of the token in Sentence::text.
  uint32_t begin = 0;
  uint32_t end = 0;
  // The same span in Unicode code points from the start of Sentence::text (DESIGN.md's
  // `evidence` offsets are code points). An invalid UTF-8 byte counts as one code point, as
  // utf8::Repair replaces it with one U+FFFD.
  uint32_t cp_begin = 0;
  uint32_t cp_end = 0;
  // Lower case, accents removed, ’ and ʼ turned into ', NFC. Elided articles keep their
  // apostrophe as a token of their own: "l’Ukraine" gives "l'" and "ukraine".
  std::string norm;
  // Folded lemma ("rompu" -> "rompre", "broke" -> "break"); equals `norm` when the lexicon
  // does not know the word.
  std::string lemma;
  TokenKind kind = TokenKind::kWord;
  uint8_t tags = 0;            // TokenTag bits
  bool upper_initial = false;  // the original starts with an upper-case letter
  bool all_upper = false;      // "OTAN", "US": at least two letters, all upper case

  bool Has(TokenTag t) const { return (tags & t) != 0; }
};

struct Sentence {
  std::string text;     // the sentence as it appears in the source (NFC)
  uint32_t offset = 0;  // byte offset of `text` in the text given to the analyzer
  std::vector<Token> tokens;
};

}  // namespace vigie::text
