// English lemmas: WordNet's "morphy" (exception lists for irregular forms, then suffix rules
// whose result must be a WordNet lemma of the same part of speech), hunspell en_US for
// proper nouns and for words WordNet lacks. Hunspell alone cannot do irregular forms
// ("broke" stays "broke") and WordNet alone knows no names, hence both.
//
// Parts of speech are tried verb first, because the event coder reads verbs: "talks" ->
// talk (verb and noun), "leaves" -> leave rather than leaf. Tags are the union of the parts
// of speech that give the chosen lemma. A past participle is an -ed or -en form with a verb
// reading (or an irregular verb form ending in -en, -wn, -ne: "broken", "known", "done");
// -ed forms are both past tense and participle, which a lexicon cannot tell apart.

#include <fstream>
#include <string>
#include <vector>

#include <hunspell.hxx>

#include "vigie/text/analyzer.h"
#include "vigie/text/fold.h"
#include "vigie/text/lexicon.h"
#include "vigie/text/token.h"

namespace vigie::text {

enum PosBit : uint8_t { kNoun = 1, kVerb = 2, kAdj = 4, kAdv = 8 };

struct EnglishLexicon::WordNet {
  StringMap<uint8_t> index;       // lemma -> PosBit set (index.noun, .verb, .adj, .adv)
  StringMap<std::string> exc[3];  // noun.exc, verb.exc, adj.exc: form -> first lemma

  uint8_t Pos(std::string_view w) const {
    auto it = index.find(w);
    return it == index.end() ? 0 : it->second;
  }
  const std::string* Exception(int k, std::string_view w) const {
    auto it = exc[k].find(w);
    return it == exc[k].end() ? nullptr : &it->second;
  }
};

namespace {

constexpr int kExcNoun = 0, kExcVerb = 1, kExcAdj = 2;

struct Rule {
  std::string_view suffix;
  std::string_view ending;
};
// WordNet's morphy detachment rules (morph.c), in its order.
constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

// Closed-class words: determiners, prepositions, pronouns, conjunctions.
constexpr std::string_view kFunctionWords[] = {
    "a",       "an",       "the",      "this",    "that",    "these",     "those",      "some",
    "any",     "no",       "every",    "each",    "all",     "both",      "either",     "neither",
    "another", "such",     "of",       "in",      "on",      "at",        "to",         "for",
    "with",    "by",       "from",     "about",   "into",    "onto",      "over",       "after",
    "before",  "between",  "against",  "during",  "without", "under",     "through",    "among",
    "amongst", "across",   "since",    "until",   "upon",    "within",    "near",       "via",
    "per",     "despite",  "towards",  "toward",  "around",  "behind",    "beyond",     "along",
    "amid",    "i",        "you",      "he",      "she",     "it",        "we",         "they",
    "me",      "him",      "her",      "us",      "them",    "my",        "your",       "his",
    "its",     "our",      "their",    "mine",    "yours",   "hers",      "ours",       "theirs",
    "myself",  "yourself", "himself",  "herself", "itself",  "ourselves", "themselves", "who",
    "whom",    "whose",    "which",    "what",    "and",     "or",        "but",        "nor",
    "if",      "because",  "although", "though",  "while",   "whereas",   "unless",     "whether",
    "than",    "as",       "not",      "'s",      "'d"};

// Verb-only irregular readings that would mislead in news text ("ground troops").
constexpr std::string_view kNotVerbForms[] = {"ground", "wound", "evening"};

// English clitics split by the tokenizer.
struct Clitic {
  std::string_view form, lemma;
  uint8_t tags;
};
constexpr Clitic kClitics[] = {{"n't", "not", kTagFunctionWord},
                               {"'re", "be", kTagVerb},
                               {"'m", "be", kTagVerb},
                               {"'ve", "have", kTagVerb},
                               {"'ll", "will", kTagVerb}};

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view w) {
  for (std::string_view x : set) {
    if (x == w) return true;
  }
  return false;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// First rule whose result is a WordNet lemma of `pos`, or "".
template <size_t N>
std::string ByRules(const EnglishLexicon::WordNet& wn, std::string_view w, const Rule (&rules)[N],
                    uint8_t pos) {
  for (const Rule& r : rules) {
    if (w.size() <= r.suffix.size() || !EndsWith(w, r.suffix)) continue;
    std::string cand(w.substr(0, w.size() - r.suffix.size()));
    cand += r.ending;
    if (cand.size() >= 2 && (wn.Pos(cand) & pos)) return cand;
  }
  return {};
}

// The lemma WordNet gives `w` as a noun, or "". Regular plurals first: WordNet lists many
// plurals as nouns of their own ("years", "days", "things") which news text means as the
// plural; then the form itself ("data", "news"), then the exceptions ("children").
std::string NounLemma(const EnglishLexicon::WordNet& wn, std::string_view w) {
  if (EndsWith(w, "s")) {
    std::string singular = ByRules(wn, w, kNounRules, kNoun);
    if (!singular.empty()) return singular;
  }
  if (wn.Pos(w) & kNoun) return std::string(w);
  if (const std::string* e = wn.Exception(kExcNoun, w)) return *e;
  return ByRules(wn, w, kNounRules, kNoun);
}

std::string AdjLemma(const EnglishLexicon::WordNet& wn, std::string_view w) {
  if (wn.Pos(w) & kAdj) return std::string(w);
  if (const std::string* e = wn.Exception(kExcAdj, w)) return *e;
  return ByRules(wn, w, kAdjRules, kAdj);
}

// True when some reading of `w` as `pos` has `lemma` (identity, exception or rule).
template <size_t N>
bool HasLemma(const EnglishLexicon::WordNet& wn, std::string_view w, std::string_view lemma,
              uint8_t pos, int exc, const Rule (&rules)[N]) {
  if (!(wn.Pos(lemma) & pos)) return false;
  if (w == lemma) return true;
  if (const std::string* e = wn.Exception(exc, w); e && *e == lemma) return true;
  for (const Rule& r : rules) {
    if (w.size() > r.suffix.size() && EndsWith(w, r.suffix) &&
        lemma.size() == w.size() - r.suffix.size() + r.ending.size() &&
        lemma.substr(0, w.size() - r.suffix.size()) == w.substr(0, w.size() - r.suffix.size()) &&
        EndsWith(lemma, r.ending)) {
      return true;
    }
  }
  return false;
}

bool Morphy(const EnglishLexicon::WordNet& wn, std::string_view w, Reading* out) {
  const uint8_t pos = wn.Pos(w);
  const bool verbs = !In(kNotVerbForms, w);
  auto with_others = [&](std::string lemma, uint8_t tags) {
    if (HasLemma(wn, w, lemma, kNoun, kExcNoun, kNounRules)) tags |= kTagNoun;
    if (HasLemma(wn, w, lemma, kAdj, kExcAdj, kAdjRules)) tags |= kTagAdjective;
    out->lemma = std::move(lemma);
    out->tags = tags;
    return true;
  };
  if (verbs) {
    if (const std::string* e = wn.Exception(kExcVerb, w)) {
      bool participle =
          EndsWith(w, "ed") || EndsWith(w, "en") || EndsWith(w, "wn") || EndsWith(w, "ne");
      return with_others(*e, kTagVerb | (participle ? kTagPastParticiple : 0));
    }
    if (pos & kVerb) return with_others(std::string(w), kTagVerb);
    std::string v = ByRules(wn, w, kVerbRules, kVerb);
    if (!v.empty()) {
      bool participle = EndsWith(w, "ed");
      return with_others(std::move(v), kTagVerb | (participle ? kTagPastParticiple : 0));
    }
  }
  std::string n = NounLemma(wn, w);
  if (!n.empty()) return with_others(std::move(n), kTagNoun);
  std::string a = AdjLemma(wn, w);
  if (!a.empty()) return with_others(std::move(a), kTagAdjective);
  if (pos & kAdv) {
    out->lemma = std::string(w);
    out->tags = 0;
    return true;
  }
  return false;
}

// Hunspell's stem for words WordNet lacks, when it only strips an inflection ("fl:D"
// past, "fl:G" -ing, "fl:S" plural or 3rd person) and keeps the word's beginning.
bool HunspellStem(Hunspell* h, const std::string& surface, std::string_view folded, Reading* out) {
  for (const std::string& a : h->analyze(surface)) {
    size_t st = a.find("st:");
    size_t fl = a.find("fl:");
    if (st == std::string::npos || fl == std::string::npos || fl + 3 >= a.size()) continue;
    size_t st_end = a.find(' ', st);
    std::string stem = Fold(std::string_view(a).substr(st + 3, st_end - st - 3));
    char flag = a[fl + 3];
    if (flag != 'D' && flag != 'G' && flag != 'S') continue;
    size_t common = 0;
    while (common < stem.size() && common < folded.size() && stem[common] == folded[common]) {
      ++common;
    }
    if (stem == folded || stem.size() < 3 || common + 1 < stem.size()) continue;
    out->lemma = std::move(stem);
    out->tags = flag == 'D' ? (kTagVerb | kTagPastParticiple) : flag == 'G' ? kTagVerb : 0;
    return true;
  }
  return false;
}

bool AllUpper(std::string_view s) {
  int letters = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextCodePoint(s, &i);
    if (IsLower(cp)) return false;
    letters += IsUpper(cp);
  }
  return letters >= 2;
}

// Reads the first column of a WordNet file (index.* or *.exc) into `fn(first, second)`.
template <typename Fn>
Status ReadColumns(const std::string& path, Fn fn) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the licence header is indented
    size_t a = line.find(' ');
    if (a == std::string::npos) continue;
    size_t b = line.find(' ', a + 1);
    std::string_view first(line.data(), a);
    std::string_view second(line.data() + a + 1,
                            (b == std::string::npos ? line.size() : b) - a - 1);
    // Multi-word lemmas ("united_states") never match a single token.
    if (first.find('_') != std::string_view::npos) continue;
    fn(first, second);
  }
  return Status::OK();
}

}  // namespace

EnglishLexicon::EnglishLexicon(std::unique_ptr<Hunspell> hunspell, std::unique_ptr<WordNet> wordnet)
    : hunspell_(std::move(hunspell)), wordnet_(std::move(wordnet)) {}
EnglishLexicon::~EnglishLexicon() = default;

Result<std::unique_ptr<EnglishLexicon>> EnglishLexicon::Open(const std::string& hunspell_dir,
                                                             const std::string& wordnet_dir) {
  const std::string aff = hunspell_dir + "/en_US.aff";
  const std::string dic = hunspell_dir + "/en_US.dic";
  VIGIE_RETURN_IF_ERROR(RequireFiles({aff, dic}, "hunspell-en-us"));
  const std::string wn = wordnet_dir + "/";
  VIGIE_RETURN_IF_ERROR(
      RequireFiles({wn + "index.noun", wn + "index.verb", wn + "index.adj", wn + "index.adv",
                    wn + "noun.exc", wn + "verb.exc", wn + "adj.exc"},
                   "wordnet-base"));
  auto wordnet = std::make_unique<WordNet>();
  wordnet->index.reserve(160000);
  const std::pair<const char*, uint8_t> indexes[] = {
      {"index.noun", kNoun}, {"index.verb", kVerb}, {"index.adj", kAdj}, {"index.adv", kAdv}};
  for (const auto& [file, file_bit] : indexes) {
    const uint8_t bit = file_bit;  // clang 14 cannot capture a structured binding
    VIGIE_RETURN_IF_ERROR(ReadColumns(wn + file, [&](std::string_view lemma, std::string_view) {
      auto it = wordnet->index.find(lemma);
      if (it == wordnet->index.end()) it = wordnet->index.emplace(std::string(lemma), 0).first;
      it->second |= bit;
    }));
  }
  const char* exc_files[] = {"noun.exc", "verb.exc", "adj.exc"};
  for (int k = 0; k < 3; ++k) {
    VIGIE_RETURN_IF_ERROR(
        ReadColumns(wn + exc_files[k], [&](std::string_view form, std::string_view lemma) {
          if (wordnet->exc[k].find(form) == wordnet->exc[k].end()) {
            wordnet->exc[k].emplace(std::string(form), std::string(lemma));
          }
        }));
  }
  if (wordnet->Pos("talk") == 0 || wordnet->exc[kExcVerb].empty()) {
    return Status::Corruption("WordNet files in " + wordnet_dir + " hold no lemmas");
  }
  auto h = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  if (!h->spell(std::string("house"))) {
    return Status::Corruption("hunspell could not read " + aff + " / " + dic);
  }
  return std::unique_ptr<EnglishLexicon>(new EnglishLexicon(std::move(h), std::move(wordnet)));
}

LexEntry EnglishLexicon::Lookup(std::string_view word) {
  LexEntry out;
  std::string folded = Fold(word);
  out.main.lemma = folded;
  for (const Clitic& c : kClitics) {
    if (folded == c.form) {
      out.main.lemma = std::string(c.lemma);
      out.main.tags = c.tags;
      return out;
    }
  }
  const bool acronym = AllUpper(word);  // "US", "IT", "WHO" are names, not pronouns
  if (!acronym && In(kFunctionWords, folded)) {
    out.main.tags = kTagFunctionWord;
    return out;
  }
  if (folded.empty() || word.size() > 100) return out;
  std::string surface;
  surface.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    size_t b = i;
    char32_t cp = NextCodePoint(word, &i);
    if (IsApostrophe(cp)) {
      surface.push_back('\'');
    } else {
      surface.append(word.substr(b, i - b));
    }
  }
  // Hunspell calls cost microseconds each: ask as few as the answer needs. A capitalised
  // word is a name when only its capitalised form is in en_US ("NATO", "Paris").
  size_t p = 0;
  bool proper = false;
  int known = -1;  // whether hunspell knows `surface`; -1 not asked yet
  if (IsUpper(NextCodePoint(surface, &p))) {
    std::string lower = surface;
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (!hunspell_->spell(lower)) {
      known = hunspell_->spell(surface);
      proper = known == 1;
    }
  }
  // A capitalised word that hunspell knows in neither case is a name it lacks ("Dorsa",
  // "Lavrov"): WordNet's rules would only mangle it ("Dorsa" -> dorsum).
  if (known == 0) return out;
  if (proper) {
    // "Americans" -> american; "Paris" stays paris.
    std::string n = NounLemma(*wordnet_, folded);
    if (!n.empty()) out.main.lemma = std::move(n);
    out.main.tags = kTagProperNoun;
    return out;
  }
  Reading r;
  if (Morphy(*wordnet_, folded, &r)) {
    out.main = std::move(r);
    return out;
  }
  if (known < 0) known = hunspell_->spell(surface);
  if (known && HunspellStem(hunspell_.get(), surface, folded, &r)) out.main = std::move(r);
  return out;
}

}  // namespace vigie::text
