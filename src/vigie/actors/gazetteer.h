#pragma once
// The gazetteer: every name of an actor or place vigie knows, loaded from the TSV files of
// data/gazetteer/ (format in doc/gazetteer.md), indexed by folded token sequence so that a
// sentence is matched with one hash lookup per token.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/base/strings.h"
#include "vigie/text/token.h"

namespace vigie::actors {

enum class EntryType : uint8_t {
  kCountry,
  kDemonym,
  kCapital,
  kMetonym,
  kOrg,
  kGroup,
  kPerson,
  kRole,
  kPlace,
};

// "country", "demonym", ...; nullptr for an unknown name.
const char* EntryTypeName(EntryType t);

struct Entry {
  EntryType type = EntryType::kCountry;
  std::string lang;  // "fr", "en" or "*"
  std::string form;  // as written in the file
  std::string country;
  std::string org;
  std::string role;
  std::string name;
  double lat = 0;
  double lon = 0;
  bool has_coords = false;
  std::string from;  // "YYYY-MM-DD" or ""
  std::string to;
  int64_t rank = 0;
  // A relation word ("ami", "partenaire", "homologue", "counterpart", type `relation` in the
  // files): a role whose holder is the other party of the relation. Its owner is the
  // demonym beside it ("nos amis algériens" are Algeria's), never a "de" complement ("les
  // alliés de la Russie" are not Russia), and alone it names nobody.
  bool relation = false;
  bool proper = false;     // the form starts with a capital: the text must too
  bool acronym = false;    // the form is all capitals ("UA", "US"): the text must be too
  uint32_t file_line = 0;  // for --explain and error messages
  uint16_t file = 0;       // index into Gazetteer::files()

  bool AppliesTo(std::string_view lang_code) const {
    return lang == "*" || lang_code.empty() || lang == lang_code;
  }
  // True when the entry holds on `date` ("YYYY-MM-DD"; "" means "now": only open entries).
  bool HoldsOn(std::string_view date) const;
};

// A gazetteer match: tokens [first, last) of a sentence name the entries `entries`.
struct Match {
  uint32_t first = 0;
  uint32_t last = 0;
  std::span<const uint32_t> entries;
};

class Gazetteer {
 public:
  // Loads every *.tsv file of `dir` in name order. Malformed lines are skipped and reported
  // in `warnings` ("data/gazetteer/x.tsv:12: expected 12 columns, got 9"); an unreadable
  // directory or an empty gazetteer is an error.
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& dir,
                                                 std::vector<std::string>* warnings = nullptr);
  // Adds entries from TSV text (tests, user extensions); `source` names it in warnings.
  void AddTsv(std::string_view tsv, const std::string& source, std::vector<std::string>* warnings);

  // Every match starting at token `i` (longest first), entries filtered by nothing.
  void MatchesAt(std::span<const text::Token> tokens, uint32_t i, std::vector<Match>* out) const;

  // Spellings of a known person's name that differ from the gazetteer's only in doubled
  // letters or y/i ("Bourrita" for Bourita, "Zelenskiy" for Zelensky), as transliterated
  // names are written in the news: matches of person entries at token `i`, longest first.
  // Only capitalised words of four letters or more take part.
  void PersonVariantsAt(std::span<const text::Token> tokens, uint32_t i,
                        std::vector<Match>* out) const;

  // Descriptions of a kind of state that stand for a country named elsewhere: "le royaume",
  // "the kingdom", "l'émirat", "la République islamique". Derived from the official names
  // of the country entries ("Royaume du Maroc", "Kingdom of Morocco", "Islamic Republic of
  // Iran"): the words before the "de"/"of" when they say monarchy or theocracy. Matches at
  // token `i`, each with the country entries of every state so described.
  void StateDescriptionsAt(std::span<const text::Token> tokens, uint32_t i,
                           std::vector<Match>* out) const;

  // A phrase whose first word is `head` continued by tokens[start...]: how a role split by a
  // demonym resumes ("ministre" + "russe" + "des Affaires étrangères"). Returns the number
  // of tokens matched after `start` (0 when none) and the phrase's entries in `entries`.
  uint32_t TailAt(std::string_view head, std::span<const text::Token> tokens, uint32_t start,
                  std::span<const uint32_t>* entries) const;

  const Entry& entry(uint32_t id) const { return entries_[id]; }
  size_t size() const { return entries_.size(); }
  const std::vector<std::string>& files() const { return files_; }
  // Longest entry in tokens: bounds the matcher's look-ahead.
  uint32_t max_tokens() const { return max_tokens_; }

 private:
  struct Phrase {
    std::vector<std::string> tail;  // folded tokens after the first
    std::vector<uint32_t> entries;
  };
  using PhraseIndex = str::StringMap<std::vector<Phrase>>;
  void Add(Entry e);
  void IndexDescription(const std::vector<text::Token>& tokens, size_t skip, uint32_t id);
  static void Index(const std::vector<std::string>& norms, uint32_t id, PhraseIndex* index);
  template <bool kVariants>
  static void MatchIn(const PhraseIndex& index, std::span<const text::Token> tokens, uint32_t i,
                      std::vector<Match>* out);

  std::vector<Entry> entries_;
  std::vector<std::string> files_;
  // First folded token -> phrases starting with it, longest tail first.
  PhraseIndex index_;
  PhraseIndex person_variants_;     // people's names by SpellingKey
  PhraseIndex state_descriptions_;  // "royaume", "islamic republic" -> country entries
  uint32_t max_tokens_ = 0;
};

}  // namespace vigie::actors
