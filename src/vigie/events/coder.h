#pragma once
// The event coder: matches dictionary patterns in a sentence whose actors are known, finds
// the source and target by light clause analysis (subject, passive agent, coordination,
// participial openings, quotations and their speaker), decides the modality from cues, and
// resolves the date and place. No parser: rules over tokens, lemmas and mentions.

#include <span>
#include <string>
#include <vector>

#include "vigie/actors/mention.h"
#include "vigie/events/cameo.h"
#include "vigie/events/dictionary.h"
#include "vigie/events/event.h"
#include "vigie/text/token.h"

namespace vigie::events {

struct SentenceInfo {
  std::string doc_id;
  uint32_t index = 0;    // sentence number in the document
  std::string doc_date;  // "YYYY-MM-DD" or ""
  std::string lang;      // "fr" or "en"
  bool comment = false;  // from a reader comment
};

// What the coder did with one sentence, for `vigie code --explain`.
struct Trace {
  std::vector<std::string> clauses;  // the clauses as text
  std::vector<std::string> rules;    // every rule tried and what became of it
};

class Coder {
 public:
  // The dictionaries and the table must outlive the coder.
  Coder(const Dictionary& fr, const Dictionary& en, const CameoTable& cameo)
      : fr_(fr), en_(en), cameo_(cameo) {}

  std::vector<Event> Code(const text::Sentence& sentence, std::span<const actors::Mention> mentions,
                          const SentenceInfo& info, Trace* trace = nullptr) const;

 private:
  const Dictionary& fr_;
  const Dictionary& en_;
  const CameoTable& cameo_;
};

}  // namespace vigie::events
