#pragma once
// Sentence splitting, tokenization and lemmatization for French and English news text.
// One Analyzer per thread: lemma lookups are memoized in the instance (not thread-safe).
// The free functions below are pure and thread-safe.
//
// Usage:
//   auto analyzer = text::Analyzer::Open();          // ~0.2 s: hunspell fr + en, WordNet
//   if (!analyzer.ok()) return analyzer.status();
//   for (const text::Sentence& s : (*analyzer)->Analyze(paragraph, "fr")) ...

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/text/token.h"

namespace vigie::text {

// Where the lexicon files live. Defaults are the Debian package paths
// (hunspell-fr-classical, hunspell-en-us, wordnet-base).
struct LexiconPaths {
  std::string hunspell_dir = "/usr/share/hunspell";
  std::string wordnet_dir = "/usr/share/wordnet";
};

class Analyzer {
 public:
  // Loads the French and English lexicons. NotFound names the missing file (and the Debian
  // package that provides it); Corruption when a file is there but unreadable.
  static Result<std::unique_ptr<Analyzer>> Open(const LexiconPaths& paths = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Splits `text` (a paragraph, NFC UTF-8) into sentences and fills their tokens,
  // lemmas and tags. `lang` is "fr" or "en" (anything else is read as English). Any byte
  // sequence is accepted: invalid UTF-8 bytes become kSymbol tokens.
  // Lemma choice for ambiguous French forms (rules in lexicon.cc): a verb reading wins for
  // participles, infinitives and unambiguous tenses ("rompu" -> rompre), a noun reading for
  // present-tense forms ("livre"), and right after a determiner ("le parti" -> parti).
  std::vector<Sentence> Analyze(std::string_view text, std::string_view lang);

  // Sets the folded lemma, tags and `norm` of one word as `lang` reads it, looking up
  // `token->norm`. Folding loses accents the lexicon needs ("livre" is not "livré"), so
  // prefer the overload below when the word as written is at hand.
  void Lemmatize(std::string_view lang, Token* token);
  // The same for `word` as written ("livré", "Reçu"); token->kind should be kWord.
  void Lemmatize(std::string_view lang, std::string_view word, Token* token);

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Sentence boundaries only: byte ranges [begin, end) of each sentence in `text`, trimmed of
// white space, empty ones dropped. Rules (abbreviations, initials, quotes, blank lines) are
// described in sentences.cc. `lang` is accepted for future use: the rules cover both.
struct SentenceSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};
std::vector<SentenceSpan> SplitSentences(std::string_view text, std::string_view lang);

// Tokens of one sentence, with `norm` set and `lemma` == `norm` (no lexicon). French elision
// ("l'", "qu'") and inverted pronouns ("-t-elle", "-il") and English clitics ("n't", "'s")
// are tokens of their own; hyphenated words ("Maison-Blanche", "S-400") and dotted acronyms
// ("U.S.", "A.E") are one token.
std::vector<Token> Tokenize(std::string_view sentence);

// Lower case without accents (NFD, combining marks removed), ’ -> '. "Algérie" -> "algerie".
std::string Fold(std::string_view s);

}  // namespace vigie::text
