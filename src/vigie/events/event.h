#pragma once
// One coded event: DESIGN.md's `vigie code` object.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigie/actors/mention.h"

namespace vigie::events {

enum class Modality : uint8_t { kAsserted, kNegated, kReported, kSpeculative };
const char* ModalityName(Modality m);  // "asserted", "negated", "reported", "speculative"
// The modality a name gives, or nullopt for an unknown name.
std::optional<Modality> ParseModality(std::string_view name);

struct Location {
  std::string name;
  std::string country;
  double lat = 0;
  double lon = 0;
};

struct Event {
  std::string doc_id;
  uint32_t sentence = 0;  // index of the sentence in the document
  std::string text;       // the sentence
  std::string date;       // "YYYY-MM-DD" resolved from the text and the document date, or ""
  std::string lang;
  actors::Actor source;
  std::string source_text;  // the words naming the source ("le Mali")
  actors::Actor target;
  std::string target_text;
  std::string cameo;  // "161"
  std::string root;   // "16"
  int quad = 0;       // 1..4
  double goldstein = 0;
  Modality modality = Modality::kAsserted;
  std::optional<Location> location;
  uint32_t evidence_begin = 0;  // code points in `text`
  uint32_t evidence_end = 0;
  std::string rule;           // dictionary rule id ("fr.rompre_relations")
  bool from_comment = false;  // coded from a reader comment, not the article body
};

}  // namespace vigie::events
