#pragma once
// Internal to vigie_text: lemmas and coarse tags (TokenTag) for one word form, from hunspell
// (French with Dicollecte's morphology; English en_US) and WordNet 3.0 (English irregular
// forms and lemma lists, "morphy"). The dictionaries are read at run time from the system
// packages; nothing derived from them is stored in the repository.
//
// Lookups cost microseconds (hunspell analyses every affix combination), so callers memoize
// them (Analyzer does). Not thread-safe: hunspell objects keep per-call state.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vigie/base/result.h"
#include "vigie/base/strings.h"

class Hunspell;

namespace vigie::text {

using str::StringHash;
template <typename T>
using StringMap = str::StringMap<T>;

struct Reading {
  std::string lemma;  // folded (see Fold)
  uint8_t tags = 0;   // TokenTag bits
};

struct LexEntry {
  Reading main;
  // French: the noun or adjective reading of a form whose main reading is a verb form
  // ("parti" -> partir, but "le parti" -> parti); lemma empty when there is none. Analyzer
  // uses it right after a determiner.
  Reading nominal;
  // A French determiner that is not also a preposition ("le", "du", "cette", not "de").
  bool determiner = false;
};

class FrenchLexicon {
 public:
  // Opens DIR/fr.aff and DIR/fr.dic. NotFound names the missing file.
  static Result<std::unique_ptr<FrenchLexicon>> Open(const std::string& hunspell_dir);
  ~FrenchLexicon();

  // `word` is one token as written (NFC; case and accents matter to hunspell). Unknown words
  // get their folded form as lemma and no tags.
  LexEntry Lookup(std::string_view word);

 private:
  explicit FrenchLexicon(std::unique_ptr<Hunspell> hunspell);
  std::unique_ptr<Hunspell> hunspell_;
};

class EnglishLexicon {
 public:
  // Opens HUNSPELL_DIR/en_US.{aff,dic} and WordNet's index.{noun,verb,adj,adv} and
  // {noun,verb,adj}.exc in WORDNET_DIR. NotFound names the missing file.
  static Result<std::unique_ptr<EnglishLexicon>> Open(const std::string& hunspell_dir,
                                                      const std::string& wordnet_dir);
  ~EnglishLexicon();

  // As FrenchLexicon::Lookup; `nominal` and `determiner` are never set.
  LexEntry Lookup(std::string_view word);

  struct WordNet;  // lemma index and exception lists (lexicon_en.cc)

 private:
  EnglishLexicon(std::unique_ptr<Hunspell> hunspell, std::unique_ptr<WordNet> wordnet);
  std::unique_ptr<Hunspell> hunspell_;
  std::unique_ptr<WordNet> wordnet_;
};

// fr_dictionary.cc: from the contents of fr.aff and fr.dic, a copy without prefix rules
// (elisions, unit prefixes: hunspell tries them on every word) whose unit entries are
// expanded instead. False when the files do not have the layout this expects.
bool DeriveFastFrenchDictionary(std::string_view aff, std::string_view dic, std::string* aff_out,
                                std::string* dic_out);

// Checks that every one of `paths` is a readable file; NotFound names the first that is not,
// with `package` as the hint for where it comes from.
Status RequireFiles(std::initializer_list<std::string> paths, std::string_view package);

}  // namespace vigie::text
