#pragma once
// Word cues the recognizer reads around a name to decide what it is: determiners and
// prepositions, names of people, and the verbs and nouns that make a country or a capital
// where something happens rather than who acts ("à Alger" is where, "reprocher à Alger" is
// whom; "du Mali" is whose, "retirer ses forces du Mali" where from). Tokens are those of
// text::Sentence: `norm` and `lemma` folded (lower case, no accents).

#include <cstdint>
#include <vector>

#include "vigie/actors/gazetteer.h"
#include "vigie/text/token.h"

namespace vigie::actors::internal {

using text::Token;

// "le", "la", "les", "l'", "the".
bool IsArticle(const Token& t);

// "son", "leurs", "nos", "its", "their"...
bool IsPossessive(const Token& t);

// "le ministre des Affaires étrangères du Mali", "the president of Russia".
bool IsOfLink(const Token& t);

// Articles, possessives, numbers, "un", "ces", "plusieurs", "a", "several"...
bool IsDeterminer(const Token& t);

// A noun that can head a phrase ("entreprises", "drones"), not a verb form or a function word.
bool IsHeadNoun(const Token& t);

// A capitalised word that is not a function word.
bool IsName(const Token& t);

// The end of up to three capitalised words of a person's name from `begin`, before `stop`.
// "Jean-Yves": a hyphen between capitalised parts is a token of its own.
uint32_t NameEnd(const std::vector<Token>& toks, uint32_t begin, uint32_t stop);

// Nouns of a country's ground: "les frontières algériennes", "le sol malien", "Algerian
// territory" say where, not who.
bool IsTerritoryNoun(const Token& t);

// French prepositions that may take a noun without a determiner: "sous pression américaine",
// "avec appui français", "sans aide russe".
bool IsBareNounPreposition(const Token& t);

// Whether a word of leaving earlier in the clause governs the "de" at token `at`, so that
// what follows is where from: "retirer ses forces du Mali", "chassés du Burkina", "le
// retrait des troupes françaises du Mali"; but "le retrait du Mali" is Mali leaving.
bool AfterLeaving(const std::vector<Token>& toks, uint32_t at);

// Whether a country or capital at tokens [first, last) is where something happens rather
// than who acts. French "à/au" before a country is usually a dative ("livrer à l'Algérie"),
// so for countries only prepositions that cannot introduce a recipient count, and "au"
// only where no recipient can be: after a verb of being or going, or fronted before a comma.
// A country after "de" is where from after a word of leaving (AfterLeaving). A capital after
// "à"/"to" is a place unless a word of giving, saying or turning to someone governs it
// ("reprocher à Alger", "tourner le dos à Alger", "sold arms to Moscow").
bool IsLocative(const std::vector<Token>& toks, uint32_t first, uint32_t last, EntryType type);

// What comes before a description that stands for a state: "le royaume", "au royaume",
// "this kingdom".
bool IsStateDeterminer(const Token& t);

}  // namespace vigie::actors::internal
