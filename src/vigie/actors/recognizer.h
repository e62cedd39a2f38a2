#pragma once
// Finds the actors and places of a sentence and resolves them to codes: gazetteer matches
// (and, failing them, misspelt people's names and state descriptions such as "le royaume"),
// then noun-phrase composition ("le ministre russe des A.E Lavrov" is one RUSGOV actor,
// "Russia's foreign minister" too, "Andrii Yusov, le porte-parole du GUR" two UKRSPY), then
// actor-or-place by syntax ("à Alger" is a place, "Alger a annoncé" and "reprocher à Alger"
// an actor; word cues in internal/cues.h), people as of the document's date, and ambiguous
// names (two Gaos, "le royaume") from the countries the document names.

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigie/actors/gazetteer.h"
#include "vigie/actors/mention.h"
#include "vigie/text/token.h"

namespace vigie::actors {

struct DocContext {
  std::string date;  // "YYYY-MM-DD" or "": people are resolved as of this day
  std::string lang;  // "fr" or "en"
  // How often each country is named unambiguously in the document (Recognizer::Prime).
  std::unordered_map<std::string, int> countries;
};

class Recognizer {
 public:
  explicit Recognizer(const Gazetteer& gazetteer) : g_(gazetteer) {}

  // Counts the countries a sentence names unambiguously, so that Find() can resolve
  // ambiguous places and names toward them: call it on every sentence of the document first.
  void Prime(const text::Sentence& sentence, DocContext* ctx) const;

  // Mentions in token order, non-overlapping, longest reading first.
  std::vector<Mention> Find(const text::Sentence& sentence, const DocContext& ctx) const;

 private:
  struct Unit;
  // Gazetteer matches of `s`; with `guesses`, also misspelt people's names and state
  // descriptions, which Prime() has no use for.
  std::vector<Unit> Units(const text::Sentence& s, const DocContext& ctx, bool guesses) const;
  uint32_t Resolve(const Unit& u, const DocContext& ctx) const;
  // Leaves in `matches` the first state description ("le royaume", after a determiner)
  // that stands for a state here, its entries (in `kept`) narrowed to the states the
  // document names.
  bool KeepNamedStates(const std::vector<text::Token>& toks, const DocContext& ctx,
                       std::vector<Match>* matches, std::vector<uint32_t>* kept) const;
  // The country whose border the apposition of place unit `k` says it is near, or "".
  std::string_view BorderCountry(const std::vector<text::Token>& toks,
                                 const std::vector<Unit>& units, size_t k) const;

  const Gazetteer& g_;
};

}  // namespace vigie::actors
