#pragma once
// Event pattern dictionaries and modality cues (data/events/*.dict, *.cues; the format is in
// doc/dictionaries.md), parsed into rules indexed by their anchor word.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/base/strings.h"
#include "vigie/events/cameo.h"

namespace vigie::events {

enum class ElementKind : uint8_t { kWord, kOptional, kGap, kSource, kTarget };

struct Element {
  ElementKind kind = ElementKind::kWord;
  // kWord / kOptional: alternatives, each a sequence of folded tokens ("d'apres" is two).
  std::vector<std::vector<std::string>> alternatives;
  uint8_t gap = 0;  // kGap: up to this many tokens
};

struct Rule {
  std::string id;     // "fr.rompre_relations"
  std::string cameo;  // "161"
  std::vector<Element> elements;
  uint32_t anchor = 0;  // index of the first required word: the rule is tried there
  uint32_t words = 0;   // required words, to prefer the longest pattern
  std::string source;   // file:line, for --explain
  std::string pattern;  // as written
  bool has_source_slot = false;
  bool has_target_slot = false;
};

enum class CueKind : uint8_t { kNegation, kReported, kSpeculative, kReportVerb, kBoundary };
const char* CueKindName(CueKind k);

// A cue is matched like a rule without slots: `rule` holds its pattern and anchor.
struct Cue {
  CueKind kind = CueKind::kNegation;
  Rule rule;
};

class Dictionary {
 public:
  // Loads `<dir>/<lang>.dict` and `<dir>/<lang>.cues`. Bad lines are skipped with a warning
  // naming the file and line; a missing file or a dictionary without rules is an error.
  static Result<std::unique_ptr<Dictionary>> Load(const std::string& dir, const std::string& lang,
                                                  const CameoTable& cameo,
                                                  std::vector<std::string>* warnings);

  Dictionary(std::string lang) : lang_(std::move(lang)) {}
  void AddRules(std::string_view text, const std::string& file, const CameoTable& cameo,
                std::vector<std::string>* warnings);
  void AddCues(std::string_view text, const std::string& file, std::vector<std::string>* warnings);

  // Rules whose anchor word can be `folded` (a token's lemma or norm).
  std::span<const uint32_t> RulesFor(std::string_view folded) const;
  const Rule& rule(uint32_t id) const { return rules_[id]; }
  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<Cue>& cues() const { return cues_; }
  // Cues whose anchor word can be `folded`.
  std::span<const uint32_t> CuesFor(std::string_view folded) const;
  const std::string& lang() const { return lang_; }

 private:
  using AnchorIndex = str::StringMap<std::vector<uint32_t>>;
  // Sets the rule's anchor, word count and slot flags; false when it has no required word.
  static bool Anchor(Rule* r);
  static void Index(const Rule& r, uint32_t id, AnchorIndex* index);

  std::string lang_;
  std::vector<Rule> rules_;
  std::vector<Cue> cues_;
  AnchorIndex by_anchor_;
  AnchorIndex cue_by_anchor_;
};

// Parses a pattern ("rompre (*2) relation|lien avec T") into elements; `allow_slots` is false
// for cues. Returns an error message, or "" on success.
std::string ParsePattern(std::string_view pattern, bool allow_slots, std::vector<Element>* out);

}  // namespace vigie::events
