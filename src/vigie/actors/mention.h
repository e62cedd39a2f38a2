#pragma once
// An actor or a place found in a sentence, resolved to codes (DESIGN.md's actor fields).

#include <cstdint>
#include <optional>
#include <string>

namespace vigie::actors {

enum class MentionKind : uint8_t { kActor, kPlace };

// What an actor is, independently of where it was mentioned.
struct Actor {
  std::string code;     // CAMEO-style: country + role ("RUSGOV"), or org ("NATO")
  std::string country;  // ISO 3166-1 alpha-3, "" when none
  std::string org;      // upper-case English acronym for non-state actors ("NATO"), or ""
  std::string role;     // "GOV", "MIL", "REB", "SPY", "COP", "OPP", ... or ""
  std::string name;     // canonical English name ("Russia", "Sergey Lavrov")
  // The actor's key for dyads and scoring: country, else org.
  const std::string& Key() const { return country.empty() ? org : country; }
};

// The CAMEO-style code of `a`: country + role ("RUSGOV"), else the org ("NATO"), else the
// bare role.
inline std::string ActorCode(const Actor& a) {
  if (!a.country.empty()) return a.country + a.role;
  if (!a.org.empty()) return a.org;
  return a.role;
}

struct Mention {
  MentionKind kind = MentionKind::kActor;
  uint32_t first_token = 0;  // [first_token, last_token) in Sentence::tokens
  uint32_t last_token = 0;
  uint32_t begin = 0;  // byte span in Sentence::text
  uint32_t end = 0;
  uint32_t cp_begin = 0;  // code point span in Sentence::text
  uint32_t cp_end = 0;
  std::string text;  // the words as written, with a leading article ("le Mali")
  Actor actor;
  std::optional<double> lat;  // places only
  std::optional<double> lon;
  // Places only: introduced as a location ("à Tin Zaouatine", "in Paris", "near Kidal"), so it
  // can say where an event happened. A place name met elsewhere is often a person's or a
  // month's ("Bill Clinton", "a March 14 release"): GeoNames has towns called both.
  bool locative = false;
  // Actors only: a bare role after a possessive ("ses forces", "their troops"). Its owner is
  // whoever the possessive refers to, so it takes neither the sentence's location nor the
  // document's owner of the role.
  bool possessed = false;
  std::string entry;  // gazetteer entry that matched, for --explain
};

}  // namespace vigie::actors
